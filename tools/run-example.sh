#!/bin/sh
# The README's first command: set up this machine, build sitec, and run the
# main job on the bundled example fleet: compile it into build/example-out
# (each site's bundle in sites/NAME/, and fleet.json).
set -eu
cd "$(dirname "$0")/.."
./tools/setup.sh
./tools/build.sh build -Dtests=false
exec ./build/compiler/cli/sitec compile -o build/example-out examples/fleet
