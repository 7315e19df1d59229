#!/bin/sh
# tests/compile/safety.sh - what `sitec compile -o OUT` must never do
# (issue 12), as TAP: touch the fleet's own files, write outside OUT or
# through a link, hang on a FIFO, leave a site half old and half new, let
# two compiles write at once, trust a cache that lies, or leave what a
# killed run left behind.
#
#   safety.sh SITEC SRCDIR
set -u
sitec=$(realpath "$1")
src=$2
tmp=$(mktemp -d)
mnt=""
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
n=0
failed=0

echo "1..16"
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check() { if [ "$2" = 0 ]; then ok "$1"; else not_ok "$1"; fi; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
sc() { ${SITEC_WRAPPER:-} "$sitec" "$@"; }
# every file below $1 with its sha256, sorted (the state of a tree)
sums() { (cd "$1" && find . -type f ! -name .sitec-cache -exec sha256sum {} + | sort -k2); }
# every site of OUT ($1) whole: each file's sha256 is what bundle.json says
whole() {
	for d in "$1"/sites/*/; do
		for f in api.json k8s.yaml os.json; do
			h=$(sha256sum <"$d$f" | cut -d' ' -f1) || return 1
			grep -q "\"$f\": \"sha256:$h\"" "$d/bundle.json" || {
				echo "# $d$f does not match its bundle.json"; return 1; }
		done
	done
}

fleet=$tmp/fleet
cp -r "$src/examples/fleet" "$fleet"
sc compile -o "$tmp/clean" "$fleet" >/dev/null 2>&1 || echo "# the clean compile failed"

# 1. OUT overlapping the fleet is refused, and nothing is written: the
#    fleet's directory itself, a directory holding .site files; an OUT
#    inside the fleet's directory without .site files is fine
f1=$tmp/f1
mkdir -p "$f1/sites/paris-01"
cp "$fleet/schema.site" "$fleet/global.site" "$f1/"
cp -r "$fleet/regions" "$fleet/hardware" "$f1/"
cp "$fleet/sites/paris-01.site" "$f1/sites/paris-01/site.site"
sums "$f1" >"$tmp/f1.before"
r=0
(cd "$f1" && sc compile -o . >/dev/null 2>"$tmp/err"); [ $? = 3 ] || r=1
grep -q "overlaps the fleet" "$tmp/err" || r=1
sc compile -o "$f1/sites" "$f1" >/dev/null 2>>"$tmp/err"; [ $? = 3 ] || r=1
sc compile -o "$f1/sites/paris-01/.." "$f1/sites/paris-01/site.site" "$f1/schema.site" \
	"$f1/global.site" "$f1/regions" "$f1/hardware" >/dev/null 2>>"$tmp/err"; [ $? = 3 ] || r=1
sums "$f1" | cmp -s - "$tmp/f1.before" || r=1
sc compile -o "$f1/out" "$f1" >/dev/null 2>&1 && [ -f "$f1/out/sites/paris-01/bundle.json" ] || r=1
[ $r = 0 ] || sed 's/^/# /' "$tmp/err"
check "OUT that contains the fleet's files is refused, nothing written" $r

# 2. pruning removes only what compile writes: a removed site's
#    directory with a file of someone else's keeps it (with a warning),
#    a directory that never was a bundle is not touched
o2=$tmp/o2
sc compile -o "$o2" "$fleet" >/dev/null 2>&1
echo mine >"$o2/sites/lyon-01/notes.txt"
mkdir "$o2/sites/other" && echo x >"$o2/sites/other/site.site"
f2=$tmp/f2 && cp -r "$fleet" "$f2" && rm "$f2/sites/lyon-01.site"
sc compile -o "$o2" "$f2" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc = 0 ] && [ "$(ls "$o2/sites/lyon-01")" = notes.txt ] &&
	[ -f "$o2/sites/other/site.site" ] &&
	grep -q "lyon-01.*notes.txt" "$tmp/err"
check "prune removes compile's files only; others stay, named in a warning" $?

# 3. an I/O error in a site (its os.json is a directory) keeps its old
#    bundle whole: no new file beside the old bundle.json
o3=$tmp/o3
cp -r "$tmp/clean" "$o3"
f3=$tmp/f3 && cp -r "$fleet" "$f3"
sed -i 's/memory_gib = 64/memory_gib = 96/' "$f3/sites/boston-01.site"
sums "$o3/sites/boston-01" >"$tmp/s3"
rm "$o3/sites/boston-01/os.json" && mkdir "$o3/sites/boston-01/os.json"
sc compile -j 1 -o "$o3" "$f3" >/dev/null 2>"$tmp/err"; rc=$?
rmdir "$o3/sites/boston-01/os.json" && cp "$tmp/clean/sites/boston-01/os.json" "$o3/sites/boston-01/"
[ $rc = 3 ] && grep -q "boston-01/os.json is a directory" "$tmp/err" &&
	sums "$o3/sites/boston-01" | cmp -s - "$tmp/s3" &&
	[ -z "$(ls -A "$o3/sites" | grep '^\.')" ]
check "an I/O error leaves the site's old bundle whole, no temp left" $?

# 4. a disk filled to its last page (a small tmpfs, as root): each site
#    is old or new, and once there is room the result is a clean compile's
if [ "$(id -u)" = 0 ] && mkdir "$tmp/mnt" && mount -t tmpfs -o size=2m tmpfs "$tmp/mnt" 2>/dev/null; then
	mnt=$tmp/mnt
	python3 "$src/bench/gen_fleet.py" 60 "$tmp/g4a" >/dev/null
	python3 "$src/bench/gen_fleet.py" 60 "$tmp/g4b" >/dev/null
	sed -i 's/agent:1.4.2/agent:1.4.3-with-a-longer-tag/' "$tmp/g4b/schema.site"
	r=0
	sc compile -j 1 -o "$mnt/out" "$tmp/g4a" >/dev/null 2>&1 || r=1
	dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null
	sc compile -j 1 -o "$mnt/out" "$tmp/g4b" >/dev/null 2>"$tmp/err"; rc=$?
	[ $rc = 3 ] && grep -q "No space left" "$tmp/err" || r=1
	whole "$mnt/out" || r=1
	rm "$mnt/fill"
	sc compile -j 1 -o "$mnt/out" "$tmp/g4b" >/dev/null 2>&1 || r=1
	sc compile -j 1 -o "$tmp/o4" "$tmp/g4b" >/dev/null 2>&1
	diff -r -x .sitec-cache "$mnt/out" "$tmp/o4" >/dev/null || r=1
	umount "$mnt" && mnt=""
	check "disk full: every site old or new, then a clean compile's tree" $r
else
	skip "disk full on a small tmpfs" "needs root to mount a tmpfs"
fi

# 5. the lock: --no-wait fails at once (exit 4) while another compile
#    holds OUT; without it, compile says it waits, then runs
o5=$tmp/o5
sc compile -o "$o5" "$fleet" >/dev/null 2>&1
flock "$o5/.sitec-lock" sleep 2 &
holder=$!
sleep 0.3
sc compile --no-wait -o "$o5" "$fleet" >/dev/null 2>"$tmp/err"; rc1=$?
sc compile -o "$o5" "$fleet" >/dev/null 2>"$tmp/err2"; rc2=$?
wait $holder
[ $rc1 = 4 ] && grep -q "is locked by another compile" "$tmp/err" &&
	[ $rc2 = 0 ] && grep -q "waiting for another compile" "$tmp/err2"
check "a second compile waits, or fails at once with --no-wait (exit 4)" $?

# 6. two compiles at once, of two versions of a fleet, into one OUT: the
#    second waits, the result is the last one's, whole
f6=$tmp/f6 && cp -r "$fleet" "$f6"
sed -i 's/memory_gib = 64/memory_gib = 80/' "$f6/sites/boston-01.site"
o6=$tmp/o6
sc compile -o "$o6" "$fleet" >/dev/null 2>&1 &
sc compile -o "$o6" "$f6" >/dev/null 2>&1 &
wait
sc compile -o "$o6" "$f6" >/dev/null 2>&1
sc compile -o "$tmp/o6c" "$f6" >/dev/null 2>&1
whole "$o6" && diff -r -x .sitec-cache "$o6" "$tmp/o6c" >/dev/null
check "two compiles at once: serialized, the tree whole" $?

# 7. symbolic links below OUT are refused, nothing written through them
o7=$tmp/o7
outside=$tmp/outside && mkdir "$outside" && echo keep >"$outside/api.json"
sums "$outside" >"$tmp/s7"
r=0
mkdir -p "$o7/sites" && ln -s "$outside" "$o7/sites/paris-01"
sc compile -o "$o7" "$fleet" >/dev/null 2>"$tmp/err"; [ $? = 3 ] || r=1
grep -q "sites/paris-01 is a symbolic link" "$tmp/err" || r=1
rm "$o7/sites/paris-01"
sc compile -o "$o7" "$fleet" >/dev/null 2>&1 || r=1
ln -s "$outside/api.json" "$o7/fleet.json.new" && mv "$o7/fleet.json.new" "$o7/fleet.json"
sed -i 's/memory_gib = 64/memory_gib = 72/' "$f6/sites/boston-01.site"
sc compile -o "$o7" "$f6" >/dev/null 2>>"$tmp/err"; [ $? = 3 ] || r=1
grep -q "fleet.json is a symbolic link" "$tmp/err" || r=1
rm -r "$o7" && mkdir "$o7" && ln -s "$outside" "$o7/sites"
sc compile -o "$o7" "$fleet" >/dev/null 2>>"$tmp/err"; [ $? = 3 ] || r=1
sums "$outside" | cmp -s - "$tmp/s7" || r=1
[ $r = 0 ] || sed 's/^/# /' "$tmp/err"
check "a link at OUT/sites/NAME, OUT/sites or OUT/fleet.json is refused" $r

# 8. FIFOs: as a .site file (or a link to one), as the cache, as
#    fleet.json: no hang; the .site one is an error, the cache ignored,
#    fleet.json refused
r=0
f8=$tmp/f8 && cp -r "$fleet" "$f8" && mkfifo "$f8/pipe.site" && ln -s pipe.site "$f8/link.site"
timeout 20 "$sitec" check "$f8" >/dev/null 2>"$tmp/err"; [ $? = 1 ] || r=1
[ "$(grep -c 'not a regular file' "$tmp/err")" = 2 ] || r=1
o8=$tmp/o8
sc compile -o "$o8" "$fleet" >/dev/null 2>&1
rm "$o8/.sitec-cache" && mkfifo "$o8/.sitec-cache"
timeout 20 "$sitec" compile -o "$o8" "$fleet" >/dev/null 2>&1 || r=1
[ -f "$o8/.sitec-cache" ] || r=1
rm "$o8/fleet.json" && mkfifo "$o8/fleet.json"
timeout 20 "$sitec" compile --site 'paris-*' -o "$o8" "$fleet" >/dev/null 2>"$tmp/err"; [ $? = 3 ] || r=1
grep -q "fleet.json is not a regular file" "$tmp/err" || r=1
[ $r = 0 ] || sed 's/^/# /' "$tmp/err"
check "FIFOs as inputs, cache and fleet.json: no hang, clear errors" $r

# 9. what a killed run leaves is removed by the next run: temp files,
#    a half-built site, a swapped-out old one, an empty directory, a site
#    directory with 0-byte files and no bundle.json
o9=$tmp/o9
cp -r "$tmp/clean" "$o9"
mkdir "$o9/sites/.sitec-new.paris-01" && : >"$o9/sites/.sitec-new.paris-01/k8s.yaml"
cp -r "$o9/sites/lyon-01" "$o9/sites/.sitec-old.lyon-01"
: >"$o9/.fleet.json.0123456789abcdef.tmp"
: >"$o9/..sitec-cache.0123456789abcdef.tmp"
mkdir "$o9/sites/gone" && : >"$o9/sites/gone/k8s.yaml" && mkdir "$o9/sites/empty"
rm "$o9/sites/madrid-01/bundle.json" && : >"$o9/sites/madrid-01/os.json"
sc compile -o "$o9" "$fleet" >/dev/null 2>&1 &&
	diff -r -x .sitec-cache "$o9" "$tmp/clean" >/dev/null &&
	[ "$(ls -A "$o9" | tr '\n' ' ')" = ".sitec-cache .sitec-lock fleet.json sites " ]
check "leftovers of an interrupted run are removed; the tree is a clean compile's" $?

# 10. the cache: a same-size edit with its mtime put back (touch -r) is
#     noticed (ctime); a cache line with a wrong digest is not trusted
o10=$tmp/o10
sc compile -o "$o10" "$fleet" >/dev/null 2>&1
sc compile -o "$o10" "$fleet" >/dev/null 2>&1
f=$o10/sites/paris-01/os.json
cp -p "$f" "$tmp/os.json.orig"
sed -i '0,/[a-z]/s//X/' "$f"
touch -r "$tmp/os.json.orig" "$f"
r=0
cmp -s "$f" "$tmp/os.json.orig" && r=1
sc compile -o "$o10" "$fleet" >/dev/null 2>&1 && cmp -s "$f" "$tmp/os.json.orig" || r=1
other=$(grep '^boston-01 ' "$o10/.sitec-cache" | cut -d' ' -f3)
sed -i "s/^\(paris-01 [0-9a-f]*\) sha256:[0-9a-f]*/\1 $other/" "$o10/.sitec-cache"
sc compile -o "$o10" "$fleet" >/dev/null 2>&1 && cmp -s "$o10/fleet.json" "$tmp/clean/fleet.json" || r=1
check "the cache notices touch -r (ctime) and a line with a wrong digest" $r

# 11. a run with errors leaves the cache byte-identical
f11=$tmp/f11 && cp -r "$fleet" "$f11"
sed -i 's/memory_gib = 64/memory_gib = "lots"/' "$f11/sites/boston-01.site"
cp "$o10/.sitec-cache" "$tmp/cache11"
sc compile -o "$o10" "$f11" >/dev/null 2>&1; rc=$?
[ $rc = 1 ] && cmp -s "$o10/.sitec-cache" "$tmp/cache11"
check "a run with errors leaves the cache as it was" $?

# 12. --site with fleet.json missing or garbage: the other sites' digests
#     come from their bundle.json
o12=$tmp/o12
r=0
for how in missing garbage; do
	rm -rf "$o12" && cp -r "$tmp/clean" "$o12"
	case $how in
	missing) rm "$o12/fleet.json" ;;
	garbage) echo 'not json {' >"$o12/fleet.json" ;;
	esac
	sc compile --site 'paris-*' -o "$o12" "$fleet" >/dev/null 2>&1 &&
		cmp -s "$o12/fleet.json" "$tmp/clean/fleet.json" || { r=1; echo "# $how"; }
done
check "--site with fleet.json missing or garbage lists every site" $r

# 13. one directory named twice (`ex ./ex`) is read once
(cd "$tmp" && sc check fleet ./fleet >"$tmp/out13" 2>&1) &&
	! grep -q "declared twice" "$tmp/out13" && grep -q "^19 files" "$tmp/out13"
check "a fleet named twice is read once" $?

# 14. a site directory that is a regular file: the error names it and
#     does not blame -o; the other sites are written
o14=$tmp/o14
mkdir -p "$o14/sites" && echo x >"$o14/sites/paris-01"
sc compile -o "$o14" "$fleet" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc = 3 ] && grep -q "sites/paris-01 is not a directory" "$tmp/err" &&
	! grep -q -- "-o" "$tmp/err"
check "a site path that is a file: named, -o not blamed" $?

# 15. a changed site keeps the inode and mtime of its unchanged files
o15=$tmp/o15
cp -r "$tmp/clean" "$o15"
sc compile -o "$o15" "$fleet" >/dev/null 2>&1
stat -c '%i %Y' "$o15/sites/boston-01/api.json" >"$tmp/i1"
sed -i 's/memory_gib = 64/memory_gib = 72/' "$f3/sites/boston-01.site"
sc compile -o "$o15" "$f3" >/dev/null 2>&1 &&
	stat -c '%i %Y' "$o15/sites/boston-01/api.json" | cmp -s - "$tmp/i1" &&
	! cmp -s "$o15/sites/boston-01/bundle.json" "$tmp/clean/sites/boston-01/bundle.json" &&
	whole "$o15"
check "a changed site: unchanged files keep inode and mtime, the site whole" $?

# 16. crash points: SITEC_CRASH_AT=compile:N stops the run at the N-th;
#     the next run completes it
o16=$tmp/o16
cp -r "$tmp/clean" "$o16"
SITEC_CRASH_AT=compile:3 sc compile -j 1 -o "$o16" "$f3" >/dev/null 2>&1; rc=$?
[ $rc = 99 ] && whole "$o16" && sc compile -o "$o16" "$f3" >/dev/null 2>&1 &&
	sc compile -o "$tmp/o16c" "$f3" >/dev/null 2>&1 &&
	diff -r -x .sitec-cache "$o16" "$tmp/o16c" >/dev/null
check "SITEC_CRASH_AT stops the run; the next one completes it" $?

exit $failed
