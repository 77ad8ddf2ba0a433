#!/usr/bin/env bash
# README command 1: set up what is missing, build the release app when its sources changed,
# then serve it on http://127.0.0.1:8080 until stopped (Ctrl-C) — the installable app as a
# user gets it: service worker, Brotli/gzip transfer, cache headers (scripts/static_server.mjs).
#   scripts/serve.sh --port 9000   another port
#   scripts/serve.sh --dev         Trunk's debug build and server instead (rebuilds on change,
#                                  no service worker)
set -euo pipefail
cd "$(dirname "$0")/.."
port=8080 dev=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dev) dev=1 ;;
    --port) port="$2"; shift ;;
    *) echo "usage: scripts/serve.sh [--dev] [--port N]" >&2; exit 2 ;;
  esac
  shift
done
scripts/setup.sh
source scripts/env.sh
if [ "$dev" = 1 ]; then
  exec trunk serve --address 127.0.0.1 --port "$port" --no-autoreload
fi
# The stamp records the last release build; any source newer than it means build again.
stamp=.tmp/release-build.stamp
if [ ! -f dist/index.html ] || [ ! -f "$stamp" ] || [ -n "$(find src style public index.html \
    Cargo.toml Cargo.lock Trunk.toml scripts/post_build.mjs -newer "$stamp" -print -quit)" ]; then
  trunk build --release
  mkdir -p .tmp && touch "$stamp"
fi
exec node scripts/static_server.mjs dist "$port"
