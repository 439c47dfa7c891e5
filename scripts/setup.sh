#!/usr/bin/env bash
# Installs the Debian 12 packages actorgraph needs to build, test and run, when they are missing,
# plus any packages named as arguments (scripts/bench.sh adds python3-igraph).
# Idempotent; works as root or through sudo.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libboost-graph-dev libgraphviz-dev graphviz
  libpugixml-dev nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev
  libimgui-dev libglfw3-dev libgl-dev libstb-dev
  fonts-dejavu-core xvfb xauth
  clang-14 libclang-rt-14-dev
  libbenchmark-dev
  libigraph-dev libhowardhinnant-date-dev tzdata
  "$@"
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi

echo "setup: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
