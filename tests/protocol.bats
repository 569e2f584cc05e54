#!/usr/bin/env bats
# samv decide, protocol and decision: § 9 of seed 003 rebuilt through the
# command line alone, votes, justering that locks, numbering.

load lib

E=$SAMV_SRC/examples/jamtland

# A repository with Jämtland's principals, SVOM and its 2020 § 46, but
# without the 2021 meetings and decisions.
setup() {
	R=$BATS_TEST_TMPDIR/r
	samv init "$R" --name Jämtland >/dev/null
	cd "$R"
	cp "$E/samv.yaml" .
	cp "$E/bodies/svom.yaml" "$E/bodies/fredagsgruppen.yaml" bodies/
	mkdir -p decisions/svom/2020 meetings/svom
	cp "$E/decisions/svom/2020/046.yaml" decisions/svom/2020/
	cp "$E/meetings/svom/2020-11-06.yaml" meetings/svom/
	git add -A && git commit -qm "SVOM"
	export SAMV_TODAY=2021-02-20
}

svom_meeting() {	# svom_meeting DATE: a meeting with one decision item
	samv meeting new svom "$1" --start 09:00 --end 12:00 --place Teams >/dev/null
	samv agenda add svom/"$1" --title "God och nära vård – rättelse av beslut från den 6 november 2020, § 46" \
		--type decision --presenter "Tom Silverklo" --presenter "Karin Näsmark" --minutes 45 \
		--document "Protokollsutdrag SVOM 6 november 2020 - §46" \
		--proposal "SVOM beslutar att rekommendera Region Jämtland Härjedalen och kommunerna att anta målen." >/dev/null
	samv meeting attend svom/"$1" --present "Tom Silverklo" --present "Karin Näsmark" \
		--present "Lennart Ledin" --present "Bengt Bergqvist" --present "Johan Looke" \
		--present "Andreas Karlsson" --present "Daniel Arvastsson" >/dev/null
}

@test "§ 9 of seed 003 through the CLI alone: every part, as expected" {
	svom_meeting 2021-02-26
	run -0 samv decide svom/2021-02-26 1 --kind correction --corrects "svom/2020/§46" --political \
		--summary "Tom Silverklo och Karin Näsmark drar bakgrunden, dvs. att SVOM vid sammanträdet den 6 november i beslutet borde ha beslutat att \"rekommendera Region Jämtland Härjedalen och kommunerna...\"." \
		--motion "Tom Silverklo (C): Det liggande förslaget under p. 1 ska stå kvar som förslag till beslut." \
		--motion "Daniel Arvastsson (S): Tillägg av text enligt följande (i versaler): \"tar gemensamt ansvar UTIFRÅN SITT ANSVARSOMRÅDE för vårdnivån primärvård\"." \
		--acclamation --winner 1 --text-file "$FIXTURES/paragraph9.txt" \
		--recommend rjh --recommend kommunerna --adjusted-now --expires 2021-12-31 \
		--recipients "Region Jämtland Härjedalen" --recipients "Länets kommuner"
	[ "$output" = "svom/2021/9" ]
	[ -f decisions/svom/2021/009.yaml ]
	[ "$(git log -1 --format=%s)" = 'samv: decide svom/2021/9: § 9 "God och nära vård – rättelse av beslut från den 6 november 2020, § 46" (svom/2021-02-26 item 1)' ]
	samv protocol adjusters svom/2021-02-26 "Karin Näsmark" --when "2021-03-05" --where Teams >/dev/null
	samv protocol adjust svom/2021-02-26 --by "Karin Näsmark" --by "Tom Silverklo" --date 2021-03-05 >/dev/null
	run -0 samv check
	samv protocol extract svom/2021/9 > "$BATS_TEST_TMPDIR/extract.md"
	diff -u "$SAMV_SRC/tests/expected/extract-svom-2021-9.md" "$BATS_TEST_TMPDIR/extract.md"
	samv protocol show svom/2021-02-26 > "$BATS_TEST_TMPDIR/protocol.md"
	for part in "## Protokoll 26 februari 2021" "### Ordförande" "### Ledamöter" "## § 9 " \
	    "### Sammanfattning" "### Beslutsunderlag" "### Förslag till beslut" "### Yrkanden" \
	    "### Propositionsordning" "Ordföranden ställer proposition på förslag 1 och förslag 2 genom acklamation och finner att förslag 1 har vunnit majoritet." \
	    "### Beslut" "*Paragrafen är justerad*" "### Expedieras till" "### Justerare" \
	    "Justering: 2021-03-05, Teams" "### Underskrifter" "| Sekreterare |" "| Ordförande | Tom Silverklo |"; do
		grep -qF -- "$part" "$BATS_TEST_TMPDIR/protocol.md" || { echo "missing: $part"; return 1; }
	done
	samv protocol show svom/2021-02-26 --format json > "$BATS_TEST_TMPDIR/p.json"
	python3 - "$BATS_TEST_TMPDIR/p.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
d = p["items"][0]["decisions"][0]
assert p["type"] == "protocol" and d["id"] == "svom/2021/9" and d["kind"] == "correction", d
assert [m["by"] for m in d["motions"]] == ["Tom Silverklo", "Daniel Arvastsson"]
assert d["procedure"]["method"] == "acclamation" and d["procedure"]["winner"] == 1
assert d["corrects"] == "svom/2020/46" and d["adjustedNow"] is True
PY
	samv protocol show svom/2021-02-26 --format html > "$BATS_TEST_TMPDIR/p.html"
	grep -q '<h2>§ 9 God och nära vård' "$BATS_TEST_TMPDIR/p.html"
}

@test "a roll-call vote renders each member's vote; counts must add up" {
	svom_meeting 2021-02-26
	run -1 samv decide svom/2021-02-26 1 --text "Beslut." --vote "yes=4,no=2,abstain=0"
	[[ "$output" == *"the votes (6) do not add up to those taking part in svom/2021-02-26 (7"* ]]
	[ ! -e decisions/svom/2021/009.yaml ]
	run -0 samv decide svom/2021-02-26 1 --text "Beslut enligt förslag 1." \
		--motion "Tom Silverklo (C): Bifall." --motion "Daniel Arvastsson (S): Avslag." --winner 1 \
		--roll-call "Tom Silverklo=yes" --roll-call "Karin Näsmark=no" --roll-call "Lennart Ledin=yes" \
		--roll-call "Bengt Bergqvist=no" --roll-call "Johan Looke=yes" --roll-call "Andreas Karlsson=yes" \
		--roll-call "Daniel Arvastsson=abstain" \
		--reservation "Karin Näsmark (S): Vi reserverar oss till förmån för förslag 2." \
		--note "Bengt Bergqvist: Jag vill se en konsekvensanalys." --conflict "Håkan Lindström"
	samv protocol show svom/2021-02-26 > "$BATS_TEST_TMPDIR/p.md"
	for line in "| Ledamot | Omröstning |" "| Tom Silverklo | Ja |" "| Karin Näsmark | Nej |" \
	    "| Daniel Arvastsson | Avstår |" "Röstsiffror: 4 ja, 2 nej, 1 avstår." "Förslag 1 har vunnit majoritet." \
	    "### Reservationer" "### Protokollsanteckningar" "Karin Näsmark (S): Vi reserverar oss" "### Protokollsanteckningar" \
	    "### Jäv" "Håkan Lindström deltar inte i handläggningen på grund av jäv."; do
		grep -qF -- "$line" "$BATS_TEST_TMPDIR/p.md" || { echo "missing: $line"; cat "$BATS_TEST_TMPDIR/p.md"; return 1; }
	done
	run -0 samv check
	# a hand-edited count that no longer adds up is caught
	sed -i 's/^    for: 4$/    for: 5/' decisions/svom/2021/009.yaml
	run -1 samv check
	[[ "$output" == *"[vote-count]"* ]]
}

@test "justering locks: a hand edit is caught, a correction is the way" {
	svom_meeting 2021-02-26
	samv decide svom/2021-02-26 1 --kind recommendation --recommend kommunerna --text "SVOM rekommenderar." >/dev/null
	samv protocol adjust svom/2021-02-26 --by "Karin Näsmark" --date 2021-03-05 >/dev/null
	grep -q '^  digest: [0-9a-f]\{40\}$' meetings/svom/2021-02-26.yaml
	run -0 samv check
	run -1 samv decide svom/2021-02-26 1 --text "Nytt."
	[[ "$output" == *"is adjusted (justerat)"* ]]
	run -1 samv protocol minutes svom/2021-02-26 1 --text "Ändrad."
	# comments and formatting are not content
	sed -i '1a # en kommentar' decisions/svom/2021/009.yaml
	git commit -qam "kommentar"
	run -0 samv check
	sed -i 's/^text: SVOM rekommenderar.$/text: SVOM rekommenderar något annat./' decisions/svom/2021/009.yaml
	git commit -qam "handredigering"
	run -1 samv check
	[[ "$output" == *"meetings/svom/2021-02-26.yaml:"*"error: the protocol of svom/2021-02-26 was adjusted (justerat) on 2021-03-05 and has changed since"*"[locked]"* ]]
	git revert --no-edit HEAD >/dev/null
	run -0 samv check
	svom_meeting 2021-06-04
	run -0 samv decide svom/2021-06-04 1 --kind correction --corrects svom/2021/9 --recommend kommunerna \
		--text "SVOM rekommenderar något annat."
	[ "$output" = "svom/2021/10" ]
	run -0 samv check
	run -2 samv decide svom/2021-06-04 1 --kind correction --text x
	[[ "$output" == *"--corrects"* ]]
}

@test "§ numbers continue per body and restart each year" {
	svom_meeting 2021-02-26
	samv agenda add svom/2021-02-26 --title "Mötetider" --type decision --minutes 10 >/dev/null
	run -0 samv decide svom/2021-02-26 1 --text "A."
	[ "$output" = "svom/2021/9" ]
	run -0 samv decide svom/2021-02-26 2 --text "B."
	[ "$output" = "svom/2021/10" ]
	run -1 samv decide svom/2021-02-26 2 --text "B igen."
	[[ "$output" == *"already has decision svom/2021/10"* ]]
	samv meeting new fredagsgruppen 2021-03-12 >/dev/null
	samv agenda add fredagsgruppen/2021-03-12 --title "Rutin" --minutes 10 >/dev/null
	run -0 samv decide fredagsgruppen/2021-03-12 1 --text "C."
	[ "$output" = "fredagsgruppen/2021/12" ]
	svom_meeting 2022-02-25
	run -0 samv decide svom/2022-02-25 1 --text "D."
	[ "$output" = "svom/2022/1" ]
	run -0 samv check
}

@test "two decisions at once get different numbers" {
	svom_meeting 2021-02-26
	for t in A B C D; do
		samv agenda add svom/2021-02-26 --title "Punkt $t" --type decision --minutes 5 >/dev/null
	done
	for n in 2 3 4 5; do
		(set +e; SAMV_LOCK_TIMEOUT=30 "$SAMV" decide svom/2021-02-26 $n --text "Beslut $n." \
			> "$BATS_TEST_TMPDIR/out.$n" 2>&1; echo $? > "$BATS_TEST_TMPDIR/rc.$n") &
	done
	wait
	for n in 2 3 4 5; do [ "$(cat "$BATS_TEST_TMPDIR/rc.$n")" = 0 ]; done
	cat "$BATS_TEST_TMPDIR"/out.* | sort > "$BATS_TEST_TMPDIR/ids"
	printf 'svom/2021/10\nsvom/2021/11\nsvom/2021/12\nsvom/2021/9\n' > "$BATS_TEST_TMPDIR/want"
	diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/ids"
	run -0 samv check
	[ -z "$(git status --porcelain)" ]
}

@test "decision adopt: recommended principals only; list and show" {
	svom_meeting 2021-02-26
	samv decide svom/2021-02-26 1 --kind recommendation --recommend kommunerna --text "SVOM rekommenderar." >/dev/null
	run -0 samv decision adopt svom/2021/9 --principal ostersund --status adopted --date 2021-05-20 \
		--by Socialnämnden --ref "§ 55"
	run -0 samv decision adopt "svom/2021/§9" --principal krokom --status rejected
	run -0 samv decision adopt svom/2021/9 --principal ostersund --status partly --date 2021-06-01
	[ "$(grep -c 'principal: ostersund' decisions/svom/2021/009.yaml)" = 1 ]
	grep -q 'status: partly' decisions/svom/2021/009.yaml
	run -1 samv decision adopt svom/2021/9 --principal rjh --status adopted
	[[ "$output" == *"does not recommend 'rjh'"* ]]
	run -0 samv check
	run -0 samv decision list --body svom --year 2021
	[[ "$output" == *"| 9 | svom | 2021-02-26 | recommendation |"* ]]
	run -0 samv decision list --format json --kind direction
	[[ "$output" == *'"id": "svom/2020/46"'* ]]
	run -0 samv decision show svom/2021/9
	[[ "$output" == *"## § 9 God och nära vård"* ]]
}

@test "protocol minutes records an item's summary" {
	svom_meeting 2021-02-26
	run -0 samv protocol minutes svom/2021-02-26 1 --text "En diskussion tar vid."
	run -0 samv protocol minutes svom/2021-02-26 1 --text "En längre diskussion tar vid."
	[ "$(grep -c 'summary:' meetings/svom/2021-02-26.yaml)" = 1 ]
	grep -q 'summary: En längre diskussion tar vid.' meetings/svom/2021-02-26.yaml
	run -0 samv check
}

@test "the example region's adjusted protocols are sealed: a hand edit of § 9 is caught" {
	samv init "$BATS_TEST_TMPDIR/j" --from "$E" >/dev/null
	cd "$BATS_TEST_TMPDIR/j"
	run -0 samv check
	sed -i 's/^adjusted_now: true$/adjusted_now: false/' decisions/svom/2021/009.yaml
	run -1 samv check
	[[ "$output" == *"meetings/svom/2021-02-26.yaml:"*"[locked]"* ]]
}

@test "a principal's adoption after justering does not break the seal" {
	samv init "$BATS_TEST_TMPDIR/j" --from "$E" >/dev/null
	cd "$BATS_TEST_TMPDIR/j"
	run -0 samv decision adopt svom/2021/9 --principal berg --status adopted --date 2021-11-02 --by Kommunstyrelsen
	run -0 samv check
}
