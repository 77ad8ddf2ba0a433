#!/usr/bin/env bash
# README command 2: set up what is missing, then run every test layer:
#   1. native `cargo test` (domain rules), then the differential tests of the Bluesky facets
#      against @atproto/api and of X's and Mastodon's lengths against twitter-text
#      (`node --test tests/differential/`);
#   2. `cargo test --target wasm32-unknown-unknown` in headless Chromium (store);
#   3. the release build, then Playwright end-to-end on it (`node --test tests/e2e/`), with a
#      local Bluesky network (scripts/pds.sh) started in the background right after setup, so
#      its start overlaps the compile steps, and stopped on exit, whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/setup.sh
source scripts/env.sh
# The build cache is shared between clones; keep it from filling the disk.
scripts/prune-target.sh

step() { printf '\n=== %s\n' "$1"; }

# Its output goes to a file: nothing it starts may hold this script's stdout (`… | tail` would hang).
mkdir -p .pds
scripts/pds.sh start >.pds/start.log 2>&1 </dev/null &
pds_start=$!
stop_pds() {
  local rc=$?
  if [ -n "$pds_start" ]; then kill -TERM "$pds_start" 2>/dev/null || true; wait "$pds_start" 2>/dev/null || true; fi
  scripts/pds.sh stop || true
  exit $rc
}
trap stop_pds EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "0/4 format and lints (native and wasm)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings

step "1/4 native tests"
cargo test --locked

step "1/4 (cont.) differential: Bluesky facets, X and Mastodon lengths against the networks' own libraries"
node --test tests/differential/

step "2/4 browser tests (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test 'browser_*'

step "3/4 release build (for the tests: its CSP lets it reach the loopback servers)"
ATTACHE_TEST_BUILD=1 trunk build --release

step "4/4 end-to-end (Playwright on the release build, local Bluesky network)"
if ! wait "$pds_start"; then
  pds_start=
  cat .pds/start.log >&2
  echo "the local Bluesky network did not start (scripts/pds.sh start, logs in .pds/)" >&2
  exit 1
fi
pds_start=
grep '^\[pds\] ready' .pds/start.log
node --test --test-concurrency=1 tests/e2e/

printf '\nall layers passed in %ss\n' "$(( $(date +%s) - started ))"
