#!/usr/bin/env bash
# Regenerates the pictures the README shows from graphs/nato_mongolia.gv (run after editing the graph).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli=${ACTORGRAPH_BUILD_DIR:-$root/build}/src/actorgraph
graph=$root/graphs/nato_mongolia.gv
"$cli" export "$graph" -o "$root/docs/nato_mongolia_overview.svg" --layout fdp --legend \
  --title "NATO–Mongolia relations (Helbig 2015): every actor and relation"
"$cli" export "$graph" -o "$root/docs/mongolia_investment_pressure.svg" --layout dot --legend \
  --focus mongolia --depth 1 --types investment,pressure --hide-isolated \
  --title "Who invests in and pressures Mongolia"
"$cli" export "$graph" -o "$root/docs/russia_to_nato_paths.svg" --layout dot --legend \
  --path russia nato --k 6 --direction any --path-only --title "The six shortest paths between Russia and NATO"
# The explorer as a user sees it after a few actions (needs xvfb-run).
if command -v xvfb-run >/dev/null; then
  gui=${ACTORGRAPH_BUILD_DIR:-$root/build}/src/gui/actorgraph-gui
  config=$(mktemp -d)  # a first run: no remembered panels, sizes or engine
  # What a new user sees at start: the bundled graph as it opens, nothing touched.
  XDG_CONFIG_HOME=$config xvfb-run -a -s "-screen 0 1600x1000x24" "$gui" "$graph" --size 1600x1000 \
    --screenshot "$root/docs/explorer_start.png"
  script=$(mktemp)
  printf 'path russia nato k=3 direction=any\nhover russia\n' > "$script"
  XDG_CONFIG_HOME=$config xvfb-run -a -s "-screen 0 1600x1000x24" "$gui" "$graph" --size 1600x1000 \
    --screenshot "$root/docs/explorer.png" --script "$script"
  # The query console: a read's table and highlight; then a statement typed with a mistake, run with Ctrl+Enter.
  printf '%s\n' "query \"MATCH (a)-[r:pressure]->(b {id: 'mongolia'}) RETURN a, r, labels(a) AS labels, r.year AS year ORDER BY a.label\"" > "$script"
  XDG_CONFIG_HOME=$config xvfb-run -a -s "-screen 0 1600x1000x24" "$gui" "$graph" --size 1600x1000 \
    --screenshot "$root/docs/explorer_query.png" --script "$script"
  typing=$(mktemp)
  printf '%s\n' idle 'frames 5' 'click 150 800' 'key ctrl+a' 'type MATCH (n:state)-[r:pressure]->(m)' 'key enter' \
    'type WHERE r.year >== 2010' 'key enter' 'type RETURN n.label, count(m)' 'key ctrl+enter' idle 'frames 5' > "$typing"
  XDG_CONFIG_HOME=$config xvfb-run -a -s "-screen 0 1600x1000x24" "$gui" "$graph" --size 1600x1000 \
    --screenshot "$root/docs/explorer_query_error.png" --script "$script" --input "$typing"
  rm -rf "$script" "$config" "$typing"
fi
