#!/usr/bin/env bash
# The fuzz command (not part of the tests): generated inputs for every way data comes in —
# the import file, Mastodon's and Bluesky's answers, the status-HTML sanitiser, the facet
# detector, the counters, the preview, listening's queries, the sentiment hint — natively on
# stable Rust (examples/fuzz). `scripts/fuzz.sh [inputs per target] [seed]`; 60,000 per
# target by default (20 targets: 1,200,000 inputs). Prints one line per target, writes the
# table to bench-results/fuzz.txt and each panicking input to fuzz-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
mkdir -p bench-results
cargo run --locked --quiet --profile fuzz --example fuzz -- "$@" | tee bench-results/fuzz.txt
