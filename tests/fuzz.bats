#!/usr/bin/env bats
# Every input a fuzzer ever crashed samv with stays a test: the fuzz
# targets' entry points replayed without libFuzzer (make fuzz finds new ones).

load lib

replay() {	# replay TARGET FILES...
	local t=$1
	shift
	run -0 $MEMCHECK "$SAMV_BUILD/replay/$t" "$@"
}

@test "fuzz_loader: regressions and the example records" {
	replay fuzz_loader $(find "$SAMV_SRC/examples" -name '*.yaml') \
		$(find "$SAMV_SRC/tests/fuzz/regress/fuzz_loader" -type f ! -name .keep)
}

@test "fuzz_schema: regressions" {
	files=$(find "$SAMV_SRC/tests/fuzz/regress/fuzz_schema" -type f ! -name .keep)
	[ -n "$files" ] || skip "no regressions recorded"
	replay fuzz_schema $files
}

@test "fuzz_ids: regressions" {
	files=$(find "$SAMV_SRC/tests/fuzz/regress/fuzz_ids" -type f ! -name .keep)
	[ -n "$files" ] || skip "no regressions recorded"
	replay fuzz_ids $files
}

@test "fuzz_repo: regressions (a decision extract without its body was a use after free)" {
	replay fuzz_repo $(find "$SAMV_SRC/tests/fuzz/regress/fuzz_repo" -type f ! -name .keep)
	[[ "$output" == *"replayed"* ]]
}

@test "fuzz_cache: damaged cache files of every kind are refused, and regressions" {
	printf '\000garbage' > "$BATS_TEST_TMPDIR/t1"
	printf '\001garbage' > "$BATS_TEST_TMPDIR/t2"
	# a tree cache entry that claims a huge text and a deep tree
	printf '\000\001\000\000\000\000\000\000\000a\000' > "$BATS_TEST_TMPDIR/t3"
	replay fuzz_cache "$BATS_TEST_TMPDIR"/t1 "$BATS_TEST_TMPDIR"/t2 \
	    "$BATS_TEST_TMPDIR"/t3 \
	    $(find "$SAMV_SRC/tests/fuzz/regress/fuzz_cache" -type f ! -name .keep)
}

@test "fuzz_cache: a map key refused for its style leaves no value read from the wrong place" {
	# found by make fuzz: the value was read from the middle of the key,
	# and a count of 1.6 billion children was allocated (13 GB)
	f=$SAMV_SRC/tests/fuzz/regress/fuzz_cache/map-key-refused-then-value-misread
	case "$SAMV_BUILD:${MEMCHECK:-}" in
	*build-san*|*:?*)	# sanitizers and valgrind need more address space
		replay fuzz_cache "$f" ;;
	*)
		run -0 bash -c 'ulimit -v 1000000; exec "$0" "$1"' \
		    "$SAMV_BUILD/replay/fuzz_cache" "$f" ;;
	esac
	[[ "$output" == *"replayed 1 input"* ]]
}
