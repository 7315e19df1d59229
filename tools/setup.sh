#!/bin/sh
# Installs what sitec needs to build and test on Debian 12, with apt-get.
# Idempotent: when every package is already there it prints nothing and
# touches nothing. Needs root (or sudo) only when something is missing.
set -eu

PACKAGES="gcc clang libclang-rt-14-dev flex bison meson ninja-build pkg-config
libyaml-dev libyajl-dev libjansson-dev libgit2-dev libssl-dev libcurl4-openssl-dev libcmocka-dev valgrind python3 jq
time bc python3-yaml python3-ruamel.yaml"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "setup: installing:$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
