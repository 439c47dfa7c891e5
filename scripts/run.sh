#!/usr/bin/env bash
# Quick start, first command: installs what is missing, builds, and opens the explorer on the
# bundled graph (or on the file given as the first argument).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
build_dir=${ACTORGRAPH_BUILD_DIR:-$root/build}
graph=${1:-$root/graphs/nato_mongolia.gv}
if [[ -x "$build_dir/src/gui/actorgraph-gui" ]]; then
  exec "$build_dir/src/gui/actorgraph-gui" "$graph"
fi
"$build_dir/src/actorgraph" info "$graph"
"$build_dir/src/actorgraph" export "$graph" -o "$build_dir/overview.svg" --legend
echo "Open $build_dir/overview.svg in a browser."
