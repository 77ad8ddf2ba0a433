#!/usr/bin/env bash
# The benchmark command (not part of the tests): builds the release app and a bench build
# (the same app with the `bench` feature's entry points), then measures what the wasm is
# made of (tests/bench/size.mjs, with twiggy), Lighthouse's mobile scores
# (tests/bench/lighthouse.mjs), sizes, cold and warm start, and bulk IndexedDB writes/reads
# against raw IndexedDB and Dexie in headless Chromium, and the pages at scale.
# the sentiment hint's accuracy and macro-F1 per language on the labelled sets.
# Prints tables and writes bench-results/{size,lighthouse,bench}.json and sentiment.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if ! command -v twiggy >/dev/null; then
  echo "[bench] installing twiggy 0.8.0 (the wasm size profiler, about 3 minutes)"
  (unset CARGO_TARGET_DIR; cargo install twiggy --version 0.8.0 --locked)
fi
if [ ! -x .tmp/lighthouse/node_modules/.bin/lighthouse ]; then
  echo "[bench] installing Lighthouse 12.2.3 into .tmp/lighthouse"
  npm install --no-audit --no-fund --loglevel=error --prefix .tmp/lighthouse lighthouse@12.2.3
fi
source scripts/env.sh
# Built for the tests: the benchmarks talk to loopback servers (the CSP allows them only then).
export ATTACHE_TEST_BUILD=1
trunk build --release
# The size breakdown reads the release build's own cargo output (before the bench build
# replaces it), through wasm-bindgen and wasm-opt -Oz as Trunk does, with names kept.
rm -rf target-size && mkdir -p target-size
wasm-bindgen --target web --no-typescript --keep-debug --out-dir target-size --out-name attache \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/attache.wasm"
wasm-opt -Oz -g target-size/attache_bg.wasm -o target-size/attache_named.wasm
node tests/bench/size.mjs target-size/attache_named.wasm "$(ls dist/*_bg.wasm)"
trunk build --release --features bench --dist target-bench-dist
node tests/bench/lighthouse.mjs dist
node tests/bench/bench.mjs "$@"
# The sentiment hint against the labelled sets (and VADER's own rules on the English one),
# natively: accuracy, macro-F1 and the confusion table per language.
mkdir -p bench-results
cargo run --quiet --example sentiment_eval | tee bench-results/sentiment.txt
