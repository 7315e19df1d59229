#!/bin/sh
# Proves the README on a fresh Debian 12: debootstraps a minimal bookworm
# into a folder, clones this repository's HEAD into it, and runs the
# README's two commands there as root (tools/run-example.sh, then .ci/run).
# Needs root, debootstrap and Debian's mirror; takes about ten minutes.
#   tools/fresh-debian-check.sh [ROOTDIR]   (default: a new folder in /tmp)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-$(mktemp -d /tmp/sitec-debian.XXXXXX)}

command -v debootstrap >/dev/null ||
	apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
[ -x "$root/bin/bash" ] ||
	debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
cp /etc/resolv.conf "$root/etc/resolv.conf"
for fs in proc dev dev/pts; do
	mountpoint -q "$root/$fs" || mount --bind "/$fs" "$root/$fs"
done
trap 'for fs in dev/pts dev proc; do umount "$root/$fs" 2>/dev/null || true; done' EXIT

rm -rf "$root/root/sitec"
git clone -q "$top" "$root/root/sitec"
chroot "$root" /bin/sh -c 'cd /root/sitec && ./tools/run-example.sh'
chroot "$root" /bin/sh -c 'cd /root/sitec && CI=true sh .ci/run </dev/null'
