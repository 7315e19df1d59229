#!/bin/sh
# bench/gitops.sh [BUILDDIR] - the GitOps commands (issue 13), each as a
# ratio to its floor measured in the same run, and its peak RSS:
#   publish of the N-site fleet into an empty repository / compile -o to tmpfs
#   publish after one site changed (SMALL sites): seconds, objects in its pack
#   affected between two revisions differing in one region / check
# Everything runs on tmpfs (/dev/shm), removed on exit.
#   N (default 100000), SMALL (default 10000), JOBS (default 2)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-test}
sitec=$(cd "$build" && pwd)/compiler/cli/sitec
N=${N:-100000}
SMALL=${SMALL:-10000}
JOBS=${JOBS:-2}
tmp=$(mktemp -d /dev/shm/sitec-gitops.XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp GIT_AUTHOR_NAME=b \
	GIT_AUTHOR_EMAIL=b@example.com GIT_COMMITTER_NAME=b \
	GIT_COMMITTER_EMAIL=b@example.com

# run LABEL CMD...: wall seconds into $secs, peak RSS (MiB) into $rss
run() {
	label=$1
	shift
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" ||
		{ echo "$label failed:"; cat "$tmp/err"; exit 1; }
	secs=$(cut -d' ' -f1 "$tmp/time")
	rss=$(( $(cut -d' ' -f2 "$tmp/time") / 1024 ))
	printf '%-44s %8.2f s  %5d MiB\n' "$label" "$secs" "$rss"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", (b > 0 ? a / b : 0) }'; }

make_repo() {	# make_repo DIR SITES
	git init -q "$1"
	python3 "$here/gen_fleet.py" "$2" "$1/fleet" >/dev/null
	(cd "$1" && git add -A && git commit -qm fleet)
}

echo "== publish of $N sites into an empty repository, vs compile -o to tmpfs"
make_repo "$tmp/big" "$N"
cd "$tmp/big"
run "compile -o (tmpfs), $N sites" "$sitec" compile -j "$JOBS" -o "$tmp/out-big" fleet
c=$secs
run "publish into an empty repository, $N sites" "$sitec" publish -j "$JOBS" --branch deploy fleet
echo "ratio publish / compile -o: $(ratio "$secs" "$c")  (target <= 1.0x)"

echo "== affected between two revisions differing in one region, vs check"
sed -i 's/"net.core.rmem_max" = "1048576"/"net.core.rmem_max" = "1048577"/' fleet/regions.site
git commit -qam 'one region'

if "$sitec" affected --help >/dev/null 2>&1; then
	run "check, $N sites" "$sitec" check -j "$JOBS" fleet
	c=$secs
	run "affected HEAD~1 HEAD, $N sites" "$sitec" affected -j "$JOBS" HEAD~1 HEAD fleet
	echo "ratio affected / check: $(ratio "$secs" "$c")  (target < 2x)"
else
	echo "(sitec affected: not in this build)"
fi
cd "$tmp"
rm -rf "$tmp/big" "$tmp/out-big"

echo "== publish after one site changed, $SMALL sites"
make_repo "$tmp/small" "$SMALL"
cd "$tmp/small"
"$sitec" publish -j "$JOBS" --branch deploy fleet >/dev/null
ls .git/objects/pack/*.idx | sort >"$tmp/packs"
sed -i 's/mgmt_ip = "10.0.0.0"/mgmt_ip = "10.250.0.0"/' fleet/sites/sites-000000.site
git commit -qam 'one site'
run "publish, one site changed of $SMALL" "$sitec" publish -j "$JOBS" --branch deploy fleet
cat "$tmp/out"
new=$(ls .git/objects/pack/*.idx | sort | comm -13 "$tmp/packs" -)
echo "objects in the new pack: $(git show-index <"$new" | wc -l)  (target: the site's files + its tree + sites/ + fleet.json + root + commit)"
