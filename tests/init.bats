#!/usr/bin/env bats
# samv init: a new governance repository and its first commit, via libgit2.

load lib

@test "init creates the directory, the repository and one commit" {
	run -0 samv init "$BATS_TEST_TMPDIR/svom" --name "SVOM Jämtland" --language en
	[ "$output" = "Initialized samv repository in $BATS_TEST_TMPDIR/svom" ]
	cd "$BATS_TEST_TMPDIR/svom"
	[ "$(git rev-list --count HEAD)" = 1 ]
	[ "$(git log -1 --format='%an <%ae> %ad' --date=iso)" = \
	  "Sara Sekreterare <sara@example.org> 2021-10-08 12:00:00 +0200" ]
	[ "$(git log -1 --format=%s)" = "samv: init SVOM Jämtland" ]
	F=$BATS_TEST_TMPDIR/files
	git ls-files > "$F"
	grep -qx samv.yaml "$F"
	grep -qx bodies/.gitkeep "$F"
	grep -qx .samv/schema/meeting.schema.json "$F"
	[ -z "$(git status --porcelain)" ]
	grep -qx 'name: SVOM Jämtland' samv.yaml
	grep -qx 'language: en' samv.yaml
	head -1 samv.yaml | grep -q '^# yaml-language-server: \$schema=.samv/schema/samv.schema.json$'
	run -0 samv check
	git fsck --strict
}

@test "init without a directory uses the current one and its name" {
	mkdir "$BATS_TEST_TMPDIR/Reko"
	cd "$BATS_TEST_TMPDIR/Reko"
	run -0 samv init
	grep -qx 'name: Reko' samv.yaml
	grep -qx 'language: sv' samv.yaml
}

@test "init quotes a name that YAML would otherwise misread" {
	run -0 samv init "$BATS_TEST_TMPDIR/r" --name "yes"
	grep -qx 'name: "yes"' "$BATS_TEST_TMPDIR/r/samv.yaml"
	run -0 samv init "$BATS_TEST_TMPDIR/r2" --name "a: b # c"
	cd "$BATS_TEST_TMPDIR/r2"
	run -0 samv check
	python3 -c 'import yaml,sys; assert yaml.safe_load(open("samv.yaml"))["name"] == "a: b # c"'
}

@test "init refuses an existing samv repository and changes nothing" {
	samv init "$BATS_TEST_TMPDIR/r"
	cd "$BATS_TEST_TMPDIR/r"
	cp samv.yaml before
	run -3 samv init .
	[[ "$output" == *"already a samv repository"* ]]
	cmp samv.yaml before
	[ "$(git rev-list --count HEAD)" = 1 ]
}

@test "init without any identity fails clearly and commits nothing" {
	unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
	run -3 samv init "$BATS_TEST_TMPDIR/r"
	[[ "$output" == *"no author identity: set user.name and user.email"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/r" ]
}

@test "init takes the identity from git config when the environment has none" {
	unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
	git config --global user.name "Kim Konfig"
	git config --global user.email kim@example.org
	run -0 samv init "$BATS_TEST_TMPDIR/r"
	cd "$BATS_TEST_TMPDIR/r"
	[ "$(git log -1 --format='%an <%ae>')" = "Kim Konfig <kim@example.org>" ]
	[ "$(git log -1 --format='%ad' --date=iso)" = "2021-10-08 12:00:00 +0200" ]
}

@test "init in an existing git repository leaves the user's staged work alone" {
	git init -q "$BATS_TEST_TMPDIR/r"
	cd "$BATS_TEST_TMPDIR/r"
	echo "draft" > notes.txt
	git add notes.txt
	echo "more" >> notes.txt
	run -0 samv init . --name Test
	[ "$(git log -1 --format=%s)" = "samv: init Test" ]
	run ! git cat-file -e HEAD:notes.txt
	[ "$(git diff --cached --name-only)" = "notes.txt" ]
	[ "$(git show :notes.txt)" = "draft" ]
	[ "$(cat notes.txt)" = "$(printf 'draft\nmore')" ]
	[ "$(git status --porcelain)" = "AM notes.txt" ]
}

@test "init --from copies a template's records and they check clean" {
	run -0 samv init "$BATS_TEST_TMPDIR/j" --from "$SAMV_SRC/examples/jamtland"
	cd "$BATS_TEST_TMPDIR/j"
	[ -f bodies/fredagsgruppen.yaml ]
	[ -f decisions/svom/2021/009.yaml ]
	[ -z "$(git status --porcelain)" ]
	run -0 samv check
	[ -z "$output" ]
}

@test "init --from does not mix with --name" {
	run -2 samv init "$BATS_TEST_TMPDIR/x" --from "$SAMV_SRC/examples/jamtland" --name X
	[ ! -e "$BATS_TEST_TMPDIR/x/samv.yaml" ]
}

@test "init rejects an unknown language" {
	run -2 samv init "$BATS_TEST_TMPDIR/x" --language de
	[[ "$output" == *"unknown language 'de'"* ]]
}

@test "init in an existing repository honours its own identity" {
	unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
	git init -q "$BATS_TEST_TMPDIR/r"
	git -C "$BATS_TEST_TMPDIR/r" config user.name "Lokal Identitet"
	git -C "$BATS_TEST_TMPDIR/r" config user.email lokal@example.org
	run -0 samv init "$BATS_TEST_TMPDIR/r"
	[ "$(git -C "$BATS_TEST_TMPDIR/r" log -1 --format='%an')" = "Lokal Identitet" ]
}
