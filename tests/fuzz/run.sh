#!/bin/sh
# run.sh - fuzz one harness with libFuzzer: the front end, the evaluator,
# the string validators, the build cache's parser, or common/'s key-file
# and bundle.json readers, or the fleet.json/fleet.sig reader.
#
#   tests/fuzz/run.sh [SECONDS] [EXTRA LIBFUZZER OPTIONS...]
#
# Configures (once) and builds build-fuzz with clang, libFuzzer, ASan and
# UBSan, the compiler library instrumented too, then runs fuzz_HARNESS for
# SECONDS (default 60) over a scratch copy of the seed corpus, so the
# corpus it grows never lands in the repository. Crash, timeout, leak and
# slow-unit reproducers are written to the scratch dir's artifacts/; copy
# a minimized one to tests/fuzz/corpus/HARNESS/regress-NAME to keep it as
# a regression test.
#
# Environment: HARNESS (parse, the default, eval, formats, cache, keyfile,
# bundle_meta or fleet_meta), BUILD
# (default build-fuzz), WORK (default a new mktemp -d, kept afterwards;
# reuse one to continue a corpus), JOBS (default 1).
set -eu

seconds=${1:-60}
[ $# -gt 0 ] && shift

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${BUILD:-$top/build-fuzz}
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/sitec-fuzz.XXXXXX")}
jobs=${JOBS:-1}
harness=${HARNESS:-parse}
case $harness in
parse|eval|formats|cache|keyfile|bundle_meta|fleet_meta) ;;
*) echo "run.sh: HARNESS must be parse, eval, formats, cache, keyfile," \
	"bundle_meta or fleet_meta, not '$harness'" >&2
   exit 2 ;;
esac
# Each harness's dictionary, as in tests/fuzz/meson.build's table.
case $harness in
cache) dict=$here/cache.dict ;;
keyfile) dict=$here/keyfile.dict ;;
bundle_meta|fleet_meta) dict=$here/bundle.dict ;;
*) dict=$here/site.dict ;;
esac

san='-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined'
if [ ! -f "$build/build.ninja" ]; then
	CC=clang CFLAGS="$san -g" LDFLAGS='-fsanitize=address,undefined' \
		meson setup "$build" "$top" -Dfuzzer=true -Db_lundef=false \
		-Dbuildtype=debugoptimized
fi
ninja -C "$build" "tests/fuzz/fuzz_$harness"

mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$here"/corpus/"$harness"/* "$work/corpus/" 2>/dev/null || true
echo "run.sh: corpus and artifacts in $work" >&2

log="$work/fuzz.log"
set +e
parallel=
[ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
{
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
"$build/tests/fuzz/fuzz_$harness" \
	-dict="$dict" \
	-max_len=4096 \
	-timeout=10 \
	-report_slow_units=1 \
	-rss_limit_mb=2048 \
	-max_total_time="$seconds" \
	-print_final_stats=1 \
	$parallel \
	-artifact_prefix="$work/artifacts/" \
	"$@" \
	"$work/corpus" 2>&1
echo $? >"$work/status"
} | tee "$log"
status=$(cat "$work/status")

# With -jobs>1 the output of each job is in fuzz-N.log in the cwd; with
# -fork=N there is no DONE line, the last "#N: cov:" line is the total.
echo "--- final stats ---"
grep -h -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs|^stat::|^INFO: exiting' \
	"$log" fuzz-*.log 2>/dev/null || true
grep -E '^#[0-9]+: cov:' "$log" | tail -n 1 || true
echo "corpus: $(ls "$work/corpus" | wc -l) inputs; artifacts: $(ls "$work/artifacts" | wc -l)"
exit $status
