#!/usr/bin/env bats
# The schemas mean the same to other draft-07 validators: python-jsonschema
# (Debian) and ajv (npm, when CI installed it), on JSON exported by samv's
# own loader (YAML 1.1 readers would turn dates and 13:00 into other types).

load lib

Y2J=$SAMV_BUILD/tests/yaml2json

kind_of() {
	case $1 in
	samv.yaml) echo samv ;;
	bodies/*) echo body ;;
	meetings/*) echo meeting ;;
	decisions/*) echo decision ;;
	assignments/*) echo assignment ;;
	esac
}

# export DIR OUT: every record of DIR as OUT/<kind>/<n>.json
export_tree() {
	local n=0 f k
	mkdir -p "$2"
	(cd "$1" && find samv.yaml bodies meetings decisions assignments -name '*.yaml' | sort) > "$2/list"
	while read -r f; do
		k=$(kind_of "$f")
		mkdir -p "$2/$k"
		n=$((n + 1))
		"$Y2J" "$1/$f" > "$2/$k/$n.json"
		echo "$2/$k/$n.json $f" >> "$2/map"
	done < "$2/list"
}

python_verdicts() {	# python_verdicts OUT: "valid|invalid FILE" lines
	python3 - "$1" "$SAMV_SRC/schema" <<'PY'
import json, sys, os, jsonschema
out, schema_dir = sys.argv[1], sys.argv[2]
for line in open(os.path.join(out, "map")):
    js, rec = line.split()
    kind = js.split("/")[-2]
    schema = json.load(open(os.path.join(schema_dir, kind + ".schema.json")))
    v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.draft7_format_checker)
    ok = not list(v.iter_errors(json.load(open(js))))
    print(("valid" if ok else "invalid"), rec)
PY
}

@test "python-jsonschema accepts every record of both examples" {
	for ex in jamtland jonkoping; do
		export_tree "$SAMV_SRC/examples/$ex" "$BATS_TEST_TMPDIR/$ex"
		python_verdicts "$BATS_TEST_TMPDIR/$ex" > "$BATS_TEST_TMPDIR/$ex.v"
		[ "$(wc -l < "$BATS_TEST_TMPDIR/$ex.v")" -gt 5 ]
		if grep '^invalid' "$BATS_TEST_TMPDIR/$ex.v"; then return 1; fi
	done
}

@test "python-jsonschema and samv agree on broken records" {
	mini "$BATS_TEST_TMPDIR/r"
	cd "$BATS_TEST_TMPDIR/r"
	sed -i 's/^kind: political-assembly$/kind: parliament/' bodies/svom.yaml
	sed -i 's/^  - name: Eva Region$/  - namn: Eva Region/' bodies/fg.yaml
	sed -i 's/^date: 2021-09-24$/date: 2021-09-31/' decisions/fg/2021/001.yaml
	sed -i 's/^due: 2022-06-30$/due: someday/' assignments/fg/2021/plan.yaml
	run -1 samv check
	echo "$output" | grep '\[schema\]' | cut -d: -f1 | sort -u > samv.bad
	export_tree . "$BATS_TEST_TMPDIR/out"
	python_verdicts "$BATS_TEST_TMPDIR/out" | grep '^invalid' | cut -d' ' -f2 | sort > py.bad
	diff samv.bad py.bad
	[ "$(wc -l < py.bad)" -eq 4 ]
}

@test "ajv (draft-07) accepts every record of both examples" {
	AJV=$SAMV_SRC/build/npm/node_modules/.bin/ajv
	[ -x "$AJV" ] || skip "ajv-cli not installed (CI installs it into build/npm)"
	for ex in jamtland jonkoping; do
		export_tree "$SAMV_SRC/examples/$ex" "$BATS_TEST_TMPDIR/$ex"
		for k in samv body meeting decision assignment; do
			run -0 "$AJV" validate --spec=draft7 -c ajv-formats \
				-s "$SAMV_SRC/schema/$k.schema.json" -d "$BATS_TEST_TMPDIR/$ex/$k/*.json"
		done
	done
}
