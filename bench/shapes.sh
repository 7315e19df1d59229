#!/bin/sh
# Evaluation cost by shape of inheritance: `sitec check` over fleets of
# 1k and 10k sites that differ only in how their profiles inherit (see
# bench/gen_shapes.py): a flat profile (the baseline, measured in the same
# run), a 10-level chain, a 40-wide diamond and a 20-level lattice of
# diamonds. Prints wall and CPU seconds, peak RSS, and the ratio to flat
# at the same N; the cost must stay linear in N and close to flat.
#   bench/shapes.sh [BUILDDIR]   (default: build-bench, a release build)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-bench}
[ -f "$build/build.ninja" ] || meson setup "$build" -Dbuildtype=release -Dtests=false >/dev/null
ninja -C "$build" >/dev/null
sitec=$build/compiler/cli/sitec
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {	# prints "wall cpu maxrss_kib" of a command (best of 3 walls)
	best=
	for _ in 1 2 3; do
		r=$(/usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -n 1 |
			awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }')
		if [ -z "$best" ] || [ "$(echo "${r%% *} < ${best%% *}" | bc)" = 1 ]; then
			best=$r
		fi
	done
	echo "$best"
}

printf '%-8s %-8s %8s %8s %9s %10s\n' sites shape wall_s cpu_s rss_MiB vs_flat
for n in 1000 10000; do
	flat=
	for shape in flat chain diamond lattice; do
		dir=$work/$shape-$n
		python3 bench/gen_shapes.py "$shape" "$n" "$dir"
		"$sitec" check "$dir" >/dev/null
		set -- $(measure "$sitec" check "$dir")
		[ -n "$flat" ] || flat=$1
		printf '%-8s %-8s %8s %8s %9.1f %10.2f\n' "$n" "$shape" "$1" "$2" \
			"$(echo "$3/1024" | bc -l)" "$(echo "$1 / ($flat + 0.001)" | bc -l)"
	done
done
