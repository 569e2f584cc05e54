#!/usr/bin/env bats
# The hardened loader: hostile YAML is refused with path:line:col, never
# a crash, never a hang (timeout guards each run).

load lib

setup() {
	R=$BATS_TEST_TMPDIR/r
	mini "$R"
	cd "$R"
	F=bodies/fg.yaml
}

refused() {	# refused RULE LINE COL: samv check exits 1 with that finding
	run timeout 10 "$SAMV" check
	[ "$status" -eq 1 ] || { echo "exit $status: $output" >&2; return 1; }
	[[ "$output" == *"$F:$2:$3: error: "*"[$1]"* ]] || { echo "$output" >&2; return 1; }
}

@test "an alias bomb (billion laughs) is refused at its first anchor" {
	python3 - <<'PY'
lines = ['id: fg', 'name: x', 'kind: other', 'political: false', 'a0: &a0 ["lol"]']
for i in range(1, 10):
    lines.append('a%d: &a%d [%s]' % (i, i, ', '.join(['*a%d' % (i - 1)] * 10)))
open('bodies/fg.yaml', 'w').write('\n'.join(lines) + '\n')
PY
	refused yaml-alias 5 5
	[[ "$output" == *"anchor '&a0' is not allowed in records"* ]]
}

@test "an alias alone is refused" {
	printf 'id: fg\nname: *x\n' > $F
	refused yaml-alias 2 7
}

# elapsed_ms CMD...: runs CMD, sets ms to the wall time it took
elapsed_ms() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	t1=$(date +%s%N)
	ms=$(((t1 - t0) / 1000000))
}

@test "100 000 levels of flow nesting are refused quickly" {
	python3 -c "open('bodies/fg.yaml','w').write('id: ' + '[' * 100000 + '\n')"
	refused yaml-depth 1 68
	# libyaml alone is quadratic here (58 s); counting depth in the
	# event loop stops it early. A generous bound, not a benchmark, and
	# none under valgrind.
	skip_under_valgrind
	elapsed_ms "$SAMV" check
	[ "$ms" -lt 2000 ] || { echo "took $ms ms"; return 1; }
}

@test "100 000 levels of block nesting are refused quickly" {
	python3 -c "open('bodies/fg.yaml','w').write('- ' * 100000 + 'x\n')"
	refused yaml-depth 1 129
}

@test "a duplicate key is refused at the second occurrence" {
	printf 'id: fg\nname: A\nkind: other\nname: B\npolitical: false\n' > $F
	refused yaml-duplicate-key 4 1
	[[ "$output" == *"duplicate key 'name' (first at line 2)"* ]]
}

@test "a duplicate key deep inside a list item is found" {
	cat "$FIXTURES/mini/$F" > $F
	sed -i '0,/    role: chair/s//    role: chair\n    role: member/' $F
	refused yaml-duplicate-key 12 5
}

@test "invalid UTF-8 is refused at its byte's place" {
	printf 'id: fg\nname: "Fredags\xffgruppen"\n' > $F
	refused yaml-utf8 2 15
}

@test "a NUL byte is refused" {
	printf 'id: fg\nname: a\0b\n' > $F
	refused yaml-utf8 2 8
}

@test "a control character is refused" {
	printf 'id: fg\nname: a\x01b\n' > $F
	refused yaml-utf8 2 8
}

@test "a 2 MiB file is refused without being parsed" {
	{ printf 'id: fg\nnotes:\n'; yes '  - "padding padding padding padding padding"' | head -n 50000; } > $F
	[ "$(stat -c %s $F)" -gt 2000000 ]
	refused yaml-size 1 1
}

@test "more than one document is refused" {
	printf 'id: fg\n---\nid: other\n' > $F
	refused yaml-multidoc 2 1
}

@test "tags are refused" {
	printf 'id: !!str fg\n' > $F
	refused yaml 1 5
}

@test "a syntax error names line and column" {
	printf 'id: fg\nname: [unclosed\n' > $F
	refused yaml 3 1
}

@test "an empty file is an error, not a crash" {
	: > $F
	refused yaml 1 1
}

@test "a BOM is accepted and columns stay right" {
	printf '\xef\xbb\xbfid: fg\nname: Fredagsgruppen\nkind: parliament\npolitical: false\n' > $F
	run -1 samv check
	[[ "$output" == *"$F:3:7: error: "*"[schema]"* ]]
}

@test "columns count characters, not bytes" {
	printf 'id: fg\nname: Fredagsgruppen\nkind: other\npolitical: false\nmandate: {decides: "\303\245\303\244\303\266", bogus: 1}\n' > $F
	run -1 samv check
	[[ "$output" == *"$F:5:27: error: unknown key 'bogus'"*"[schema]"* ]]
}
