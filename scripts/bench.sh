#!/usr/bin/env bash
# The benchmark command (not part of the tests): builds the release app and a bench build
# (the same app with the `bench` feature's entry points), then measures sizes, cold load
# and bulk IndexedDB writes/reads against raw IndexedDB and Dexie in headless Chromium.
# Prints a table and writes bench-results/bench.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
trunk build --release
trunk build --release --features bench --dist target-bench-dist
node tests/bench/bench.mjs "$@"
