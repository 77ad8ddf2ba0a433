// The guided first run by keyboard alone (name, networks, one objective, a first draft) ending
// on Today; Today's blocks from real data (a post due today, a message waiting, an account to
// sign in again) with links to where the work is done; axe on Today in both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return `${e?.tagName?.toLowerCase()}#${e?.id ?? ''} ${(e?.textContent ?? '').trim().slice(0, 60)}`;
});

/** Presses Tab until the focused element matches `re` (fails after `max` presses). */
async function tabTo(page, re, max = 40) {
  for (let i = 0; i < max; i++) {
    if (re.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`never reached ${re} by Tab; focus on ${await focused(page)}`);
}

async function axe(page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the guided first run, by keyboard alone, ends on Today with everything it set', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  // a first visit: the guided setup comes first, before the plain "name a workspace" form
  await page.getByRole('heading', { level: 2, name: 'Welcome to Attaché' }).waitFor();
  assert.ok(await page.evaluate(() => Boolean(document.querySelector('.welcome .start-link')
    .compareDocumentPosition(document.querySelector('#new-workspace-name')) & Node.DOCUMENT_POSITION_FOLLOWING)),
  'the guide comes before the form');
  await tabTo(page, /New here\? Let Attaché guide you/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Name the brand or client you work for' }).waitFor();
  assert.match(await focused(page), /^input#start-name/, 'the first field has the focus');
  await page.keyboard.type('Café Lumière');
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'Where is the brand?' }).waitFor();
  assert.match(await focused(page), /^h2#start-step-heading/, 'the new step is announced');
  await tabTo(page, /^input#start-net-x/);
  await page.keyboard.press('Space');
  await tabTo(page, /^button# Next/);
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'Set one objective' }).waitFor();
  await tabTo(page, /^select#start-metric/);
  await page.keyboard.press('Tab');
  assert.match(await focused(page), /^input#start-target/);
  await page.keyboard.type('500');
  await page.keyboard.press('Tab');
  await page.keyboard.type(`1231${new Date().getFullYear() + 1}`);
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'Write a first draft' }).waitFor();
  await tabTo(page, /^textarea#start-draft/);
  await page.keyboard.type('Bienvenue au Café Lumière ☕');
  await page.keyboard.press('Tab');
  assert.match(await focused(page), /^button# Save the draft and finish/);
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
  await page.getByRole('status').filter({ hasText: 'All set. Here is your day.' }).waitFor();
  await page.getByText('No figures yet for your objectives').waitFor();

  // what the guide set is really kept
  await page.getByRole('link', { name: 'Strategy', exact: true }).click();
  await page.locator('.objective', { hasText: 'Followers' }).waitFor();
  assert.equal(await page.locator('.objective').count(), 1, 'the one objective set in the guide');
  await page.getByRole('link', { name: 'Compose' }).click();
  const draft = page.locator('.post-item', { hasText: 'Bienvenue au Café Lumière' });
  await draft.waitFor();
  await draft.getByRole('link').first().click();
  for (const n of ['Mastodon', 'Bluesky', 'X']) assert.equal(await page.getByRole('checkbox', { name: n, exact: true }).isChecked(), true, n);
  assert.equal(await page.getByRole('checkbox', { name: 'LinkedIn', exact: true }).isChecked(), false);
  // and a new post goes to the networks the brand is on
  await page.goto(server.url + '/compose');
  await page.getByRole('heading', { name: 'Compose' }).waitFor();
  await page.waitForFunction(() => document.querySelector('#net-x')?.checked === true);
  assert.equal(await page.getByRole('checkbox', { name: 'LinkedIn', exact: true }).isChecked(), false);
  await assertClean(context);
  await context.close();
});

test('the guide can be skipped at once, and Today says plainly that nothing is there yet', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url, '/start');
  await page.getByRole('button', { name: 'Passer le guide' }).click();
  await page.getByRole('heading', { name: 'Aujourd\'hui', exact: true }).waitFor();
  await page.getByText('Pas encore d\'espace de travail : commencez par le guide').waitFor();
  await page.getByRole('link', { name: 'Installons votre bureau' }).waitFor();
  await assertClean(context);
  await context.close();
});

test("Today shows today's posts, the messages waiting and what needs the user, each linked to its place", async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Today' }).click();
  await page.getByText('Nothing is planned for today.').waitFor();
  await page.getByText('No conversation waits for an answer.').waitFor();
  await page.getByText('No objective yet: set one in Strategy.').waitFor();
  assert.deepEqual(await axe(page), [], 'Today, empty (en)');

  // a post for X due an hour ago and one for Mastodon later today
  const now = new Date();
  const local = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const soon = new Date(Math.min(now.getTime() + 5 * 60_000, new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 58).getTime()));
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Text of the post').fill('Le menu du jour');
  await page.getByLabel('Date and time to publish').fill(local(soon));
  await page.getByRole('button', { name: 'Schedule' }).click();
  await page.getByRole('status').filter({ hasText: 'Scheduled' }).waitFor();
  await page.getByRole('link', { name: 'Today' }).click();
  await page.locator('.today-counts li', { hasText: 'Mastodon' }).filter({ hasText: 'Scheduled · 1' }).waitFor();
  await page.getByRole('link', { name: 'Open the calendar' }).waitFor();
  assert.deepEqual(await axe(page), [], 'Today with data (en)');

  const fr = await newContext(browser, { locale: 'fr-FR', colorScheme: 'dark' });
  const frPage = await open(fr, server.url);
  await frPage.locator('#new-workspace-name').fill('Contoso');
  await frPage.keyboard.press('Enter');
  await frPage.locator('.workspace-name').first().waitFor();
  await frPage.getByRole('link', { name: 'Aujourd\'hui' }).click();
  await frPage.getByText('Rien n\'est prévu aujourd\'hui.').waitFor();
  assert.deepEqual(await axe(frPage), [], 'Today (fr, dark)');
  await assertClean(fr);
  await fr.close();
  await assertClean(context);
  await context.close();
});

test('the routine: ticks kept for the day, a fresh checklist after local midnight with the page open, the streak kept', async () => {
  const context = await newContext(browser, { timezoneId: 'Europe/Paris' });
  // the evening before the clocks go forward in Paris
  await context.clock.setFixedTime(new Date('2026-03-28T23:57:00+01:00'));
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.locator('#new-workspace-name').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Today' }).click();
  const steps = page.locator('.routine-list input[type=checkbox]');
  await steps.first().waitFor();
  const n = await steps.count();
  assert.ok(n >= 4, `a default routine of ${n} steps`);
  for (let i = 0; i < n; i++) await steps.nth(i).check();
  await page.locator('.routine p', { hasText: `${n} of ${n} done today` }).waitFor({ timeout: 5000 }).catch(async (e) => {
    throw new Error(`${e.message}\n${await page.locator('.routine p').first().innerText()}`);
  });
  await page.getByText('1 day in a row').waitFor();
  assert.equal(await page.locator('.routine-history li').count(), 1, 'created tonight: one day of history, not thirty');

  // kept: the ticks are still there after a reload the same evening
  await page.reload();
  await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
  await page.getByText(`${n} of ${n} done today`).waitFor();

  // 00:01 the next day, the page left open: the checklist starts again, the streak stays
  await context.clock.setFixedTime(new Date('2026-03-29T00:01:00+01:00'));
  await page.getByText(`0 of ${n} done today`).waitFor({ timeout: 20_000 });
  for (let i = 0; i < n; i++) assert.equal(await steps.nth(i).isChecked(), false);
  await page.getByText('1 day in a row').waitFor();
  assert.equal(await page.locator('.routine-history li.full').count(), 1, 'yesterday complete in the last 30 days');
  assert.equal(await page.locator('.routine-history li').count(), 2, 'the history starts the day the workspace was created');

  // the routine is the user's own: a step added with its time
  await page.getByText('Change the routine').click();
  await page.locator('details.routine-edit[open]').waitFor();
  await page.getByLabel('New step of the routine').fill('Relire les messages privés');
  await page.getByLabel('Its time (optional)').fill('09:15');
  await page.getByRole('button', { name: 'Add the step' }).click();
  await page.locator('.routine-list', { hasText: '09:15 · Relire les messages privés' }).waitFor();
  await page.getByRole('button', { name: 'Remove “Relire les messages privés”' }).click();
  await page.waitForFunction(() => !document.querySelector('.routine-list').textContent.includes('Relire'));
  await assertClean(context);
  await context.close();
});

test('Today follows the outbox without a reload: a post published now from another tab counts as today\'s', async () => {
  const mastodon = await startMastodon();
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  await page.getByRole('link', { name: 'Today' }).click();
  await page.getByText('Nothing is planned for today.').waitFor();

  const other = await context.newPage();
  await other.goto(server.url + '/compose');
  await waitReady(other);
  await other.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await other.getByLabel('Text of the post').fill('Le pain de midi est prêt');
  await other.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await other.getByText('Published on Mastodon.').first().waitFor({ timeout: 20_000 });

  await page.locator('.today-counts li', { hasText: 'Mastodon' }).filter({ hasText: 'Published · 1' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.getByText('Nothing is planned for today.').count(), 0);
  await assertClean(context);
  await context.close();
  await mastodon.close();
});
