#!/usr/bin/env bash
# Builds the libFuzzer targets (build preset `fuzz`, in the instrumented clang++-14 build of the `asan`
# preset, build-asan/, whose library the sanitizer tests use too) and runs each for a fixed time, seeded from tests/data and ../shared/corpus (copied to a scratch folder, so
# nothing third-party lands in the repository).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 60 s, every target
#
# A crash, leak, timeout or out-of-memory stops that target; its reproducer is kept in
# build-asan/findings/TARGET/ and the script ends with "N passed, N failed" and a non-zero status.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(dot_reader dot_prescan graphml_reader csv_reader property_condition stylesheet app_model cypher_parser)
corpus=${ACTORGRAPH_CORPUS:-$root/../shared/corpus}
build="$root/build-asan"

set -e
"$root/scripts/setup.sh"
cmake --preset asan -S "$root" >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
set +e

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Seeds: every test file and corpus file of the target's format; CSV seeds join the two files
# of a folder with a form feed, as csv_reader_fuzz.cpp splits them.
seed_target() {
  local target=$1 seeds=$2
  mkdir -p "$seeds"
  case $target in
    dot_reader|dot_prescan)
      find "$root/tests/data/dot" "$root/graphs" "$corpus/graphviz" -type f \( -name '*.gv' -o -name '*.dot' \) \
        -size -256k -exec cp -t "$seeds" --backup=numbered {} + 2>/dev/null ;;
    graphml_reader)
      find "$root/tests/data/graphml" "$corpus/graphml" -type f -name '*.graphml' -size -256k \
        -exec cp -t "$seeds" --backup=numbered {} + 2>/dev/null ;;
    csv_reader)
      for folder in "$root"/tests/data/csv/*/; do
        { cat "$folder/nodes.csv" 2>/dev/null; printf '\f'; cat "$folder/relationships.csv" 2>/dev/null; } \
          > "$seeds/$(basename "$folder").csv"
      done ;;
    property_condition)
      for text in 'year' 'year=2015' 'source!=x' 'amount_usd>=1e8' 'year<2000' 'role~minister' 'a<=-1.5e3' '=x'; do
        printf '%s' "$text" > "$seeds/$(printf '%s' "$text" | md5sum | cut -c1-12)"
      done ;;
    stylesheet)
      cp "$root/assets/stylesheet.json" "$seeds/" ;;
    app_model)
      # The first byte picks the reader (even: DOT, odd: GraphML), as app_model_fuzz.cpp reads it.
      local file
      for file in "$root"/graphs/*.gv "$root"/tests/data/dot/*.gv "$corpus"/graphviz/directed/*.gv; do
        [[ -f $file && $(stat -c %s "$file") -lt 65536 ]] && { printf 'd'; cat "$file"; } > "$seeds/dot-$(basename "$file")"
      done
      for file in "$root"/tests/data/graphml/*.graphml "$corpus"/graphml/*.graphml; do
        [[ -f $file && $(stat -c %s "$file") -lt 65536 ]] && { printf 'g'; cat "$file"; } > "$seeds/graphml-$(basename "$file")"
      done ;;
    cypher_parser)
      # Every query of the TCK's scenarios, one per seed (the text between a step's triple quotes).
      find "$corpus/opencypher-tck/features" -name '*.feature' -exec awk -v dir="$seeds" '
        /"""/ { if (inside) { close(file); inside = 0 } else { inside = 1; file = sprintf("%s/q%06d", dir, ++n) } ; next }
        inside { print > file }' {} + 2>/dev/null
      # Hand-written statements for what the TCK's outlines leave as placeholders (temporal values).
      cp "$root"/tests/data/cypher/*/*.cypher "$seeds/" 2>/dev/null ;;
  esac
  # A crash found earlier stays a seed, so a fix is proven by the next run.
  if [[ -d "$root/tests/hardening/reproducers/$target" ]]; then
    cp "$root/tests/hardening/reproducers/$target"/* "$seeds/" 2>/dev/null
  fi
  return 0
}

passed=0
failed=0
failed_targets=()
for target in "${targets[@]}"; do
  seeds="$scratch/$target/seeds"
  work="$scratch/$target/corpus"
  findings="$build/findings/$target"
  mkdir -p "$work" "$findings"
  seed_target "$target" "$seeds"
  echo "fuzz: $target for ${seconds}s ($(ls "$seeds" | wc -l) seeds)"
  # -rss_limit_mb and -timeout turn memory blow-ups and hangs into findings; leaks are findings too.
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  LSAN_OPTIONS="suppressions=$root/tests/hardening/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz/fuzz_$target" "$work" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=262144 -artifact_prefix="$findings/" -print_final_stats=1 >"$scratch/$target.log" 2>&1
  status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$scratch/$target.log" | tr '\n' ' '
  echo
  if [[ $status -eq 0 ]]; then
    passed=$((passed + 1))
    echo "fuzz: $target passed"
  else
    failed=$((failed + 1))
    failed_targets+=("$target")
    tail -60 "$scratch/$target.log"
    echo "fuzz: $target FAILED (status $status); reproducer in $findings/"
  fi
done

echo "fuzz: $passed passed, $failed failed${failed_targets:+ (${failed_targets[*]})}"
[[ $failed -eq 0 ]]
