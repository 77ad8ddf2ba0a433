#!/usr/bin/env bash
# Keeps the shared build cache ($CARGO_TARGET_DIR) from filling the disk: every test file is
# its own executable (a few hundred MB natively, tens as wasm), and each set of flags (lints,
# tests, benches) keeps its own copy, so the cache grows by gigabytes a day. When less than
# PRUNE_BELOW_GB (default 40: one full test build takes tens of GB) is free, the test executables not used in the last hour and the
# incremental caches go (the libraries they link stay: relinking is quick).
set -euo pipefail
source "$(dirname "$0")/env.sh"
below="${PRUNE_BELOW_GB:-40}"
free_gb() { df -Pk "$1" | awk 'NR == 2 { print int($4 / 1048576) }'; }
target="$CARGO_TARGET_DIR"
[ -d "$target" ] || exit 0
free=$(free_gb "$target")
if [ "$free" -ge "$below" ]; then
  exit 0
fi
echo "[prune] ${free} GB free under $target: removing old test executables and incremental caches"
for dir in "$target/debug" "$target/wasm32-unknown-unknown/debug"; do
  [ -d "$dir" ] || continue
  rm -rf "$dir/incremental"
  if [ -d "$dir/deps" ]; then
    find "$dir/deps" -maxdepth 1 -type f \( -perm -u+x -o -name '*.wasm' \) -size +10M -mmin +60 -delete
  fi
done
echo "[prune] now $(free_gb "$target") GB free"
