#!/usr/bin/env bash
# Listing Guard: the one entry point.
#   ./build.sh          build dist/chrome/, dist/firefox/ and their zips
#   ./build.sh test     build, then run every test (Rust, wasm binding, JS, both browsers)
#   ./build.sh bench    print the engine's speed and size figures (native, wasm, JS peer side by side),
#                       then catalogue throughput (CATALOGUE_ROWS=1000000 for a million-row file)
#   ./build.sh fuzz [S] fuzz every target for S seconds each (default 60; a new seed each run)
# Each step installs what it lacks, so a fresh Debian 12 machine (as root) needs nothing else.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
TOOLS=$ROOT/.tools
export PATH="$TOOLS/bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated = 0 ]; then apt-get update -q; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

prereqs_build() {
  step "prerequisites: rust wasm32 target, wasm-bindgen-cli, node"
  rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want; want=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    # Not --locked: the locked webpki-roots of 0.2.130 is missing from the index.
    cargo install wasm-bindgen-cli --version "$want" --root "$TOOLS"
  fi
  have node || apt_install nodejs npm
  have zip || apt_install zip
}

build_wasm() {
  step "wasm: cargo build (release, wasm32) + wasm-bindgen"
  cargo build -q -p listing-guard-wasm --release --target wasm32-unknown-unknown
  rm -rf target/wasm-out
  wasm-bindgen --target no-modules --remove-name-section --remove-producers-section \
    --out-dir target/wasm-out --out-name listing_guard_wasm \
    target/wasm32-unknown-unknown/release/listing_guard_wasm.wasm
  local raw gz
  raw=$(stat -c %s target/wasm-out/listing_guard_wasm_bg.wasm)
  gz=$(gzip -9c target/wasm-out/listing_guard_wasm_bg.wasm | wc -c)
  echo "listing_guard_wasm_bg.wasm: $raw bytes, $gz gzipped"
}

assemble() {
  step "extension: dist/chrome, dist/firefox"
  for browser in chrome firefox; do
    local out=dist/$browser
    rm -rf "$out" && mkdir -p "$out/wasm"
    cp -r extension/. "$out/"
    find "$out" \( -name README.md -o -name '*.py' \) -delete
    cp target/wasm-out/listing_guard_wasm.js target/wasm-out/listing_guard_wasm_bg.wasm "$out/wasm/"
    node tools/manifest.mjs "$browser" "$out/manifest.json"
    node tools/locales.mjs "$out"
    if [ "$browser" = firefox ]; then rm -f "$out/background/sw.js"; fi
    rm -f "dist/listing-guard-$browser.zip"
    (cd "$out" && zip -qr -X "$ROOT/dist/listing-guard-$browser.zip" .)
    echo "$out and dist/listing-guard-$browser.zip"
  done
}

# The test build: the same extension, also allowed on the local fixture server.
assemble_test() {
  step "extension: dist/test-chrome, dist/test-firefox (local fixture hosts added)"
  for browser in chrome firefox; do
    rm -rf "dist/test-$browser" && cp -r "dist/$browser" "dist/test-$browser"
    node tests/tools/test-manifest.mjs "dist/test-$browser"
  done
}

build() {
  prereqs_build
  build_wasm
  assemble
}

prereqs_test() {
  step "prerequisites: chromium, firefox-esr, geckodriver, npm packages"
  # The l10n packages let the tests start each browser in Chinese.
  apt_install chromium chromium-driver chromium-l10n firefox-esr firefox-esr-l10n-zh-cn firefox-esr-l10n-zh-tw fonts-noto-cjk fonts-noto-color-emoji
  have geckodriver || cargo install geckodriver --locked --root "$TOOLS"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
}

run_tests() {
  step "rust: fmt, clippy"
  cargo fmt --all --check
  cargo clippy -q --workspace --all-targets -- -D warnings
  step "rust: cargo test"
  cargo test -q --workspace
  step "rust: fuzz each target briefly (fixed seed; ./build.sh fuzz runs longer)"
  run_fuzz 3 --seed 1
  step "rust: the core builds for wasm32"
  cargo build -q -p listing-guard --target wasm32-unknown-unknown
  step "wasm binding: wasm-bindgen-test in node"
  # No -q: cargo would pass --quiet on to the test runner, which refuses it.
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test -p listing-guard-wasm --target wasm32-unknown-unknown
  step "js: node --test"
  node --test tests/js/
  step "firefox: web-ext lint"
  (cd tests && npx --no-install web-ext lint --source-dir "$ROOT/dist/firefox" --no-config-discovery --warnings-as-errors)
  assemble_test
  step "browsers: end-to-end in chromium and firefox-esr"
  node tests/e2e/run.mjs
}

# Stable-Rust fuzzing (crate/fuzz): random and mutated packs, listings, configs and prices.
# Failing inputs are saved under target/fuzz-crashes/; the exit status is 1 if any.
run_fuzz() {
  local seconds=$1; shift
  cargo build -q --profile release-native -p listing-guard-fuzz
  target/release-native/listing-guard-fuzz --seconds "$seconds" "$@"
}

case "${1:-build}" in
  build) build ;;
  test) build; prereqs_test; run_tests ;;
  bench)
    # `./build.sh bench` prints native, wasm-in-Node and JavaScript-peer figures side by side
    # in one run (tests/bench/side-by-side.mjs); `./build.sh bench native [CORPUS]` only the
    # native figures as text.
    prereqs_build
    cargo build -q --profile release-native -p listing-guard-cli --bin listing-guard-bench
    if [ "${2:-}" = native ]; then
      target/release-native/listing-guard-bench "${@:3}"
    else
      build
      [ -d tests/node_modules/modern-ahocorasick ] || (cd tests && npm ci --no-audit --no-fund --loglevel=error)
      node tests/bench/side-by-side.mjs "${@:2}"
      step "catalogue check: a generated Amazon flat file, one core and every core"
      cargo run -q --profile release-native -p listing-guard-cli --bin listing-guard-catalogue-bench -- "${CATALOGUE_ROWS:-200000}"
    fi ;;
  fuzz) run_fuzz "${2:-60}" "${@:3}" ;;
  *) echo "usage: ./build.sh [test|bench [native]|fuzz [seconds]]" >&2; exit 2 ;;
esac
