#!/usr/bin/env bats
# samv assign: assignments given, reported on and followed up, each change
# one commit; the assignment description under the template's headings.

load lib

setup() {
	J=$BATS_TEST_TMPDIR/j
	samv init "$J" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	cd "$J"
	OUT=$BATS_TEST_TMPDIR/out
}

@test "assign show renders the description under the nine headings as expected" {
	samv assign show svom/2020/arbetsgrupp-nara-vard > "$OUT.md"
	diff -u "$SAMV_SRC/tests/expected/assign-svom-2020-arbetsgrupp-nara-vard.md" "$OUT.md"
	grep -x '## .*' "$OUT.md" > "$OUT.headings"
	cat > "$OUT.want" <<'TXT'
## Bakgrund
## Uppdrag
## Brukarinflytande
## Barnrättsperspektiv
## Återrapportering
## Mottagare av återrapporteringen
## Kontaktperson(er)
## Särskilt material som bifogas
## Uppföljning hur och när?
## Återrapporteringar
TXT
	diff -u "$OUT.want" "$OUT.headings"
}

@test "assign show: html and json, and --rev" {
	samv assign show fredagsgruppen/2021/nara-vard-plan --format html > "$OUT.html"
	grep -q '<h2>Barnrättsperspektiv</h2>' "$OUT.html"
	samv assign show fredagsgruppen/2021/nara-vard-plan --format json > "$OUT.json"
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["status"]=="ongoing" and len(d["reports"])==3 and d["organization"]["name"]=="Fredagsgruppen", d' "$OUT.json"
	samv assign show fredagsgruppen/2021/nara-vard-plan --rev HEAD > "$OUT.rev"
	samv assign show fredagsgruppen/2021/nara-vard-plan > "$OUT.md"
	cmp "$OUT.rev" "$OUT.md"
	run -1 samv assign show fredagsgruppen/2021/nope
	run -2 samv assign show 'not an id'
}

@test "assign new from a decision: path, slug, modeline, one commit" {
	run -0 samv assign new --decision fredagsgruppen/2021/13 --to fredagsgruppen-beredningsgrupp \
		--title "Översyn av rutiner: Nära vård – steg 2!" --due 2022-03-31 \
		--task "Se över rutinerna." --contact "Elin Ring" --attachment "Rutin 2021" --no-edit
	[ "$output" = fredagsgruppen/2021/oversyn-av-rutiner-nara-vard-steg-2 ]
	F=assignments/fredagsgruppen/2021/oversyn-av-rutiner-nara-vard-steg-2.yaml
	cat > "$OUT.expected" <<'YAML'
# yaml-language-server: $schema=../../../.samv/schema/assignment.schema.json
title: 'Översyn av rutiner: Nära vård – steg 2!'
body: fredagsgruppen
given: 2021-09-24
decision: fredagsgruppen/2021/13
assignee:
  body: fredagsgruppen-beredningsgrupp
task: Se över rutinerna.
reporting: Återrapporteras till Fredagsgruppen senast 2022-03-31.
report_to: fredagsgruppen
contacts:
- Elin Ring
attachments:
- Rutin 2021
due: 2022-03-31
status: given
YAML
	diff -u "$OUT.expected" "$F"
	[ "$(git log -1 --format=%s)" = 'samv: assign fredagsgruppen/2021/oversyn-av-rutiner-nara-vard-steg-2: new "Översyn av rutiner: Nära vård – steg 2!"' ]
	git show --name-only --format= HEAD > "$OUT.files"
	[ "$(cat "$OUT.files")" = "$F" ]
	[ -z "$(git status --porcelain)" ]
	run -0 samv check
}

@test "assign new: a taken slug gets -2; assignees are bodies, principals, persons or text" {
	run -0 samv assign new --body svom --given 2021-10-08 --title "Arbetsgrupp Nära vård" \
		--to kommunerna --to rjh --to "person:Elin Ring" --to "Hälsovalet" --due ongoing \
		--task "Fortsätt." --report-to fredagsgruppen --no-edit
	[ "$output" = svom/2021/arbetsgrupp-nara-vard ]
	run -0 samv assign new --body svom --given 2021-10-08 --title "Arbetsgrupp Nära vård" \
		--to svom --due recurring --task "Igen." --no-edit
	[ "$output" = svom/2021/arbetsgrupp-nara-vard-2 ]
	python3 - assignments/svom/2021/arbetsgrupp-nara-vard.yaml > "$OUT.who" <<'PY'
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
print(d["assignee"], d["report_to"], d["reporting"])
PY
	[ "$(cat "$OUT.who")" = "{'principals': ['kommunerna', 'rjh'], 'persons': ['Elin Ring'], 'text': 'Hälsovalet'} fredagsgruppen Återrapporteras till Fredagsgruppen." ]
	[ "$(git rev-list --count HEAD)" = 3 ]
}

@test "the slug: lowercase, å ä ö é folded, runs of other characters one '-', at most 60" {
	run -0 samv assign new --body fredagsgruppen --given 2022-01-21 --to fredagsgruppen --due ongoing --task T --no-edit \
		--title "  Café-ÅÄÖ:s   rutiner & planer för 2022 — en mycket lång rubrik som fortsätter och fortsätter  "
	[ "$output" = fredagsgruppen/2022/cafe-aao-s-rutiner-planer-for-2022-en-mycket-lang-rubrik-som ]
	[ -f assignments/fredagsgruppen/2022/cafe-aao-s-rutiner-planer-for-2022-en-mycket-lang-rubrik-som.yaml ]
}

@test "assign new refuses invalid input and writes nothing" {
	head=$(git rev-parse HEAD)
	run -2 samv assign new --body svom --to svom --due 2022-01-01 --task T --no-edit
	run -2 samv assign new --body svom --title T --due 2022-01-01 --task T --no-edit
	run -2 samv assign new --body svom --title T --to svom --task T --no-edit
	run -2 samv assign new --body svom --title T --to svom --due soon --task T --no-edit
	run -2 samv assign new --title T --to svom --due ongoing --task T --no-edit
	run -2 samv assign new --body svom --title T --to svom --due ongoing --no-edit
	run -1 samv assign new --decision svom/2021/99 --title T --to svom --due ongoing --task T --no-edit
	run -1 samv assign new --body nobody --title T --to svom --due ongoing --task T --no-edit
	run -1 samv assign new --body svom --title T --to svom --due ongoing --task T --report-to nobody --no-edit
	run -1 samv assign new --decision svom/2021/9 --body fredagsgruppen --title T --to svom --due ongoing --task T --no-edit
	[ "$(git rev-parse HEAD)" = "$head" ]
	[ -z "$(git status --porcelain)" ]
}

@test "assign new opens the editor on a template with the nine headings" {
	cat > "$BATS_TEST_TMPDIR/ed" <<'ED'
#!/bin/sh
cp "$1" "$BATS_TEST_TMPDIR/template.yaml"
sed -i 's/^task: ""$/task: Skriv en plan./; s/^reporting: ""$/reporting: Vid nästa möte./' "$1"
ED
	chmod +x "$BATS_TEST_TMPDIR/ed"
	export BATS_TEST_TMPDIR
	run -0 env EDITOR="$BATS_TEST_TMPDIR/ed" VISUAL= "$SAMV" assign new --body svom --given 2021-10-08 \
		--title "Ny plan" --to svom --due 2022-06-30 --edit
	grep -c '^# ' "$BATS_TEST_TMPDIR/template.yaml" > "$OUT.n"
	[ "$(cat "$OUT.n")" = 10 ]
	grep -qx '# Uppföljning hur och när?' "$BATS_TEST_TMPDIR/template.yaml"
	grep -qx 'user_influence: ""' "$BATS_TEST_TMPDIR/template.yaml"
	grep -qx 'task: Skriv en plan.' assignments/svom/2021/ny-plan.yaml
	[ "$(git log -1 --format=%s)" = 'samv: assign svom/2021/ny-plan: new "Ny plan"' ]
	run ! ls /tmp/samv-assign-* 2>/dev/null
}

@test "assign report appends a report and sets the status; --final reports it" {
	A=svom/2020/arbetsgrupp-nara-vard
	F=assignments/$A.yaml
	run -0 samv assign report $A --meeting fredagsgruppen/2022-01-21 --summary "Planen är klar."
	git diff --numstat HEAD~1 HEAD > "$OUT.num"
	[ "$(cat "$OUT.num")" = "$(printf '4\t0\t%s' "$F")" ]
	git diff -U0 HEAD~1 HEAD > "$OUT.diff"
	grep -qxF '+  - date: 2022-01-21' "$OUT.diff"
	grep -qxF '+    final: false' "$OUT.diff"
	[ "$(git log -1 --format=%s)" = "samv: assign $A: report at fredagsgruppen/2022-01-21" ]
	run -0 samv assign report $A --meeting svom/2021-10-08 --date 2021-10-09 --summary "Slutrapport." --final
	grep -qx 'status: reported' "$F"
	git diff -U0 HEAD~1 HEAD > "$OUT.diff"
	grep -qxF '+  - date: 2021-10-09' "$OUT.diff"
	grep -qxF '+    final: true' "$OUT.diff"
	grep -qxF -- '-status: ongoing' "$OUT.diff"
	run -0 samv check
	samv assign show $A --format json > "$OUT.json"
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["status"]=="reported" and d["reports"][-1]["final"] is True, d' "$OUT.json"
}

@test "assign report and status refuse bad input; nothing is written" {
	head=$(git rev-parse HEAD)
	run -2 samv assign report svom/2020/arbetsgrupp-nara-vard --summary x
	run -2 samv assign report svom/2020/arbetsgrupp-nara-vard --meeting svom/2021-10-08
	run -1 samv assign report svom/2020/arbetsgrupp-nara-vard --meeting svom/2030-01-01 --summary x
	run -1 samv assign report svom/2020/nope --meeting svom/2021-10-08 --summary x
	run -2 samv assign status svom/2020/arbetsgrupp-nara-vard finished
	[ "$(git rev-parse HEAD)" = "$head" ]
	run -0 samv assign status svom/2020/arbetsgrupp-nara-vard cancelled
	[ "$(git log -1 --format=%s)" = "samv: assign svom/2020/arbetsgrupp-nara-vard: ongoing -> cancelled" ]
	run -1 samv assign report svom/2020/arbetsgrupp-nara-vard --meeting svom/2021-10-08 --summary x
	[[ "$output" == *"is cancelled"* ]]
}

@test "assign list --overdue moves with --as-of" {
	samv assign list --overdue --as-of 2021-12-31 --format json > "$OUT.1"
	python3 -c 'import json,sys; print(" ".join(a["id"] for a in json.load(open(sys.argv[1]))))' "$OUT.1" > "$OUT.ids1"
	[ "$(cat "$OUT.ids1")" = "" ]
	samv assign list --overdue --as-of 2022-01-02 --format json > "$OUT.2"
	python3 -c 'import json,sys; print(" ".join(a["id"] for a in json.load(open(sys.argv[1]))))' "$OUT.2" > "$OUT.ids2"
	[ "$(cat "$OUT.ids2")" = "svom/2020/arbetsgrupp-nara-vard" ]
	samv assign list --overdue --as-of 2022-01-02 > "$OUT.md"
	cat > "$OUT.want" <<'MD'
Per: 2 januari 2022

| Id | Rubrik | Uppdragstagare | Klart senast | Status | Försenad |
| --- | --- | --- | --- | --- | --- |
| svom/2020/arbetsgrupp-nara-vard | Arbetsgrupp Nära vård | Arbetsgrupp Nära vård med representanter för länets kommuner och Region Jämtland Härjedalen | 2022-01-01 (Gemensam plan – rimlig tidplan klart 2022-01-01) | Pågår | ja |
MD
	diff -u "$OUT.want" "$OUT.md"
}

@test "assign list filters by body, open and plan" {
	samv assign list --body svom --format json > "$OUT.1"
	python3 -c 'import json,sys; print(" ".join(a["id"] for a in json.load(open(sys.argv[1]))))' "$OUT.1" > "$OUT.ids"
	[ "$(cat "$OUT.ids")" = "svom/2020/arbetsgrupp-nara-vard svom/2021/vuxenhabiliteringen-arbetsgrupp" ]
	samv assign list --body svom --open --format json > "$OUT.2"
	python3 -c 'import json,sys; print(" ".join(a["id"] for a in json.load(open(sys.argv[1]))))' "$OUT.2" > "$OUT.ids"
	[ "$(cat "$OUT.ids")" = "svom/2020/arbetsgrupp-nara-vard" ]
	samv assign list --plan fredagsgruppen/2021/nara-vard-plan --format json > "$OUT.3"
	python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$OUT.3" > "$OUT.n"
	[ "$(cat "$OUT.n")" = 25 ]
	run -1 samv assign list --body nobody
	run -2 samv assign list --as-of tomorrow
}
