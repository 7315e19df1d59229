#!/bin/sh
# Check benchmark: `sitec check` (parse, resolve, evaluate every site)
# over synthetic fleets of 1k, 10k and 100k sites (bench/gen_fleet.py),
# against a floor measured in the same run on the same files
# (`cat` of every file: reading the fleet and nothing else). Prints wall
# and CPU seconds, peak RSS, sites/second and the ratio to the floor.
#   bench/run.sh [BUILDDIR]   (default: build-bench, configured with -Dbuildtype=release)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-bench}
[ -f "$build/build.ninja" ] || meson setup "$build" -Dbuildtype=release -Dtests=false >/dev/null
ninja -C "$build" >/dev/null
sitec=$build/compiler/cli/sitec
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {	# prints "wall cpu maxrss_kib" of a command
	/usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -n 1 |
		awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }'
}

printf '%-8s %-12s %8s %8s %9s %12s %8s\n' sites what wall_s cpu_s rss_MiB sites/s vs_floor
for n in 1000 10000 100000; do
	dir=$work/fleet-$n
	python3 bench/gen_fleet.py "$n" "$dir"
	# Warm the page cache so both runs read from memory.
	find "$dir" -name '*.site' -exec cat {} + >/dev/null
	set -- $(measure sh -c "find '$dir' -name '*.site' -exec cat {} + ")
	floor=$1
	printf '%-8s %-12s %8s %8s %9.1f %12s %8s\n' "$n" "cat (floor)" "$1" "$2" "$(echo "$3/1024" | bc -l)" - 1.0
	set -- $(measure "$sitec" check "$dir")
	ratio=$(echo "$1 / ($floor + 0.001)" | bc -l)
	rate=$(echo "$n / ($1 + 0.001)" | bc -l)
	printf '%-8s %-12s %8s %8s %9.1f %12.0f %8.1f\n' "$n" "sitec check" "$1" "$2" "$(echo "$3/1024" | bc -l)" "$rate" "$ratio"
done
