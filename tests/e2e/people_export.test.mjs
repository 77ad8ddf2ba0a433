// A workspace moved to another laptop keeps what it knew of its people (issue 16): a member's
// note, a follow-up and a segment travel in the one-workspace export; someone forgotten does
// not (not in the file), and the new laptop's first sync of the same account does not bring
// them back.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertClean, dumpStores, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon, connectMastodonHere } from './support/mastodon.mjs';

let server, browser, mastodon, dir;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); dir = await mkdtemp(join(tmpdir(), 'attache-people-export-')); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const member = (page, handle) => page.locator('.member', { hasText: handle });
const ago = (ms) => new Date(Date.now() - ms).toISOString();


test('a workspace export carries its member records, follow-ups, segments and forgotten marks; on another profile they are back, the forgotten stay forgotten after the sync', async () => {
  mastodon.addMention({ html: '<p>@alice Où en est ma commande ?</p>', from: 'hana', at: ago(30 * 60_000) });
  mastodon.addMention({ html: '<p>@alice Effacez-moi : ivo@example.test</p>', from: 'ivo', at: ago(20 * 60_000) });

  // The first laptop: a note and a tag on hana; ivo forgotten.
  const a = await newContext(browser);
  const page = await connectMastodon(await open(a, server.url), mastodon.url, { workspace: 'Transfert' });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: /^Up to date/ }).waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  const hana = member(page, '@hana@elsewhere.test');
  await hana.locator('.member-open').click();
  await hana.getByLabel('New note').fill('Fidèle depuis 2019, préfère le matin.');
  await hana.getByRole('button', { name: 'Add the note' }).click();
  await hana.locator('.member-notes li', { hasText: 'Fidèle depuis 2019' }).waitFor();
  // A follow-up on hana, due a minute ago, and a segment saved.
  const dueAMinuteAgo = await page.evaluate(() => {
    const d = new Date(Date.now() - 60_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await hana.getByLabel('Follow up on').fill(dueAMinuteAgo);
  await hana.getByLabel('About what').fill('Lui confirmer la livraison');
  await hana.getByRole('button', { name: 'Add the follow-up' }).click();
  await hana.locator('.follow-ups li', { hasText: 'Lui confirmer la livraison' }).waitFor();
  const bar = page.getByRole('group', { name: 'Segment' });
  await bar.getByLabel('Member level').selectOption({ label: '3 · Participating' });
  await bar.getByLabel('Save these filters as').fill('Participants');
  await bar.getByRole('button', { name: 'Save the segment' }).click();
  await page.getByRole('status').filter({ hasText: 'Segment “Participants” saved.' }).waitFor();
  const ivo = member(page, '@ivo@elsewhere.test');
  await ivo.locator('.member-open').click();
  await ivo.getByRole('button', { name: 'Forget this member…' }).click();
  await ivo.getByRole('group', { name: 'Forget this member…' }).getByRole('button', { name: 'Forget them for good' }).click();
  await page.getByRole('status').filter({ hasText: 'ivo was forgotten.' }).waitFor();

  await page.locator('.app-nav').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Export “Transfert”' }).click();
  await page.locator('#export-ready').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the file' }).click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  const backup = JSON.parse(text);
  assert.equal(backup.scope, 'workspace');
  assert.deepEqual(backup.members.map((r) => [r.key, r.notes.map((n) => n.text)]), [['mastodon:@hana@elsewhere.test', ['Fidèle depuis 2019, préfère le matin.']]]);
  assert.equal(backup.forgotten.length, 1, 'ivo\'s mark');
  assert.ok(!text.includes('ivo'), 'nothing of ivo in the file');
  assert.deepEqual(backup.documents.map((d) => d.kind).sort(), ['follow-ups', 'segments']);

  // The second laptop: the file added as a workspace, the same account connected there.
  const b = await newContext(browser);
  const other = await open(b, server.url, '/settings');
  await other.getByLabel('Import a file').setInputFiles(file);
  const confirm = other.getByRole('group', { name: 'Add the workspace “Transfert” with 0 notes?' });
  await confirm.getByText('It brings what was kept about 1 member (notes, tags, fields): they show on People once its accounts are connected here and have synced.').waitFor();
  await confirm.getByRole('button', { name: 'Add workspace' }).click();
  await other.getByRole('status').filter({ hasText: 'Workspace “Transfert” added with 0 notes.' }).waitFor();
  // Its follow-up is due on Today before any sync.
  await other.locator('.app-nav').getByRole('link', { name: 'Today' }).click();
  await other.getByRole('region', { name: 'Follow-ups due' }).getByText(/^hana: Lui confirmer la livraison \(.+\)/).waitFor();
  await connectMastodonHere(other, mastodon.url);
  await other.getByRole('link', { name: 'Inbox' }).click();
  await other.getByRole('status').filter({ hasText: /^Up to date/ }).waitFor();
  await other.locator('.conversation', { hasText: 'Où en est ma commande' }).waitFor();
  // ivo's message from before they were forgotten came in, as someone's.
  await other.locator('.conversation', { hasText: 'Someone' }).first().waitFor();

  await other.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  const hanaThere = member(other, '@hana@elsewhere.test');
  await hanaThere.locator('.member-open').click();
  await hanaThere.locator('.member-notes li', { hasText: 'Fidèle depuis 2019, préfère le matin.' }).waitFor();
  assert.equal(await member(other, '@ivo@elsewhere.test').count(), 0, 'ivo is not a member there');
  // The saved segment is there to choose, and keeps its filter.
  const show = other.getByRole('group', { name: 'Segment' }).getByLabel('Show');
  await show.selectOption({ label: 'Participants' });
  await other.getByText('1 member.').waitFor();
  const stored = JSON.stringify(await dumpStores(other, ['inbox', 'sign_packs', 'members', 'threads']));
  assert.ok(!stored.includes('ivo'), 'nothing of ivo stored on the second laptop');
  const marks = (await dumpStores(other, ['forgotten'])).forgotten;
  assert.equal(marks.length, 1);
  assert.equal(marks[0].mark, backup.forgotten[0].mark);
  await assertClean(a);
  await assertClean(b);
  await a.close();
  await b.close();
});
