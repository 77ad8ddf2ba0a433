// The static server of the release build: README command 1 (`scripts/serve.sh`) and every
// end-to-end test and benchmark serve dist/ with it, on 127.0.0.1.
// - Unknown paths without a file extension get index.html (the app routes them itself).
// - Accept-Encoding is negotiated: `x.br` (Brotli) or `x.gz` beside a file, written by
//   `scripts/post_build.mjs`, is sent with Content-Encoding and `Vary: Accept-Encoding`.
// - Files whose names carry Trunk's content hash are cached for a year (immutable); the
//   rest (index.html, sw.js, the manifest, icons) are revalidated each time.
// - The page gets the CSP `frame-ancestors 'none'` as a header (a meta tag cannot carry it).
// `setDir` swaps the served build, as a deployment of a new version would. With
// ATTACHE_SERVE_LOG=1 each request is printed: `GET /path 200 br`.
// Run alone: `node scripts/static_server.mjs [dir] [port]` (dist, 8080).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/// Trunk's hashed names: `attache-<hash>.js`, `attache-<hash>_bg.wasm`, `main-<hash>.css`,
/// `icon-<hash>.svg`; the hash is up to 16 hex digits (a leading zero is dropped).
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg)$/;

/// The encodings the client accepts (q > 0), by name.
function accepted(header = '') {
  const out = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

export async function serveDist({ dir = 'dist', port = 0, log = !!process.env.ATTACHE_SERVE_LOG } = {}) {
  let root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path === '/__blank') { // a page of the same origin without the app, for multi-tab tests
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>blank</title>');
        return;
      }
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) { file = join(file, 'index.html'); info = await stat(file).catch(() => null); }
      if (!info) {
        if (extname(path)) { res.writeHead(404).end('not found'); return; }
        file = join(root, 'index.html');
      }
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'Accept-Encoding',
      };
      if (file.endsWith('.html')) headers['content-security-policy'] = "frame-ancestors 'none'";
      const encodings = accepted(req.headers['accept-encoding']);
      let body;
      for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!encodings.has(name)) continue;
        body = await readFile(file + ext).catch(() => undefined);
        if (body) { headers['content-encoding'] = name; break; }
      }
      body ??= await readFile(file);
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${req.method} ${path} 200 ${headers['content-encoding'] ?? 'identity'}`);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, setDir: (d) => { root = resolve(d); }, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serveDist({ dir, port: Number(port) });
  console.log(`Attaché is served from ${dir}/ on ${url} (Ctrl-C stops it)`);
}
