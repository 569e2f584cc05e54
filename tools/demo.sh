#!/bin/sh
# demo.sh - the main job on a bundled example region, in a temporary
# repository: init from the example, check it, summarise it.
# Usage: SAMV=build/bin/samv sh tools/demo.sh examples/jamtland
set -eu

example=${1:-examples/jamtland}
samv=${SAMV:-build/bin/samv}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/samv-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# A fresh machine has no git identity; the demo brings its own.
if ! git config user.email >/dev/null 2>&1; then
	: "${GIT_AUTHOR_NAME:=samv demo}" "${GIT_AUTHOR_EMAIL:=demo@samv.invalid}"
	export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL
fi

repo=$tmp/$(basename "$example")
echo "== samv init --from $example"
"$samv" init "$repo" --from "$example"
echo
echo "== samv check"
"$samv" -C "$repo" check --summary
echo
echo "== the records, as git holds them"
git -C "$repo" log --format='%h %an: %s' --stat=72 | sed -n '1p;$p'
for d in bodies meetings decisions assignments; do
	printf '  %-12s %3d files\n' "$d/" "$(git -C "$repo" ls-files "$d" | grep -c '\.yaml$')"
done
echo
echo "== a secretary sends the SVOM agenda late and mistypes a member's name"
sed -i 's/^  published: 2021-10-01$/  published: 2021-10-06/; s/^    - Lennart Ledin$/    - Lennart Ledinn/' \
	"$repo/meetings/svom/2021-10-08.yaml"
"$samv" -C "$repo" check || echo "(samv check exited $?)"
echo
echo "== the committed revision is still valid (check --rev HEAD, as a server hook would run it)"
"$samv" -C "$repo" check --rev HEAD --summary
git -C "$repo" checkout -q -- .

echo
echo "== samv agenda new fredagsgruppen --no-edit (its next meeting, from its rules and records)"
"$samv" -C "$repo" meeting new fredagsgruppen 2022-05-20 --start 09:00 --place Teams >/dev/null
SAMV_TODAY=2022-05-01 "$samv" -C "$repo" agenda new fredagsgruppen --no-edit >/dev/null
"$samv" -C "$repo" agenda show fredagsgruppen/2022-05-20
echo
echo "== samv agenda show svom/2021-10-08 (seed 003)"
"$samv" -C "$repo" agenda show svom/2021-10-08
echo
echo "== samv protocol extract svom/2021/9 (seed 003: Protokollsutdrag SVOM 26 februari 2021 - §9)"
"$samv" -C "$repo" protocol extract svom/2021/9
echo
echo "== git log: every change is one commit"
git -C "$repo" log --format='%h %s' -4

echo
echo "== samv report followup --body fredagsgruppen --as-of 2022-07-01 (the balanslista)"
"$samv" -C "$repo" report followup --body fredagsgruppen --as-of 2022-07-01
echo
echo "== samv report plan fredagsgruppen/2021/nara-vard-plan (seed 003's Nära vård plan)"
"$samv" -C "$repo" report plan fredagsgruppen/2021/nara-vard-plan --as-of 2022-07-01
