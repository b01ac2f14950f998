#!/usr/bin/env bash
# Instructions the wasm engine's start costs in baseline (Liftoff) code, counted by
# callgrind: a figure that does not move with the machine's load, unlike a time. For each
# wasm-bindgen output directory given, Node instantiates the module (`none`), then also
# builds the engine over the built-in packs (`engine`), then also lints one typical listing
# (`first`); the differences are the engine's start and the first lint, V8's lazy
# compilation of the functions they call included. Needs valgrind.
#
# usage: tests/bench/start-instructions.sh [WASM_DIR]...   (default target/wasm-out)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || set -- "$here/../../target/wasm-out"
for dir in "$@"; do
  declare -A n=()
  for mode in none engine first; do
    n[$mode]=$(valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file=/dev/null \
      node --single-threaded --liftoff-only "$here/start-child.mjs" "$dir" "$mode" 2>&1 |
      sed -n 's/.*refs: *//p' | tr -d ,)
  done
  echo "$dir: engine start $(( (n[engine] - n[none]) / 1000000 )) M instructions, first lint $(( (n[first] - n[engine]) / 1000000 )) M (instantiation alone $(( n[none] / 1000000 )) M)"
done
