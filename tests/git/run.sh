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

# --- publish ----------------------------------------------------------------------
pub=$tmp/pub
git init -q "$pub" && cp -r "$src/examples/fleet" "$pub/fleet" &&
	(cd "$pub" && git add -A && git commit -qm one)
cd "$pub" || exit 1
packs() { ls .git/objects/pack/*.idx 2>/dev/null | sort; }
sc publish --branch deploy fleet >out 2>err &&
	grep -q 'published version 1 on deploy' out &&
	[ "$(git rev-list --count deploy)" = 1 ] &&
	git log -1 --format=%B deploy | grep -qx 'Sitec-Publish: 1' &&
	git show deploy:fleet.json | grep -q '"version": 1' &&
	[ "$(packs | wc -l)" = 1 ] && git fsck --strict >/dev/null 2>&1
check "publish: version 1, one commit, one packfile, fsck --strict clean" $?

packs >"$tmp/packs1"
tip1=$(git rev-parse deploy)
sc publish --branch deploy fleet >out 2>err &&
	grep -q 'nothing changed' out && [ "$(git rev-parse deploy)" = "$tip1" ] &&
	packs | cmp -s - "$tmp/packs1"
check "publish of an unchanged fleet: no commit, nothing written" $?

sed -i 's/mgmt_ip = "10.32.11.10"/mgmt_ip = "10.32.11.11"/' fleet/sites/boston-01.site &&
	git commit -qam two && sc publish --branch deploy fleet >out 2>err &&
	grep -q '0 added, 1 changed, 0 removed, 11 unchanged' out &&
	git ls-tree deploy~1:sites >"$tmp/t1" && git ls-tree deploy:sites >"$tmp/t2" &&
	[ "$(diff "$tmp/t1" "$tmp/t2" | grep -c '^>')" = 1 ] &&
	diff "$tmp/t1" "$tmp/t2" | grep -q '^>.*	boston-01$' &&
	git show deploy:sites/boston-01/bundle.json | grep -q '"version": 2' &&
	git show deploy:sites/paris-01/bundle.json | grep -q '"version": 1' &&
	git show deploy:fleet.json | grep -q '"version": 2' &&
	git fsck --strict >/dev/null 2>&1
check "one changed site: only its tree id differs, its version 2, the others 1" $?

new=$(packs | comm -13 "$tmp/packs1" -)
[ "$(echo "$new" | wc -l)" = 1 ] && [ "$(git show-index <"$new" | wc -l)" = 8 ]
check "the new packfile holds only the changed site's objects and the trees above (8)" $?

rm -rf "$tmp/co" && mkdir "$tmp/co" && git archive deploy | tar -x -C "$tmp/co" &&
	sc compile -o "$tmp/co-out" fleet >/dev/null 2>&1 &&
	/usr/bin/python3 - "$tmp/co" "$tmp/co-out" "$(git rev-parse HEAD)" <<'PY'
import json, os, sys
pub, out, head = sys.argv[1:]
sites = sorted(os.listdir(os.path.join(out, 'sites')))
assert sites == sorted(os.listdir(os.path.join(pub, 'sites')))
for s in sites:
    for f in ('api.json', 'k8s.yaml', 'os.json'):
        a = open(os.path.join(pub, 'sites', s, f), 'rb').read()
        assert a == open(os.path.join(out, 'sites', s, f), 'rb').read(), (s, f)
    a = json.load(open(os.path.join(pub, 'sites', s, 'bundle.json')))
    b = json.load(open(os.path.join(out, 'sites', s, 'bundle.json')))
    assert a.pop('version') == (2 if s == 'boston-01' else 1)
    assert a.pop('source')['path'] == 'fleet' and b.pop('source') == {}
    b.pop('version')
    assert a == b, s
f = json.load(open(os.path.join(pub, 'fleet.json')))
g = json.load(open(os.path.join(out, 'fleet.json')))
assert f['sites'] == g['sites'] and f['version'] == 2
assert f['source'] == {'commit': head, 'path': 'fleet'}
PY
check "the branch checked out by git = compile -o (but version and source)" $?

sc keygen "$tmp/sign" >/dev/null 2>&1 &&
	sed -i 's/mgmt_ip = "10.32.11.11"/mgmt_ip = "10.32.11.12"/' fleet/sites/boston-01.site &&
	sed -i 's/^site paris-01 \(.*\){/site paris-01 \1{\n  labels.wave = "one"/' fleet/sites/paris-01.site &&
	git commit -qam three && sc publish --branch signed --sign-key "$tmp/sign" fleet >out 2>err &&
	rm -rf "$tmp/sco" && mkdir "$tmp/sco" && git archive signed | tar -x -C "$tmp/sco" &&
	sc verify-bundle --key "$tmp/sign.pub" "$tmp/sco" >/dev/null 2>&1
check "publish --sign-key: every bundle.sig and fleet.sig verify" $?

r=0
for f in fleet.json fleet.sig sites/boston-01/bundle.json sites/boston-01/bundle.sig \
	 sites/boston-01/k8s.yaml sites/boston-01/api.json sites/boston-01/os.json; do
	size=$(stat -c %s "$tmp/sco/$f")
	for at in 0 $((size / 2)) $((size - 2)); do
		cp "$tmp/sco/$f" "$tmp/orig"
		/usr/bin/python3 -c 'import sys; p, i = sys.argv[1], int(sys.argv[2]); b = bytearray(open(p, "rb").read()); b[i] ^= 1; open(p, "wb").write(b)' "$tmp/sco/$f" "$at"
		sc verify-bundle --key "$tmp/sign.pub" "$tmp/sco" >/dev/null 2>&1
		[ $? = 1 ] || { r=1; echo "# $f byte $at: still verifies"; }
		cp "$tmp/orig" "$tmp/sco/$f"
	done
done
sc verify-bundle --key "$tmp/sign.pub" "$tmp/sco" >/dev/null 2>&1 || r=1
check "one flipped byte in any file of a signed tree fails verification" $r

sc verify-bundle --key "$tmp/sign.pub" signed:sites/boston-01 >out 2>&1 &&
	grep -q 'ok: site boston-01, version 1, .*signed' out &&
	sc verify-bundle --key "$tmp/sign.pub" signed: >out 2>&1 &&
	grep -q 'ok: fleet.json and 12 sites, all signed' out &&
	(cd "$tmp" && sc verify-bundle --repo "$pub" --key "$tmp/sign.pub" signed:sites/paris-01 >/dev/null 2>&1) &&
	{ sc verify-bundle --key "$tmp/sign.pub" deploy:sites/boston-01 >/dev/null 2>&1; [ $? = 1 ]; } &&
	{ sc verify-bundle signed:sites/nope >/dev/null 2>&1; [ $? = 2 ]; } &&
	{ sc verify-bundle nope:sites/boston-01 >/dev/null 2>&1; [ $? = 2 ]; }
check "verify-bundle REV:sites/NAME and REV: read from git (signed, unsigned, bad paths)" $?

git branch -q foreign HEAD~1 && before=$(git rev-parse foreign)
sc publish --branch foreign fleet >out 2>err; rc=$?
[ $rc = 2 ] && grep -q 'not written by sitec publish' err &&
	[ "$(git rev-parse foreign)" = "$before" ]
check "a branch not written by publish is refused, untouched" $?

# A lock on the branch's ref that nobody releases (a git or a publish
# killed while holding it) is named, not reported as a race.
tipd=$(git rev-parse deploy)
sed -i 's/tier = "gold"/tier = "silver"/' fleet/sites/paris-01.site &&
	git commit -qam "lock test" &&
	lock="$(git rev-parse --git-dir)/refs/heads/deploy.lock" &&
	: >"$lock" &&
	{ sc publish --branch deploy fleet >out 2>err; [ $? = 3 ]; } &&
	grep -q 'branch deploy is locked: .*refs/heads/deploy.lock exists' err &&
	[ "$(git rev-parse deploy)" = "$tipd" ] &&
	rm -f "$lock" &&
	sc publish --branch deploy fleet >out 2>err &&
	[ "$(git rev-parse deploy)" != "$tipd" ]
r=$?
rm -f "$lock"
[ $r = 0 ] || show err
# the tests below expect the repository and the branch as they were
git reset -q --hard HEAD~1 && git update-ref refs/heads/deploy "$tipd"
check "a stale lock on the branch is named in the error; once removed, publish goes on" $r

tipd=$(git rev-parse deploy)
printf 'site broken-01 : nosuchprofile {\n}\n' >fleet/sites/broken-01.site &&
	git add -A && git commit -qm broken &&
	{ sc publish --branch deploy fleet >out 2>err; [ $? = 1 ]; } &&
	[ "$(git rev-parse deploy)" = "$tipd" ] && grep -q 'nothing published' err
r=$?
git rm -q fleet/sites/broken-01.site && git commit -qm unbroken
check "a fleet with errors: exit 1, the branch untouched" $r

for k in "$tmp/sign.pub" "$tmp/nope"; do
	sc publish --branch deploy --sign-key "$k" fleet >/dev/null 2>err; [ $? = 2 ] || break
done
[ $? = 0 ] && { sc publish --branch deploy --rev nope fleet >/dev/null 2>&1; [ $? = 2 ]; } &&
	{ sc publish --branch deploy nowhere >/dev/null 2>&1; [ $? = 2 ]; } &&
	{ sc publish fleet >/dev/null 2>&1; [ $? = 2 ]; } &&
	[ "$(git rev-parse deploy)" = "$tipd" ]
check "publish: a public or missing key, unknown rev, no FLEETDIR, no --branch: exit 2" $?

git init -q --bare "$tmp/edge.git" &&
	sc publish --branch live --to "$tmp/edge.git" fleet >out 2>err &&
	git -C "$tmp/edge.git" show live:fleet.json | grep -q "\"commit\": \"$(git rev-parse HEAD)\"" &&
	git -C "$tmp/edge.git" fsck --strict >/dev/null 2>&1 &&
	[ -z "$(find "$tmp/edge.git/objects" -type f ! -path '*/pack/*' ! -path '*/info/*')" ]
check "publish --to a bare repository: one pack, no loose object, fsck clean" $?

SITEC_TEST_PUBLISH_RACE=1 sc publish --branch deploy fleet >out 2>err; rc=$?
[ $rc = 3 ] && grep -q 'moved 16 times' err && git fsck --strict >/dev/null 2>&1
check "a branch moved on every attempt: gives up after 16, exit 3" $?

# two publishes of different revisions from two processes, repeated: both
# commits land, numbered in order, nothing lost
revA=$(git rev-parse HEAD~3) revB=$(git rev-parse HEAD)
r=0
for i in 1 2 3 4 5 6; do
	sc publish --branch race$i --rev "$revA" fleet >"$tmp/ra" 2>&1 &
	pa=$!
	sc publish --branch race$i --rev "$revB" fleet >"$tmp/rb" 2>&1 &
	pb=$!
	wait $pa || r=1
	wait $pb || r=1
	[ "$(git rev-list --count race$i)" = 2 ] || r=1
	git log --format=%B race$i | grep '^Sitec-Source:' | sort >"$tmp/srcs"
	printf 'Sitec-Source: %s\nSitec-Source: %s\n' "$revA" "$revB" | sort | cmp -s - "$tmp/srcs" || r=1
	git show race$i:fleet.json | grep -q '"version": 2' || r=1
done
git fsck --strict >/dev/null 2>&1 || r=1
check "two racing publishes of different revisions: both commits, numbered 1 and 2 (x6)" $r

# killed at random points: the branch is at the old or the new commit
r=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	old=$(git rev-parse deploy)
	rev=$([ $((i % 2)) = 0 ] && echo "$revA" || echo "$revB")
	# not through sc: $! must be sitec itself, not a subshell
	${SITEC_WRAPPER:-} "$sitec" publish --branch deploy --rev "$rev" fleet >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$(( (i * 7) % 10 ))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	now=$(git rev-parse deploy)
	[ "$now" = "$old" ] || [ "$(git rev-parse "$now~1")" = "$old" ] ||
		{ r=1; echo "# kill $i: deploy at $now, was $old"; }
	git fsck --strict >"$tmp/fsck" 2>&1 || { r=1; echo "# fsck after kill $i:"; show "$tmp/fsck"; }
done
check "publish killed (SIGKILL) at random points: old or new tip, fsck clean" $r
cd "$tmp"

# --- affected ----------------------------------------------------------------------
aff=$tmp/aff
git init -q "$aff" && cp -r "$src/examples/fleet" "$aff/fleet" &&
	printf 'BOS-0002' >"$aff/fleet/store-bos.txt" &&
	sed -i 's/store = "BOS-0002"/store = file("..\/store-bos.txt")/' \
		"$aff/fleet/sites/boston-01.site" &&
	(cd "$aff" && git add -A && git commit -qm base)
cd "$aff" || exit 1

# truth A B: the affected sites by comparing two work-tree compiles, as
# {"added": [...], "removed": [...], "changed": {SITE: [FILES]}}
truth() {
	for r in "$1" "$2"; do
		rm -rf "$tmp/tr-$r" && mkdir -p "$tmp/tr-$r" &&
		git archive "$r" fleet | tar -x -C "$tmp/tr-$r" &&
		sc compile -o "$tmp/tr-$r/out" "$tmp/tr-$r/fleet" >/dev/null 2>&1
	done
	/usr/bin/python3 - "$tmp/tr-$1/out" "$tmp/tr-$2/out" <<'PY'
import json, os, sys
a, b = (json.load(open(os.path.join(d, 'fleet.json')))['sites'] for d in sys.argv[1:])
changed = {}
for s in sorted(set(a) & set(b)):
    if a[s] != b[s]:
        fs = [f for f in ('api.json', 'k8s.yaml', 'os.json')
              if open(os.path.join(sys.argv[1], 'sites', s, f), 'rb').read()
              != open(os.path.join(sys.argv[2], 'sites', s, f), 'rb').read()]
        changed[s] = sorted(fs + ['bundle.json'])
print(json.dumps({'added': sorted(set(b) - set(a)),
                  'removed': sorted(set(a) - set(b)), 'changed': changed}))
PY
}
# affected_ok A B EXPECT: `affected --format json` equals the truth, and
# its text output's site names equal EXPECT (space-separated, sorted)
affected_ok() {
	sc affected --format json "$1" "$2" fleet >"$tmp/aj" 2>"$tmp/ae" || return 1
	truth "$1" "$2" >"$tmp/at" || return 1
	/usr/bin/python3 - "$tmp/aj" "$tmp/at" <<'PY' || return 1
import json, sys
got, want = (json.load(open(p)) for p in sys.argv[1:])
assert got['failed'] == [] and got['errors'] == 0, got
g = {'added': got['added'], 'removed': got['removed'],
     'changed': {c['site']: sorted(c['files']) for c in got['changed']}}
assert g == want, (g, want)
PY
	names=$(sc affected "$1" "$2" fleet 2>/dev/null | awk '{print $2}' | sort | tr '\n' ' ')
	[ "$names" = "$3" ] || { echo "# affected $1 $2: '$names', expected '$3'"; return 1; }
}
commit() { git add -A && git commit -qm "$1" && git rev-parse HEAD; }

c0=$(git rev-parse HEAD)
sed -i 's/mgmt_ip = "10.32.11.10"/mgmt_ip = "10.32.11.11"/' fleet/sites/boston-01.site
c1=$(commit site)
affected_ok "$c0" "$c1" "boston-01 "
check "affected: a change to one site lists that site only" $?

sed -i 's/timezone = "Europe\/Paris"/timezone = "Europe\/Dublin"/' fleet/regions/eu-west.site
c2=$(commit region)
# of the eu-west sites, dublin, frankfurt and madrid set their own
# timezone: their output does not change
affected_ok "$c1" "$c2" "lyon-01 paris-01 "
check "affected: a region profile lists the region's sites it changes" $?

sed -i 's/{ name = "installer", uid = 2002/{ name = "installer", uid = 2003/' fleet/global.site
c3=$(commit global)
# lyon-01 removes the installer account: unaffected
all=$(ls fleet/sites | sed 's/\.site$//' | grep -v lyon-01 | sort | tr '\n' ' ')
affected_ok "$c2" "$c3" "$all"
check "affected: the global profile lists every site it changes" $?

sed -i 's/dns_servers = \["10.255.0.53", "10.255.1.53"\]/dns_servers = ["10.255.0.54", "10.255.1.53"]/' fleet/global.site
c4=$(commit noop)
affected_ok "$c3" "$c4" ""
check "affected: a change every site overrides (global dns_servers) lists none" $?

sed -i 's/rekey: duration = "8h"/rekey: duration = "9h"/' fleet/schema.site
c5=$(commit default)
want=$(truth "$c4" "$c5" | /usr/bin/python3 -c 'import json,sys; print(" ".join(sorted(json.load(sys.stdin)["changed"])) + " ")')
[ "$want" != " " ] && affected_ok "$c4" "$c5" "$want"
check "affected: a schema default lists the sites that keep it ($want)" $?

sed 's/site boston-01 /site salem-01 /; s/10.32.11.11/10.32.12.10/g; s/10.32.11.0/10.32.12.0/g' \
	fleet/sites/boston-01.site >fleet/sites/salem-01.site && git rm -q fleet/sites/toronto-01.site
c6=$(commit add-remove)
affected_ok "$c5" "$c6" "salem-01 toronto-01 " &&
	sc affected "$c5" "$c6" fleet 2>/dev/null | grep -qx 'added    salem-01' &&
	sc affected "$c5" "$c6" fleet 2>/dev/null | grep -qx 'removed  toronto-01'
check "affected: an added and a removed site" $?

git mv fleet/sites/lyon-01.site fleet/sites/lyon-01-renamed.site
c7=$(commit rename)
affected_ok "$c6" "$c7" ""
check "affected: a renamed file with the same content lists none" $?

printf 'BOS-0003' >fleet/store-bos.txt
c8=$(commit file-read)
affected_ok "$c7" "$c8" "boston-01 salem-01 " && grep -q '"k8s.yaml"' "$tmp/aj"
check "affected: a change to a file read by file() lists its reader" $?

sc affected "$c8" "$c8" fleet >out 2>err && [ ! -s out ] && grep -q 'same tree' err
check "affected: the same tree at both revisions compiles nothing" $?

sed -i 's/mgmt_ip = "10.32.12.10"/mgmt_ip = "not-an-ip"/' fleet/sites/salem-01.site
c9=$(commit broken)
sc affected "$c8" "$c9" fleet >out 2>err; rc=$?
[ $rc = 1 ] && grep -qx "failed   salem-01 (errors at $c9)" out && grep -q 'error\[' err
check "affected: a site that fails at one side is listed with its errors, exit 1" $?
cd "$tmp"

# --- graph -------------------------------------------------------------------------
sc graph "$src/examples/fleet" >g.dot 2>err &&
	grep -qx '  "site:boston-01" -> "profile:us-east" \[label="1"\];' g.dot &&
	grep -qx '  "site:boston-01" -> "profile:hw-small" \[label="2"\];' g.dot &&
	grep -qx '  "profile:global" -> "schema:EdgeSite";' g.dot &&
	[ "$(grep -c 'shape=ellipse' g.dot)" = 12 ] &&
	{ ! command -v dot >/dev/null || dot -Tsvg g.dot >/dev/null; }
check "graph: dot, every site, parent order on edges" $?

sc graph --format json --collapse-over 3 "$src/examples/fleet" >g.json 2>err &&
	/usr/bin/python3 - g.json <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
ids = {n['id'] for n in g['nodes']}
sites = sum(n.get('count', 1) for n in g['nodes'] if n['kind'] in ('site', 'sites'))
assert sites == 12, sites
assert any(n['kind'] == 'sites' and n['count'] > 1 for n in g['nodes'])
assert all(e['from'] in ids and e['to'] in ids for e in g['edges'])
orders = {}
for e in g['edges']:
    orders.setdefault(e['from'], []).append(e['order'])
assert all(o == list(range(1, len(o) + 1)) for o in orders.values())
PY
check "graph --format json, collapsed: sites grouped by parents, counts add up" $?

python3 "$src/bench/gen_fleet.py" 2000 "$tmp/g2000" >/dev/null &&
	sc graph "$tmp/g2000" >g2.dot 2>err &&
	[ "$(grep -c 'shape=box3d' g2.dot)" -ge 1 ] && [ "$(wc -l <g2.dot)" -lt 400 ]
check "graph of a large fleet collapses sites with the same parents" $?

printf 'site x : {\n' >"$tmp/bad.site"
sc graph "$tmp/bad.site" >/dev/null 2>err; [ $? = 1 ] && grep -q 'error\[' err
check "graph of a fleet with a syntax error: exit 1, the error" $?

echo "1..$n"
exit $failed
