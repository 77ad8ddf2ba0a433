// The installable, offline app: manifest and icons, installability, working offline,
// a clean update to a new version (its banner axe-clean in light and dark, English), and the
// share target.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, appendFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, launchPersistent, newContext, open, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function controlled(page) {
  // Controlled: the service worker is active and serves this page.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

const cacheNameOf = async (dir) => (await readFile(join(dir, 'sw.js'), 'utf8')).match(/const CACHE_NAME = '([^']+)'/)[1];

test('the manifest parses, its icons exist, and Chromium finds the app installable', async () => {
  // installability is not offered in incognito-like contexts: use a real profile
  const context = await launchPersistent(await mkdtemp(join(tmpdir(), 'attache-profile-')));
  const page = await open(context, server.url);
  const manifest = await (await page.request.get(server.url + '/manifest.webmanifest')).json();
  assert.equal(manifest.short_name, 'Attaché');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, '/');
  assert.deepEqual(manifest.share_target.params, { title: 'title', text: 'text', url: 'url' });
  for (const icon of manifest.icons) {
    const res = await page.request.get(server.url + icon.src);
    assert.equal(res.status(), 200, icon.src);
    const png = await res.body();
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.equal(`${w}x${h}`, icon.sizes, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512'));
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId), []);
  await assertClean(context);
  await context.close();
});

test('after one visit online, the app reloads and works offline', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  await page.locator('#new-workspace-name').fill('Offline Café');
  await page.keyboard.press('Enter');
  await page.locator('#new-workspace-name').fill('Train Station');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Rename Offline Café' }).click();
  await page.getByLabel('New name for Offline Café').fill('Offline Café Lyon');
  await page.keyboard.press('Enter');
  await page.getByLabel('Current workspace').selectOption({ label: 'Offline Café Lyon' });
  await page.goto(server.url + '/settings'); // a navigation offline, served from the cache
  await waitReady(page);
  await page.goto(server.url);
  await waitReady(page);
  assert.deepEqual(await page.locator('.workspace-name').allInnerTexts(), ['Offline Café Lyon', 'Train Station']);
  assert.equal(await page.getByLabel('Current workspace').locator('option:checked').innerText(), 'Offline Café Lyon');
  await context.setOffline(false);
  await assertClean(context);
  await context.close();
});

test('a new version is announced, and reloading runs it', async () => {
  // a second build: the same app with a changed stylesheet, stamped by the same hook
  const v2 = await mkdtemp(join(tmpdir(), 'attache-v2-'));
  await cp('dist', v2, { recursive: true });
  const css = (await readdir(v2)).find((f) => f.endsWith('.css'));
  await appendFile(join(v2, css), '\n/* version 2 */\n');
  // as a real build would: the changed file gets a new hashed name (hashed files are cached
  // for good) and its subresource integrity
  const body = await readFile(join(v2, css));
  const renamed = css.replace(/-[0-9a-f]{1,16}\.css$/, `-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.css`);
  assert.notEqual(renamed, css);
  await rename(join(v2, css), join(v2, renamed));
  await Promise.all(['.br', '.gz'].map((ext) => rm(join(v2, css + ext), { force: true })));
  const sri = 'sha384-' + createHash('sha384').update(body).digest('base64');
  const index = join(v2, 'index.html');
  await writeFile(index, (await readFile(index, 'utf8')).replace(new RegExp(`href="/${css}" integrity="[^"]+`), `href="/${renamed}" integrity="${sri}`));
  execFileSync('node', ['scripts/post_build.mjs', v2]);
  const [oldCache, newCache] = [await cacheNameOf('dist'), await cacheNameOf(v2)];
  assert.notEqual(oldCache, newCache);

  const own = await serveDist();
  const context = await newContext(browser);
  const page = await open(context, own.url);
  await controlled(page);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [oldCache]);

  own.setDir(v2);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByText('A new version of Attaché is ready.').waitFor();
  // the banner passes axe in both themes
  await axeClean(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await axeClean(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  await waitReady(page);
  await page.waitForFunction((name) => caches.keys().then((k) => k.length === 1 && k[0] === name), newCache);
  const served = await page.evaluate(async (css) => (await fetch('/' + css)).text(), renamed);
  assert.ok(served.includes('version 2'));
  // the page runs the new stylesheet (its integrity held)
  assert.ok((await page.evaluate(() => [...document.styleSheets].map((s) => s.href))).some((h) => h.endsWith('/' + renamed)));
  assert.equal(await page.getByText('A new version of Attaché is ready.').count(), 0);
  await assertClean(context);
  await context.close();
  await own.close();
});

test('a page shared to the app is kept as a note in the current workspace, once', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name', { hasText: 'Northwind' }).waitFor();
  const q = new URLSearchParams({ title: 'Great thread on #a11y', text: 'Read before Friday’s post', url: 'https://example.org/thread?id=42' });
  await page.goto(`${server.url}/share?${q}`);
  await waitReady(page);
  await page.getByRole('status').filter({ hasText: 'Kept as a note in “Northwind”.' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/notes');
  await page.getByText('Great thread on #a11y').waitFor();
  await page.getByRole('link', { name: 'https://example.org/thread?id=42' }).waitFor();
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('.note').count(), 1);
  // one action makes it a draft in the composer
  await page.getByRole('button', { name: 'Make a draft' }).click();
  await page.waitForFunction(() => document.querySelector('#post-text')?.value === 'Great thread on #a11y\n\nRead before Friday’s post\n\nhttps://example.org/thread?id=42');
  await page.locator('.post-item', { hasText: 'Great thread on #a11y' }).getByText('draft').waitFor();
  await page.getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('button', { name: 'Delete note' }).click();
  await page.getByText('No notes in this workspace yet.').waitFor();
  await assertClean(context);
  await context.close();
});
