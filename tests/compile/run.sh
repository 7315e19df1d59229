#!/bin/sh
# tests/compile/run.sh - `sitec compile` end to end, as TAP: the tree it
# writes, exact bytes of one site's bundle.json and os.json, the
# not-touched rule, atomic rewrites of a changed site, a failing site
# keeping its old bundle, pruning of removed sites, determinism across
# -j (bundles and diagnostics), --site, --stats and the progress line.
# (bundles.py holds the golden trees of whole bundles.)
#
#   run.sh SITEC SRCDIR    (SRCDIR: the source tree's root)
# SITEC_WRAPPER (e.g. valgrind) runs sitec under a tool, as run.py does.
set -u
sitec=$1
src=$2
here=$src/tests/compile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
failed=0

echo "1..17"
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check() { if [ "$2" = 0 ]; then ok "$1"; else not_ok "$1"; fi; }
sc() { ${SITEC_WRAPPER:-} "$sitec" "$@"; }
# path inode mtime of every file below $1, sorted: a rewrite (rename)
# changes the inode, any write the mtime
snap() { (cd "$1" && find . -type f -printf '%p %i %T@\n' | sort); }

version=$("$sitec" --version | sed 's/^sitec //')
expect() {	# expect NAME FILE: FILE equals $here/NAME (@VERSION@ replaced)
	sed "s/@VERSION@/$version/" "$here/$1" | diff -u - "$2" | sed 's/^/# /'
	sed "s/@VERSION@/$version/" "$here/$1" | cmp -s - "$2"
}

# 1. a fresh compile: summary, exit 0, the tree
out=$tmp/out
msg=$(sc compile -o "$out" "$src/examples/fleet" 2>"$tmp/err"); rc=$?
[ $rc = 0 ] && [ "$msg" = "19 files, 12 sites compiled into $out" ] &&
	[ ! -s "$tmp/err" ] && (cd "$out" && find . | sort) >"$tmp/tree" &&
	expect tree.txt "$tmp/tree"
check "compile examples/fleet: exit 0, summary, the tree" $?

# 2. exact bytes of one site's files (the golden tree of bundles.py);
#    its digest is as bundle.h defines
expect expected/example/sites/boston-01/bundle.json "$out/sites/boston-01/bundle.json" &&
	expect expected/example/sites/boston-01/os.json "$out/sites/boston-01/os.json"
r=$?
d=$(cd "$out/sites/boston-01" && for f in api.json k8s.yaml os.json; do
	printf '%s sha256:%s\n' "$f" "$(sha256sum <"$f" | cut -d' ' -f1)"
done | sha256sum | cut -d' ' -f1)
grep -q "\"digest\": \"sha256:$d\"" "$out/sites/boston-01/bundle.json" &&
	grep -q "\"boston-01\": \"sha256:$d\"" "$out/fleet.json"
check "boston-01 bundle.json and os.json exact, digest canonical" $((r + $?))

# 3. a second compile of the same fleet touches nothing
snap "$out" >"$tmp/s1"
sleep 0.05
sc compile -o "$out" "$src/examples/fleet" >/dev/null 2>&1 &&
	snap "$out" >"$tmp/s2" && cmp -s "$tmp/s1" "$tmp/s2"
check "recompile of an unchanged fleet writes nothing" $?

# 4. identical output in another directory (determinism)
sc compile -o "$tmp/out2" "$src/examples/fleet" >/dev/null 2>&1 &&
	diff -r -x .sitec-cache "$out" "$tmp/out2" >/dev/null
check "two output directories are byte-identical" $?

# 5. a changed site rewrites its own files (and fleet.json), nothing else
fleet=$tmp/fleet
cp -r "$src/examples/fleet" "$fleet"
sc compile -o "$tmp/o3" "$fleet" >/dev/null 2>&1
snap "$tmp/o3" >"$tmp/s1"
sed -i 's/memory_gib = 64/memory_gib = 96/' "$fleet/sites/boston-01.site"
sleep 0.05
sc compile -o "$tmp/o3" "$fleet" >/dev/null 2>&1; rc=$?
snap "$tmp/o3" >"$tmp/s2"
changed=$(diff "$tmp/s1" "$tmp/s2" | sed -n 's/^> \([^ ]*\) .*/\1/p' | sort | tr '\n' ' ')
[ $rc = 0 ] && echo "$changed" | grep -q './sites/boston-01/bundle.json' &&
	[ -z "$(echo "$changed" | tr ' ' '\n' | grep . |
		grep -v -e '^./sites/boston-01/' -e '^./fleet.json$' -e '^./.sitec-cache$')" ]
r=$?
[ $r = 0 ] || echo "# rewritten: $changed"
check "a changed site rewrites only its files and fleet.json" $r

# 6. a failing site keeps its old bundle, exit 1, and no pruning happens
mkdir "$tmp/o3/sites/mine" && echo keep >"$tmp/o3/sites/mine/notes"
snap "$tmp/o3" >"$tmp/s1"
rm "$fleet/sites/lyon-01.site"
sed -i 's/memory_gib = 96/memory_gib = "lots"/' "$fleet/sites/boston-01.site"
sc compile -o "$tmp/o3" "$fleet" >"$tmp/stdout" 2>"$tmp/err"; rc=$?
snap "$tmp/o3" >"$tmp/s2"
[ $rc = 1 ] && [ ! -s "$tmp/stdout" ] && grep -q 'error' "$tmp/err" &&
	cmp -s "$tmp/s1" "$tmp/s2" && [ -f "$tmp/o3/sites/lyon-01/bundle.json" ]
check "a failing site: exit 1, old bundle kept, no pruning" $?

# 7. once the fleet compiles again, the removed site's directory goes;
#    a directory without bundle.json is never removed
sed -i 's/memory_gib = "lots"/memory_gib = 64/' "$fleet/sites/boston-01.site"
sc compile -o "$tmp/o3" "$fleet" >"$tmp/stdout" 2>&1; rc=$?
[ $rc = 0 ] && [ ! -e "$tmp/o3/sites/lyon-01" ] &&
	[ -f "$tmp/o3/sites/mine/notes" ] &&
	! grep -q lyon-01 "$tmp/o3/fleet.json" &&
	grep -q "18 files, 11 sites compiled" "$tmp/stdout"
check "a removed site's bundle is pruned, other folders kept" $?

# 8. ... and the result equals a fresh compile of that fleet
rm -r "$tmp/o3/sites/mine"
sc compile -o "$tmp/o4" "$fleet" >/dev/null 2>&1 && diff -r -x .sitec-cache "$tmp/o3" "$tmp/o4" >/dev/null
check "incremental result equals a fresh compile" $?

# 9. usage: no -o is exit 2; --help exits 0
sc compile "$fleet" >/dev/null 2>&1; r1=$?
sc compile --help >/dev/null 2>&1; r2=$?
[ $r1 = 2 ] && [ $r2 = 0 ]
check "compile without -o is a usage error; --help" $?

# 10. the output does not depend on -j: bundles, fleet.json, messages
for j in 1 2 8; do
	sc compile -j $j -o "$tmp/j$j" "$src/examples/fleet" >"$tmp/j$j.msg" 2>&1 ||
		echo "# -j $j failed"
	sed -i "s|$tmp/j$j|OUT|" "$tmp/j$j.msg"
done
diff -r -x .sitec-cache "$tmp/j1" "$tmp/j2" >/dev/null &&
	diff -r -x .sitec-cache "$tmp/j1" "$tmp/j8" >/dev/null &&
	diff -r -x .sitec-cache "$out" "$tmp/j8" >/dev/null &&
	cmp -s "$tmp/j1.msg" "$tmp/j2.msg" && cmp -s "$tmp/j1.msg" "$tmp/j8.msg"
check "compile -j 1, -j 2, -j 8: the same bundles and messages" $?

# 11. ... and neither do diagnostics: 300 sites sharing a profile with
#     errors (reported once, "in N sites: the first three"), errors of
#     their own, a required field most lack; the same text from check
#     and compile
ef=$tmp/errfleet
mkdir -p "$ef"
cat >"$ef/base.site" <<'FLEET'
schema S { owner: string; port: int(1..65535) = 80 }
profile base : S {
    port = 70000
    k8s.cm = { apiVersion = "v1", kind = "ConfigMap", data.x = "${1 / (port - port)}" }
}
profile owned { owner = "ops" }
FLEET
i=0
while [ $i -lt 300 ]; do
	case $((i % 7)) in
	0) printf 'site s%03d : base { port = "80" }\n' $i ;;
	3) printf 'site s%03d : base, owned {}\n' $i ;;
	*) printf 'site s%03d : base {}\n' $i ;;
	esac
	i=$((i + 1))
done >"$ef/sites.site"
r=0
for j in 1 2 8; do
	sc check -j $j "$ef" >"$tmp/c$j.txt" 2>&1; [ $? = 1 ] || r=1
	sc compile -j $j -o "$tmp/eo" "$ef" >"$tmp/e$j.txt" 2>&1; [ $? = 1 ] || r=1
done
[ $r = 0 ] && cmp -s "$tmp/c1.txt" "$tmp/c2.txt" && cmp -s "$tmp/c1.txt" "$tmp/c8.txt" &&
	cmp -s "$tmp/c1.txt" "$tmp/e1.txt" && cmp -s "$tmp/e1.txt" "$tmp/e2.txt" &&
	cmp -s "$tmp/e1.txt" "$tmp/e8.txt" &&
	[ "$(grep -c 'in 257 sites: s001, s002, s003, \.\.\.$' "$tmp/c1.txt")" = 2 ] &&
	grep -q 'in 43 sites: s000, s007, s014, \.\.\.$' "$tmp/c1.txt" &&
	grep -q 'in 257 sites: s000, s001, s002, \.\.\.$' "$tmp/c1.txt" &&
	[ "$(grep -c 'error\[E0601\]' "$tmp/c1.txt")" = 43 ] &&
	[ ! -e "$tmp/eo/fleet.json" ]
r=$?
[ $r = 0 ] || sed 's/^/# /' "$tmp/c1.txt" | head -40
check "check and compile -j 1/2/8 report the same errors, counted once" $r

# 12. --site compiles the matching sites only; fleet.json keeps the
#     digests of the others, whose files are not touched
sed -i 's/memory_gib = 64/memory_gib = 128/' "$fleet/sites/boston-01.site"
snap "$tmp/o3" >"$tmp/s1"
before=$(grep -o '"paris-01": "[^"]*"' "$tmp/o3/fleet.json")
msg=$(sc compile --site 'bos*' --site 'chicago-0?' -o "$tmp/o3" "$fleet" 2>&1); rc=$?
snap "$tmp/o3" >"$tmp/s2"
changed=$(diff "$tmp/s1" "$tmp/s2" | sed -n 's/^> \([^ ]*\) .*/\1/p' | sort | tr '\n' ' ')
[ $rc = 0 ] && [ "$msg" = "18 files, 2 sites compiled into $tmp/o3" ] &&
	[ "$(grep -o '"paris-01": "[^"]*"' "$tmp/o3/fleet.json")" = "$before" ] &&
	[ -z "$(echo "$changed" | tr ' ' '\n' | grep . |
		grep -v -e '^./sites/boston-01/' -e '^./fleet.json$' -e '^./.sitec-cache$')" ] &&
	echo "$changed" | grep -q './sites/boston-01/k8s.yaml' &&
	sc compile -o "$tmp/o5" "$fleet" >/dev/null 2>&1 &&
	cmp -s "$tmp/o3/fleet.json" "$tmp/o5/fleet.json"
r=$?
[ $r = 0 ] || echo "# $msg; rewritten: $changed"
check "--site: only the matching sites; fleet.json keeps the others" $r

# 13. usage errors: a --site that matches nothing (with a suggestion), a
#     bad -j; each exits 2 and writes nothing
sc compile --site 'bostn-01' -o "$tmp/o6" "$fleet" >/dev/null 2>"$tmp/err"; r1=$?
sc compile -j 0 -o "$tmp/o6" "$fleet" >/dev/null 2>>"$tmp/err"; r2=$?
sc check -j x "$fleet" >/dev/null 2>>"$tmp/err"; r3=$?
[ $r1 = 2 ] && [ $r2 = 2 ] && [ $r3 = 2 ] && [ ! -e "$tmp/o6" ] &&
	grep -q "no site matches --site 'bostn-01'; did you mean 'boston-01'?" "$tmp/err" &&
	grep -q "^sitec: -j takes a number of threads from 1 to 1024, not '0'" "$tmp/err" &&
	grep -q "^sitec: -j takes a number of threads from 1 to 1024, not 'x'" "$tmp/err"
r=$?
[ $r = 0 ] || sed 's/^/# /' "$tmp/err"
check "--site matching nothing and a bad -j are usage errors" $r

# 14. --stats: one line per phase on stderr, stdout as without it
sc compile --stats -j 2 -o "$tmp/o7" "$fleet" >"$tmp/stdout" 2>"$tmp/err"; rc=$?
[ $rc = 0 ] && [ "$(cat "$tmp/stdout")" = "18 files, 11 sites compiled into $tmp/o7" ] &&
	grep -q '^sitec: load .* s .*peak RSS .* MiB .*18 files$' "$tmp/err" &&
	grep -q '^sitec: prepare .*11 sites$' "$tmp/err" &&
	grep -q '^sitec: sites .*11 sites on 2 threads: 11 written (44 files), 0 unchanged (0 known from the cache), 0 failed; thread time: evaluate .* s, emit .* s, write .* s$' "$tmp/err" &&
	grep -q '^sitec: finish ' "$tmp/err" && grep -q '^sitec: total ' "$tmp/err"
r=$?
[ $r = 0 ] || sed 's/^/# /' "$tmp/err"
check "--stats prints each phase's time and memory" $r

# 15. a progress line on a terminal for a compile over half a second
#     (script(1) gives sitec a terminal), none when not a terminal
if command -v script >/dev/null && command -v python3 >/dev/null; then
	python3 "$src/bench/gen_fleet.py" 4000 "$tmp/big" &&
	script -qfec "$sitec compile -j 1 -o '$tmp/o8' '$tmp/big'" /dev/null >"$tmp/tty" 2>&1
	rc=$?
	sc compile -j 1 -o "$tmp/o9" "$tmp/big" >"$tmp/notty" 2>&1
	[ $rc = 0 ] && grep -q 'compiling: [0-9]*/4000 sites' "$tmp/tty" &&
		grep -q "4000 sites compiled into $tmp/o8" "$tmp/tty" &&
		! grep -q compiling "$tmp/notty"
	r=$?
	[ $r = 0 ] || sed 's/^/# /' "$tmp/tty" | head -5
	check "progress on a terminal, silent otherwise" $r
else
	ok "progress on a terminal # SKIP script(1) or python3 missing"
fi

# 16. the cache (OUT/.sitec-cache): a second compile knows every site
#     unchanged from it; a file edited by hand, a deleted bundle, a
#     damaged or foreign cache are noticed, and the bundles come back as
#     a fresh compile writes them
c=$tmp/oc
sc compile -j 2 -o "$c" "$fleet" >/dev/null 2>&1
sc compile --stats -j 2 -o "$c" "$fleet" 2>"$tmp/err" >/dev/null
r=0
grep -q '11 sites on 2 threads: 0 written (0 files), 11 unchanged (11 known from the cache)' "$tmp/err" || r=1
printf 'edited\n' >>"$c/sites/paris-01/k8s.yaml"		# same inode, new mtime
rm "$c/sites/boston-01/os.json"
sc compile --stats -j 2 -o "$c" "$fleet" 2>"$tmp/err" >/dev/null
grep -q '11 sites on 2 threads: 2 written (2 files), 9 unchanged (9 known from the cache)' "$tmp/err" || r=1
diff -r -x .sitec-cache "$c" "$tmp/o5" >/dev/null || r=1
for damage in garbage foreign truncated; do
	case $damage in
	garbage) printf 'not a cache\n' >"$c/.sitec-cache" ;;
	foreign) sed -i '1s/.*/sitec-cache 1 sitec 0.0.0-other/' "$c/.sitec-cache" ;;
	truncated) head -c 300 "$tmp/oc.cache" >"$c/.sitec-cache" ;;
	esac
	printf 'x' >"$c/sites/madrid-01/api.json"
	sc compile --stats -j 2 -o "$c" "$fleet" 2>"$tmp/err" >/dev/null
	grep -q '11 sites on 2 threads: 1 written (1 files), 10 unchanged (0 known from the cache)' "$tmp/err" || { r=1; echo "# $damage"; }
	diff -r -x .sitec-cache "$c" "$tmp/o5" >/dev/null || r=1
	cp "$c/.sitec-cache" "$tmp/oc.cache"
done
# another build of sitec (here: the same one with a byte appended) does
# not trust what this one wrote, whatever the version says
cp "$sitec" "$tmp/sitec-other" && printf 'x' >>"$tmp/sitec-other"
${SITEC_WRAPPER:-} "$tmp/sitec-other" compile --stats -j 2 -o "$c" "$fleet" 2>"$tmp/err" >/dev/null
grep -q '11 sites on 2 threads: 0 written (0 files), 11 unchanged (0 known from the cache)' "$tmp/err" || { r=1; echo "# other build"; }
sc compile --stats -j 2 -o "$c" "$fleet" 2>"$tmp/err" >/dev/null
grep -q '11 unchanged (0 known from the cache)' "$tmp/err" || { r=1; echo "# back to this build"; }
[ $r = 0 ] || sed 's/^/# /' "$tmp/err"
check "the cache skips unchanged sites and notices edits, damage, another build" $r

# 17. a value nested 495 levels deep (about as deep as the syntax
#     allows) evaluates on worker threads, but JSON output nests at most
#     127 levels (yajl's fixed limit): compile and check report the site
#     and the path (E0518), exit 1, and the site writes nothing; the same
#     value 120 levels deep compiles into JSON and YAML
d=$tmp/deep
mkdir -p "$d"
deep_site() {	# deep_site LEVELS: the fleet of site x, nested LEVELS deep
	open=$(i=0; while [ $i -lt "$1" ]; do printf '{ a = '; i=$((i + 1)); done)
	close=$(i=0; while [ $i -lt "$1" ]; do printf ' }'; i=$((i + 1)); done)
	printf 'schema S { deep: any = null }\nsite x : S {\n  deep = %s1%s\n  api.c = { service = "svc", path = "/x", body = deep }\n  k8s.c = { apiVersion = "v1", kind = "ConfigMap", extra = deep }\n}\n' \
		"$open" "$close" >"$d/deep.site"
}
deep_site 495
sc compile -j 2 -o "$tmp/od" "$d" >"$tmp/dout" 2>"$tmp/err"; rc=$?
sc check -j 2 "$d" >/dev/null 2>"$tmp/err2"; rc2=$?
r=0
[ $rc = 1 ] && [ $rc2 = 1 ] && [ ! -s "$tmp/dout" ] && [ ! -e "$tmp/od/sites/x" ] &&
	[ ! -e "$tmp/od/fleet.json" ] || r=1
grep -q '^sitec: error\[E0518\]: site x: api is nested 498 levels deep; JSON output takes at most 127$' "$tmp/err" &&
	grep -q '= note: the first list or object too deep is at api\.c\.body\.a\.a\.a.*…$' "$tmp/err" &&
	grep -q '= help: JSON is written with yajl' "$tmp/err" &&
	cmp -s "$tmp/err" "$tmp/err2" || r=1
[ $r = 0 ] || { echo "# exit $rc, check $rc2"; sed 's/^/# /' "$tmp/err" | cut -c1-200 | head -8; }
deep_site 120
sc compile -j 2 -o "$tmp/od" "$d" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc = 0 ] && [ "$(grep -c '"a"' "$tmp/od/sites/x/api.json")" = 120 ] &&
	[ "$(grep -c ' a:' "$tmp/od/sites/x/k8s.yaml")" = 120 ] || {
	r=1; sed 's/^/# /' "$tmp/err" | cut -c1-200 | head -5; }
check "a value 495 levels deep: E0518 with the site and path, exit 1, nothing written; 120 levels compile" $r

exit $failed
