// Trunk post_build hook (also runnable as `node scripts/post_build.mjs DIR` on a built dir):
// 0. with ATTACHE_SITE_URL (the deployed site's https address), writes client-metadata.json,
//    Bluesky OAuth's client metadata for that site (scripts/client_metadata.mjs);
// 1. writes the Content-Security-Policy into index.html, allowing Trunk's inline bootstrap
//    by its sha256 and nothing else inline; plain-http loopback connections only in a build
//    made for the tests (ATTACHE_TEST_BUILD=1);
// 2. stamps the service worker with the precache list (every built file) and a cache name
//    that is a hash of all of them, so any change to the build makes a new version;
// 3. writes a Brotli (quality 11) and a gzip (level 9) copy beside every text and wasm file
//    of 1 KB or more (`x.wasm.br`, `x.wasm.gz`), for a server that negotiates
//    Accept-Encoding (`scripts/static_server.mjs`). They are not in the precache list: the
//    service worker asks for the plain URL and the browser takes the compressed transfer.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { join, relative, sep } from 'node:path';
import { clientMetadata } from './client_metadata.mjs';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('give a directory, or run this from Trunk (TRUNK_STAGING_DIR)');

// 0. Bluesky OAuth's client metadata, for a deployed site
if (process.env.ATTACHE_SITE_URL) {
  const metadata = clientMetadata(process.env.ATTACHE_SITE_URL);
  writeFileSync(join(dir, 'client-metadata.json'), JSON.stringify(metadata, null, 2));
}

// 1. CSP
const indexFile = join(dir, 'index.html');
let html = readFileSync(indexFile, 'utf8');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' https: data: blob:",
  "font-src 'self'",
  // A user's build talks to https servers only; a build made for the tests
  // (ATTACHE_TEST_BUILD=1, set by scripts/test.sh and scripts/bench.sh) also to the loopback
  // servers the tests start.
  `connect-src 'self' https:${process.env.ATTACHE_TEST_BUILD === '1' ? ' http://localhost:* http://127.0.0.1:*' : ''}`,
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
html = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
if (!html.includes('Content-Security-Policy')) throw new Error('could not place the CSP meta tag');
writeFileSync(indexFile, html);

// 2. service worker
const files = [];
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const full = join(d, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (!/\.(br|gz)$/.test(name)) files.push(full);
  }
})(dir);
const swFile = join(dir, 'sw.js');
const shell = files.filter((f) => f !== swFile);
const hash = createHash('sha256');
for (const f of shell) hash.update(relative(dir, f)).update(readFileSync(f));
const cacheName = `attache-${hash.digest('hex').slice(0, 16)}`;
const precache = ['/', ...shell.map((f) => '/' + relative(dir, f).split(sep).join('/'))];
let sw = readFileSync(swFile, 'utf8');
sw = sw.replace(/^const CACHE_NAME = .*\/\/ stamped$/m, `const CACHE_NAME = '${cacheName}'; // stamped`);
sw = sw.replace(/^const PRECACHE = .*\/\/ stamped$/m, `const PRECACHE = ${JSON.stringify(precache)}; // stamped`);
if (!sw.includes(cacheName)) throw new Error('could not stamp the service worker');
writeFileSync(swFile, sw);

// 3. compressed copies
const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|svg|json|webmanifest)$/;
let raw = 0, br = 0;
for (const f of files) {
  if (!COMPRESSIBLE.test(f)) continue;
  const body = readFileSync(f);
  if (body.length < 1024) continue;
  const b = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${f}.br`, b);
  writeFileSync(`${f}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length; br += b.length;
}
console.log(`post_build: compressed copies written (${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB with Brotli)`);
console.log(`post_build: CSP with ${hashes.length} inline script hash(es); service worker ${cacheName}, ${precache.length} files`);
