#!/usr/bin/env bash
# README command 1: set up what is missing, then build and serve the app on
# http://127.0.0.1:8080 until stopped (Ctrl-C).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve --address 127.0.0.1 --port 8080 --no-autoreload "$@"
