// The month's gravity and moves between levels, and segments of members on the People page:
// presets, filters by level, tag and last seen, a segment saved by name (refused without one)
// and chosen again after a reload, and its CSV downloaded with exactly the members shown.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon, publishOnMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const ago = (ms) => new Date(Date.now() - ms).toISOString();
const rows = (page) => page.locator('.people-list > .member .member-open strong');

test('presets, filters, a saved segment and its CSV', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  const ours = (await publishOnMastodon(page, server.url, mastodon, 'Portes ouvertes samedi')).id;
  mastodon.addMention({ html: '<p>@alice On peut venir avec des enfants ?</p>', from: 'dan', at: ago(30 * 60_000) });
  mastodon.addInteraction({ type: 'favourite', from: 'bob', statusId: ours, at: ago(20 * 60_000) });
  mastodon.addInteraction({ type: 'follow', from: 'carol', at: ago(10 * 60_000) });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 1 new mention.' }).waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  await page.getByText('3 members.').waitFor();
  const dan = page.locator('.people-list > .member', { hasText: '@dan@elsewhere.test' });
  await dan.locator('.member-open').click();
  await dan.getByLabel('Tags (separated by commas)').fill('ambassador');
  await dan.getByLabel('Tags (separated by commas)').press('Tab');
  await dan.locator('.member-open .badge.tag', { hasText: 'ambassador' }).waitFor();
  // The tag list of the bar is read with the members.
  await page.reload();
  await page.getByText('3 members.').waitFor();

  // The month's moves: dan arrived at 3, bob and carol at 4 (the table stays open for axe).
  await page.getByText('Gravity and moves by month').click();
  const table = page.getByRole('table', { name: /^The last six months/ });
  const row = table.getByRole('row').nth(1);
  const cells = await row.getByRole('cell').allInnerTexts();
  assert.equal(cells.length, 5);
  assert.match(cells[0], /^\d+$/, 'the gravity');
  assert.deepEqual(cells.slice(1), ['up 0 · held 0 · down 0', 'up 0 · held 0 · down 0', 'up 1 · held 0 · down 0', 'up 2 · held 0 · down 0']);
  assert.equal(await table.getByRole('row').count(), 7, 'a header and six months');

  const bar = page.getByRole('group', { name: 'Segment' });
  const show = bar.getByLabel('Show');
  // Most engaged: the most love first (a conversation 7, a like 2, a follow 1).
  await show.selectOption({ label: 'Most engaged (the most love first)' });
  await page.waitForFunction(() => document.querySelector('.people-list > .member strong')?.textContent === 'dan');
  assert.deepEqual(await rows(page).allInnerTexts(), ['dan', 'bob', 'carol']);
  // New and active: all three came today.
  await show.selectOption({ label: 'New and active (first seen and active in the last 7 days)' });
  await page.getByText('3 members.').waitFor();
  // Slipping away: nobody at levels 1–2.
  await show.selectOption({ label: 'Slipping away (levels 1–2, idle over a month)' });
  await page.getByText('0 members.').waitFor();
  await show.selectOption({ label: 'All members' });
  await page.getByText('3 members.').waitFor();

  await bar.getByLabel('Member level').selectOption({ label: '4 · Exploring' });
  await page.getByText('2 members.').waitFor();
  assert.deepEqual((await rows(page).allInnerTexts()).sort(), ['bob', 'carol']);
  assert.equal(await show.inputValue(), '*', 'changed by hand');
  await bar.getByLabel('Member level').selectOption({ label: 'Any' });
  await bar.getByLabel('Last seen').selectOption({ label: 'not in the last 30 days' });
  await page.getByText('0 members.').waitFor();
  await bar.getByLabel('Last seen').selectOption({ label: 'in the last 7 days' });
  await bar.getByLabel('Tag').selectOption({ label: 'ambassador' });
  await page.getByText('1 member.').waitFor();

  // Saved under a name (not without one), chosen again after a reload.
  await bar.getByRole('button', { name: 'Save the segment' }).click();
  await bar.getByRole('alert').filter({ hasText: 'Give the segment a name (60 characters at most).' }).waitFor();
  await bar.getByLabel('Save these filters as').fill('Ambassadeurs actifs');
  await bar.getByRole('button', { name: 'Save the segment' }).click();
  await page.getByRole('status').filter({ hasText: 'Segment “Ambassadeurs actifs” saved.' }).waitFor();
  await page.waitForFunction(() => document.querySelector('.segment-bar select')?.selectedOptions[0]?.textContent === 'Ambassadeurs actifs');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await page.reload();
  await page.getByText('3 members.').waitFor();
  await show.selectOption({ label: 'Ambassadeurs actifs' });
  await page.getByText('1 member.').waitFor();

  // The CSV holds exactly the segment.
  const [download] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: 'Download this segment as CSV (1 member)' }).click()]);
  assert.match(download.suggestedFilename(), /^attache-members-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
  assert.equal(lines[0], 'name,handle,network,other identities,level,love,first seen,last seen,tags,profile');
  assert.match(lines[1], /^dan,'@dan@elsewhere\.test,Mastodon,,3 · Participating,7,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},ambassador,https:\/\/elsewhere\.test\/@dan$/);
  assert.equal(lines.length, 3);
  // Deleted, it is no longer offered.
  await bar.getByRole('button', { name: 'Delete the segment Ambassadeurs actifs' }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('.segment-bar select option')].some((o) => o.textContent === 'Ambassadeurs actifs'));
  await assertClean(context);
  await context.close();
});
