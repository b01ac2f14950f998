#!/usr/bin/env bash
# Makes docs/screenshots/report.png and report-zh.png: the HTML report of
# crate/cli/tests/data/shopify_demo.csv opened in headless Chromium.
# usage: tools/cli-report-screenshot.sh   (after `cargo build -p listing-guard-cli`)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=${BIN:-$ROOT/target/debug/listing-guard}
OUT=$(mktemp -d)
for lang in en zh; do
  (cd crate/cli/tests/data && "$BIN" check --quiet --lang "$lang" --format json \
    --report "$OUT/report-$lang.html" shopify_demo.csv >/dev/null) || [ $? = 1 ]
  name=report; [ "$lang" = zh ] && name=report-zh
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --run-all-compositor-stages-before-draw --virtual-time-budget=5000 \
    --window-size=1280,1600 --screenshot="$ROOT/docs/screenshots/$name.png" \
    "file://$OUT/report-$lang.html" >/dev/null 2>&1
  echo "docs/screenshots/$name.png"
done
rm -rf "$OUT"
