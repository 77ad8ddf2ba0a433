// People from the loopback Mastodon server: a mention, a favourite and a follow make three
// members (never the account itself), each on their Orbit level with its reason; with
// Playwright's clock a day later, a second day of activity moves a member up from Exploring
// to Participating by presence; the workspace's weights change the levels at once; the
// search narrows the list as typed; a follow-up shows on Today and is done there; the Inbox
// keeps the
// conversations of members at a level; axe clean in both languages and themes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon, publishOnMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const DAY = 24 * 3600_000;
const member = (page, handle) => page.locator('.member', { hasText: handle });

test('mentions, likes and follows become members on their level, with the reason; a second day of likes moves one up', async () => {
  const context = await newContext(browser);
  await context.grantPermissions(['notifications'], { origin: server.url });
  // Watch the real Notification constructor (headless Chromium shows nothing to look at).
  await context.addInitScript(() => {
    const Real = window.Notification;
    window.__notified = [];
    window.Notification = class extends Real {
      constructor(title, options) { super(title, options); window.__notified.push({ title, body: options?.body }); }
    };
  });
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  const ours = (await publishOnMastodon(page, server.url, mastodon, 'Atelier pain au levain samedi')).id;
  const at = (msAgo) => new Date(Date.now() - msAgo).toISOString();
  mastodon.addMention({ html: '<p>@alice Il reste des places samedi ?</p>', from: 'dan', at: at(20 * 60_000) });
  mastodon.addInteraction({ type: 'favourite', from: 'bob', statusId: ours, at: at(10 * 60_000) });
  mastodon.addInteraction({ type: 'follow', from: 'carol', at: at(5 * 60_000) });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 1 new mention.' }).waitFor();

  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  await page.getByRole('heading', { name: 'People' }).waitFor();
  await page.getByText('3 members.').waitFor();
  assert.equal(await member(page, '@alice@social.test').count(), 0, 'the account itself is not a member');
  // The inner orbit first: dan wrote to us first (weight 7).
  assert.match(await page.locator('.member').first().innerText(), /^dan\s+@dan@elsewhere\.test\s+· Mastodon\s+3 · Participating\s+last seen /);
  await member(page, '@dan@elsewhere.test').getByRole('button').click();
  await member(page, '@dan@elsewhere.test').getByText(/^At this level for a conversation started on .+ \(weight 7; this level needs 5\)\.$/).waitFor();
  await member(page, '@dan@elsewhere.test').getByText('Il reste des places samedi ?', { exact: false }).waitFor();
  const bob = member(page, '@bob@elsewhere.test');
  await bob.getByText('4 · Exploring').waitFor();
  await bob.getByRole('button').click();
  await bob.getByText('Active in the last year; nothing yet that weighs more.').waitFor();
  await bob.getByText(/^Next, 3 · Participating: one activity of weight 5 or more \(a mention, .+\)\. Or active 2 days within 7 days \(now 1\)\.$/).waitFor();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

  // The search narrows as typed.
  await page.getByLabel('Search people').fill('caro');
  await page.getByText('1 member.').waitFor();
  await member(page, '@carol@elsewhere.test').getByText('4 · Exploring').waitFor();
  await page.getByLabel('Search people').fill('');

  // A follow-up on dan, due a minute ago: refused without words; shown on Today; done there.
  const dan = member(page, '@dan@elsewhere.test');
  await dan.locator('.member-open').click();
  const local = await page.evaluate(() => {
    const d = new Date(Date.now() - 60_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await dan.getByLabel('Follow up on').fill(local);
  await dan.getByRole('button', { name: 'Add the follow-up' }).click();
  await dan.getByRole('alert').filter({ hasText: 'Write what to do.' }).waitFor();
  await dan.getByLabel('About what').fill('Confirmer sa place samedi');
  await dan.getByRole('button', { name: 'Add the follow-up' }).click();
  await page.getByRole('status').filter({ hasText: 'Follow-up added: it shows on Today when it is due.' }).waitFor();
  await dan.locator('.follow-ups li', { hasText: 'Confirmer sa place samedi' }).waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'Today' }).click();
  const block = page.getByRole('region', { name: 'Follow-ups due' });
  await block.getByText(/^dan: Confirmer sa place samedi \(.+\)/).waitFor();
  await block.getByRole('button', { name: 'Mark “Confirmer sa place samedi” done' }).click();
  await block.getByText('No follow-up due today.').waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  // Another, due in two hours: notified when it falls due (below, with the clock).
  const inTwoHours = await page.evaluate(() => {
    const d = new Date(Date.now() + 2 * 3600_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await dan.locator('.member-open').click();
  await dan.getByLabel('Follow up on').fill(inTwoHours);
  await dan.getByLabel('About what').fill('Envoyer le programme');
  await dan.getByRole('button', { name: 'Add the follow-up' }).click();
  await dan.locator('.follow-ups li', { hasText: 'Envoyer le programme' }).waitFor();

  // The workspace's weights: a like made to weigh 5 makes bob Participating; the Orbit
  // defaults put him back.
  await page.locator('details.weights summary').click();
  await page.getByLabel('Like', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Save the weights' }).click();
  await page.getByRole('status').filter({ hasText: 'Weights saved: the levels are worked out again.' }).waitFor();
  await bob.getByText('3 · Participating').waitFor();
  await page.getByRole('button', { name: 'Back to the Orbit defaults' }).click();
  await bob.getByText('4 · Exploring').waitFor();

  // The Inbox filters by the level of the members who wrote: every message weighs 5 or
  // more, so dan is Participating and nobody who wrote is still Exploring.
  await page.locator('.app-nav').getByRole('link', { name: 'Inbox' }).click();
  const level = page.getByRole('combobox', { name: 'Member level' });
  await level.selectOption({ label: '4 · Exploring' });
  await page.getByText('No conversation here.').waitFor();
  await level.selectOption({ label: '3 · Participating' });
  await page.locator('.conversation', { hasText: 'dan' }).waitFor();
  await page.locator('.inbox-count').filter({ hasText: /^1 conversation\.$/ }).waitFor();
  await level.selectOption({ label: 'Any' });

  // A day later (Playwright's clock), bob boosts the post: two active days within a week.
  await context.clock.install();
  await context.clock.fastForward(DAY);
  const tomorrow = await page.evaluate(() => Date.now());
  // The reminder loop looks every 30 s (its timer may be the real one, started before the clock).
  await page.waitForFunction(() => window.__notified.some((n) => n.title === 'Follow up with dan' && n.body === 'Envoyer le programme'), null, { timeout: 45_000 });
  mastodon.addInteraction({ type: 'reblog', from: 'bob', statusId: ours, at: new Date(tomorrow - 60_000).toISOString() });
  await page.locator('.app-nav').getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 0 new mentions.' }).waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  await bob.getByText('3 · Participating').waitFor();
  await bob.getByRole('button').click();
  await bob.getByText(/^At this level for being active 2 days within 7 days, from .+ to .+\.$/).waitFor();
  await bob.getByText(/^Keeps this level until .+ without anything new, then until the monthly review\.$/).waitFor();
  await assertClean(context);
  await context.close();
});

test('People in French and in the dark theme: axe clean with a member open', async () => {
  const context = await newContext(browser, { locale: 'fr-FR', colorScheme: 'dark' });
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { locale: 'fr-FR', workspace: 'Fournil' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('status').filter({ hasText: /^À jour/ }).waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'Membres' }).click();
  const dan = member(page, '@dan@elsewhere.test');
  await dan.getByText('3 · Participation').waitFor();
  await dan.getByRole('button').click();
  await dan.getByText(/^À ce niveau pour une conversation lancée le .+ \(poids 7\u00a0; ce niveau demande 5\)\.$/).waitFor();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await assertClean(context);
  await context.close();
});
