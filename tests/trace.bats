#!/usr/bin/env bats
# samv trace: a case followed across bodies, from Fredagsgruppen's
# proposal through SVOM's recommendation to an assignment, its
# report-back and a municipality's adoption, with the commits.

load lib

E=$SAMV_SRC/examples/jamtland

setup() {
	R=$BATS_TEST_TMPDIR/r
	samv init "$R" --name Jämtland >/dev/null
	cd "$R"
	cp -R "$E/samv.yaml" "$E/bodies" "$E/meetings" "$E/decisions" "$E/assignments" .
	git add -A && git commit -qm "Jämtland"
	O=$BATS_TEST_TMPDIR
}

# SVOM § 11/2021 gives Fredagsgruppen an assignment (one commit), and
# Krokom adopts the recommendation (another, through samv).
the_case() {
	cat > assignments/svom/2021/losus-uppfoljning.yaml <<'YAML'
title: Uppföljning av LOSUS-avtalet
body: svom
given: 2021-10-08
decision: svom/2021/11
assignee:
  body: fredagsgruppen
task: |
  Följ upp att huvudmännen beslutar om förlängningen.
reporting: Vid SVOM:s första möte 2022.
report_to: svom
due: 2022-02-25
status: ongoing
reports:
  - date: 2022-01-21
    meeting: fredagsgruppen/2022-01-21
    summary: |
      Två kommuner har beslutat.
      Övriga väntas under våren.
YAML
	git add assignments && git commit -qm "LOSUS assignment"
	samv decision adopt svom/2021/11 --principal krokom --status adopted --date 2021-12-01 --by Socialnämnden >/dev/null
	C_IMPORT=$(git rev-parse --short=7 HEAD~2)
	C_ASSIGN=$(git rev-parse --short=7 HEAD~1)
	C_ADOPT=$(git rev-parse --short=7 HEAD)
}

@test "Fredagsgruppen's proposal to the adoption in Krokom, with dates and commits" {
	the_case
	samv trace fredagsgruppen/2021/13 > "$O/t.md"
	cat > "$O/t.expected" <<EOF2
# Ärendets gång – fredagsgruppen/2021/13

| Steg | Datum | Organ | Uppgifter | Status | Commit |
| --- | --- | --- | --- | --- | --- |
| Förslag till beslut | 2021-09-24 | Fredagsgruppen | Fredagsgruppen § 13/2021: Förlängning av LOSUS-avtalet |  | $C_IMPORT (2021-10-08) |
| Ärende | 2021-10-08 | SVOM | Punkt 12. Förlängning av LOSUS-avtalet |  | $C_IMPORT (2021-10-08) |
| Beslut | 2021-10-08 | SVOM | SVOM § 11/2021: Förlängning av LOSUS-avtalet |  | $C_IMPORT (2021-10-08) |
| Uppdrag | 2021-10-08 | SVOM | Uppföljning av LOSUS-avtalet | Pågår | $C_ASSIGN (2021-10-08) |
| Återrapportering | 2022-01-21 | Fredagsgruppen | Två kommuner har beslutat. |  | $C_ASSIGN (2021-10-08) |
| Huvudmannens beslut |  |  | Region Jämtland Härjedalen | Ej beslutad |  |
| Huvudmannens beslut |  |  | Bergs kommun | Ej beslutad |  |
| Huvudmannens beslut |  |  | Bräcke kommun | Ej beslutad |  |
| Huvudmannens beslut |  |  | Härjedalens kommun | Ej beslutad |  |
| Huvudmannens beslut | 2021-12-01 |  | Krokoms kommun, Socialnämnden | Antagen | $C_ADOPT (2021-10-08) |
| Huvudmannens beslut |  |  | Ragunda kommun | Ej beslutad |  |
| Huvudmannens beslut |  |  | Strömsunds kommun | Ej beslutad |  |
| Huvudmannens beslut |  |  | Åre kommun | Ej beslutad |  |
| Huvudmannens beslut |  |  | Östersunds kommun | Ej beslutad |  |
EOF2
	diff -u "$O/t.expected" "$O/t.md"
	# the same lineage from the decision, the assignment and the item
	samv trace "svom/2021/§11" > "$O/d.md"
	[ "$(grep -c '^| ' "$O/d.md")" -eq 16 ]
	grep -qF "| Förslag till beslut | 2021-09-24 | Fredagsgruppen |" "$O/d.md"
	samv trace 'svom/2021-10-08#12' > "$O/i.md"
	[ "$(grep -c '^| ' "$O/i.md")" -eq 16 ]
	samv trace svom/2021/losus-uppfoljning > "$O/a.md"
	grep -qF "| Uppdrag | 2021-10-08 | SVOM | Uppföljning av LOSUS-avtalet | Pågår | $C_ASSIGN (2021-10-08) |" "$O/a.md"
	grep -qF "| Förslag till beslut |" "$O/a.md"
}

@test "trace JSON lists the steps in order, each with its commit" {
	the_case
	samv trace fredagsgruppen/2021/13 --format json > "$O/t.json"
	python3 - "$O/t.json" "$C_IMPORT" "$C_ASSIGN" "$C_ADOPT" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
imp, asg, adopt = sys.argv[2:5]
s = t["steps"]
assert t["type"] == "trace" and t["id"] == "fredagsgruppen/2021/13"
assert [x["step"] for x in s[:5]] == ["proposal", "item", "decision", "assignment", "report"], s
assert s[0]["id"] == "fredagsgruppen/2021/13" and s[0]["commit"]["id"] == imp
assert s[1]["id"] == "svom/2021-10-08#12" and s[2]["id"] == "svom/2021/11"
assert s[3]["id"] == "svom/2021/losus-uppfoljning" and s[3]["commit"]["id"] == asg
krokom = [x for x in s if x["id"] == "svom/2021/11@krokom"][0]
assert krokom["status"] == "adopted" and krokom["commit"] == {"id": adopt, "date": "2021-10-08"}
assert "commit" not in [x for x in s if x["id"] == "svom/2021/11@berg"][0]
PY
}

@test "trace --rev reads an older commit; outside git the commits are left out" {
	the_case
	samv trace svom/2021/11 --rev HEAD~1 > "$O/old.md"
	grep -qF "| Huvudmannens beslut |  |  | Krokoms kommun | Ej beslutad |  |" "$O/old.md"
	grep -qF "| Uppdrag | 2021-10-08 | SVOM | Uppföljning av LOSUS-avtalet | Pågår | $C_ASSIGN (2021-10-08) |" "$O/old.md"
	samv trace svom/2021/11 --rev HEAD~2 > "$O/older.md"
	! grep -q "Uppdrag" "$O/older.md"
	cp -R "$R" "$O/plain" && rm -rf "$O/plain/.git"
	(cd "$O/plain" && samv trace svom/2021/11) > "$O/plain.md"
	grep -qF "| Beslut | 2021-10-08 | SVOM | SVOM § 11/2021: Förlängning av LOSUS-avtalet |  |  |" "$O/plain.md"
	samv trace svom/2021/11 > "$O/a1.md"
	samv trace svom/2021/11 > "$O/a2.md"
	cmp "$O/a1.md" "$O/a2.md"
	samv trace svom/2021/11 --format html > "$O/t.html"
	grep -q '^<!DOCTYPE html>$' "$O/t.html"
}

@test "trace of what is not there fails clearly" {
	run -1 samv trace svom/2021/99
	[[ "$output" == *"'svom/2021/99' names no decision, assignment or meeting item (MEETING#N)"* ]]
	run -1 samv trace 'svom/2021-10-08#99'
	run -2 samv trace
	run -2 samv trace svom/2021/11 --format yaml
}
