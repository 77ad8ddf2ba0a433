// The crash test: 20 runs in which Chromium is killed (SIGKILL, the whole process group)
// after the Mastodon test server stored the post and before the app saw the answer (the
// server holds that answer back), then relaunched on the same profile. Each run must end
// with exactly one status on the server and the post marked published in the app.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cspViolations, nextOutboxPass, waitReady } from './support/app.mjs';
import { killHard, startChromium } from './support/chromium.mjs';
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
    const errors = [...chrome.errors, ...await cspViolations(chrome.context)];
    await killHard(chrome);

    chrome = await startChromium(profile);
    const again = chrome.page;
    await again.goto(server.url + '/compose');
    await again.getByRole('heading', { name: 'Compose' }).waitFor();
    const item = again.locator('.post-item', { hasText: text });
    const published = await item.getByText('Published').waitFor({ timeout: 20_000 }).then(() => true, () => false);
    // a duplicate would be sent by the relaunched app's outbox: one of its passes ends first
    if (published) await nextOutboxPass(again);
    const copies = onServer(text).length;
    results.push({ run: i, copies, published, errors: [...errors, ...chrome.errors, ...await cspViolations(chrome.context)] });
  }
  await chrome.browser.close().catch(() => {});
  await killHard(chrome).catch(() => {});
  const good = results.filter((r) => r.copies === 1 && r.published && r.errors.length === 0).length;
  console.log(`# crash runs: ${good}/${RUNS} ended with exactly one post on the server, marked published`);
  for (const r of results.filter((r) => !(r.copies === 1 && r.published && r.errors.length === 0))) console.log(`# failed run ${JSON.stringify(r)}`);
  assert.equal(good, RUNS);
});
