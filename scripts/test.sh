#!/usr/bin/env bash
# Quick start, second command: installs what is missing, builds, and runs every test.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "${ACTORGRAPH_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j "$(nproc)"
