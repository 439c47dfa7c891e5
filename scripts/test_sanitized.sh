#!/usr/bin/env bash
# Builds the core, the CLI and every test with AddressSanitizer + UndefinedBehaviorSanitizer
# (CMake preset `asan`: clang++-14, into build-asan/, where scripts/fuzz.sh then adds the fuzz targets
# to the same instrumented library) and runs the whole test suite. Any sanitizer report
# fails its test, so the run ends with ctest's summary and a non-zero status on any finding.
# Left out here, run by scripts/test.sh: the openCypher TCK and the `slow` label, and the CLI's sweep
# of every query over every corpus DOT file (7 minutes under ASan, almost all of it Graphviz layout;
# the corpus loads and the queries are under ASan in the other corpus tests and the fuzzers).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j "$(nproc)"
