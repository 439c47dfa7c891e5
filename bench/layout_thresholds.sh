#!/usr/bin/env bash
# Measures how long each Graphviz engine takes to lay out generated graphs of growing size, through
# the same styled scene the explorer and `actorgraph export` draw (bounded dot, straight edges on large
# views). The per-engine view limits in src/app/overview.cpp (view_limits_for) come from these numbers.
#
#   bench/layout_thresholds.sh [BUILD_DIR] [SECONDS]     default: build, 60 s budget per layout
#
# Prints "engine actors relations seconds" per run; a run over budget prints ">SECONDS" and the
# engine's larger sizes are skipped. Relations are 3 per actor, the ratio of the explorer's limits.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
budget=${2:-60}
cli="$build/src/actorgraph"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

declare -A sizes=(
  [dot]="100 200 400 800 1600"
  [neato]="250 500 1000 2000"
  [fdp]="250 500 1000 2000"
  [sfdp]="500 1000 2000 4000"
  [circo]="250 500 1000 2000"
  [twopi]="250 500 1000 2000"
)
for engine in dot neato fdp sfdp circo twopi; do
  for actors in ${sizes[$engine]}; do
    graph="$scratch/g$actors"
    [[ -d $graph ]] || "$cli" generate --actors "$actors" --relations-per-actor 3 --seed 1 --formats dot -o "$graph" >/dev/null
    start=$(date +%s.%N)
    if timeout "$budget" "$cli" export "$graph/synthetic.gv" --layout "$engine" -o "$scratch/out.svg" >/dev/null 2>&1; then
      printf '%s %s %s %.1f\n' "$engine" "$actors" "$((actors * 3))" "$(echo "$(date +%s.%N) - $start" | bc)"
    else
      printf '%s %s %s >%s\n' "$engine" "$actors" "$((actors * 3))" "$budget"
      break
    fi
  done
done
