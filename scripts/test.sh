#!/usr/bin/env bash
# README command 2: set up what is missing, then run every test layer:
#   1. native `cargo test` (domain rules);
#   2. `cargo test --target wasm32-unknown-unknown` in headless Chromium (store);
#   3. the release build, then Playwright end-to-end on it (`node --test tests/e2e/`).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/setup.sh
source scripts/env.sh

step() { printf '\n=== %s\n' "$1"; }

step "0/4 format and lints (native and wasm)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings

step "1/4 native tests"
cargo test --locked

step "2/4 browser tests (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test 'browser_*'

step "3/4 release build"
trunk build --release

step "4/4 end-to-end (Playwright on the release build)"
node --test --test-concurrency=1 tests/e2e/

printf '\nall layers passed in %ss\n' "$(( $(date +%s) - started ))"
