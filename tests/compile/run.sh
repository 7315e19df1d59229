#!/bin/sh
# tests/compile/run.sh - `sitec compile` end to end, as TAP: the tree it
# writes, exact bytes of one site's bundle.json and os.json, the
# not-touched rule, atomic rewrites of a changed site, a failing site
# keeping its old bundle, pruning of removed sites, determinism.
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

echo "1..9"
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

# 2. exact bytes of one site's files; its digest is as bundle.h defines
expect boston-01.bundle.json "$out/sites/boston-01/bundle.json" &&
	expect boston-01.os.json "$out/sites/boston-01/os.json"
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
	diff -r "$out" "$tmp/out2" >/dev/null
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
		grep -v -e '^./sites/boston-01/' -e '^./fleet.json$')" ]
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
sc compile -o "$tmp/o4" "$fleet" >/dev/null 2>&1 && diff -r "$tmp/o3" "$tmp/o4" >/dev/null
check "incremental result equals a fresh compile" $?

# 9. usage: no -o is exit 2; --help exits 0
sc compile "$fleet" >/dev/null 2>&1; r1=$?
sc compile --help >/dev/null 2>&1; r2=$?
[ $r1 = 2 ] && [ $r2 = 0 ]
check "compile without -o is a usage error; --help" $?

exit $failed
