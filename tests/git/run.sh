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

# --- compile --rev and check --rev -------------------------------------------------
# A repository with the example fleet at two revisions (the second adds
# a file() read and changes one site), the fleet in fleet/ below the root.
repo=$tmp/repo
git init -q "$repo" && cp -r "$src/examples/fleet" "$repo/fleet" &&
	(cd "$repo" && git add -A && git commit -qm one && git tag one) &&
	printf 'BOS-0002' >"$repo/fleet/store-bos.txt" &&
	sed -i 's/store = "BOS-0002"/store = file("..\/store-bos.txt")/' \
		"$repo/fleet/sites/boston-01.site" &&
	sed -i 's/mgmt_ip = "10.32.11.10"/mgmt_ip = "10.32.11.11"/' \
		"$repo/fleet/sites/boston-01.site" &&
	(cd "$repo" && git add -A && git commit -qm two)
check "fixture: a repository with two revisions" $?

# same_as_worktree OUT_REV REV: OUT_REV equals a work-tree compile of a
# checkout of REV, but for "source" in bundle.json and fleet.json, which
# name REV's commit and fleet/
same_as_worktree() {
	rm -rf "$tmp/co" "$tmp/wt-out" && mkdir "$tmp/co" &&
	(cd "$repo" && git archive "$2" fleet) | tar -x -C "$tmp/co" &&
	sc compile -o "$tmp/wt-out" "$tmp/co/fleet" >/dev/null 2>&1 &&
	rm -f "$tmp/wt-out/.sitec-cache" &&
	/usr/bin/python3 - "$1" "$tmp/wt-out" "$(cd "$repo" && git rev-parse "$2")" <<'PY'
import json, os, sys
rev_out, wt_out, commit = sys.argv[1:]
def files(d):
    return sorted(os.path.relpath(os.path.join(r, f), d)
                  for r, _, fs in os.walk(d) for f in fs)
assert files(rev_out) == files(wt_out), (files(rev_out), files(wt_out))
for f in files(wt_out):
    a = open(os.path.join(rev_out, f), 'rb').read()
    b = open(os.path.join(wt_out, f), 'rb').read()
    if f.endswith('bundle.json') or f == 'fleet.json':
        ja, jb = json.loads(a), json.loads(b)
        assert ja.pop('source') == {'commit': commit, 'path': 'fleet'}, f
        assert jb.pop('source') == {}, f
        assert ja == jb, f
    else:
        assert a == b, f
PY
}
(cd "$repo" && sc compile --rev one -o "$tmp/rev1" fleet >/dev/null 2>err1) &&
	same_as_worktree "$tmp/rev1" one &&
	(cd "$repo" && sc compile --rev HEAD -o "$tmp/rev2" fleet >/dev/null 2>err2) &&
	same_as_worktree "$tmp/rev2" HEAD &&
	! cmp -s "$tmp/rev1/sites/boston-01/os.json" "$tmp/rev2/sites/boston-01/os.json"
check "compile --rev at two revisions = work-tree compiles + source" $?

[ ! -s "$repo/err2" ] && grep -q 'the work tree differs from one' "$repo/err1"
check "a note when the work tree differs from REV, none when not" $?
rm -f "$repo/err1" "$repo/err2"

id=$(cd "$repo" && git rev-parse HEAD~1)
sc compile --rev "$(echo "$id" | cut -c1-9)" --repo "$repo" -o "$tmp/rev1b" fleet >/dev/null 2>&1 &&
	diff -r "$tmp/rev1" "$tmp/rev1b" >/dev/null &&
	(cd "$repo/fleet/sites" && sc compile --rev HEAD~1 -o "$tmp/rev1c" .. >/dev/null 2>&1) &&
	diff -r "$tmp/rev1" "$tmp/rev1c" >/dev/null
check "--repo DIR, a short id; FLEETDIR relative to the current directory" $?

git clone -q --bare "$repo" "$tmp/bare.git" &&
	sc compile --rev one --repo "$tmp/bare.git" -o "$tmp/rev1d" fleet >/dev/null 2>err &&
	[ ! -s err ] && diff -r "$tmp/rev1" "$tmp/rev1d" >/dev/null
check "a bare repository: compile --rev works, no work-tree note" $?

(cd "$repo" && sc check --rev one fleet >out 2>/dev/null && grep -q '12 sites checked, no errors' out)
check "check --rev" $?

sed -i 's/store-bos.txt/store-nope.txt/' "$repo/fleet/sites/boston-01.site" &&
	(cd "$repo" && git commit -qam broken) &&
	(cd "$repo" && sc check --rev HEAD fleet >/dev/null 2>err; [ $? = 1 ]) &&
	short=$(cd "$repo" && git rev-parse --short=12 HEAD) &&
	grep -q "^$short:fleet/sites/boston-01.site:14:[0-9]*: error\[E0514\]" "$repo/err" &&
	(cd "$repo" && git show "$short:fleet/sites/boston-01.site" >/dev/null) &&
	(cd "$repo" && sc compile --rev HEAD -o "$tmp/broken" fleet >/dev/null 2>&1; [ $? = 1 ]) &&
	[ ! -e "$tmp/broken/fleet.json" ]
check "errors at a revision: ID:PATH:LINE:COL (git show opens it), exit 1" $?

sed -i 's/store-nope.txt/..\/..\/..\/etc\/hostname/' "$repo/fleet/sites/boston-01.site" &&
	(cd "$repo" && git commit -qam escape) &&
	(cd "$repo" && sc check --rev HEAD fleet >/dev/null 2>err; [ $? = 1 ]) &&
	grep -q 'E0513' "$repo/err"
check "file() cannot leave the revision's tree" $?

cd "$tmp"
sc check --rev HEAD >/dev/null 2>err; r1=$?
(cd "$repo" && sc check --rev no-such-rev fleet >/dev/null 2>err); r2=$?
(cd "$repo" && sc check --rev one nowhere >/dev/null 2>err); r3=$?
(cd "$repo" && sc check --repo . fleet >/dev/null 2>err); r4=$?
(cd "$repo" && sc compile --rev one -o "$tmp/x" fleet fleet >/dev/null 2>err); r5=$?
[ "$r1$r2$r3$r4$r5" = 22222 ] && [ ! -e "$tmp/x" ]
check "not a repository, unknown revision, FLEETDIR not in the tree, --repo alone, two FLEETDIRs: exit 2" $?

echo "1..$n"
exit $failed
