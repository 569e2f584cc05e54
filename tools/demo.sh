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
