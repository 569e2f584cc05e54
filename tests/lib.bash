# lib.bash - shared set-up for samv's bats tests (TAP through prove)

bats_require_minimum_version 1.5.0

SAMV_SRC=${SAMV_SRC:-$(cd "$BATS_TEST_DIRNAME/.." && pwd)}
SAMV_BUILD=${SAMV_BUILD:-$SAMV_SRC/build}
SAMV=$SAMV_BUILD/bin/samv
# make check-valgrind: every samv run, and $MEMCHECK PROGRAM for the test
# programs, under valgrind memcheck
MEMCHECK=
if [ -n "${SAMV_VALGRIND:-}" ]; then
	export SAMV_BUILD
	SAMV=$SAMV_SRC/tests/valgrind-samv
	MEMCHECK=$SAMV_SRC/tests/valgrind-run
fi

# skip_under_valgrind: for tests whose timing valgrind makes meaningless
skip_under_valgrind() {
	[ -z "${SAMV_VALGRIND:-}" ] || skip "timing-dependent; not under valgrind"
}
FIXTURES=$SAMV_SRC/tests/fixtures

# A private HOME and a fixed identity and clock: tests never read the
# developer's git config and always make the same commits.
export HOME=$BATS_TEST_TMPDIR/home
mkdir -p "$HOME"
export GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Sara Sekreterare"
export GIT_AUTHOR_EMAIL="sara@example.org"
export GIT_AUTHOR_DATE="2021-10-08T12:00:00+02:00"
export GIT_COMMITTER_NAME="Sara Sekreterare"
export GIT_COMMITTER_EMAIL="sara@example.org"
export GIT_COMMITTER_DATE="2021-10-08T12:00:00+02:00"
export SAMV_TODAY=2021-10-10
unset SAMV_EXEC_PATH

samv() {
	"$SAMV" "$@"
}

# mini DIR: a copy of the minimal valid repository (not a git repository).
mini() {
	cp -R "$FIXTURES/mini" "$1"
}

# line_of FILE PATTERN: the line number of the first line matching.
line_of() {
	grep -n -m1 -- "$2" "$1" | cut -d: -f1
}

# expect_finding OUTPUT_FILE PATH LINE RULE: one finding with that place.
expect_finding() {
	if ! grep -q -- "^$2:$3:[0-9]*: \(error\|warning\): .* \[$4\]\$" "$1"; then
		echo "expected $2:$3:*: ... [$4] in:" >&2
		cat "$1" >&2
		return 1
	fi
}

# aged_example DIR: the example region as a samv repository in DIR, its
# files a second older than the next command, so that the caches trust
# their stat data at once (stat data younger than a second is racy).
aged_example() {
	samv init "$1" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	( cd "$1" && find . -path ./.git -prune -o -type f \
	    -exec touch -d '2022-01-01 12:00' {} + )
	sleep 1.1
}

# setup_aged_example: a test's setup for the caches' tests: J, an aged
# example region, as the current directory, on 2022-05-01.
setup_aged_example() {
	J=$BATS_TEST_TMPDIR/j
	aged_example "$J"
	cd "$J"
	export SAMV_TODAY=2022-05-01
}
