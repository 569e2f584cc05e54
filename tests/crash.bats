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

# Durability follows git's own setting, read as git reads core.fsync: by
# default git flushes neither loose objects nor the index nor refs, and
# samv flushes nothing either (its writes stay atomic); when the setting
# names any of them, samv flushes the journal, the record, the objects,
# the index and the branch ref. strace -y is the witness: it names the
# file of every fsync.
@test "fsync only when core.fsync asks for what a commit writes, as git" {
	command -v strace >/dev/null || { echo "strace is missing (tools/deps.sh check installs it)"; return 1; }
	J=$BATS_TEST_TMPDIR/j
	samv init "$J" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	cd "$J"
	samv meeting new fredagsgruppen 2022-05-20 >/dev/null
	n=0
	synced() {	# the files one samv agenda add flushes, one per line
		n=$((n + 1))
		strace -f -qq -y -e trace=fsync,fdatasync -o "$BATS_TEST_TMPDIR/st" \
			"$SAMV_BUILD/bin/samv-agenda" add fredagsgruppen/2022-05-20 \
			--title "punkt $n" --minutes 1 >/dev/null
		sed -n 's/.*sync([0-9]*<\([^>]*\)>.*/\1/p' "$BATS_TEST_TMPDIR/st"
	}
	all_five() {
		printf '%s\n' "$1" | grep -q 'samv-journal' &&
		printf '%s\n' "$1" | grep -q 'meetings/fredagsgruppen/2022-05-20.yaml' &&
		printf '%s\n' "$1" | grep -q '/objects/' &&
		printf '%s\n' "$1" | grep -q '\.git/index$' &&
		printf '%s\n' "$1" | grep -q 'refs/heads/'
	}
	[ -z "$(synced)" ]
	for v in added all committed reference index loose-object objects \
	    ref loose "added,none" "index,-index" "-index,ref" "pack, index"; do
		git config core.fsync "$v"
		got=$(synced)
		all_five "$got" || { echo "core.fsync=$v flushed only:"; echo "$got"; return 1; }
	done
	for v in pack "pack,commit-graph" "-index" "-all" none "derived-metadata"; do
		git config core.fsync "$v"
		[ -z "$(synced)" ] || { echo "core.fsync=$v flushed files"; return 1; }
	done
	git config core.fsync none
	git config core.fsyncObjectFiles true
	all_five "$(synced)"
	git fsck --strict >/dev/null
	[ -z "$(git status --porcelain)" ]
	[ "$(git log --oneline | wc -l)" -ge 21 ]
}
