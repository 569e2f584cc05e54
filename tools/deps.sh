#!/bin/sh
# deps.sh - make sure the Debian packages samv needs are installed.
# Usage: tools/deps.sh build|check|fuzz|valgrind
# Installs what is missing with apt-get (as root) or sudo; otherwise
# says exactly what to install and fails.
set -u

build_pkgs="gcc make pkg-config libyaml-dev libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev"
check_pkgs="git bats strace mandoc man-db json-schema-test-suite python3 python3-yaml python3-jsonschema cppcheck cmark-gfm"

fuzz_pkgs="clang libclang-rt-14-dev"
valgrind_pkgs="valgrind"

case "${1:-build}" in
build) want=$build_pkgs ;;
check) want="$build_pkgs $check_pkgs" ;;
fuzz) want="$build_pkgs $fuzz_pkgs" ;;
valgrind) want="$build_pkgs $check_pkgs $valgrind_pkgs" ;;
*) echo "usage: tools/deps.sh build|check|fuzz|valgrind" >&2; exit 2 ;;
esac

missing=
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "samv: missing packages:$missing" >&2
	echo "samv: this is not a Debian-like system; install the equivalents of:$missing" >&2
	exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
	run=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	run="sudo -n"
else
	echo "samv: missing Debian packages:$missing" >&2
	echo "samv: run as root, or: sudo apt-get install$missing" >&2
	exit 1
fi

echo "samv: installing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# An outdated package list is the usual reason an install fails.
$run apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 || {
	$run apt-get update -q >/dev/null 2>&1
	$run apt-get install -y -q --no-install-recommends $missing >&2
} || { echo "samv: apt-get install$missing failed" >&2; exit 1; }
