#!/usr/bin/env bats
# samv check's cache: a second run reads only what changed, and a
# change anywhere the rules looked is seen; a damaged or foreign cache
# is ignored, never trusted.

load lib

setup() {
	setup_aged_example
}

# cold OUT: the findings with no cache, for comparison
cold() {
	samv check --no-cache > "$1" || true
}

@test "a second check takes every body from the cache and reads no file" {
	run -0 samv check --stats
	[[ "$output" == *"0 of 15 bodies from the cache"* ]]
	run -0 samv check --stats
	[[ "$output" == *"0 files read, 15 of 15 bodies from the cache"* ]]
	[ -f .git/samv/check-worktree.cache ]
}

@test "a check that finds nothing changed leaves the cache file alone" {
	samv check >/dev/null
	samv check >/dev/null
	c=.git/samv/check-worktree.cache
	before=$(stat -c '%i %Y %s' $c)
	sleep 1.1
	samv check >/dev/null
	[ "$(stat -c '%i %Y %s' $c)" = "$before" ]
	# a changed file is written down, and the next check reads nothing
	echo "# note" >> decisions/svom/2021/009.yaml
	sleep 1.1	# past the racy second of its change
	samv check >/dev/null
	[ "$(stat -c '%i %Y %s' $c)" != "$before" ]
	run -0 samv check --stats
	[[ "$output" == *"0 files read, 15 of 15 bodies from the cache"* ]]
}

@test "an edit that keeps size and mtime is still seen" {
	samv check >/dev/null
	f=decisions/svom/2021/009.yaml
	m=$(stat -c %y "$f")
	sed -i 's/^number: 9$/number: 8/' "$f"
	touch -d "$m" "$f"
	run -1 samv check --stats
	[[ "$output" == *"decisions/svom/2021/009.yaml:"*"[path-id]"* ]]
	[[ "$output" == *" 14 of 15 bodies from the cache"* ]]
	cold cold.txt
	samv check > warm.txt || true
	diff cold.txt warm.txt
}

@test "a body another body's records point at: its removal is seen there" {
	samv check >/dev/null
	grep -q '^to: svom$' decisions/fredagsgruppen/2021/013.yaml
	git rm -q bodies/svom.yaml
	run -1 samv check
	[[ "$output" == *"decisions/fredagsgruppen/2021/013.yaml:"*"body 'svom' does not exist [ref]"* ]]
	cold cold.txt
	samv check > warm.txt || true
	diff cold.txt warm.txt
}

@test "a change of samv.yaml or of the year checks everything again" {
	samv check >/dev/null
	run -0 samv check --stats
	[[ "$output" == *"15 of 15 bodies from the cache"* ]]
	# the rules look at the year only: another day of it keeps the cache
	SAMV_TODAY=2022-05-02 run -0 samv check --stats
	[[ "$output" == *"15 of 15 bodies from the cache"* ]]
	SAMV_TODAY=2023-01-02 run -0 samv check --stats
	[[ "$output" == *" 0 of 15 bodies from the cache"* ]]
	sed -i 's/^  - id: are$/  - id: aare/' samv.yaml
	run -1 samv check --stats
	[[ "$output" == *" 0 of 15 bodies from the cache"* ]]
	[[ "$output" == *"[ref]"* ]]
}

@test "a damaged cache is ignored and replaced" {
	samv check > first.txt
	c=.git/samv/check-worktree.cache
	# flip bytes in the middle: the checksum no longer holds
	size=$(stat -c %s $c)
	printf 'XXXXXXXX' | dd of=$c bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
	run -0 samv check --stats
	[[ "$output" == *"cache ignored"* ]]
	[[ "$output" == *" 0 of 15 bodies from the cache"* ]]
	run -0 samv check --stats
	[[ "$output" == *"15 of 15 bodies from the cache"* ]]
	# truncated, empty, or not ours at all
	head -c 100 $c > t && mv t $c
	run -0 samv check --stats
	[[ "$output" == *" 0 of 15 bodies from the cache"* ]]
	: > $c
	run -0 samv check
	echo "samv-check-cache 1" > $c
	run -0 samv check
}

@test "findings come back from the cache exactly as they were found" {
	sed -i 's/^  published: 2021-10-01$/  published: 2021-10-06/' meetings/svom/2021-10-08.yaml
	sed -i 's/^status: given$/status: begun/' assignments/fredagsgruppen/2021/fast-lakarkontakt-information-till-medborgarna.yaml
	touch -d '2022-01-01 12:00' meetings/svom/2021-10-08.yaml assignments/fredagsgruppen/2021/*.yaml
	sleep 1.1
	cold cold.txt
	samv check > warm1.txt || true
	run -1 samv check --stats
	[[ "$output" == *"15 of 15 bodies from the cache"* ]]
	samv check > warm2.txt || true
	diff cold.txt warm1.txt
	diff cold.txt warm2.txt
	grep -q '\[agenda-lead-time\]' warm2.txt
	grep -q '\[schema\]' warm2.txt
}

@test "--rev keeps its own cache, keyed by blob ids" {
	run -0 samv check --rev HEAD --stats
	[[ "$output" == *" 0 of 15 bodies from the cache"* ]]
	run -0 samv check --rev HEAD --stats
	[[ "$output" == *"0 files read, 15 of 15 bodies from the cache"* ]]
	sed -i 's/^number: 9$/number: 8/' decisions/svom/2021/009.yaml
	git commit -qam "fel nummer"
	run -1 samv check --rev HEAD --stats
	[[ "$output" == *"14 of 15 bodies from the cache"* ]]
	[[ "$output" == *"[path-id]"* ]]
	run -0 samv check --rev HEAD~1
}

@test "a repository that is not in git is checked without a cache" {
	rm -rf .git
	run -0 samv check --stats
	[[ "$output" == *" 0 of 15 bodies from the cache"* ]]
	run -0 samv check --stats
	[[ "$output" == *" 0 of 15 bodies from the cache"* ]]
}
