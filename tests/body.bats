#!/usr/bin/env bats
# samv body: the terms of reference as seed 000 reads them, and bodies and
# members changed with one commit each and minimal diffs.

load lib

setup() {
	J=$BATS_TEST_TMPDIR/j
	samv init "$J" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	cd "$J"
	OUT=$BATS_TEST_TMPDIR/out
}

@test "Fredagsgruppen's terms of reference render as expected" {
	samv body show fredagsgruppen > "$OUT.md"
	diff -u "$SAMV_SRC/tests/expected/body-fredagsgruppen.md" "$OUT.md"
}

@test "the terms of reference hold every section of seed 000" {
	samv body show fredagsgruppen > "$OUT.md"
	for h in '# Fredagsgruppen' 'Uppdragsbeskrivning 2022-05-20' \
		'Samverkansarena mellan Region Jämtland Härjedalens hälso- och sjukvård och kommunernas vård- och omsorg' \
		'## Bakgrund' '## Övergripande mål och syfte' '### Syfte' '### Mål' \
		'Arbetet ska utgå från nedanstående:' '## Uppdrag' '## Mandat' \
		'## Representation' '## Arbetsformer' '### Mötesfrekvens' \
		'### Ordförande och sekreterare' '### Dagordning' '### Protokoll' \
		'## Grupper som arbetar på uppdrag av Fredagsgruppen' \
		'## Informationsansvar' '## Giltighet'; do
		grep -qxF -- "$h" "$OUT.md" || { echo "missing: $h" >&2; return 1; }
	done
	for s in '2 gånger/termin (3 h)' '1 gång/månad (1,5 h)' \
		'Växlar mellan Region Jämtland Härjedalen och kommunerna med ett års intervall.' \
		'Dagordning med aktuella bilagor skickas senast en vecka före mötet.' \
		'| Kommunerna | Förvaltningschef/motsvarande från länets åtta kommuner. | 8 |' \
		'Fredagsgruppens beredningsgrupp (beredningsgrupp)' \
		'Länsnätverk psykisk hälsa (arbetsgrupp)' \
		'Lokal samverkansarena Östersund (lokal samverkansarena)' \
		'Beredningsorgan till SVOM' 'Byte av deltagare:' \
		'Alla deltagare har ett informationsansvar till den egna verksamheten.' \
		'Beslutad av: SVOM juni 2022' \
		'Ersätter: Denna uppdragsbeskrivning ersätter tidigare upprättad uppdragsbeskrivning för Fredagsgruppen.'; do
		grep -qF -- "$s" "$OUT.md" || { echo "missing: $s" >&2; return 1; }
	done
}

@test "a local arena shows its levels table (seed 001)" {
	samv body show lokal-arena-ostersund --as-of 2023-05-01 > "$OUT.md"
	grep -qxF '| Nivå | Region | Kommunen | Mötesfrekvens | Informationsansvar |' "$OUT.md"
	grep -qF '| Strategisk nivå (vad ska göras) | Verksamhetschef, Läkare (MLA) | Förvaltningschef, MAS, MAR, SAS/socialtjänstrepresentant | 4 gånger/år | Ger information till operativ nivå |' "$OUT.md"
	grep -qxF 'Växlar mellan Region Jämtland Härjedalen och Östersunds kommun med ett års intervall.' "$OUT.md"
	grep -qxF '  - Verkställer beslut från SVOM och Fredagsgruppen' "$OUT.md"
	grep -qxF '| ordförande | Karin Ek | Region Jämtland Härjedalen | Verksamhetschef |' "$OUT.md"
}

@test "body show: html is a safe page, json parses, output is byte-identical, --rev reads history" {
	samv body show fredagsgruppen --format html > "$OUT.html"
	grep -q '<h1>Fredagsgruppen</h1>' "$OUT.html"
	samv body show fredagsgruppen --format json > "$OUT.json"
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["id"]=="fredagsgruppen" and len(d["subOrganizations"])==11, d' "$OUT.json"
	samv body show fredagsgruppen > "$OUT.1"
	samv body show fredagsgruppen > "$OUT.2"
	cmp "$OUT.1" "$OUT.2"
	samv body member end fredagsgruppen --name "Sara Öberg" --date 2021-10-01
	samv body show fredagsgruppen --rev HEAD~1 > "$OUT.3"
	cmp "$OUT.1" "$OUT.3"
	samv body show fredagsgruppen > "$OUT.4"
	run ! cmp -s "$OUT.1" "$OUT.4"
}

@test "body list shows ids, kinds and relations (md and json)" {
	samv body list > "$OUT.md"
	grep -qxF '| fredagsgruppen | Fredagsgruppen | tjänstepersonsnätverk | nej | Beredningsorgan till svom; Rapporterar till svom; Eskalerar till svom |' "$OUT.md"
	grep -qxF '| svom | SVOM | politisk församling | ja |  |' "$OUT.md"
	samv body list --format json > "$OUT.json"
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [b["id"] for b in d if b["political"]]==["barnarenan","svom"], d' "$OUT.json"
}

@test "body new writes bodies/ID.yaml with its modeline in one commit" {
	run -0 samv body new palliativt-natverk --name "Palliativt nätverk" --kind working-group \
		--commissioned-by fredagsgruppen --implements svom --implements fredagsgruppen --escalates-to fredagsgruppen
	[ "$output" = palliativt-natverk ]
	cat > "$OUT.expected" <<'YAML'
# yaml-language-server: $schema=../.samv/schema/body.schema.json
id: palliativt-natverk
name: Palliativt nätverk
kind: working-group
political: false
escalates_to: fredagsgruppen
commissioned_by:
- fredagsgruppen
implements:
- svom
- fredagsgruppen
YAML
	diff -u "$OUT.expected" bodies/palliativt-natverk.yaml
	[ "$(git log -1 --format=%s)" = 'samv: body palliativt-natverk: new "Palliativt nätverk"' ]
	git show --name-only --format= HEAD > "$OUT.files"
	[ "$(cat "$OUT.files")" = bodies/palliativt-natverk.yaml ]
	[ -z "$(git status --porcelain)" ]
	run -0 samv check
}

@test "body new refuses an existing id, unknown references and bad input; nothing is written" {
	head=$(git rev-parse HEAD)
	run -1 samv body new svom --name SVOM
	[[ "$output" == *"body 'svom' already exists"* ]]
	run -1 samv body new ny --name Ny --prepares-for nope
	[[ "$output" == *"--prepares-for: no body 'nope'"* ]]
	run -1 samv body new ny --name Ny --escalates-to nope
	run -2 samv body new Ny --name Ny
	run -2 samv body new ny
	run -2 samv body new ny --name Ny --kind club
	[ "$(git rev-parse HEAD)" = "$head" ]
	[ -z "$(git status --porcelain)" ]
}

@test "member add appends one term: one commit, no line deleted" {
	run -0 samv body member add fredagsgruppen --name "Nils Berg" --role member \
		--principal berg --position Förvaltningschef --from 2022-02-01
	git diff --numstat HEAD~1 HEAD > "$OUT.num"
	[ "$(cat "$OUT.num")" = "$(printf '5\t0\tbodies/fredagsgruppen.yaml')" ]
	git diff -U0 HEAD~1 HEAD > "$OUT.diff"
	grep -qxF '+  - name: Nils Berg' "$OUT.diff"
	grep -qxF '+    from: 2022-02-01' "$OUT.diff"
	[ "$(git log -1 --format=%s)" = "samv: body fredagsgruppen: Nils Berg member from 2022-02-01" ]
	[ "$(git rev-list --count HEAD)" = 2 ]
	run -0 samv check
	samv body show fredagsgruppen --as-of 2022-03-01 > "$OUT.md"
	grep -qxF '| ledamot | Nils Berg | Bergs kommun | Förvaltningschef |' "$OUT.md"
}

@test "member add: from defaults to today; refuses a second active term and unknown principals" {
	run -0 samv body member add lsg-patientsakerhet --name "Eva Ny" --role chair
	grep -qxF '    from: 2021-10-10' bodies/lsg-patientsakerhet.yaml
	head=$(git rev-parse HEAD)
	run -1 samv body member add lsg-patientsakerhet --name "Eva Ny" --role chair
	[[ "$output" == *"already chair"* ]]
	run -1 samv body member add lsg-patientsakerhet --name "Per" --role member --principal nowhere
	run -2 samv body member add lsg-patientsakerhet --name "Per" --role boss
	run -2 samv body member add lsg-patientsakerhet --name "Per" --role member --from 2022-02-30
	run -2 samv body member add lsg-patientsakerhet --name "Per" --role member --from 2022-02-01 --to 2022-01-01
	run -1 samv body member add nobody --name "Per" --role member
	[ "$(git rev-parse HEAD)" = "$head" ]
	[ -z "$(git status --porcelain)" ]
}

@test "member end sets 'to' on the active term: one line added" {
	run -0 samv body member end fredagsgruppen --name "Sara Öberg" --date 2022-06-30
	git diff --numstat HEAD~1 HEAD > "$OUT.num"
	[ "$(cat "$OUT.num")" = "$(printf '1\t0\tbodies/fredagsgruppen.yaml')" ]
	git diff -U0 HEAD~1 HEAD > "$OUT.diff"
	grep -qxF '+    to: 2022-06-30' "$OUT.diff"
	[ "$(git log -1 --format=%s)" = "samv: body fredagsgruppen: Sara Öberg member until 2022-06-30" ]
	run -0 samv check
	head=$(git rev-parse HEAD)
	run -1 samv body member end fredagsgruppen --name "Sara Öberg"
	[[ "$output" == *"has no current term"* ]]
	run -1 samv body member end fredagsgruppen --name "Elin Ring" --date 2020-01-01
	[[ "$output" == *"began 2021-01-01"* ]]
	[ "$(git rev-parse HEAD)" = "$head" ]
}

@test "member end asks for --role when several terms are active" {
	samv body member add fredagsgruppen --name "Elin Ring" --role adjunct --from 2022-01-01
	run -1 samv body member end fredagsgruppen --name "Elin Ring"
	[[ "$output" == *"say which with --role"* ]]
	run -0 samv body member end fredagsgruppen --name "Elin Ring" --role adjunct --date 2022-12-31
	[ "$(git log -1 --format=%s)" = "samv: body fredagsgruppen: Elin Ring adjunct until 2022-12-31" ]
}
