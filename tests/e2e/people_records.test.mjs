// What the workspace keeps about its members (tags, fields, notes signed with a name, the
// teammate mark) survives a reload; and forgetting a member: the confirmation says what goes,
// their data is downloaded first, then IndexedDB (read directly) holds nothing of them while
// their message stays as "someone" — even after the sync reads their old mention again from
// the start — and a message they write afterwards makes a new member.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, dumpStores, launch, newContext, open, waitForAsync } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon, publishOnMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const member = (page, handle) => page.locator('.member', { hasText: handle });
const ago = (ms) => new Date(Date.now() - ms).toISOString();


test('tags, fields, signed notes and the teammate mark are kept; tags are searched; a teammate leaves the levels', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  const ours = (await publishOnMastodon(page, server.url, mastodon, 'Fournée du jeudi')).id;
  mastodon.addMention({ html: '<p>@alice Vous livrez à Lyon ?</p>', from: 'dan', at: ago(30 * 60_000) });
  mastodon.addInteraction({ type: 'favourite', from: 'bob', statusId: ours, at: ago(10 * 60_000) });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 1 new mention.' }).waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  await page.getByText('2 members.').waitFor();

  const dan = member(page, '@dan@elsewhere.test');
  await dan.locator('.member-open').click();
  await dan.getByLabel('Tags (separated by commas)').fill('ambassador, #Lyon, lyon');
  await dan.getByLabel('Tags (separated by commas)').press('Tab');
  await dan.getByLabel('Field', { exact: true }).fill('Company');
  await dan.getByLabel('Value').fill('Boulangerie Martin');
  await dan.getByRole('button', { name: 'Set the field' }).click();
  await dan.locator('.member-fields li', { hasText: 'Company : Boulangerie Martin' }).waitFor();
  await dan.getByRole('button', { name: 'Add the note' }).click();
  await dan.getByRole('alert').filter({ hasText: 'Write something first.' }).waitFor();
  await dan.getByLabel('New note').fill('Wants deliveries in Lyon — call back in January.');
  await dan.getByLabel('Your name').fill('Camille');
  await dan.getByRole('button', { name: 'Add the note' }).click();
  await page.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();
  await dan.locator('.member-notes li', { hasText: /, by Camille/ }).getByText('Wants deliveries in Lyon — call back in January.').waitFor();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

  // Bob is a teammate: left out of the members and their counts.
  const bob = member(page, '@bob@elsewhere.test');
  await bob.locator('.member-open').click();
  // A click, not Playwright's check(): the list is drawn again at once with bob among the
  // teammates (his row closed), where check() would look for the box it clicked.
  await bob.getByLabel('A teammate (left out of the levels and counts)').click();
  await page.getByText('1 member.').waitFor();
  await page.getByText('1 teammate, left out of the levels').waitFor();

  // All of it after a reload; the tags are searched; the name is offered for the next note.
  await page.reload();
  await page.getByText('1 member.').waitFor();
  assert.match(await dan.locator('.member-open').innerText(), /ambassador\s+Lyon$/);
  await page.getByLabel('Search people').fill('lyo');
  await page.getByText('1 member.').waitFor();
  await page.getByLabel('Search people').fill('nobody');
  await page.getByText('0 members.').waitFor();
  await page.getByLabel('Search people').fill('');
  await dan.locator('.member-open').click();
  assert.equal(await dan.getByLabel('Tags (separated by commas)').inputValue(), 'ambassador, Lyon');
  await dan.locator('.member-fields li', { hasText: 'Company : Boulangerie Martin' }).waitFor();
  await dan.locator('.member-notes li', { hasText: 'call back in January' }).waitFor();
  assert.equal(await dan.getByLabel('Your name').inputValue(), 'Camille');
  // The field is removed by its own button.
  await dan.getByRole('button', { name: 'Remove the field Company' }).click();
  await dan.locator('.member-fields li').waitFor({ state: 'detached' });
  await assertClean(context);
  await context.close();
});

test('forgetting a member: told what goes, data downloaded, erased from IndexedDB in one go, not brought back by a sync from the start; back only as new', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { workspace: 'Oubli' });
  mastodon.addMention({ html: '<p>@alice Mon numéro : 06 11 22 33 44</p>', from: 'erin', at: ago(20 * 60_000) });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: /^Up to date/ }).waitFor();
  const before = await dumpStores(page, ['inbox']);
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  const erin = member(page, '@erin@elsewhere.test');
  await erin.locator('.member-open').click();
  await erin.getByLabel('New note').fill('Asked for a refund.');
  await erin.getByRole('button', { name: 'Add the note' }).click();
  await erin.locator('.member-notes li', { hasText: 'Asked for a refund.' }).waitFor();

  await erin.getByRole('button', { name: 'Forget this member…' }).click();
  const confirm = erin.getByRole('group', { name: 'Forget this member…' });
  await confirm.getByText('who wrote 1 message and what it said (kept as from “someone”, so counts stay right);').waitFor();
  await confirm.getByText('who gave 0 likes, boosts and follows;').waitFor();
  await confirm.getByText('what the workspace noted: notes (1), tags (0), fields (0);').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: 'Download their data first (JSON)' }).click()]);
  assert.equal(download.suggestedFilename(), 'attache-member-erin-elsewhere-test.json');
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(data.handle, '@erin@elsewhere.test');
  assert.deepEqual(data.notes.map((n) => n.text), ['Asked for a refund.']);
  assert.match(data.timeline[0].text, /06 11 22 33 44/);

  await confirm.getByRole('button', { name: 'Forget them for good' }).click();
  await page.getByRole('status').filter({ hasText: 'erin was forgotten.' }).waitFor();
  await erin.waitFor({ state: 'detached' });
  const after = await dumpStores(page, ['inbox', 'sign_packs', 'members', 'threads', 'forgotten', 'settings']);
  const text = JSON.stringify(after);
  for (const gone of ['erin', '06 11 22 33 44', 'Asked for a refund']) assert.ok(!text.includes(gone), `${gone} is still stored`);
  assert.equal(after.inbox.length, before.inbox.length, 'the message is kept, as someone');
  assert.equal(after.forgotten.length, 1);

  // The Inbox shows it as someone's.
  await page.locator('.app-nav').getByRole('link', { name: 'Inbox' }).click();
  await page.locator('.conversation', { hasText: 'Someone' }).first().waitFor();

  // The sync reads everything from the start again (its cursors wiped): still erased.
  await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const tx = db.transaction('settings', 'readwrite');
    const store = tx.objectStore('settings');
    const keys = await new Promise((ok) => { const r = store.getAllKeys(); r.onsuccess = () => ok(r.result); });
    for (const k of keys) if (String(k).includes('cursor:')) store.delete(k);
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  });
  await page.getByRole('button', { name: 'Check now' }).click();
  // That check is over once it has written its cursors again.
  await waitForAsync(page, async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const keys = await new Promise((ok) => { const r = db.transaction('settings').objectStore('settings').getAllKeys(); r.onsuccess = () => ok(r.result); });
    db.close();
    return keys.filter((k) => String(k).includes('cursor:')).length >= 2;
  }, null, { polling: 200 });
  const again = JSON.stringify(await dumpStores(page, ['inbox', 'sign_packs']));
  assert.ok(!again.includes('erin') && !again.includes('06 11 22 33 44'), 'the sync brought erin back');

  // Erin writes again, after being forgotten: a new member, with only the new message.
  mastodon.addMention({ html: '<p>@alice Finalement, merci !</p>', from: 'erin' });
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.locator('.conversation', { hasText: 'Finalement, merci !' }).waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  await erin.locator('.member-open').click();
  await erin.getByText('Finalement, merci !', { exact: false }).waitFor();
  assert.equal(await erin.locator('.timeline li').count(), 1);
  assert.equal(await erin.locator('.member-notes li').count(), 0);
  await assertClean(context);
  await context.close();
});
