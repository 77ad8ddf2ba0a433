// A member's picture is downloaded only when their row is opened, and the hash of its bytes
// backs a near name in the merge suggestions (issue 16): mariejeanne and mariejeanne2 have
// the same picture, mariejeanna another; only the first two are suggested, "the same profile
// picture" among the reasons. Forgetting a member takes their picture's hash away. In English
// and French, axe clean with the pictures shown.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open, waitForAsync } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const WORDS = {
  'en-US': {
    inbox: 'Inbox', people: 'People', notes: 'Notes', upToDate: /^Up to date/, merges: /possible merge/,
    picture: 'the same profile picture', alike: 'names 91% alike', forget: 'Forget this member…', forGood: 'Forget them for good',
  },
  'fr-FR': {
    inbox: 'Messages', people: 'Membres', notes: 'Notes', upToDate: /^À jour/, merges: /fusion possible/,
    picture: 'la même photo de profil', alike: 'noms semblables à 91\u00a0%', forget: 'Oublier ce membre…', forGood: 'Oublier définitivement',
  },
};

/** Waits until the device keeps the hashes of `count` members' pictures; returns them. */
const picturesKept = (page, count) => waitForAsync(page, async (count) => {
  const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
  const store = db.transaction('settings').objectStore('settings');
  const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()].map((r) => new Promise((ok) => { r.onsuccess = () => ok(r.result); })));
  db.close();
  const doc = values[keys.findIndex((k) => String(k).startsWith('member-pictures:'))];
  return doc && Object.keys(doc).length === count && doc;
}, count);

for (const [locale, colorScheme] of [['en-US', 'light'], ['fr-FR', 'dark']]) {
  test(`pictures are downloaded when shown and back a near name; forgetting takes the hash away (${locale})`, async () => {
    const w = WORDS[locale];
    const mastodon = await startMastodon();
    mastodon.addMention({ html: '<p>@alice Bonjour !</p>', from: 'mariejeanne', picture: 'mj' });
    mastodon.addMention({ html: '<p>@alice Re-bonjour !</p>', from: 'mariejeanne2', picture: 'mj' });
    mastodon.addMention({ html: '<p>@alice Salut !</p>', from: 'mariejeanna', picture: 'autre' });
    const context = await newContext(browser, { locale, colorScheme });
    const page = await connectMastodon(await open(context, server.url), mastodon.url, { workspace: 'Photos', locale });
    await page.getByRole('link', { name: w.inbox }).click();
    await page.getByRole('status').filter({ hasText: w.upToDate }).waitFor();
    await page.locator('.app-nav').getByRole('link', { name: w.people }).click();
    const member = (handle) => page.locator('.people-list > .member', { hasText: `@${handle}@elsewhere.test` });
    for (const h of ['mariejeanne', 'mariejeanne2', 'mariejeanna']) await member(h).waitFor();
    // Nothing downloaded before a row is opened; a near name alone suggests nothing.
    assert.equal(mastodon.state.picturesServed ?? 0, 0);
    assert.equal(await page.getByRole('region', { name: w.merges }).count(), 0);

    for (const h of ['mariejeanne', 'mariejeanne2', 'mariejeanna']) {
      const row = member(h);
      await row.locator('.member-open').click();
      await waitForAsync(page, (handle) => {
        const img = [...document.querySelectorAll('.people-list > .member')].find((m) => m.textContent.includes(`@${handle}@elsewhere.test`))?.querySelector('img.member-picture');
        return img?.complete && img.naturalWidth > 0;
      }, h);
    }
    assert.equal(mastodon.state.picturesServed, 3);
    await axeClean(page);
    const hashes = await picturesKept(page, 3);
    const of = (h) => hashes[`mastodon:@${h}@elsewhere.test`].hash;
    assert.equal(of('mariejeanne'), of('mariejeanne2'));
    assert.notEqual(of('mariejeanne'), of('mariejeanna'));

    // Worked out again on the next visit: one suggestion, with its reasons.
    await page.locator('.app-nav').getByRole('link', { name: w.notes }).click();
    await page.locator('.app-nav').getByRole('link', { name: w.people }).click();
    const suggestions = page.getByRole('region', { name: w.merges });
    const pair = suggestions.locator('li', { hasText: '@mariejeanne2@elsewhere.test' });
    await pair.getByText(w.picture, { exact: false }).waitFor();
    await pair.getByText(w.alike, { exact: false }).waitFor();
    assert.equal(await suggestions.locator('li').count(), 1, 'mariejeanna has another picture');
    await axeClean(page);

    // Forgotten: their picture's hash goes with them.
    const second = member('mariejeanne2');
    if ((await second.locator('.member-body').count()) === 0) await second.locator('.member-open').click();
    await second.getByRole('button', { name: w.forget }).click();
    await second.getByRole('group', { name: w.forget }).getByRole('button', { name: w.forGood }).click();
    await second.waitFor({ state: 'detached' });
    const left = await picturesKept(page, 2);
    assert.deepEqual(Object.keys(left).sort(), ['mastodon:@mariejeanna@elsewhere.test', 'mastodon:@mariejeanne@elsewhere.test']);
    await assertClean(context);
    await context.close();
    await mastodon.close();
  });
}
