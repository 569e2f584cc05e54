#!/usr/bin/env bats
# The tree cache of reports and agenda new: what it hands back is what
# the files say now, or it is not used; a damaged cache is ignored.

load lib

setup() {
	setup_aged_example
}

A=assignments/fredagsgruppen/2021/fast-lakarkontakt-information-till-medborgarna.yaml

@test "a report made from the cache is the report made from the files" {
	SAMV_NO_CACHE=1 samv report followup > fresh.md
	samv report followup > first.md
	ls .git/samv/trees/*.cache >/dev/null
	samv report followup > second.md
	diff fresh.md first.md
	diff fresh.md second.md
	SAMV_NO_CACHE=1 samv report followup --format json > fresh.json
	samv report followup --format json > cached.json
	diff fresh.json cached.json
}

@test "every report read body by body from the cache is the report made from the files" {
	for r in "followup" "followup --body svom" "overdue --as-of 2022-12-31" \
	    "overdue --body fredagsgruppen --as-of 2022-12-31" "calendar --as-of 2021-09-20 --days 120" \
	    "recommendations" "compliance --year 2021" \
	    "plan fredagsgruppen/2021/nara-vard-plan"; do
		SAMV_NO_CACHE=1 samv report $r > fresh.md
		samv report $r > first.md
		samv report $r > second.md
		[ "$(wc -l < fresh.md)" -gt 8 ] || { echo "$r: short"; return 1; }
		diff fresh.md first.md || { echo "$r: first"; return 1; }
		diff fresh.md second.md || { echo "$r: second"; return 1; }
	done
}

@test "an edit that keeps size and mtime is seen by the next report" {
	samv report followup > before.md
	grep -q 'medborgarna om fast läkarkontakt' before.md
	m=$(stat -c %y "$A")
	sed -i 's/^title: Information till medborgarna om fast läkarkontakt/title: Information till medborgarna om fast läkarKontakt/' "$A"
	touch -d "$m" "$A"
	samv report followup > after.md
	grep -q 'medborgarna om fast läkarKontakt' after.md
	SAMV_NO_CACHE=1 samv report followup > fresh.md
	diff fresh.md after.md
}

@test "a damaged or foreign tree cache is ignored" {
	samv report followup > want.md
	for c in .git/samv/trees/*.cache; do
		size=$(stat -c %s "$c")
		printf 'XXXX' | dd of="$c" bs=1 seek=$((size / 3)) conv=notrunc 2>/dev/null
	done
	samv report followup > got.md
	diff want.md got.md
	for c in .git/samv/trees/*.cache; do
		head -c 40 "$c" > t && mv t "$c"
	done
	samv report followup > got2.md
	diff want.md got2.md
	printf 'samv-trees 3\n' > .git/samv/trees/svom.assignment.cache
	samv report overdue > /dev/null
}

@test "agenda new finds another body's assignment that reports to it, also when it changes" {
	samv meeting list > /dev/null
	# an assignment filed under svom that reports back to fredagsgruppen
	mkdir -p assignments/svom/2022
	cat > assignments/svom/2022/nutrition-kartlaggning.yaml <<'YAML'
title: Kartläggning av nutritionsarbetet
body: svom
given: 2022-02-01
assignee:
  body: fredagsgruppen
task: Kartlägg huvudmännens nutritionsarbete.
reporting: Skriftligt till Fredagsgruppen.
report_to: svom
due: 2022-04-01
status: ongoing
YAML
	touch -d '2022-01-01 12:00' assignments/svom/2022/nutrition-kartlaggning.yaml
	git add -A && git commit -qm "uppdrag"
	sleep 1.1
	# first run fills the cache with report_to: svom
	samv agenda new fredagsgruppen 2022-05-20 --no-edit > /dev/null
	run ! grep -q 'Kartläggning av nutritionsarbetet' meetings/fredagsgruppen/2022-05-20.yaml
	git reset -q --hard HEAD~1
	# now it reports to fredagsgruppen; size and mtime kept
	f=assignments/svom/2022/nutrition-kartlaggning.yaml
	m=$(stat -c %y "$f")
	sed -i 's/^report_to: svom$/report_to: fredagsgruppen/' "$f"
	touch -d "$m" "$f"
	git commit -qam "till fredagsgruppen"
	samv agenda new fredagsgruppen 2022-05-20 --no-edit > /dev/null
	grep -q 'Återrapportering: Kartläggning av nutritionsarbetet' meetings/fredagsgruppen/2022-05-20.yaml
}

@test "SAMV_NO_CACHE leaves no cache behind" {
	SAMV_NO_CACHE=1 samv report followup > /dev/null
	SAMV_NO_CACHE=1 samv check > /dev/null
	[ ! -e .git/samv ]
}
