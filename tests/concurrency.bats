#!/usr/bin/env bats
# Eight writers, 25 operations each, on one repository: every operation
# lands or exits 75 having changed nothing; the records equal the
# operations that landed; fsck and status stay clean. Under valgrind,
# four writers of three operations: memcheck on the contended paths.

load lib

if [ -n "${SAMV_VALGRIND:-}" ]; then WRITERS=4 OPS=3; else WRITERS=8 OPS=25; fi

setup() {
	J=$BATS_TEST_TMPDIR/j
	samv init "$J" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	cd "$J"
	export SAMV_TODAY=2022-05-01
	samv meeting new fredagsgruppen 2022-05-20 --start 09:00 --end 17:00 >/dev/null
	samv meeting new fredagsgruppen 2022-06-10 --start 09:00 --end 17:00 >/dev/null
}

writer() {	# writer N: $OPS operations, half on a shared meeting
	local n=$1 k m rc
	set +e	# bats runs tests under set -e: an exit 75 would end the writer
	for k in $(seq 1 $OPS); do
		if [ $((k % 2)) = 0 ]; then m=fredagsgruppen/2022-05-20; else m=fredagsgruppen/2022-06-10; fi
		SAMV_LOCK_TIMEOUT=20 "$SAMV" agenda add "$m" --title "W$n op $k" --minutes 1 >/dev/null 2>&1
		rc=$?
		echo "$rc $m W$n op $k" >> "$BATS_TEST_TMPDIR/ops.$n"
	done
}

@test "8 writers x 25 operations: each lands or exits 75; nothing lost" {
	for n in $(seq 1 $WRITERS); do
		writer $n &
	done
	wait
	cat "$BATS_TEST_TMPDIR"/ops.* > "$BATS_TEST_TMPDIR/ops"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/ops")" = $((WRITERS * OPS)) ]
	run ! grep -v '^\(0\|75\) ' "$BATS_TEST_TMPDIR/ops"
	python3 - "$BATS_TEST_TMPDIR/ops" <<'PY'
import sys, yaml
landed = {}
for line in open(sys.argv[1]):
    rc, m, title = line.rstrip("\n").split(" ", 2)
    landed.setdefault(m, set())
    if rc == "0":
        landed[m].add(title)
for m, want in landed.items():
    body, date = m.split("/")
    items = yaml.safe_load(open("meetings/%s/%s.yaml" % (body, date)))["agenda"]["items"]
    got = {i["title"] for i in items}
    assert got == want, (m, sorted(got ^ want))
print("landed:", sum(len(v) for v in landed.values()))
PY
	[ "$(git log --format=%s | grep -c '^samv: agenda fredagsgruppen/2022-0')" = "$(grep -c '^0 ' "$BATS_TEST_TMPDIR/ops")" ]
	git fsck --strict 2>&1
	[ -z "$(git status --porcelain)" ]
	run -0 samv check
}
