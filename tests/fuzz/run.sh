#!/bin/sh
# run.sh BUILD SECONDS TARGET... - run each fuzz target for SECONDS on a
# corpus seeded from the examples; print the executions; keep crashes.
set -u
b=$1 secs=$2
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
total=0 failed=0
for t in "$@"; do
	corpus=$b/corpus/$t
	mkdir -p "$corpus" "$top/tests/fuzz/regress/$t"
	case $t in
	fuzz_loader)
		find "$top/examples" "$top/tests/fixtures" -name '*.yaml' -exec cp {} "$corpus/" \; ;;
	fuzz_schema)
		i=0
		for f in $(find "$top/examples/jamtland" -name '*.yaml' | sort | head -40); do
			i=$((i + 1))
			case $f in
			*/samv.yaml) k='\000' ;; */bodies/*) k='\001' ;; */meetings/*) k='\002' ;;
			*/decisions/*) k='\003' ;; *) k='\004' ;;
			esac
			{ printf "$k"; cat "$f"; } > "$corpus/seed$i"
		done ;;
	fuzz_ids)
		printf 'decisions/svom/2021/009.yaml' > "$corpus/a"
		printf 'meetings/svom/2021-10-08-2.yaml' > "$corpus/b"
		printf 'svom/2021/\302\2479' > "$corpus/c"
		printf '19811218-9876' > "$corpus/d" ;;
	fuzz_repo)
		( cd "$top/tests/fixtures/mini" && for f in $(find . -name '*.yaml' | sort); do
			printf '=== %s\n' "${f#./}"; cat "$f"; done ) > "$corpus/mini" ;;
	esac
	cp "$top/tests/fuzz/regress/$t/"* "$corpus/" 2>/dev/null
	log=$b/fuzz-$t.log
	"$b/fuzz/$t" -max_total_time="$secs" -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix="$top/tests/fuzz/regress/$t/" \
	    "$corpus" > "$log" 2>&1
	rc=$?
	n=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
	[ -n "$n" ] || n=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
	echo "$t: ${n:-0} executions, exit $rc"
	total=$((total + ${n:-0}))
	[ "$rc" -eq 0 ] || { failed=1; tail -30 "$log"; }
done
echo "fuzzing: $total executions in all"
exit $failed
