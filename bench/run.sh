#!/bin/sh
# run.sh - the benchmark of issue #7: make bench [QUICK=1].
#
# On generated governance repositories (bench/gen.py) of 1 000, 10 000 and
# 100 000 records (QUICK=1: 1 000 and 10 000), side by side: the parse and
# I/O floors (bench/floor.c), samv check cold / warm / after one change,
# git status, the Python peer (bench/peer.py), a one-record commit by samv
# and by the git CLI, samv report followup and samv agenda new. Every run
# goes through bench/rusage.c (wall time, ru_maxrss); the table shows
# medians and the peak memory of the runs, and ends with one line of ratios.
# Results: stdout and build/bench/last.md.
#
# Environment: QUICK=1 for the quick run; BENCH_SIZES="1000 ..." and
# BENCH_BIG=N override the sizes (the big size must be one of them).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
B=$top/build/bench
SAMV=$B/bin/samv	# a copy of build/bin, see below
PY=/usr/bin/python3
CC=${CC:-cc}
QUICK=${QUICK:-}
[ "$QUICK" = 0 ] && QUICK=

if [ -n "$QUICK" ]; then
	sizes=${BENCH_SIZES:-"1000 10000"}
	big=${BENCH_BIG:-10000}
else
	sizes=${BENCH_SIZES:-"1000 10000 100000"}
	big=${BENCH_BIG:-100000}
fi
commit_sizes="1000 $big"
[ "$big" = 1000 ] && commit_sizes=1000

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

start=$(date +%s)

# --- tools -----------------------------------------------------------------
[ -x "$PY" ] || die "$PY not found (Debian python3)"
"$PY" -c 'import yaml, jsonschema; yaml.CSafeLoader' 2>/dev/null ||
	die "$PY lacks PyYAML with libyaml or jsonschema: sh tools/deps.sh check"
if [ -z "${MAKELEVEL:-}" ]; then	# make bench has built it already
	say "building samv (make all)"
	make -s -C "$top" all >&2
fi
mkdir -p "$B"
# A snapshot of the binaries (samv runs samv-COMMAND from its own
# directory), so that a rebuild of build/ during the run cannot mix
# versions or remove a command under a measurement.
rm -rf "${B:?}/bin"
cp -R "$top/build/bin" "$B/bin"
samv_version=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$top" status --porcelain -- lib cmd Makefile 2>/dev/null)" ]; then
	samv_version="$samv_version + uncommitted changes in lib/ cmd/ Makefile"
fi
"$CC" -O2 -Wall -Wextra -o "$B/floor" "$top/bench/floor.c" \
	$(pkg-config --cflags --libs yaml-0.1)
"$CC" -O2 -Wall -Wextra -o "$B/rusage" "$top/bench/rusage.c"
RUSAGE=$B/rusage
# the least a libgit2 program does to commit one file: samv's floor
"$CC" -O2 -Wall -Wextra -std=c11 -D_POSIX_C_SOURCE=200809L -I"$top/lib" \
	-o "$B/commitfloor" "$top/bench/commitfloor.c" "$top/lib/gitinit.c" \
	$(pkg-config --cflags --libs libgit2)

# A fixed identity for the git CLI and for samv (libgit2), and no user or
# system git configuration that could change what git does.
export GIT_AUTHOR_NAME="samv bench" GIT_AUTHOR_EMAIL=bench@samv.invalid
export GIT_COMMITTER_NAME="samv bench" GIT_COMMITTER_EMAIL=bench@samv.invalid
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE 2>/dev/null || true
# Reports as of a fixed day (gen.py's AS_OF): reproducible output.
export SAMV_TODAY=2024-01-15
unset VISUAL EDITOR 2>/dev/null || true

genkey=$(sha1sum "$top/bench/gen.py" | cut -c1-12)
res=$B/results
rm -rf "$res"
mkdir -p "$res"

# --- one tree per size, cached by N and gen.py's hash -----------------------
tree_for() {	# N -> sets $tree and $base
	n=$1
	tree=$B/tree-$n-$genkey
	for old in "$B"/tree-"$n"-*; do
		if [ -e "$old" ] && [ "$old" != "$tree" ]; then
			rm -rf "$old"
		fi
	done
	if [ ! -f "$tree/.git/samv-bench-base" ]; then
		say "$n: generating the repository (gen.py, git init/add/commit/gc)"
		rm -rf "$tree"
		got=$("$PY" "$top/bench/gen.py" "$n" "$tree")
		[ "$got" = "$n" ] || die "gen.py wrote $got records, not $n"
		git -C "$tree" init -q
		git -C "$tree" config user.name "$GIT_AUTHOR_NAME"
		git -C "$tree" config user.email "$GIT_AUTHOR_EMAIL"
		# no gc --auto in the middle of a measurement
		git -C "$tree" config gc.auto 0
		git -C "$tree" add -A
		git -C "$tree" -c user.name="$GIT_AUTHOR_NAME" \
			-c user.email="$GIT_AUTHOR_EMAIL" commit -q \
			-m "bench: $n generated records"
		git -C "$tree" gc -q
		git -C "$tree" rev-parse HEAD > "$tree/.git/samv-bench-base"
	fi
	base=$(cat "$tree/.git/samv-bench-base")
}

# measure ROW N CMD... : one run in $tree, appended to $res/N/ROW as
# "SECONDS MAXRSS_KIB STATUS"; the child's stderr is kept in ROW.err.
measure() {
	row=$1 n=$2
	shift 2
	line=$("$RUSAGE" -C "$tree" -O "$res/$n/$row.out" -E "$res/$n/$row.err" \
		-- "$@") || true
	[ -n "$line" ] || line="0 0 125"
	echo "$line" >> "$res/$n/$row"
	last_rc=${line##* }
	if [ "$last_rc" != 0 ]; then
		say "$n: $row FAILED (exit $last_rc): $*"
		sed -n '1,5s/^/bench:   /p' "$res/$n/$row.err" >&2
	fi
}

# fail ROW N WHY: mark the last run of ROW as failed.
fail() {
	printf '0 0 99\n' >> "$res/$2/$1"
	printf '%s\n' "$3" >> "$res/$2/$1.err"
	say "$2: $1 FAILED: $3"
}

# runs ROW N MAX: how many runs ROW gets. MAX (5 for quick commands, 3 for
# samv check and Python), but at most 3 when the first run took over 1 s
# and only that one when it took over 10 s: the full run stays within
# about a quarter of an hour whether samv is slow or fast today. A first
# run under 0.1 s gets three times MAX: the median of a command of a few
# milliseconds needs more runs against this machine's noise, and costs
# nothing.
runs() {
	if [ -s "$res/$2/$1" ]; then
		awk -v max="$3" 'NR == 1 {
			r = max
			if ($1 > 10) r = 1; else if ($1 > 1 && r > 3) r = 3
			else if ($1 < 0.1) r = 3 * max
			print r }' "$res/$2/$1"
	else
		echo "$3"
	fi
}

repeat() {	# repeat MAX ROW N CMD...
	max=$1
	shift
	k=1
	while [ $k -le "$(runs "$1" "$2" "$max")" ]; do
		measure "$@"
		k=$((k + 1))
	done
}

bench_size() {
	n=$1
	tree_for "$n"
	mkdir -p "$res/$n"
	fast=5 slow=3
	gitdir=$(git -C "$tree" rev-parse --absolute-git-dir)
	# back to the generated state, whatever an earlier run left
	git -C "$tree" reset -q --hard "$base"
	git -C "$tree" clean -qfd
	rm -rf "$gitdir/samv"
	git -C "$tree" status --porcelain > /dev/null
	"$B/floor" read "$tree" > /dev/null	# page cache warm

	say "$n: floors"
	repeat $fast floor-read "$n" "$B/floor" read
	repeat $fast floor-parse "$n" "$B/floor" parse

	say "$n: samv check cold"
	k=1
	while [ $k -le "$(runs check-cold "$n" $slow)" ]; do
		rm -rf "$gitdir/samv"
		measure check-cold "$n" "$SAMV" check
		k=$((k + 1))
	done
	say "$n: samv check warm"
	"$SAMV" -C "$tree" check > /dev/null 2>&1 || true	# fill
	repeat $slow check-warm "$n" "$SAMV" check

	say "$n: samv check after one file changed"
	mf=$(cd "$tree" && ls meetings/body-1/*.yaml | head -n 1)
	cp "$tree/$mf" "$res/$n/changed.orig"
	k=1
	while [ $k -le "$(runs check-changed "$n" $slow)" ]; do
		# different content (and length) every run
		pad=$(printf "%${k}s" "" | tr ' ' '+')
		sed "s/^    - title: Mötet öppnas\$/    - title: Mötet öppnas $pad/" \
			"$res/$n/changed.orig" > "$tree/$mf"
		if cmp -s "$tree/$mf" "$res/$n/changed.orig"; then
			die "could not change $mf"
		fi
		measure check-changed "$n" "$SAMV" check
		k=$((k + 1))
	done
	cp "$res/$n/changed.orig" "$tree/$mf"

	say "$n: git status"
	git -C "$tree" status > /dev/null
	repeat $fast git-status "$n" git status

	say "$n: python peer"
	repeat $slow python "$n" "$PY" "$top/bench/peer.py" "$top/schema" .

	say "$n: samv report followup"
	# a first, untimed run fills the tree cache (as for check warm): the
	# rows are what a coordinator sees every day after the first
	(cd "$tree" && "$SAMV" report followup > /dev/null 2>&1 &&
	    "$SAMV" agenda new body-1 2024-03-01 --no-edit > /dev/null 2>&1 &&
	    git reset -q --hard "$base") || true
	repeat $fast report "$n" "$SAMV" report followup
	if [ "$last_rc" = 0 ] && [ ! -s "$res/$n/report.out" ]; then
		fail report "$n" "empty report"
	fi
	repeat $fast report-body "$n" "$SAMV" report followup --body body-10
	if [ "$last_rc" = 0 ] && [ ! -s "$res/$n/report-body.out" ]; then
		fail report-body "$n" "empty report"
	fi

	say "$n: samv agenda new"
	k=1
	while [ $k -le "$(runs agenda "$n" $fast)" ]; do
		h0=$(git -C "$tree" rev-parse HEAD)
		measure agenda "$n" "$SAMV" agenda new body-1 \
			"2024-02-$(printf %02d $k)" --no-edit
		h1=$(git -C "$tree" rev-parse HEAD)
		if [ "$h0" != "$h1" ]; then
			git -C "$tree" reset -q --hard "$h0"
		elif [ "$last_rc" = 0 ]; then
			fail agenda "$n" "samv agenda new exited 0 but made no commit"
		fi
		k=$((k + 1))
	done

	case " $commit_sizes " in *" $n "*) ;; *) return 0 ;; esac
	say "$n: one-record commit, samv vs git"
	aid=$(cd "$tree" && grep -l '^status: ongoing' assignments/body-1/*/*.yaml |
		head -n 1)
	aid=${aid#assignments/}
	aid=${aid%.yaml}
	mtg=$(cd "$tree" && ls meetings/body-1/*.yaml | tail -n 1)
	mtg=${mtg#meetings/}
	mtg=${mtg%.yaml}
	gf=$(cd "$tree" && ls assignments/body-2/*/*.yaml | head -n 1)
	k=1
	while [ $k -le "$(runs commit-samv "$n" $fast)" ]; do
		h0=$(git -C "$tree" rev-parse HEAD)
		measure commit-samv "$n" "$SAMV" assign report "$aid" \
			--meeting "$mtg" --summary "Lägesrapport $k"
		if [ "$last_rc" = 0 ] &&
		    [ "$(git -C "$tree" rev-parse HEAD)" = "$h0" ]; then
			fail commit-samv "$n" "samv assign report made no commit"
		fi
		sed -i "s/^follow_up: .*/follow_up: Följs upp vid ordinarie möte ($k)./" \
			"$tree/$gf"
		measure commit-git "$n" sh -c 'git add -- "$1" && git commit -q -m "$2"' \
			sh "$gf" "bench: $gf ($k)"
		measure commit-floor "$n" "$B/commitfloor" "$tree" "$gf" \
			"$(sed "s/^follow_up: .*/follow_up: Golv ($k)./" "$tree/$gf")"
		k=$((k + 1))
	done
	# cheap sanity: nothing left over, the object database is sound
	{
		st=$(git -C "$tree" status --porcelain)
		if [ -n "$st" ]; then
			echo "FAILED: git status --porcelain not clean: $st" | head -n 5
		elif ! git -C "$tree" fsck --no-dangling --no-progress \
		    > "$res/$n/fsck.out" 2>&1; then
			echo "FAILED: git fsck: $(head -n 3 "$res/$n/fsck.out")"
		else
			echo "ok"
		fi
	} > "$res/$n/sanity"
	if [ "$(cat "$res/$n/sanity")" != ok ]; then
		say "$n: sanity $(cat "$res/$n/sanity")"
	fi
	git -C "$tree" reset -q --hard "$base"
}

for n in $sizes; do
	bench_size "$n"
done

# --- the machine -------------------------------------------------------------
{
	echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) ($(nproc) cores online)"
	echo "memory: $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
	echo "kernel: $(uname -sr)"
	echo "file system of build/bench: $(stat -f -c %T "$B")"
	echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "samv: $samv_version (when the run started)"
	echo "cc: $("$CC" --version | head -n 1)"
	echo "libyaml $(pkg-config --modversion yaml-0.1), libgit2 $(pkg-config --modversion libgit2), cmark-gfm $(pkg-config --modversion libcmark-gfm)"
	git --version
	echo "python $("$PY" -c 'import sys, yaml; from importlib.metadata import version; print(sys.version.split()[0], "PyYAML", yaml.__version__, "jsonschema", version("jsonschema"))')"
} > "$res/machine"

end=$(date +%s)
echo "$((end - start))" > "$res/seconds"
"$PY" "$top/bench/table.py" "$res" "$B/last.md" "$big" "$sizes" \
	"$commit_sizes" "${QUICK:+quick}"
