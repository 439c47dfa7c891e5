#!/usr/bin/env bash
# Side by side with Kuzu 0.11.3 (issue #14, "Speed, measured side by side"): builds actorgraph's side
# (build/bench/actorgraph_cypher_bench), installs the npm package kuzu@0.11.3 into build/kuzu-bench (only
# here: Kuzu is never a build or test dependency), generates the CSV (`actorgraph generate --seed 1`),
# loads it into both and runs the same queries alternately, then a cycle of write statements (create an actor,
# set a property, relate it, delete it: the graph ends as it began); prints the table of bench/README.md.
#   bench/kuzu_compare.sh [ACTORS (default 1000000)] [REPETITIONS (default 5)] [--reuse-db]
# (--reuse-db keeps the Kuzu database the previous run at the same size loaded, to re-run only the queries.)
# Needs node and npm (Debian: nodejs, npm). Data goes to /tmp/actorgraph-bench/ACTORS (as compare_igraph.py's).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${ACTORGRAPH_BUILD_DIR:-$root/build}
actors=${1:-1000000}
repetitions=${2:-5}
reuse=${3:-}
data=${ACTORGRAPH_BENCH_DATA:-/tmp/actorgraph-bench}/$actors

command -v node >/dev/null && command -v npm >/dev/null || { echo "kuzu_compare.sh: needs node and npm" >&2; exit 1; }
if [[ ! -f $build_dir/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACTORGRAPH_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)" --target actorgraph actorgraph_cypher_bench

kuzu_dir=$build_dir/kuzu-bench
module=$kuzu_dir/node_modules/kuzu
if [[ ! -f $module/kuzujs.node ]]; then
    mkdir -p "$kuzu_dir"
    (cd "$kuzu_dir" && npm install --no-save --no-audit --no-fund kuzu@0.11.3)
    # npm may skip the package's install script (which only copies the prebuilt binary for this platform).
    [[ -f $module/kuzujs.node ]] || (cd "$module" && node install.js)
fi

if [[ ! -f $data/relationships.csv ]]; then
    "$build_dir/src/actorgraph" generate --actors "$actors" --seed 1 --formats csv -o "$data" >/dev/null
fi

node "$root/bench/kuzu_compare.mjs" --csv "$data" --ours "$build_dir/bench/actorgraph_cypher_bench" \
    --kuzu "$module" --repetitions "$repetitions" --db "$kuzu_dir/db" --json "$kuzu_dir/last_run.jsonl" $reuse
