// A long People list: 250 people who each liked a post are 250 members; the list draws 200
// of them, says so, and a search finds one beyond them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

test('250 members: 200 rows drawn, the rest found by searching', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { workspace: 'Foule' });
  // 250 favourites, a minute apart, each from someone else: written as the sync keeps them
  // (packs of one workspace and ten minutes, their signs one JSON text).
  await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const [account] = await new Promise((ok) => { const r = db.transaction('accounts').objectStore('accounts').getAll(); r.onsuccess = () => ok(r.result); });
    const packs = new Map();
    const now = Date.now();
    for (let i = 0; i < 250; i++) {
      const who = `fan${String(i).padStart(3, '0')}`;
      const sign = {
        id: `${account.id}:interaction:${i}`, workspace_id: account.workspace_id, account_id: account.id, network: 'mastodon', kind: 'favourite',
        who_name: who, who_handle: `@${who}@elsewhere.test`, who_url: `https://elsewhere.test/@${who}`, subject: '1', at: now - (i + 1) * 60_000,
      };
      const start = Math.floor(sign.at / 600000) * 600000;
      if (!packs.has(start)) packs.set(start, []);
      packs.get(start).push(sign);
    }
    const tx = db.transaction('sign_packs', 'readwrite');
    for (const [start, signs] of packs) {
      signs.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
      tx.objectStore('sign_packs').put({
        id: `${account.workspace_id}:signs:${start}`, workspace_id: account.workspace_id, start,
        who: signs.map((s) => `${account.workspace_id}\u001f${s.who_handle}`).sort(), signs: JSON.stringify(signs),
      });
    }
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  });
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  await page.getByText('Showing 200 of 250: search to narrow.').waitFor();
  const rows = page.locator('.people-list > .member');
  await rows.nth(199).waitFor();
  assert.equal(await rows.count(), 200);
  // The most recently seen first; the oldest ones are beyond the 200.
  await rows.first().filter({ hasText: '@fan000@elsewhere.test' }).waitFor();
  assert.equal(await page.locator('.people-list > .member', { hasText: '@fan249@elsewhere.test' }).count(), 0);
  await page.getByLabel('Search people').fill('fan249');
  await page.getByText('1 member.').waitFor();
  await rows.filter({ hasText: '@fan249@elsewhere.test' }).waitFor();
  assert.equal(await rows.count(), 1);
  await axeClean(page);
  await assertClean(context);
  await context.close();
});
