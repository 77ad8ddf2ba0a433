// The search box by keyboard alone: `/` from anywhere outside a field opens it, words typed
// with or without accents, in any case, find a member by a note kept about them, a
// conversation by what was said, a post by its words; results are grouped by kind, the
// arrows and Enter open one's page (the conversation opened, the member listed, the post
// in the composer); `?` lists every shortcut; axe clean in both languages and themes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open, controlIndexReads } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon, publishOnMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const ago = (ms) => new Date(Date.now() - ms).toISOString();

/** `/` from the page (the focus out of any field), `words` typed; returns the list box. */
async function search(page, words, name = 'Search') {
  await page.locator('h1').first().click();
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name });
  await box.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox');
  await page.keyboard.type(words);
  return page.getByRole('listbox', { name });
}

test('members, conversations and posts found as typed and opened by keyboard (en-US, light)', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  await publishOnMastodon(page, server.url, mastodon, 'Portes ouvertes samedi au café');
  mastodon.addMention({ html: '<p>@alice On peut venir avec des enfants ?</p>', from: 'dan', at: ago(30 * 60_000) });
  mastodon.addMention({ html: '<p>@alice Bravo pour la rentrée</p>', from: 'bob', at: ago(20 * 60_000) });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 2 new mentions.' }).waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  const dan = page.locator('.people-list > .member', { hasText: '@dan@elsewhere.test' });
  await dan.locator('.member-open').click();
  await dan.getByLabel('Your name').fill('Camille');
  await dan.getByLabel('New note').fill('Veut réserver la grande salle.');
  await dan.getByRole('button', { name: 'Add the note' }).click();
  await page.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();

  // A conversation by what was said: Enter opens it in the Inbox, narrowed to its writer.
  let list = await search(page, 'ENFANTS');
  const group = (name) => list.getByRole('group', { name });
  await group('Conversations').getByRole('option', { name: /dan/ }).waitFor();
  await axeClean(page);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/inbox\?q=/);
  const row = page.locator('.conversation', { hasText: 'dan' });
  await row.locator('.conv-open[aria-expanded="true"]').waitFor();
  await row.getByText('On peut venir avec des enfants ?').first().waitFor();
  assert.equal(await page.locator('.conversation').count(), 1, 'only dan’s conversation listed');

  // A member by a note kept about them, accents aside.
  list = await search(page, 'reserver sal');
  const member = group('Members').getByRole('option');
  await member.first().waitFor();
  assert.deepEqual(await member.locator('.search-title').allInnerTexts(), ['dan']);
  assert.equal(await group('Posts').count(), 0);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/people\?q=/);
  await page.getByText('1 member.').waitFor();
  assert.equal(await page.locator('.people-list > .member', { hasText: '@dan@elsewhere.test' }).count(), 1);

  // Several kinds at once, grouped; the arrows choose the post, Enter opens it to edit.
  list = await search(page, 'cafe');
  await group('Posts').getByRole('option').first().waitFor();
  const options = list.getByRole('option');
  const titles = await options.locator('.search-title').allInnerTexts();
  const at = titles.indexOf('Portes ouvertes samedi au café');
  assert.ok(at >= 0, titles.join(' | '));
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await options.nth(at).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/compose\?post=/);
  await page.waitForFunction(() => [...document.querySelectorAll('textarea')].some((a) => a.value === 'Portes ouvertes samedi au café'));

  // Nothing with every word: said so.
  await search(page, 'cafe enfants');
  await page.getByText('Nothing found with all these words.').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Search' }).waitFor({ state: 'hidden' });

  // `?` outside a field: every shortcut, `/` among them.
  await page.locator('h1').first().click();
  await page.keyboard.press('?');
  await page.getByRole('heading', { level: 3, name: 'Keyboard shortcuts' }).waitFor();
  await page.getByText('search everything, from anywhere but a field').waitFor();
  await page.keyboard.press('Escape');
  await assertClean(context);
  await context.close();
});

test('the search box in French, dark: a draft found without its accents (fr-FR, dark)', async () => {
  const context = await newContext(browser, { locale: 'fr-FR', colorScheme: 'dark' });
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.goto(server.url + '/compose');
  await page.getByLabel('Texte de la publication').fill('Fête des voisins à Lyon');
  // Kept as typed (saved within half a second).
  await page.waitForFunction(() => new Promise((done) => {
    const r = indexedDB.open('attache');
    r.onsuccess = () => {
      const q = r.result.transaction('posts').objectStore('posts').getAll();
      q.onsuccess = () => done(q.result.some((p) => p.base_text === 'Fête des voisins à Lyon'));
    };
  }));
  const list = await search(page, 'fete VOIS', 'Rechercher');
  await list.getByRole('group', { name: 'Publications' }).getByRole('option', { name: /Fête des voisins/ }).waitFor();
  await axeClean(page);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Rechercher' }).waitFor({ state: 'hidden' });
  await assertClean(context);
  await context.close();
});

test('a read that fails is said in the box, and the box answers again once the storage reads', async () => {
  const context = await newContext(browser);
  await controlIndexReads(context);
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.goto(server.url + '/compose');
  await page.getByLabel('Text of the post').fill('Winter opening hours');
  await page.locator('.post-item', { hasText: 'Winter opening hours' }).waitFor();
  await page.evaluate(() => { window.__indexReads.posts = 'fail'; });
  await search(page, 'winter');
  await page.locator('.search-box').getByText('Could not read this list: the browser\'s storage is damaged or cannot be read.', { exact: false }).waitFor();
  await page.keyboard.press('Escape');
  await page.evaluate(() => { window.__indexReads.posts = 'read'; });
  const list = await search(page, 'winter');
  await list.getByRole('option', { name: /Winter opening hours/ }).waitFor();
  // The line goes once the new read ends.
  await page.locator('.search-box [role=status]', { hasText: 'Could not read this list' }).waitFor({ state: 'detached' });
  await assertClean(context);
  await context.close();
});

test('a new session’s box answers from the index the last one kept while everything is read again, the posts read anew', async () => {
  const context = await newContext(browser);
  await controlIndexReads(context);
  // After the reload below: the inbox's pages held, so everything is never read again.
  await context.addInitScript(() => {
    try { if (sessionStorage.getItem('hold-inbox')) window.__indexReads.inbox = 'hold-pages'; } catch { /* a blank page */ }
  });
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  mastodon.addMention({ html: '<p>@alice Quelle est la recette des madeleines ?</p>', from: 'dan', at: ago(30 * 60_000) });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: /Up to date: \d+ new mentions?\./ }).waitFor();
  // A new session: its build, everything read, is kept.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('attache:search-index-kept').length > 0);
  // A post written after the index was kept.
  await page.goto(server.url + '/compose');
  await page.getByLabel('Text of the post').fill('Winter opening hours');
  await page.locator('.post-item', { hasText: 'Winter opening hours' }).waitFor();
  await page.evaluate(() => sessionStorage.setItem('hold-inbox', '1'));
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('attache:search-index-ready').length > 0);
  let list = await search(page, 'madeleines');
  await list.getByRole('group', { name: 'Conversations' }).getByRole('option', { name: /dan/ }).waitFor();
  await page.keyboard.press('Escape');
  list = await search(page, 'winter');
  await list.getByRole('group', { name: 'Posts' }).getByRole('option', { name: /Winter opening hours/ }).waitFor();
  // Everything is still being read (the inbox held): the answers came from the kept index.
  assert.equal(await page.evaluate(() => performance.getEntriesByName('attache:search-index-built').length), 0);
  await page.keyboard.press('Escape');
  await assertClean(context);
  await context.close();
});
