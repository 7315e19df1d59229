#!/bin/sh
# tests/git/run.sh - the GitOps commands end to end, as TAP: keygen and
# verify-bundle (modes, no overwrite, a flipped byte fails), and the
# commands that read git (compile --rev, check --rev) on real
# repositories made here with the `git` command.
#
#   run.sh SITEC SRCDIR    (SRCDIR: the source tree's root)
# SITEC_WRAPPER (e.g. valgrind) runs sitec under a tool, as run.py does.
set -u
sitec=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
failed=0
export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" GIT_AUTHOR_NAME=t \
	GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t \
	GIT_COMMITTER_EMAIL=t@example.com
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check() { if [ "$2" = 0 ]; then ok "$1"; else not_ok "$1"; fi; }
sc() { ${SITEC_WRAPPER:-} "$sitec" "$@"; }
show() { sed 's/^/# /' "$@"; }

# --- keygen ------------------------------------------------------------------
cd "$tmp" || exit 1
sc keygen key >out 2>err; rc=$?
[ $rc = 0 ] && [ "$(stat -c %a key)" = 600 ] &&
	[ "$(stat -c %a key.pub)" = 644 ] &&
	grep -qx 'sitec-ed25519-secret [A-Za-z0-9+/]*=' key &&
	grep -qx 'sitec-ed25519-public [A-Za-z0-9+/]*=' key.pub &&
	[ "$(wc -l <key)" = 1 ] && [ ! -s err ]
check "keygen: secret 0600, public 0644, one line each" $?

cp key key.before
sc keygen key >out 2>err; rc=$?
[ $rc = 2 ] && cmp -s key key.before && grep -q 'never overwritten' err
check "keygen refuses an existing key file (exit 2, file unchanged)" $?

umask 000
sc keygen key2 >/dev/null 2>&1 && [ "$(stat -c %a key2)" = 600 ]
check "keygen: 0600 whatever the umask" $?
umask 022

sc keygen >/dev/null 2>err; rc=$?
[ $rc = 2 ]
check "keygen without KEYFILE: usage error" $?

sc keygen "$tmp/no/such/dir/k" >/dev/null 2>err; rc=$?
[ $rc = 3 ] && [ ! -e "$tmp/no" ]
check "keygen into a missing directory: I/O error" $?

# --- verify-bundle on a compile's output ---------------------------------------
sc compile -o out1 "$src/examples/fleet" >/dev/null 2>&1
sc verify-bundle out1 >vout 2>verr && grep -q 'ok: fleet.json and 12 sites' vout
check "verify-bundle: a compile's output tree verifies" $?

sc verify-bundle out1/sites/boston-01 >vout 2>verr &&
	grep -q 'ok: site boston-01, version 0' vout
check "verify-bundle: one site's bundle verifies" $?

printf 'x' >>out1/sites/boston-01/os.json
sc verify-bundle out1 >vout 2>verr; rc=$?
[ $rc = 1 ] && grep -q 'sites/boston-01: os.json: its sha256' verr
check "verify-bundle: a changed file fails (exit 1, names it)" $?

sc verify-bundle --key key.pub out1/sites/chicago-01 >vout 2>verr; rc=$?
[ $rc = 1 ] && grep -q 'bundle.sig is missing' verr
check "verify-bundle --key: an unsigned bundle fails" $?

for bad in key nonexistent.pub; do
	sc verify-bundle --key $bad out1 >vout 2>verr; rc=$?
	[ $rc = 2 ] || break
done
[ $rc = 2 ] && printf 'sitec-ed25519-public AAAA\n' >bad.pub &&
	{ sc verify-bundle --key bad.pub out1 >vout 2>verr; [ $? = 2 ]; }
check "verify-bundle: secret key, missing or malformed key file: exit 2" $?

sc verify-bundle "$tmp" >vout 2>verr; rc=$?
[ $rc = 1 ] && grep -q 'neither bundle.json nor fleet.json' verr
check "verify-bundle: a directory that is not a bundle" $?

echo "1..$n"
exit $failed
