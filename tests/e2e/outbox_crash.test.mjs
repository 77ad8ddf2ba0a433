// The crash test: 20 runs in which Chromium is killed (SIGKILL, the whole process group)
// after the Mastodon test server stored the post and before the app saw the answer (the
// server holds that answer back), then relaunched on the same profile. Each run must end
// with exactly one status on the server and the post marked published in the app.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';
import { waitFor } from './support/pds.mjs';

const RUNS = 20;
let server, mastodon, profile;
before(async () => {
  server = await serveDist();
  mastodon = await startMastodon();
  profile = await mkdtemp(join(tmpdir(), 'attache-crash-'));
});
after(async () => { await server?.close(); await mastodon?.close(); await rm(profile, { recursive: true, force: true }); });

/** Chromium as its own process group on `dir`, driven over CDP, so the test can kill it. */
async function startChromium(dir) {
  const proc = spawn(process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    [...CHROMIUM_ARGS, `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let seen = '';
  const ws = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address: ${seen}`)), 30_000);
    proc.stderr.on('data', (d) => {
      if (seen.length < 20_000) seen += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}): ${seen}`)); });
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  const errors = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  return { proc, browser, page, errors };
}

async function killHard({ proc }) {
  const gone = new Promise((resolve) => proc.once('exit', resolve));
  process.kill(-proc.pid, 'SIGKILL');
  await gone;
}

const onServer = (needle) => mastodon.state.statuses.filter((s) => s.content.includes(needle));

test(`crash: ${RUNS} runs killed after the server stored the post and before the app saw it, each ends with one post, published`, async () => {
  let chrome = await startChromium(profile);
  await chrome.page.goto(server.url + '/');
  await waitReady(chrome.page);
  await connectMastodon(chrome.page, mastodon.url);
  const results = [];
  const run = `c${Date.now().toString(36)}`;
  for (let i = 1; i <= RUNS; i++) {
    const text = `Après la panne ${i} ${run}`;
    const { page } = chrome;
    await page.goto(server.url + '/compose');
    await page.getByRole('heading', { name: 'Compose' }).waitFor();
    await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
    await page.getByLabel('Text of the post').fill(text);
    mastodon.state.mode.hangNext = 1;
    await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
    await waitFor(async () => onServer(text).length === 1, { timeout: 15_000 });
    const errors = [...chrome.errors];
    await killHard(chrome);

    chrome = await startChromium(profile);
    const again = chrome.page;
    await again.goto(server.url + '/compose');
    await again.getByRole('heading', { name: 'Compose' }).waitFor();
    const item = again.locator('.post-item', { hasText: text });
    const published = await item.getByText('Published').waitFor({ timeout: 20_000 }).then(() => true, () => false);
    await again.waitForTimeout(300);
    const copies = onServer(text).length;
    results.push({ run: i, copies, published, errors: [...errors, ...chrome.errors] });
  }
  await chrome.browser.close().catch(() => {});
  await killHard(chrome).catch(() => {});
  const good = results.filter((r) => r.copies === 1 && r.published && r.errors.length === 0).length;
  console.log(`# crash runs: ${good}/${RUNS} ended with exactly one post on the server, marked published`);
  for (const r of results.filter((r) => !(r.copies === 1 && r.published && r.errors.length === 0))) console.log(`# failed run ${JSON.stringify(r)}`);
  assert.equal(good, RUNS);
});
