#!/usr/bin/env bats
# History and the distributed workflow: samv diff and log in domain
# words, the server hook, merges across clones.

load lib

setup() {
	J=$BATS_TEST_TMPDIR/j
	samv init "$J" --from "$SAMV_SRC/examples/jamtland" >/dev/null
	cd "$J"
	export SAMV_TODAY=2022-05-01
}

@test "samv diff names each kind of change in the domain's words" {
	base=$(git rev-parse HEAD)
	samv decision adopt svom/2021/9 --principal bracke --status adopted --date 2022-04-20 >/dev/null
	samv meeting new fredagsgruppen 2022-05-20 --start 09:00 --end 12:00 >/dev/null
	samv agenda add fredagsgruppen/2022-03-11 --title Nutrition --minutes 10 >/dev/null
	sed -i '0,/^    to: 2022-12-31$/s//    to: 2022-06-30/' bodies/fredagsgruppen.yaml
	name="Johan Berglund"
	grep -q "name: $name" bodies/fredagsgruppen.yaml
	git commit -qam "avgår"
	sed -i 's/^status: given$/status: ongoing/' assignments/fredagsgruppen/2021/fast-lakarkontakt-information-till-medborgarna.yaml
	git commit -qam "pågår"
	samv diff "$base" HEAD > "$BATS_TEST_TMPDIR/d.md"
	cat "$BATS_TEST_TMPDIR/d.md"
	grep -qx -- '- svom/2021/9: adoption bracke pending → adopted' "$BATS_TEST_TMPDIR/d.md"
	grep -qx -- '- fredagsgruppen/2022-05-20: meeting added' "$BATS_TEST_TMPDIR/d.md"
	grep -q -- '^- fredagsgruppen/2022-03-11: item [0-9]* "Nutrition" added$' "$BATS_TEST_TMPDIR/d.md"
	grep -qx -- "- fredagsgruppen: member $name ended 2022-06-30" "$BATS_TEST_TMPDIR/d.md"
	grep -qx -- '- fredagsgruppen/2021/fast-lakarkontakt-information-till-medborgarna: status given → ongoing' "$BATS_TEST_TMPDIR/d.md"
	samv diff "$base" HEAD --format json > "$BATS_TEST_TMPDIR/d.json"
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["changes"]) >= 5, d' "$BATS_TEST_TMPDIR/d.json"
	# without revisions: HEAD against the work tree
	sed -i 's/^place: Teams$/place: Storsjöhallen/' meetings/svom/2021-10-08.yaml
	run -0 samv diff
	[ "$output" = "- svom/2021-10-08: place Teams → Storsjöhallen" ]
}

@test "samv diff works as git's external diff driver" {
	git config diff.samv.command "$SAMV diff --driver"
	echo '*.yaml diff=samv' > .gitattributes
	samv decision adopt svom/2021/9 --principal bracke --status rejected >/dev/null
	git log -1 -p --ext-diff --format= > "$BATS_TEST_TMPDIR/p"
	grep -q 'samv diff decisions/svom/2021/009.yaml' "$BATS_TEST_TMPDIR/p"
	grep -q 'svom/2021/9: adoption bracke pending → rejected' "$BATS_TEST_TMPDIR/p"
}

@test "samv log tells the history of one record" {
	samv decision adopt svom/2021/9 --principal bracke --status adopted --date 2022-04-20 >/dev/null
	samv decision adopt svom/2021/9 --principal bracke --status rejected --date 2022-04-22 >/dev/null
	samv log svom/2021/9 > "$BATS_TEST_TMPDIR/log"
	grep -q 'samv: decision svom/2021/9: bracke rejected$' "$BATS_TEST_TMPDIR/log"
	grep -qx '  - svom/2021/9: adoption bracke adopted → rejected' "$BATS_TEST_TMPDIR/log"
	grep -qx '  - svom/2021/9: adoption bracke pending → adopted' "$BATS_TEST_TMPDIR/log"
	[ "$(grep -c '^20' "$BATS_TEST_TMPDIR/log")" = 3 ]
	samv log --format json > "$BATS_TEST_TMPDIR/all.json"
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d) == 3 and d[0]["author"] == "Sara Sekreterare", d' "$BATS_TEST_TMPDIR/all.json"
	run -0 samv log --since 2030-01-01
	[ -z "$output" ]
}

@test "the pre-receive hook rejects a push with a duplicate key, accepts the fix" {
	git clone -q --bare . "$BATS_TEST_TMPDIR/server.git"
	cp "$SAMV_SRC/examples/hooks/pre-receive" "$BATS_TEST_TMPDIR/server.git/hooks/"
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	ln -s "$SAMV" "$BATS_TEST_TMPDIR/bin/samv"
	git remote add origin "$BATS_TEST_TMPDIR/server.git"
	sed -i 's/^kind: officials-network$/kind: officials-network\nkind: other/' bodies/fredagsgruppen.yaml
	git commit -qam "dubbel nyckel"
	PATH="$BATS_TEST_TMPDIR/bin:$PATH" run git push -q origin HEAD:master
	[ "$status" -ne 0 ]
	[[ "$output" == *"bodies/fredagsgruppen.yaml:"*"duplicate key 'kind'"*"[yaml-duplicate-key]"* ]]
	[[ "$output" == *"samv: rejected refs/heads/master"* ]]
	sed -i '/^kind: other$/d' bodies/fredagsgruppen.yaml
	git commit -qam "rättad"
	PATH="$BATS_TEST_TMPDIR/bin:$PATH" run -0 git push -q origin HEAD:master
}

@test "the pre-commit hook checks what is staged" {
	cp "$SAMV_SRC/examples/hooks/pre-commit" .git/hooks/
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	ln -s "$SAMV" "$BATS_TEST_TMPDIR/bin/samv"
	sed -i 's/^kind: officials-network$/kind: network/' bodies/fredagsgruppen.yaml
	git add bodies/fredagsgruppen.yaml
	PATH="$BATS_TEST_TMPDIR/bin:$PATH" run git commit -qm "fel"
	[ "$status" -ne 0 ]
	[[ "$output" == *"[schema]"* ]]
}

@test "two clones change different records: merge clean, check clean" {
	git clone -q --bare . "$BATS_TEST_TMPDIR/server.git"
	git clone -q "$BATS_TEST_TMPDIR/server.git" "$BATS_TEST_TMPDIR/a"
	git clone -q "$BATS_TEST_TMPDIR/server.git" "$BATS_TEST_TMPDIR/b"
	cd "$BATS_TEST_TMPDIR/a"
	samv decision adopt svom/2021/9 --principal bracke --status adopted >/dev/null
	git push -q origin HEAD
	cd "$BATS_TEST_TMPDIR/b"
	samv meeting new fredagsgruppen 2022-05-20 >/dev/null
	git pull -q --no-rebase --no-edit origin master
	run -0 samv check
	[ -f meetings/fredagsgruppen/2022-05-20.yaml ]
	grep -q 'principal: bracke' decisions/svom/2021/009.yaml
}

@test "the same § taken in two clones: check names it and says how to mend it" {
	samv meeting new fredagsgruppen 2022-05-20 >/dev/null
	samv agenda add fredagsgruppen/2022-05-20 --title A --minutes 5 >/dev/null
	samv agenda add fredagsgruppen/2022-05-20 --title B --minutes 5 >/dev/null
	git clone -q --bare . "$BATS_TEST_TMPDIR/server.git"
	git clone -q "$BATS_TEST_TMPDIR/server.git" "$BATS_TEST_TMPDIR/a"
	git clone -q "$BATS_TEST_TMPDIR/server.git" "$BATS_TEST_TMPDIR/b"
	cd "$BATS_TEST_TMPDIR/a"
	run -0 samv decide fredagsgruppen/2022-05-20 1 --text "A beslutas."
	[ "$output" = "fredagsgruppen/2022/1" ]
	git push -q origin HEAD
	cd "$BATS_TEST_TMPDIR/b"
	run -0 samv decide fredagsgruppen/2022-05-20 2 --text "B beslutas."
	[ "$output" = "fredagsgruppen/2022/1" ]
	run git pull -q --no-rebase --no-edit origin master
	[ "$status" -ne 0 ]
	run -1 samv check
	[[ "$output" == *"decisions/fredagsgruppen/2022/001.yaml:"*"merge-conflict"* ]]
	[[ "$output" == *"§ 1 was taken in two clones"*"renumbering is allowed only before justering"* ]]
}
