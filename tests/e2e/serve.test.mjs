// README command 1's server (`scripts/static_server.mjs`, which `scripts/serve.sh` runs on
// the release build): the wasm, JS and CSS sent with Brotli or gzip as the client asks,
// byte for byte the built files once decoded; hashed files cached for good, the page and
// the service worker revalidated; `frame-ancestors` as a header; the app started from the
// compressed transfer, then offline after one visit; the page's own "opening" text while the
// wasm downloads; and nothing that can wait started before the first screen.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open, waitReady } from './support/app.mjs';

let child, url, browser;
const served = []; // `GET /path 200 br`, as the server prints them
before(async () => {
  // The server as command 1 starts it, as a process of its own (port 0: a free one).
  child = spawn(process.execPath, ['scripts/static_server.mjs', 'dist', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ATTACHE_SERVE_LOG: '1' },
  });
  url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const lines = out.split('\n');
      out = lines.pop();
      for (const line of lines) {
        const m = line.match(/http:\/\/127\.0\.0\.1:\d+/);
        if (m) ok(m[0]); else served.push(line);
      }
    });
    child.on('exit', (code) => fail(new Error(`the server stopped (${code})`)));
  });
  browser = await launch();
});
after(async () => { await browser?.close(); child?.kill(); });

const get = (path, acceptEncoding) => new Promise((ok, fail) => {
  const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
  request(url + path, { headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
  }).on('error', fail).end();
});

const built = (suffix) => readdirSync('dist').find((f) => /-[0-9a-f]{1,16}(_bg)?\.\w+$/.test(f) && f.endsWith(suffix));

test('the wasm, JS and CSS come compressed as asked, and decode to the built files', async () => {
  for (const file of [built('_bg.wasm'), built('.js'), built('.css')]) {
    const original = readFileSync(join('dist', file));
    const br = await get('/' + file, 'gzip, deflate, br, zstd');
    assert.equal(br.status, 200, file);
    assert.equal(br.headers['content-encoding'], 'br', file);
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.ok(br.body.length < original.length * 0.5, `${file}: ${br.body.length} of ${original.length} bytes`);
    assert.ok(brotliDecompressSync(br.body).equals(original), file);
    assert.match(br.headers['cache-control'], /immutable/);
    const gz = await get('/' + file, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip', file);
    assert.ok(gunzipSync(gz.body).equals(original), file);
    for (const none of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/' + file, none);
      assert.equal(plain.headers['content-encoding'], undefined, `${file} with ${none}`);
      assert.ok(plain.body.equals(original), file);
    }
  }
  assert.equal((await get('/' + built('_bg.wasm'), 'br')).headers['content-type'], 'application/wasm');
});

test('the page and the service worker are revalidated, the page cannot be framed', async () => {
  for (const path of ['/', '/inbox', '/sw.js', '/manifest.webmanifest']) {
    const res = await get(path, 'br');
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['cache-control'], 'no-cache', path);
  }
  const page = await get('/people', 'br');
  assert.equal(page.headers['content-security-policy'], "frame-ancestors 'none'");
  assert.match(brotliDecompressSync(page.body).toString(), /Content-Security-Policy/);
  assert.equal((await get('/nothing-here.js', 'br')).status, 404);
});

test('the app starts from the Brotli transfer, the worker keeps it without a second download, then works offline', async () => {
  const context = await newContext(browser);
  const encodings = new Map();
  context.on('response', async (res) => {
    if (/\.(wasm|js|css)$/.test(new URL(res.url()).pathname)) encodings.set(new URL(res.url()).pathname, (await res.allHeaders())['content-encoding']);
  });
  const from = served.length;
  const page = await open(context, url);
  const wasm = '/' + built('_bg.wasm');
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  assert.equal(encodings.get(wasm), 'br');
  assert.equal(encodings.get('/' + built('.js')), 'br');
  // the worker's precache holds the wasm, taken from the browser's HTTP cache (hashed files
  // are immutable): the server sent it once
  await page.waitForFunction((wasm) => caches.keys().then(async (names) =>
    names.length === 1 && !!(await (await caches.open(names[0])).match(wasm))), wasm);
  assert.deepEqual(served.slice(from).filter((line) => line.startsWith(`GET ${wasm} `)), [`GET ${wasm} 200 br`]);
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  await page.locator('#new-workspace-name').fill('Offline Café');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name', { hasText: 'Offline Café' }).waitFor();
  await context.setOffline(false);
  await assertClean(context);
  await context.close();
});

test('nothing that can wait starts before the first screen: the worker, the outbox runner, the search index', async () => {
  const context = await newContext(browser);
  // when the app asks for its worker
  await context.addInitScript(() => {
    if (!navigator.serviceWorker) return; // a page of no origin
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => { performance.mark('test:worker-registered'); return register(...args); };
  });
  const page = await open(context, url);
  // a workspace (the search index is built for the current one), then a start as any day's
  await page.locator('#new-workspace-name').fill('Maison Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name', { hasText: 'Maison Lumière' }).waitFor();
  await page.reload();
  await page.waitForFunction(() => ['attache:outbox-runner', 'attache:search-index-built', 'test:worker-registered']
    .every((name) => performance.getEntriesByName(name).length > 0));
  const at = await page.evaluate(() => Object.fromEntries(
    ['attache:first-screen', 'attache:settled', 'attache:outbox-runner', 'attache:search-index-built', 'test:worker-registered']
      .map((name) => [name, performance.getEntriesByName(name)[0].startTime])));
  assert.ok(at['attache:first-screen'] < at['attache:settled'], JSON.stringify(at));
  for (const later of ['attache:outbox-runner', 'attache:search-index-built', 'test:worker-registered']) {
    assert.ok(at[later] >= at['attache:settled'], `${later}: ${JSON.stringify(at)}`);
  }
  await assertClean(context);
  await context.close();
});

test('while the app downloads, the page says it is opening, in both languages; the app then takes its place', async () => {
  const context = await newContext(browser);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await context.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(url);
  const boot = page.getByRole('status').filter({ hasText: 'Opening your desk…' });
  await boot.waitFor();
  assert.match(await boot.innerText(), /Ouverture de votre bureau…/);
  await axeClean(page);
  release();
  await waitReady(page);
  await page.locator('#new-workspace-name').waitFor();
  assert.equal(await page.locator('#boot').count(), 0);
  assert.equal(await page.getByText('Opening your desk…').count(), 0);
  await assertClean(context);
  await context.close();
});
