#!/usr/bin/env bash
# Installs what the benchmarks need (Google Benchmark, python3-igraph), builds them into
# build/ and prints the side-by-side table of bench/README.md: actorgraph against python3-igraph
# and a bare Boost.Graph CSR on the same CSV, and layout + export against Graphviz's own CLI.
# Arguments go to bench/compare_igraph.py, e.g. --actors 1000000 --repetitions 5.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${ACTORGRAPH_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh" python3-igraph
ACTORGRAPH_BUILD_DIR=$build_dir "$root/scripts/build.sh"
/usr/bin/python3 "$root/bench/compare_igraph.py" --build "$build_dir" "$@"
