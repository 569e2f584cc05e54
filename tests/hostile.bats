#!/usr/bin/env bats
# Hostile ids and content: nothing written outside the repository, no
# active content in HTML, no raw escapes on the terminal, no personnummer.

load lib

setup() {
	J=$BATS_TEST_TMPDIR/j
	samv init "$J" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	cd "$J"
	export SAMV_TODAY=2022-05-01
}

@test "hostile ids are refused before they become paths" {
	long=$(printf 'a%.0s' $(seq 1 10000))
	for id in "../../etc/2021-10-08" "/etc/2021-10-08" "svom/../../x" "svom/2021-10-08/.." \
	    "svom/2021-10-08/../../../tmp/x" "$long/2021-10-08" "$(printf 'sv\tom/2021-10-08')" \
	    "$(printf 'svom\033[31m/2021-10-08')" "SVOM/2021-10-08" "svom/2021-13-45"; do
		run samv agenda show "$id"
		[ "$status" -eq 2 ] || { echo "id '$id' gave $status: $output"; return 1; }
		[[ "$output" != *$'\033'* ]] || { echo "raw escape echoed"; return 1; }
	done
	for b in "../x" "/tmp" "a/b" "$long" "Svom" "-x"; do
		run samv meeting new "$b" 2022-05-20
		[ "$status" -eq 2 ] || { echo "body '$b' gave $status"; return 1; }
	done
	run samv decide "svom/2021-10-08/../../x" 1 --text x
	[ "$status" -eq 2 ]
	run samv protocol extract "svom/2021/../../9"
	[ "$status" -eq 2 ]
	run samv decision adopt "svom/2021/9/../10" --principal berg --status adopted
	[ "$status" -eq 2 ]
	[ -z "$(git status --porcelain)" ]
	[ ! -e "$BATS_TEST_TMPDIR/tmp" ]
}

@test "a record naming a path as a reference is only a dangling reference" {
	sed -i 's#^meeting: svom/2021-02-26$#meeting: ../../../etc/passwd#' decisions/svom/2021/009.yaml
	run -1 samv check
	[[ "$output" == *"decisions/svom/2021/009.yaml:"*"[schema]"* ]]
}

@test "samv never writes through a symlinked folder out of the repository" {
	mkdir "$BATS_TEST_TMPDIR/outside"
	git rm -rq meetings/lokal-arena-ostersund
	git commit -qm "flytt"
	ln -s "$BATS_TEST_TMPDIR/outside" meetings/lokal-arena-ostersund
	run samv meeting new lokal-arena-ostersund 2023-06-01
	[ "$status" -ne 0 ]
	[ -z "$(ls -A "$BATS_TEST_TMPDIR/outside")" ]
	run -1 samv check
	[[ "$output" == *"meetings/lokal-arena-ostersund: error: symbolic link"* ]]
}

@test "titles and texts cannot put active content into any HTML page" {
	evil='<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="javascript:x">y</a> | ] *'
	samv meeting new fredagsgruppen 2022-05-20 --start 09:00 --end 12:00 >/dev/null
	samv agenda add fredagsgruppen/2022-05-20 --title "$evil" --description "$evil" \
		--proposal "$evil" --presenter "$evil" --document "$evil" --minutes 10 >/dev/null
	d=$(samv decide fredagsgruppen/2022-05-20 1 --text "$evil" --summary "$evil" \
		--motion "Eva (S): $evil" --reservation "Bo: $evil")
	for cmd in "agenda show fredagsgruppen/2022-05-20" "protocol show fredagsgruppen/2022-05-20" \
	    "protocol extract $d" "decision show $d" \
	    "body show fredagsgruppen" "report followup --body fredagsgruppen" "report calendar"; do
		samv $cmd --format html > "$BATS_TEST_TMPDIR/p.html"
		for bad in '<script' '<img' 'javascript:' '<a href' '<iframe'; do
			if grep -qi -- "$bad" "$BATS_TEST_TMPDIR/p.html"; then
				echo "$cmd: '$bad' in the HTML"; return 1
			fi
		done
	done
	samv agenda show fredagsgruppen/2022-05-20 > "$BATS_TEST_TMPDIR/a.md"
	cmark-gfm -e table -t html "$BATS_TEST_TMPDIR/a.md" > "$BATS_TEST_TMPDIR/a.html"
	python3 - "$BATS_TEST_TMPDIR/a.html" <<'PY'
import re, sys
h = open(sys.argv[1]).read()
for row in re.findall(r"<tr>(.*?)</tr>", h, re.S):
    assert len(re.findall(r"<t[hd][^>]*>", row)) == 4, row
assert "<script" not in h and "<img" not in h
PY
}

@test "terminal escapes in records never reach the terminal raw" {
	printf '  - "Fika \\e[2J\\e]0;pwned\\a"\n' > "$BATS_TEST_TMPDIR/n"
	sed -i "/^name: Fredagsgruppen$/r $BATS_TEST_TMPDIR/n" bodies/fredagsgruppen.yaml
	sed -i 's/^name: Fredagsgruppen$/name: Fredagsgruppen\nbogus:/' bodies/fredagsgruppen.yaml
	run -1 samv check
	[[ "$output" != *$'\033'* ]]
	[[ "$output" != *$'\a'* ]]
	git checkout -q -- bodies
	samv meeting new fredagsgruppen 2022-05-20 --place "$(printf 'Teams\033[31m')" >/dev/null 2>&1 || true
	for cmd in "meeting list" "decision list" "agenda show fredagsgruppen/2022-05-20" \
	    "report calendar" "log" "diff HEAD~1 HEAD"; do
		run samv $cmd
		[[ "$output" != *$'\033'* ]] || { echo "$cmd printed ESC"; return 1; }
	done
}

@test "a personnummer is caught in any text field of any record" {
	p=19811218-9876
	for edit in \
	    "bodies/fredagsgruppen.yaml|s/^name: Fredagsgruppen$/name: Fredagsgruppen $p/" \
	    "bodies/svom.yaml|0,/^  - name: Tom Silverklo$/s//  - name: Tom Silverklo $p/" \
	    "meetings/svom/2021-10-08.yaml|s/^place: Teams$/place: Teams $p/" \
	    "meetings/svom/2021-10-08.yaml|0,/^    - title: Nutrition$/s//    - title: Nutrition $p/" \
	    "decisions/svom/2021/009.yaml|s/^title: \(.*\)$/title: \1 $p/" \
	    "assignments/fredagsgruppen/2021/nara-vard-plan.yaml|s/^title: \(.*\)$/title: \1 $p/" \
	    "samv.yaml|s/^name: \(.*\)$/name: \1 $p/"; do
		f=${edit%%|*}
		git checkout -q -- .
		sed -i "${edit#*|}" "$f"
		! git diff --quiet -- "$f" || { echo "edit did not apply: $edit"; return 1; }
		run samv check
		[ "$status" -eq 1 ] && [[ "$output" == *"$f:"*"[personnummer]"* ]] || { echo "missed in $f: $output"; return 1; }
	done
}
