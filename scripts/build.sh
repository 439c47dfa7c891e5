#!/usr/bin/env bash
# Configures and builds actorgraph (the core, the CLI, the explorer, the tests and the benchmarks,
# so CI keeps them compiling) into build/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${ACTORGRAPH_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACTORGRAPH_BUILD_BENCH=ON "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
