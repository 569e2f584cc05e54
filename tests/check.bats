#!/usr/bin/env bats
# samv check: the bundled examples are valid; every rule fires on a
# minimal broken copy, naming its rule id, the file and the line.

load lib

setup() {
	R=$BATS_TEST_TMPDIR/r
	mini "$R"
	cd "$R"
}

# check_finds PATH LINE RULE: samv check exits 1 with that finding.
check_finds() {
	run samv check
	echo "$output" > "$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 1 ] || { echo "exit $status: $output" >&2; return 1; }
	expect_finding "$BATS_TEST_TMPDIR/out" "$1" "$2" "$3"
}

@test "the minimal fixture is valid" {
	run -0 samv check
	[ -z "$output" ]
}

@test "examples/jamtland checks clean in a work tree" {
	cd "$SAMV_SRC/examples/jamtland"
	run -0 samv check
	[ -z "$output" ]
}

@test "examples/jonkoping checks clean in a work tree" {
	cd "$SAMV_SRC/examples/jonkoping"
	run -0 samv check
	[ -z "$output" ]
}

@test "check --rev HEAD works in a bare clone" {
	samv init "$BATS_TEST_TMPDIR/j" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	git clone -q --bare "$BATS_TEST_TMPDIR/j" "$BATS_TEST_TMPDIR/j.git"
	cd "$BATS_TEST_TMPDIR/j.git"
	run -0 samv check --rev HEAD
	[ -z "$output" ]
	run -3 samv check
	[[ "$output" == *"not a samv repository"* ]]
}

@test "check --rev reads the object database, not the work tree" {
	samv init "$BATS_TEST_TMPDIR/j" --from "$R" >/dev/null
	cd "$BATS_TEST_TMPDIR/j"
	sed -i 's/^kind: political-assembly$/kind: parliament/' bodies/svom.yaml
	run -1 samv check
	run -0 samv check --rev HEAD
	git commit -qam "broken"
	run -1 samv check --rev HEAD
	[[ "$output" == "HEAD:"* || "$output" == "bodies/svom.yaml:"* ]]
	run -0 samv check --rev HEAD~1
	run -3 samv check --rev nosuchrev
	[[ "$output" == *"unknown revision 'nosuchrev'"* ]]
}

@test "--format json gives the documented shape" {
	sed -i 's/^kind: political-assembly$/kind: parliament/' bodies/svom.yaml
	run -1 samv check --format json
	echo "$output" > out.json
	python3 - <<'PY'
import json
d = json.load(open("out.json"))
assert d["valid"] is False and d["errors"] == 1 and d["warnings"] == 0, d
g = d["diagnostics"][0]
assert set(g) == {"path", "line", "column", "severity", "rule", "message"}, g
assert g["path"] == "bodies/svom.yaml" and g["line"] == 4 and g["rule"] == "schema", g
PY
	cp "$FIXTURES/mini/bodies/svom.yaml" bodies/svom.yaml
	run -0 samv check --format json
	[[ "$output" == *'"valid": true'* ]]
}

@test "PATH arguments limit the report to those files" {
	sed -i 's/^kind: political-assembly$/kind: parliament/' bodies/svom.yaml
	run -0 samv check meetings
	run -1 samv check bodies/svom.yaml
	cd bodies
	run -1 samv check svom.yaml
	run -0 samv check fg.yaml
}

@test "--strict turns warnings into errors" {
	sed -i 's/^  published: 2021-10-01$/  published: 2021-10-05/' meetings/svom/2021-10-08.yaml
	run -0 samv check
	[[ "$output" == *"warning:"*"[agenda-lead-time]"* ]]
	run -1 samv check --strict
	[[ "$output" == *"error:"*"[agenda-lead-time]"* ]]
}

@test "--list-rules lists every rule id" {
	run -0 samv check --list-rules
	for r in schema path-id ref paragraph-unique paragraph-gap assignment-complete \
	    agenda-time agenda-overlap attendee rotation-sides rotation-alternate \
	    agenda-lead-time political-mandate recommendation-principals quorum personnummer; do
		[[ "$output" == *"$r "* ]] || { echo "missing $r"; return 1; }
	done
}

@test "rule schema: an unknown key is named at its line" {
	sed -i 's/^place: Teams$/plats: Teams/' meetings/svom/2021-10-08.yaml
	check_finds meetings/svom/2021-10-08.yaml 6 schema
	[[ "$output" == *"unknown key 'plats'"* ]]
}

@test "rule schema: a wrong enum value is named" {
	sed -i 's/^kind: political-assembly$/kind: parliament/' bodies/svom.yaml
	check_finds bodies/svom.yaml 4 schema
	[[ "$output" == *"kind"*"political-assembly"* ]]
}

@test "rule path-id: the id inside must match the file name" {
	sed -i 's/^id: svom$/id: svom2/' bodies/svom.yaml
	check_finds bodies/svom.yaml 2 path-id
}

@test "rule path-id: a meeting's date must match its file name" {
	sed -i 's/^date: 2021-10-08$/date: 2021-10-09/' meetings/svom/2021-10-08.yaml
	check_finds meetings/svom/2021-10-08.yaml 3 path-id
}

@test "rule path-id: a decision file must be named NNN.yaml" {
	mv decisions/svom/2021/001.yaml decisions/svom/2021/1.yaml
	run -1 samv check
	[[ "$output" == *"decisions/svom/2021/1.yaml: error: not a valid record path; expected decisions/<body>/<YYYY>/<NNN>.yaml (e.g. 009.yaml) [path-id]"* ]]
}

@test "rule ref: a relation to a missing body" {
	sed -i 's/^escalates_to: svom$/escalates_to: svom-old/' bodies/fg.yaml
	check_finds bodies/fg.yaml 8 ref
	[[ "$output" == *"body 'svom-old' does not exist"* ]]
}

@test "rule ref: a member's principal must be declared" {
	sed -i '0,/principal: alfa/s//principal: gamma/' bodies/svom.yaml
	check_finds bodies/svom.yaml "$(line_of bodies/svom.yaml 'principal: gamma')" ref
}

@test "rule ref: a decision's agenda item must exist" {
	sed -i 's/^item: 2$/item: 9/' decisions/svom/2021/001.yaml
	check_finds decisions/svom/2021/001.yaml 6 ref
}

@test "rule paragraph-gap: § numbers run without gaps" {
	sed 's/^number: 1$/number: 3/; s/^item: 2$/item: 3/' decisions/svom/2021/001.yaml > decisions/svom/2021/003.yaml
	check_finds decisions/svom/2021/003.yaml 1 paragraph-gap
	[[ "$output" == *"missing § 2"* ]]
}

@test "rule paragraph-gap: numbering of imported history starts where declared" {
	git mv -f decisions/fg/2021/001.yaml decisions/fg/2021/009.yaml 2>/dev/null || mv decisions/fg/2021/001.yaml decisions/fg/2021/009.yaml
	sed -i 's/^number: 1$/number: 9/' decisions/fg/2021/009.yaml
	sed -i 's#^decision: fg/2021/1$#decision: fg/2021/9#' assignments/fg/2021/plan.yaml
	check_finds decisions/fg/2021/009.yaml 1 paragraph-gap
	printf 'numbering:\n  first_paragraph:\n    "2021": 9\n' >> bodies/fg.yaml
	run -0 samv check
}

@test "rule paragraph-unique: the same § twice in a body-year" {
	sed -i 's/^number: 1$/number: 2/' decisions/svom/2021/001.yaml
	cp decisions/svom/2021/001.yaml decisions/svom/2021/002.yaml
	check_finds decisions/svom/2021/002.yaml 1 paragraph-unique
	expect_finding "$BATS_TEST_TMPDIR/out" decisions/svom/2021/001.yaml 3 path-id
}

@test "rule assignment-complete: task, assignee, report-back and recipient" {
	sed -i '/^task:/d; /^reporting:/d' assignments/fg/2021/plan.yaml
	check_finds assignments/fg/2021/plan.yaml 2 assignment-complete
	[[ "$output" == *"does not say what is to be done (task), how and when to report back (reporting)"* ]]
}

@test "rule agenda-time: an item outside the meeting's hours" {
	sed -i 's/^      start: "14:00"$/      start: "15:30"/' meetings/svom/2021-10-08.yaml
	check_finds meetings/svom/2021-10-08.yaml "$(line_of meetings/svom/2021-10-08.yaml '"15:30"')" agenda-time
}

@test "rule agenda-overlap: items must not overlap each other or a break" {
	sed -i 's/^      start: "13:05"$/      start: "13:02"/' meetings/svom/2021-10-08.yaml
	check_finds meetings/svom/2021-10-08.yaml "$(line_of meetings/svom/2021-10-08.yaml '"13:02"')" agenda-overlap
	[[ "$output" == *"item 2 starts at 13:02, before item 1 ends (13:05)"* ]]
	cp "$FIXTURES/mini/meetings/svom/2021-10-08.yaml" meetings/svom/
	sed -i 's/^      start: "14:00"$/      start: "13:40"/' meetings/svom/2021-10-08.yaml
	check_finds meetings/svom/2021-10-08.yaml "$(line_of meetings/svom/2021-10-08.yaml '"13:40"')" agenda-overlap
}

@test "rule attendee: attendees are members on that date or listed as others" {
	sed -i 's/^    - Bo Ledamot$/    - Bo Okänd/' meetings/svom/2021-10-08.yaml
	check_finds meetings/svom/2021-10-08.yaml "$(line_of meetings/svom/2021-10-08.yaml 'Bo Okänd')" attendee
	[[ "$output" == *"'Bo Okänd' is not a member of svom on 2021-10-08"* ]]
}

@test "rule attendee: a member whose term has ended is not a member" {
	sed -i '0,/from: 2021-01-01/s//from: 2021-01-01\n    to: 2021-06-30/' bodies/svom.yaml
	check_finds meetings/svom/2021-10-08.yaml "$(line_of meetings/svom/2021-10-08.yaml '^chair:')" attendee
	[[ "$output" == *"chair 'Anna Ordförande' is not a member of svom on 2021-10-08"* ]]
}

@test "rule rotation-sides: chair and secretary from the same side in a year" {
	sed -i '0,/principal: region/s//principal: beta/' bodies/fg.yaml
	check_finds bodies/fg.yaml "$(line_of bodies/fg.yaml 'name: Fia Kommun')" rotation-sides
	[[ "$output" == *"in 2021 the chair (Eva Region) and the secretary (Fia Kommun) are both from the municipality side"* ]]
}

@test "rule rotation-alternate: the chair stays on one side two years running" {
	python3 - <<'PY'
import re
s = open("bodies/fg.yaml").read()
s = s.replace("""  - name: Fia Kommun
    role: chair
    principal: alfa""", """  - name: Gus Region
    role: chair
    principal: region""")
s = s.replace("""  - name: Eva Region
    role: secretary
    principal: region
    from: 2022""", """  - name: Fia Kommun
    role: secretary
    principal: alfa
    from: 2022""")
open("bodies/fg.yaml", "w").write(s)
PY
	run -0 samv check
	echo "$output" > "$BATS_TEST_TMPDIR/out"
	expect_finding "$BATS_TEST_TMPDIR/out" bodies/fg.yaml "$(line_of bodies/fg.yaml 'Gus Region')" rotation-alternate
}

@test "rule agenda-lead-time: published less than the body's days ahead" {
	sed -i 's/^  published: 2021-10-01$/  published: 2021-10-06/' meetings/svom/2021-10-08.yaml
	run -0 samv check
	echo "$output" > "$BATS_TEST_TMPDIR/out"
	expect_finding "$BATS_TEST_TMPDIR/out" meetings/svom/2021-10-08.yaml 19 agenda-lead-time
	[[ "$output" == *"agenda published 2 days before the meeting; svom sends it at least 7 days ahead"* ]]
}

@test "rule political-mandate: an officials' network cannot take a political decision" {
	sed -i 's/^political: false$/political: true/' decisions/fg/2021/001.yaml
	check_finds decisions/fg/2021/001.yaml 6 political-mandate
	[[ "$output" == *"goes as a proposal (kind: proposal, to: svom)"* ]]
	sed -i 's/^kind: decision$/kind: proposal/' decisions/fg/2021/001.yaml
	run -0 samv check
}

@test "rule recommendation-principals: a recommendation names principals" {
	sed -i '/^recommend:/,/^  - kommunerna/d; /^adoption:/,$d' decisions/svom/2021/001.yaml
	check_finds decisions/svom/2021/001.yaml 8 recommendation-principals
}

@test "rule adoption-principal: adoption only by recommended principals" {
	sed -i 's/^  - kommunerna$/  - beta/' decisions/svom/2021/001.yaml
	check_finds decisions/svom/2021/001.yaml "$(line_of decisions/svom/2021/001.yaml 'principal: alfa')" adoption-principal
}

@test "rule quorum: a political body needs more than half its members" {
	sed -i '/^  substitutes:$/,/^      replaces: Cia Ledamot$/d' meetings/svom/2021-10-08.yaml
	sed -i '/^    - Bo Ledamot$/d' meetings/svom/2021-10-08.yaml
	check_finds decisions/svom/2021/001.yaml 5 quorum
	[[ "$output" == *"not quorate: 1 of 3 members took part"* ]]
}

@test "rule personnummer: identity numbers are refused in any text" {
	sed -i 's/^text: SVOM rekommenderar/text: Ärendet gäller 19811218-9876 och SVOM rekommenderar/' decisions/svom/2021/001.yaml
	check_finds decisions/svom/2021/001.yaml 10 personnummer
	[[ "$output" == *":10:22: error:"* ]]
}

@test "rule personnummer: all written forms, no alarm on dates, phones, diarienummer" {
	for p in 811218-9876 8112189876 198112189876 19811218-9876 811218+9876 \
	    811278-9873; do
		cp "$FIXTURES/mini/bodies/fg.yaml" bodies/fg.yaml
		printf 'notes:\n  - "Kontakt: %s"\n' "$p" >> bodies/fg.yaml
		run -1 samv check
		[[ "$output" == *"[personnummer]"* ]] || { echo "missed $p"; return 1; }
	done
	for ok in 2021-10-08 "063-14 30 00" "070-123 45 67" "Dnr RS/1234/2021" \
	    "Dnr 2021-00123" 811218-9877 20211008 "Kl. 13:00-16:30" 1234567890123; do
		cp "$FIXTURES/mini/bodies/fg.yaml" bodies/fg.yaml
		printf 'notes:\n  - "Se %s"\n' "$ok" >> bodies/fg.yaml
		run -0 samv check
		[ -z "$output" ] || { echo "false alarm on $ok: $output"; return 1; }
	done
}

@test "rule unknown-file: stray files are warned about, hidden ones ignored" {
	echo x > bodies/README.txt
	touch bodies/.gitkeep
	run -0 samv check
	[ "$output" = "bodies/README.txt: warning: not a record file [unknown-file]" ]
}

@test "a symbolic link is never followed" {
	ln -s /etc/passwd bodies/evil.yaml
	run -1 samv check
	[[ "$output" == *"bodies/evil.yaml: error: symbolic link in the repository is not followed [symlink]"* ]]
	rm bodies/evil.yaml
	mv meetings/fg "$BATS_TEST_TMPDIR/outside"
	ln -s "$BATS_TEST_TMPDIR/outside" meetings/fg
	run -1 samv check
	[[ "$output" == *"meetings/fg: error: symbolic link"* ]]
}

@test "broken and hostile copies of the examples exit 1, never crash" {
	samv init "$BATS_TEST_TMPDIR/j" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	cd "$BATS_TEST_TMPDIR/j"
	n=0
	for f in $(git ls-files 'bodies/*.yaml' 'meetings/*.yaml' 'decisions/*.yaml' 'assignments/*.yaml' | head -40); do
		for mode in truncate garbage tabs; do
			git checkout -q -- "$f"
			case $mode in
			truncate) head -c 97 "$f" > t && mv t "$f" ;;
			garbage) printf '\n  - : [\n' >> "$f" ;;
			tabs) sed -i 's/^  /\t/' "$f" ;;
			esac
			run samv check
			[ "$status" -eq 1 ] || { echo "$f $mode: exit $status: $output"; return 1; }
			[[ "$output" == *"$f:"[0-9]*":"[0-9]*": error: "* ]] || { echo "$f $mode: $output"; return 1; }
			n=$((n + 1))
		done
	done
	[ "$n" -gt 30 ]
}

@test "check --rev sees pushed objects in a pre-receive hook (quarantine)" {
	samv init "$BATS_TEST_TMPDIR/j" --from "$R" >/dev/null
	git clone -q --bare "$BATS_TEST_TMPDIR/j" "$BATS_TEST_TMPDIR/server.git"
	cat > "$BATS_TEST_TMPDIR/server.git/hooks/pre-receive" <<HOOK
#!/bin/sh
while read old new ref; do
	"$SAMV" check --rev "\$new" || exit 1
done
HOOK
	chmod +x "$BATS_TEST_TMPDIR/server.git/hooks/pre-receive"
	cd "$BATS_TEST_TMPDIR/j"
	git remote add origin "$BATS_TEST_TMPDIR/server.git"
	printf 'id: fg\nid: fg\n' > bodies/fg.yaml
	git commit -qam "duplicate key"
	run git push -q origin HEAD
	[ "$status" -ne 0 ]
	[[ "$output" == *"bodies/fg.yaml:2:1: error: duplicate key 'id' (first at line 1) [yaml-duplicate-key]"* ]]
	git checkout -q HEAD~1 -- bodies/fg.yaml
	git commit -qam "fixed"
	run -0 git push -q origin HEAD
}

# A writing command prints, after its commit, what the rules say about
# the files it changed: exactly what samv check says about them, though
# it reads only what it must.
@test "the findings after a change are check's findings of the changed files" {
	J=$BATS_TEST_TMPDIR/j
	samv init "$J" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	cd "$J"
	same_as_check() {	# same_as_check PATH: the command's output in $output
		local after want
		after=$(printf '%s\n' "$output" | grep "^$1:" | sort)
		want=$(samv check 2>&1 | grep "^$1:" | sort || true)
		[ -n "$after" ] || { echo "no findings printed for $1"; return 1; }
		[ "$after" = "$want" ] || { echo "after: $after"; echo "check: $want"; return 1; }
	}
	# an assignment naming a decision and a plan that do not exist
	A=assignments/svom/2020/arbetsgrupp-nara-vard.yaml
	sed -i 's|^decision: .*|decision: svom/2020/99|' "$A"
	printf 'plan: svom/2020/ingen-plan\n' >> "$A"
	git commit -qam "by hand"
	run samv assign report svom/2020/arbetsgrupp-nara-vard --meeting svom/2021-10-08 \
		--summary "Lägesrapport"
	[ "$status" -eq 0 ]
	same_as_check "$A"
	[[ "$output" == *"[ref]"* ]]
	# a meeting whose agenda no longer fits its time
	M=meetings/fredagsgruppen/2021-09-30.yaml
	samv meeting new fredagsgruppen 2021-09-30 --start 13:00 --end 14:00 >/dev/null
	run samv agenda add fredagsgruppen/2021-09-30 --title "Lång punkt" --minutes 900
	[ "$status" -eq 0 ]
	same_as_check "$M"
}
