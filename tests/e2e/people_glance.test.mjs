// A new session's first visit of People paints the list as it was last worked out while
// every message and sign is read again (the read held here): the status says so and from
// which day, the members with their tags in the list's order, the counts, a search among
// those rows said to be partial; nobody forgotten is in it (IndexedDB read directly), the
// rows do not open, axe clean; once the read ends, the real list replaces it. A first visit
// with no list ever worked out paints the people seen most recently instead (their levels
// not guessed), in both languages and themes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, controlIndexReads, dumpStores, launch, newContext, open, waitForAsync, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const ago = (ms) => new Date(Date.now() - ms).toISOString();

test('a new session paints the list as it was while everything is read again, without anyone forgotten', async () => {
  const context = await newContext(browser);
  await controlIndexReads(context);
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { workspace: 'Coup d’œil' });
  mastodon.addMention({ html: '<p>@alice Une table pour samedi ?</p>', from: 'dan', at: ago(30 * 60_000) });
  mastodon.addMention({ html: '<p>@alice Mon adresse : 3 rue des Lilas</p>', from: 'erin', at: ago(20 * 60_000) });
  mastodon.addInteraction({ type: 'follow', from: 'carol', at: ago(10 * 60_000) });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: /^Up to date/ }).waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  await page.getByText('3 members.').waitFor();
  const member = (handle) => page.locator('.member', { hasText: handle });
  await member('@dan@elsewhere.test').locator('.member-open').click();
  await member('@dan@elsewhere.test').getByLabel('Tags (separated by commas)').fill('vip');
  await member('@dan@elsewhere.test').getByLabel('Tags (separated by commas)').press('Tab');
  await member('@dan@elsewhere.test').locator('.badge.tag', { hasText: 'vip' }).waitFor();
  const erin = member('@erin@elsewhere.test');
  await erin.locator('.member-open').click();
  await erin.getByRole('button', { name: 'Forget this member…' }).click();
  await erin.getByRole('group', { name: 'Forget this member…' }).getByRole('button', { name: 'Forget them for good' }).click();
  await page.getByRole('status').filter({ hasText: 'erin was forgotten.' }).waitFor();
  await page.getByText('2 members.').waitFor();
  // The list read again after the erasure is the one kept, with dan's tag.
  // Waits for the glance written by the read after the erasure (it carries the tag), read
  // straight from IndexedDB's settings store.
  const kept = await waitForAsync(page, async () => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    const store = db.transaction('settings').objectStore('settings');
    const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()].map((r) => new Promise((ok) => { r.onsuccess = () => ok(r.result); })));
    db.close();
    const glances = keys.map((k, n) => [String(k), values[n]]).filter(([k]) => k.startsWith('people-glance:')).map(([, v]) => v);
    return glances.length === 1 && JSON.stringify(glances).includes('vip') && glances;
  });
  assert.equal(kept.length, 1);
  assert.deepEqual(kept[0].rows.map((r) => r.handle), ['@dan@elsewhere.test', '@carol@elsewhere.test']);
  assert.deepEqual(kept[0].rows[0].tags, ['vip']);
  assert.equal(kept[0].total, 2);
  for (const gone of ['erin', 'rue des Lilas']) assert.ok(!JSON.stringify(kept).includes(gone), `${gone} is in the glance`);

  // A new session (the page loaded again, on Today), the signs' read held: the glance first.
  await page.goto(server.url);
  await waitReady(page);
  await page.evaluate(() => { window.__indexReads.sign_packs = 'hold'; });
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  // The day each was last seen (their message's day: just after midnight, that is yesterday).
  const dayOf = (msAgo) => page.evaluate((a) => new Date(Date.now() - a).toLocaleDateString('en-US', { dateStyle: 'long' }), msAgo);
  const [danDay, carolDay] = [await dayOf(30 * 60_000), await dayOf(10 * 60_000)];
  const today = await dayOf(0);
  await page.getByRole('status').filter({ hasText: `Reading every member… Meanwhile, here is the list as it was on ${today}; a member opens once everything is read.` }).waitFor();
  const rows = page.locator('.people-list .glance-member');
  assert.deepEqual((await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()), [
    `dan @dan@elsewhere.test · Mastodon 3 · Participating last seen ${danDay} vip`,
    `carol @carol@elsewhere.test · Mastodon 4 · Exploring last seen ${carolDay}`,
  ]);
  await page.getByText('2 members.').waitFor();
  assert.equal(await page.locator('.people-list button').count(), 0, 'a row opens only once everything is read');
  assert.equal(await page.locator('.people-list[aria-busy="true"]').count(), 1);
  await axeClean(page);
  await page.getByLabel('Search people').fill('vip');
  await page.getByText('Searching the first 2 members only, until everyone is read.').waitFor();
  assert.deepEqual(await rows.locator('strong').allInnerTexts(), ['dan']);
  await page.getByLabel('Search people').fill('');

  // The read ends: the real list, whose rows open.
  await page.goto(server.url);
  await waitReady(page);
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  await page.locator('.member', { hasText: '@carol@elsewhere.test' }).getByRole('button').waitFor();
  await page.getByText('2 members.').waitFor();
  assert.equal(await page.locator('.people-status').count(), 0);
  assert.equal(await rows.count(), 0);
  await assertClean(context);
  await context.close();
});

const FIRST = {
  'en-US': {
    inbox: 'Inbox', people: 'People', upToDate: /^Up to date/, count: 'The 3 people seen most recently.',
    status: 'Reading every member for the first time… Meanwhile, here are the people seen most recently; their levels follow, and a member opens once everything is read.',
  },
  'fr-FR': {
    inbox: 'Messages', people: 'Membres', upToDate: /^À jour/, count: 'Les 3 personnes vues le plus récemment.',
    status: 'Première lecture de tous les membres… En attendant, voici les personnes vues le plus récemment\u00a0; leurs niveaux suivent, et un membre s\'ouvre une fois tout lu.',
  },
};

for (const [locale, colorScheme] of [['en-US', 'light'], ['fr-FR', 'dark']]) {
  test(`a first visit with no list worked out shows the people seen most recently while everything is read (${locale})`, async () => {
    const w = FIRST[locale];
    const local = await startMastodon();
    local.addMention({ html: '<p>@alice Une table pour samedi ?</p>', from: 'dan', at: ago(30 * 60_000) });
    local.addMention({ html: '<p>@alice Merci !</p>', from: 'erin', at: ago(20 * 60_000) });
    local.addInteraction({ type: 'follow', from: 'carol', at: ago(10 * 60_000) });
    const context = await newContext(browser, { locale, colorScheme });
    await controlIndexReads(context);
    const page = await connectMastodon(await open(context, server.url), local.url, { workspace: 'Premier regard', locale });
    await page.getByRole('link', { name: w.inbox }).click();
    await page.getByRole('status').filter({ hasText: w.upToDate }).waitFor();
    // The whole read of the signs (a page at a time) held: only the first look can show.
    await page.evaluate(() => { window.__indexReads.sign_packs = 'hold-pages'; });
    await page.locator('.app-nav').getByRole('link', { name: w.people }).click();
    await page.getByRole('status').filter({ hasText: w.status }).waitFor();
    const rows = page.locator('.people-list .glance-member');
    assert.deepEqual(await rows.locator('.handle').allInnerTexts(), ['@carol@elsewhere.test', '@erin@elsewhere.test', '@dan@elsewhere.test']);
    if (locale === 'en-US') {
      const dayOf = (msAgo) => page.evaluate((a) => new Date(Date.now() - a).toLocaleDateString('en-US', { dateStyle: 'long' }), msAgo);
      assert.equal((await rows.first().innerText()).replace(/\s+/g, ' ').trim(), `carol @carol@elsewhere.test · Mastodon last seen ${await dayOf(10 * 60_000)}`);
    }
    assert.equal(await rows.locator('.badge.level').count(), 0, 'no level is guessed');
    assert.equal(await page.locator('.level-counts').count(), 0);
    await page.getByText(w.count).waitFor();
    assert.equal(await page.locator('.people-list button').count(), 0, 'a row opens only once everything is read');
    await axeClean(page);
    // Nothing was kept from it: the glance is only ever the whole list's.
    const kept = await dumpStores(page, ['settings']);
    assert.equal(JSON.stringify(kept).includes('"by_level"'), false);

    // Let the read go (a new session, reads not held): the real list, levels and all.
    await page.goto(server.url);
    await waitReady(page);
    await page.locator('.app-nav').getByRole('link', { name: w.people }).click();
    await page.locator('.member', { hasText: '@carol@elsewhere.test' }).getByRole('button').first().waitFor();
    assert.equal(await page.locator('.people-list > .member .badge.level').count(), 3);
    assert.equal(await rows.count(), 0);
    await assertClean(context);
    await context.close();
    await local.close();
  });
}
