#!/bin/sh
# The README's first command: set up this machine, build sitec, and run the
# main job on the bundled example fleet.
set -eu
cd "$(dirname "$0")/.."
./tools/setup.sh
./tools/build.sh build -Dtests=false
exec ./build/compiler/cli/sitec check examples/fleet
