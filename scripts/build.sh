#!/usr/bin/env bash
# Configures and builds actorgraph (the core, the CLI, the explorer, the tests and the benchmarks,
# so CI keeps them compiling) into build/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${ACTORGRAPH_BUILD_DIR:-$root/build}
# -g1 (line tables and function names: backtraces and profiles read as file:line) instead of the full
# debug info of -g, which costs a fifth of the compile time; pass -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g"
# (or use a Debug build) for a debugger session with local variables.
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  -DACTORGRAPH_BUILD_BENCH=ON "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
