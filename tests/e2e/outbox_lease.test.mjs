// The outbox's lease while a send runs (domain/outbox.rs LEASE_MS, services/outbox/runner.rs):
// a status request the loopback Mastodon server takes longer than a renewal period to answer
// keeps its row "sending" with the lease renewed in the store, so no other runner takes a live
// send; when the answer comes, the attempt that holds the row records it: sent, once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';
import { waitFor } from './support/pds.mjs';

let server, browser, mastodon;
before(async () => {
  server = await serveDist();
  browser = await launch();
  mastodon = await startMastodon();
});
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const run = `l${Date.now().toString(36)}`;

/** The outbox rows as stored. */
async function rows(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const req = indexedDB.open('attache');
    req.onsuccess = () => {
      const db = req.result;
      const all = db.transaction('outbox').objectStore('outbox').getAll();
      all.onsuccess = () => { ok(all.result); db.close(); };
      all.onerror = fail;
    };
    req.onerror = fail;
  }));
}

test('a send slower than a renewal period keeps its lease renewed, and its end is recorded once', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  await page.goto(server.url + '/compose');
  await page.getByRole('heading', { name: 'Compose' }).waitFor();
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  const text = `Une réponse qui se fait attendre ${run}`;
  await page.getByLabel('Text of the post').fill(text);
  // The status request is held (the server has not answered yet) until the lease was renewed.
  let held;
  const arrived = new Promise((resolve) => {
    page.route('**/api/v1/statuses', (route) => {
      if (route.request().method() !== 'POST' || held) return route.continue();
      held = route;
      resolve();
    });
  });
  await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await arrived;
  const [taken] = (await rows(page)).filter((r) => r.state === 'sending');
  assert.ok(taken, 'the row is being sent');
  const renewed = await waitFor(async () => {
    const row = (await rows(page)).find((r) => r.id === taken.id);
    return row.state === 'sending' && row.next_try_at > taken.next_try_at && row;
  }, { timeout: 75_000, interval: 500, message: 'the lease renewed while the request is unanswered' });
  assert.equal(renewed.attempts, taken.attempts, 'a renewal is not an attempt');
  assert.equal(mastodon.state.statuses.filter((s) => s.content.includes(run)).length, 0);
  await held.continue();
  await page.getByRole('status').filter({ hasText: 'Published on Mastodon.' }).waitFor();
  await waitFor(async () => (await rows(page)).find((r) => r.id === taken.id).state === 'sent', { message: 'the row recorded as sent' });
  assert.equal(mastodon.state.statuses.filter((s) => s.content.includes(run)).length, 1, 'sent once');
  await assertClean(context);
  await context.close();
});
