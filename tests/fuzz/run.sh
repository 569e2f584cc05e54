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
	fuzz_cache)
		# real cache files of the example region, made by the normal
		# build (same sources, same build id), else a minimal seed
		printf '\000' > "$corpus/empty-trees"
		printf '\001' > "$corpus/empty-check"
		if [ -x "$top/build/bin/samv" ]; then
			tmp=$(mktemp -d)
			( cd "$tmp" && SAMV_TODAY=2022-05-01 GIT_AUTHOR_NAME=f \
			    GIT_AUTHOR_EMAIL=f@f "$top/build/bin/samv" init r \
			    --from "$top/examples/jamtland" >/dev/null &&
			  cd r && find . -path ./.git -prune -o -type f \
			    -exec touch -d '2022-01-01' {} + && sleep 1.1 &&
			  SAMV_TODAY=2022-05-01 "$top/build/bin/samv" check >/dev/null;
			  SAMV_TODAY=2022-05-01 "$top/build/bin/samv" report \
			    followup >/dev/null ) 2>/dev/null
			[ -f "$tmp/r/.git/samv/check-worktree.cache" ] &&
			    { printf '\001'; cat "$tmp/r/.git/samv/check-worktree.cache"; } > "$corpus/check"
			for c in "$tmp"/r/.git/samv/trees/*.cache; do
				[ -f "$c" ] && { printf '\000'; cat "$c"; } > "$corpus/trees-$(basename "$c")"
			done
			rm -rf "$tmp"
		fi ;;
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
