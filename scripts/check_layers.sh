#!/usr/bin/env bash
# Fails when an #include crosses a layer the wrong way (docs/ARCHITECTURE.md, "Layers"): each folder
# of src/ and include/actorgraph/ may include only the layers listed for it, and nothing outside
# src/gui may include ImGui or GLFW. Run by CTest (test `layers`) and so by CI.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

declare -A allowed=(
  [model]="model"
  [graphviz]="model graphviz"
  [io]="model graphviz io"
  [query]="model query"
  [generate]="model io generate"
  [render]="model graphviz io query render"
  [cypher]="model io query cypher edit"
  [app]="model graphviz io query render generate cypher app edit"
  [cli]="model graphviz io query render generate cypher app cli edit"
  [gui]="model io query render generate cypher app gui edit"
  [edit]="model io edit"
)

failures=0
report() {
  echo "layers: $1"
  failures=$((failures + 1))
}

for folder in "$root"/src/*/ "$root"/include/actorgraph/*/; do
  layer=$(basename "$folder")
  if [[ -z ${allowed[$layer]+set} ]]; then
    report "${folder#$root/} is a folder no layer rule covers: add it to scripts/check_layers.sh and docs/ARCHITECTURE.md"
    continue
  fi
  while IFS=: read -r file line text; do
    included=$(sed -E 's/.*#include "(actorgraph\/)?([a-z_]+)\/.*/\2/' <<<"$text")
    [[ -n ${allowed[$included]+set} ]] || continue  # not one of ours (a header beside the file, a system one)
    [[ " ${allowed[$layer]} " == *" $included "* ]] && continue
    report "${file#$root/}:$line: $layer may not include $included (${text#*#include })"
  done < <(grep -rnE '^\s*#\s*include "' "$folder" || true)
  if [[ $layer != gui ]]; then
    while IFS=: read -r file line text; do
      report "${file#$root/}:$line: only src/gui may use ImGui or GLFW ($text)"
    done < <(grep -rnE '^\s*#\s*include [<"](imgui|GLFW/|backends/imgui)' "$folder" || true)
  fi
done

if [[ $failures -gt 0 ]]; then
  echo "layers: $failures include(s) cross a layer the wrong way"
  exit 1
fi
echo "layers: every include of src/ and include/actorgraph/ follows docs/ARCHITECTURE.md"
