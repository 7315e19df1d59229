#!/bin/sh
# The full kill sweep of issue 12 (the suite runs a small sample of it:
# tests/compile/meson.build): a compile that changes every site of a
# fleet, stopped
#   - at every crash point (SITEC_CRASH_AT) of a 30-site fleet,
#   - at 300 crash points spread over a 2,000-site fleet,
#   - by SIGKILL at 100 random instants over a 2,000-site fleet,
# each stop checked by tests/compile/killsweep.py (every site old or new,
# nothing outside OUT changed, the next compile equals a clean one).
#
#   bench/killsweep.sh SITEC        (a build's compiler/cli/sitec)
# Environment: SEED=12. Takes some minutes.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 SITEC" >&2; exit 2; }
cd "$(dirname "$0")/.."
sitec=$(realpath "$1")
seed=${SEED:-12}
python3 tests/compile/killsweep.py --sitec "$sitec" --src . --seed "$seed" \
	--point-sites 30 --sites 2000 --kills 100
python3 tests/compile/killsweep.py --sitec "$sitec" --src . --seed "$seed" \
	--point-sites 2000 --points 300 --sites 20 --kills 0
