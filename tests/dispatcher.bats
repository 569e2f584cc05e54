#!/usr/bin/env bats
# The dispatcher: samv COMMAND runs samv-COMMAND, as git does.

load lib

@test "samv --help lists the commands with a summary each" {
	run -0 samv --help
	[[ "$output" == *"usage: samv [-C DIR]"* ]]
	[[ "$output" == *"  init "*"create a governance repository"* ]]
	[[ "$output" == *"  check "*"check records"* ]]
}

@test "samv --version prints the version" {
	run -0 samv --version
	[[ "$output" =~ ^samv\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "an unknown command is a clear error with exit 2" {
	run -2 samv frobnicate
	[ "$output" = "samv: 'frobnicate' is not a samv command; see 'samv --help'" ]
}

@test "a command name cannot smuggle a path" {
	run -2 samv ../../bin/sh
	[[ "$output" == *"is not a samv command"* ]]
}

@test "no command prints usage and exits 2" {
	run -2 samv
	[[ "$output" == *"usage: samv"* ]]
}

@test "-C DIR runs the command in DIR" {
	mini "$BATS_TEST_TMPDIR/r"
	run -0 samv -C "$BATS_TEST_TMPDIR/r" check
	run -3 samv -C "$BATS_TEST_TMPDIR" check
	[[ "$output" == *"not a samv repository"* ]]
	run -3 samv -C "$BATS_TEST_TMPDIR/missing" check
	[[ "$output" == *"cannot change to"* ]]
}

@test "external samv-NAME commands on PATH are found" {
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	printf '#!/bin/sh\necho "hello from plugin: $*"\n' > "$BATS_TEST_TMPDIR/bin/samv-hello"
	chmod +x "$BATS_TEST_TMPDIR/bin/samv-hello"
	PATH="$BATS_TEST_TMPDIR/bin:$PATH" run -0 samv hello a b
	[ "$output" = "hello from plugin: a b" ]
}

@test "samv COMMAND --help shows the command's options" {
	run -0 samv check --help
	[[ "$output" == *"usage: samv check [OPTIONS] [PATH ...]"* ]]
	[[ "$output" == *"--rev REV"* ]]
	[[ "$output" == *"--format text|json"* ]]
}

@test "a bad option is a usage error (exit 2) with a hint" {
	run -2 samv check --bogus
	[[ "$output" == *"samv check: unknown option '--bogus'"* ]]
	[[ "$output" == *"Try 'samv check --help'"* ]]
}

@test "samv help COMMAND shows the manual page" {
	MANPAGER=cat MANWIDTH=80 run -0 samv help check
	[[ "$output" == *"EXIT STATUS"* ]]
	[[ "$output" == *"personnummer"* ]]
	MANPAGER=cat run -0 samv help records
	[[ "$output" == *"assignments/"* ]]
}

@test "samv works when installed under a PREFIX, from its libexec dir" {
	make -s -C "$SAMV_SRC" install PREFIX="$BATS_TEST_TMPDIR/inst" \
		B="${SAMV_BUILD#$SAMV_SRC/}" >/dev/null
	[ -x "$BATS_TEST_TMPDIR/inst/libexec/samv/samv-check" ]
	[ ! -e "$BATS_TEST_TMPDIR/inst/bin/samv-check" ]
	mini "$BATS_TEST_TMPDIR/r"
	cd "$BATS_TEST_TMPDIR/r"
	PATH=/usr/bin:/bin run -0 "$BATS_TEST_TMPDIR/inst/bin/samv" check
	MANPAGER=cat run -0 "$BATS_TEST_TMPDIR/inst/bin/samv" help init
	[[ "$output" == *"EXIT STATUS"* ]]
}
