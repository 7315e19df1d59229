#!/bin/sh
# Before/after benchmark: two sitec executables (say, the last landed
# commit's and the work tree's) measured side by side in one run, on the
# same generated fleet in tmpfs, the commands interleaved so that noise on
# this shared machine hits both alike. For each size it prints compile
# into an empty directory, an unchanged recompile, check, and `changed`:
# a recompile into an OUT compiled from the fleet where every site then
# changes (a global value differs: each site's directory is replaced),
# each as the fastest of REPEAT runs, and the after/before ratio.
#
#   bench/before_after.sh OLD_SITEC NEW_SITEC
#
# Environment: SIZES="100000" (sites), REPEAT=3, JOBS=2.
# Build a release sitec of another commit with, for example:
#   git worktree add --detach /tmp/base COMMIT
#   meson setup /tmp/base/build --buildtype=release -Dtests=false
#   ninja -C /tmp/base/build    # then OLD_SITEC=/tmp/base/build/compiler/cli/sitec
set -eu
[ $# -eq 2 ] || { echo "usage: $0 OLD_SITEC NEW_SITEC" >&2; exit 2; }
cd "$(dirname "$0")/.."
old=$(realpath "$1")
new=$(realpath "$2")
SIZES=${SIZES:-100000}
REPEAT=${REPEAT:-3}
JOBS=${JOBS:-2}

if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	work=$(mktemp -d /dev/shm/sitec-ba.XXXXXX)
else
	work=$(mktemp -d)
	echo "before_after.sh: no writable /dev/shm: working in $work" >&2
fi
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# best PREP CMD...: the fastest wall time (s) of REPEAT runs of CMD, each
# after PREP (a shell command, untimed); also sets rss (KiB, of that run).
best() {
	prep=$1
	shift
	b="" rss_b=""
	i=0
	while [ "$i" -lt "$REPEAT" ]; do
		i=$((i + 1))
		sh -c "$prep"
		t0=$(date +%s%N)
		/usr/bin/time -o "$work/time" -f "%M" "$@" >/dev/null 2>"$work/err" ||
			{ cat "$work/err" >&2; exit 1; }
		t1=$(date +%s%N)
		w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
		if [ -z "$b" ] || awk -v a="$w" -v c="$b" 'BEGIN { exit !(a < c) }'; then
			b=$w rss_b=$(tail -n 1 "$work/time")
		fi
	done
	echo "$b $rss_b"
}

printf '%-8s %-12s %10s %10s %7s %9s %9s\n' sites command before_s after_s ratio before_MiB after_MiB
for n in $SIZES; do
	python3 bench/gen_fleet.py "$n" "$work/fleet"
	rm -rf "$work/fleet2" && cp -r "$work/fleet" "$work/fleet2"
	sed -i 's/agent:1.4.2/agent:1.4.3/' "$work/fleet2/schema.site"
	for cmd in compile recompile check changed; do
		for which in old new; do
			eval "bin=\$$which"
			case $cmd in
			compile) r=$(best "rm -rf '$work/out-$which'" "$bin" compile -j "$JOBS" -o "$work/out-$which" "$work/fleet") ;;
			recompile) r=$(best : "$bin" compile -j "$JOBS" -o "$work/out-$which" "$work/fleet") ;;
			check) r=$(best : "$bin" check -j "$JOBS" "$work/fleet") ;;
			changed) r=$(best "rm -rf '$work/out-$which' && '$bin' compile -j '$JOBS' -o '$work/out-$which' '$work/fleet' >/dev/null" \
				"$bin" compile -j "$JOBS" -o "$work/out-$which" "$work/fleet2") ;;
			esac
			eval "r_$which=\$r"
		done
		# shellcheck disable=SC2154
		set -- $r_old $r_new
		printf '%-8s %-12s %10s %10s %7s %9d %9d\n' "$n" "$cmd" "$1" "$3" \
			"$(awk -v a="$1" -v b="$3" 'BEGIN { printf "%.2f", b / a }')" \
			$(($2 / 1024)) $(($4 / 1024))
	done
	if ! diff -r -x .sitec-cache -x .sitec-lock "$work/out-old" "$work/out-new" >/dev/null; then
		echo "before_after.sh: the two outputs differ at $n sites (expected when a fix changes bundles)" >&2
	fi
	rm -rf "$work/fleet" "$work/fleet2" "$work/out-old" "$work/out-new"
done
