#!/usr/bin/env bats
# Crash safety: a writing command killed with SIGKILL at random moments.
# After each kill: git fsck clean, the record holds its old or its new
# content, and the next command works (its journal puts back a change cut
# short and clears the locks the dead process left), leaving no temp file.
# Under valgrind, which makes samv some hundred times slower: five kills,
# spread over seconds instead of milliseconds.

load lib

@test "SIGKILL at random points never corrupts, loses or blocks" {
	if [ -n "${SAMV_VALGRIND:-}" ]; then kills=5; else kills=30; fi
	J=$BATS_TEST_TMPDIR/j
	samv init "$J" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	cd "$J"
	export SAMV_TODAY=2022-05-01
	F=meetings/fredagsgruppen/2022-05-20.yaml
	samv meeting new fredagsgruppen 2022-05-20 >/dev/null
	for i in $(seq 1 $kills); do
		"$SAMV" agenda add fredagsgruppen/2022-05-20 --title "K$i" --minutes 1 >/dev/null 2>&1 &
		p=$!
		if [ -n "${SAMV_VALGRIND:-}" ]; then
			sleep "$((RANDOM % 4)).$((RANDOM % 10))"
		else
			sleep "0.0$((RANDOM % 40))"
		fi
		kill -9 $p 2>/dev/null || true
		wait $p 2>/dev/null || true
		git fsck --strict >/dev/null 2>&1 || { echo "fsck failed after kill $i"; return 1; }
		SAMV_LOCK_TIMEOUT=10 run "$SAMV" agenda add fredagsgruppen/2022-05-20 --title "ok$i" --minutes 1
		[ "$status" -eq 0 ] || { echo "next command failed after kill $i: $output"; return 1; }
		[ -z "$(ls meetings/fredagsgruppen/ | grep samv-tmp)" ] || { echo "temp file left after $i"; return 1; }
		[ -z "$(git status --porcelain)" ] || { git status --porcelain; return 1; }
	done
	run -0 samv check
	# every acknowledged operation is there, in the committed history too
	for i in $(seq 1 $kills); do
		grep -qx "  - title: ok$i" $F || grep -q "title: ok$i\$" $F || { echo "lost ok$i"; return 1; }
	done
	[ "$(git show HEAD:$F | grep -c 'title: ok')" = $kills ]
}
