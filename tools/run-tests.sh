#!/bin/sh
# The README's second command (and what CI runs): set up this machine,
# build twice (plain with warnings as errors, and with AddressSanitizer +
# UBSan) and run the whole suite in each, run the compile suite under
# ThreadSanitizer and the golden tests under valgrind, fuzz each parser
# for a little while (clang, libFuzzer), and end with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
./tools/setup.sh || exit 1

status=0
./tools/build.sh build-test -Dwerror=true || exit 1
./tools/build.sh build-asan -Dwerror=true -Db_sanitize=address,undefined \
	-Db_lundef=false || exit 1

meson test -C build-test --print-errorlogs --num-processes 2 >build-test/suite.log 2>&1 || status=1
tail -n 12 build-test/suite.log
SITEC_TIME_SCALE=5 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	meson test -C build-asan --print-errorlogs --num-processes 2 >build-asan/suite.log 2>&1 || status=1
tail -n 12 build-asan/suite.log
# The compile suite once more with ThreadSanitizer: it compiles fleets
# on 1, 2 and 8 threads, so a data race between them fails it.
./tools/build.sh build-tsan -Db_sanitize=thread -Dbuildtype=debugoptimized || exit 1
TSAN_OPTIONS=halt_on_error=1:exitcode=66 \
	meson test -C build-tsan --suite compile --print-errorlogs --num-processes 2 \
	>build-tsan/suite.log 2>&1 || status=1
tail -n 8 build-tsan/suite.log
meson test -C build-test --setup valgrind --suite golden \
	--print-errorlogs --num-processes 2 >build-test/valgrind.log 2>&1 || status=1
tail -n 12 build-test/valgrind.log

# The libFuzzer harnesses, built with clang and the library instrumented,
# fuzzed from their seed corpora side by side: fuzz-smoke-parse for a
# minute, fuzz-smoke-eval for 30 s (tests/fuzz/run.sh fuzzes longer).
fuzz_flags='-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined'
if [ ! -f build-fuzz-ci/build.ninja ]; then
	CC=clang CFLAGS="$fuzz_flags -g" LDFLAGS='-fsanitize=address,undefined' \
		meson setup build-fuzz-ci -Dfuzzer=true -Db_lundef=false >/dev/null || exit 1
fi
ninja -C build-fuzz-ci >/dev/null || exit 1
meson test -C build-fuzz-ci --suite fuzz --print-errorlogs >build-fuzz-ci/suite.log 2>&1 || status=1
tail -n 8 build-fuzz-ci/suite.log

python3 tools/test_summary.py build-test build-asan build-tsan build-test:valgrind build-fuzz-ci || status=1
exit $status
