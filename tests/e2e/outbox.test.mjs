// The outbox against the loopback Mastodon server (tests/servers/mastodon.mjs) and the real
// local PDS: posts published offline are queued and go out once when the network returns;
// a 429 holds the queue until its reset; a 401 stops only that account and keeps every
// post; only the leader tab sends, and another tab takes over when it closes; "Publish
// everywhere now" sends once to each connected network and names the ones by hand.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { assertClean, launch, newContext, nextOutboxPass, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';
import { requirePds, login, listRecords, waitFor } from './support/pds.mjs';
import { signInBluesky } from './support/bluesky.mjs';
import { AxeBuilder } from '@axe-core/playwright';

let server, browser, mastodon, alice;
before(async () => {
  await requirePds();
  server = await serveDist();
  browser = await launch();
  mastodon = await startMastodon();
  alice = await login('alice.test');
});
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });
// A failed test must not leave the shared server refusing the next one.
afterEach(() => Object.assign(mastodon.state.mode, { rateLimitedUntil: 0, unauthorized: false, failNext: 0, rejectNext: null, hangNext: 0 }));

const run = `o${Date.now().toString(36)}`;
const aliceBlueskyPosts = async (needle) => (await listRecords(alice.did, 'app.bsky.feed.post'))
  .filter((r) => r.value.text.includes(needle));
const mastodonPosts = (needle) => mastodon.state.statuses.filter((s) => s.content.includes(needle));
const quiet = (context, codes) => context.problems.splice(0, context.problems.length,
  ...context.problems.filter((p) => !new RegExp(`Failed to load resource: (net::ERR_INTERNET_DISCONNECTED|the server responded with a status of (${codes}))`).test(p)));

/** A workspace with alice connected on the Mastodon test server and on the PDS. */
async function bothConnected(context) {
  return signInBluesky(await connectMastodon(await open(context, server.url), mastodon.url));
}

async function compose(page, text, networks = ['Mastodon']) {
  await page.goto(server.url + '/compose');
  await page.getByRole('heading', { name: 'Compose' }).waitFor();
  for (const n of ['Mastodon', 'Bluesky']) {
    const box = page.getByRole('checkbox', { name: n, exact: true });
    if (networks.includes(n)) await box.check(); else await box.uncheck();
  }
  await page.getByLabel('Text of the post').fill(text);
}

test('offline: posts to Mastodon and Bluesky wait in the outbox, then each goes out once when the network returns', async () => {
  const context = await newContext(browser);
  const page = await bothConnected(context);
  const text = `Le train repart ☕ ${run}-offline`;
  await compose(page, text, ['Mastodon', 'Bluesky']);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await page.getByRole('status').filter({ hasText: 'You are offline: the post for Mastodon waits in the outbox' }).waitFor();
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'You are offline: the post for Bluesky waits in the outbox' }).waitFor();
  await page.locator('.api-publish .outbox-line').filter({ hasText: 'waiting for the network' }).first().waitFor();

  await page.getByRole('link', { name: /^Outbox/ }).click();
  await page.getByRole('heading', { name: 'Waiting to go out' }).waitFor();
  const rows = page.locator('.outbox-row');
  await waitFor(async () => (await rows.count()) === 2);
  for (const row of await rows.all()) assert.match(await row.innerText(), /waiting for the network/);
  await page.locator('.app-nav .badge').filter({ hasText: /^2$/ }).waitFor();
  // the shell says it, on every page, while offline
  await page.locator('.offline-banner').filter({ hasText: 'You are offline. 2 posts wait in the outbox and go out once you are back online.' }).waitFor();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), [], 'the Outbox with rows');

  // back online: the runner hears `online` and sends both
  const back = Date.now();
  await context.setOffline(false);
  await page.locator('.offline-banner').waitFor({ state: 'detached' });
  await waitFor(async () => mastodonPosts(`${run}-offline`).length === 1 && (await aliceBlueskyPosts(`${run}-offline`)).length === 1, { timeout: 30_000 });
  console.log(`# online → both sent: ${Date.now() - back} ms`);
  await page.getByRole('heading', { name: 'Sent or cancelled this week' }).waitFor();
  await waitFor(async () => (await page.locator('.outbox-row[data-state=sent]').count()) === 2);
  await page.locator('.app-nav .badge').waitFor({ state: 'detached' });
  // and only once, even after the next beats and a reload
  await page.reload();
  await page.getByRole('heading', { name: 'Outbox' }).waitFor();
  await nextOutboxPass(page);
  assert.equal(mastodonPosts(`${run}-offline`).length, 1);
  assert.equal((await aliceBlueskyPosts(`${run}-offline`)).length, 1);
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.locator('.post-item', { hasText: `${run}-offline` }).getByText('Published').waitFor();
  quiet(context, '0');
  await assertClean(context);
  await context.close();
});

test('a 429 with its reset 30 s away: nothing is sent before the reset, then the post goes out once', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  await compose(page, `Patience ${run}-429`);
  const reset = Date.now() + 30_000;
  mastodon.state.mode.rateLimitedUntil = reset;
  const from = mastodon.state.posts.length;
  await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await page.locator('.api-publish [role=alert]').filter({ hasText: /^Mastodon asks Attaché to slow down: paused until \d/ }).waitFor();
  await page.locator('.api-publish .outbox-line').filter({ hasText: /next try at/ }).waitFor();
  await waitFor(async () => mastodonPosts(`${run}-429`).length === 1, { timeout: 60_000 });
  const tries = mastodon.state.posts.slice(from);
  const beforeReset = tries.filter((p) => p.at < reset);
  assert.equal(beforeReset.length, 1, `one refused try before the reset, got ${JSON.stringify(tries)}`);
  assert.equal(beforeReset[0].status, 429);
  const accepted = tries.filter((p) => p.status === 200);
  assert.equal(accepted.length, 1, 'sent once');
  assert.ok(accepted[0].at >= reset, `sent ${accepted[0].at - reset} ms after the reset`);
  console.log(`# 429: sent ${accepted[0].at - reset} ms after the reset, ${tries.length} request(s) in all`);
  await page.getByRole('link', { name: 'See it on Mastodon' }).waitFor();
  quiet(context, '429');
  await assertClean(context);
  await context.close();
});

test('a 401 stops the queue for that account only, keeps every post, and signing in again sends them once', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { locale: 'fr-FR' });
  await signInBluesky(page, { locale: 'fr-FR' });
  const composeFr = async (text, network) => {
    await page.goto(server.url + '/compose');
    await page.getByRole('heading', { name: 'Rédiger' }).waitFor();
    for (const n of ['Mastodon', 'Bluesky']) {
      const box = page.getByRole('checkbox', { name: n, exact: true });
      if (n === network) await box.check(); else await box.uncheck();
    }
    await page.getByLabel('Texte de la publication').fill(text);
    await page.getByRole('button', { name: `Publier maintenant sur ${network}` }).click();
  };
  mastodon.state.mode.unauthorized = true;
  const before = mastodon.state.posts.length;
  await composeFr(`Premier ${run}-401a`, 'Mastodon');
  await page.locator('.api-publish [role=alert]').filter({ hasText: 'reconnectez-le dans Comptes' }).waitFor();
  await composeFr(`Second ${run}-401b`, 'Mastodon');
  await page.locator('.api-publish .outbox-line').filter({ hasText: "Dans la boîte d'envoi" }).waitFor();
  await composeFr(`Sur Bluesky ${run}-401c`, 'Bluesky');
  await page.getByRole('status').filter({ hasText: 'Publié sur Bluesky.' }).waitFor();
  assert.equal((await aliceBlueskyPosts(`${run}-401c`)).length, 1, 'the other account goes on');
  assert.equal(mastodon.state.posts.length - before, 1, 'one refused try, then the account is left alone');

  await page.getByRole('link', { name: /^Boîte d'envoi/ }).click();
  const first = page.locator('.outbox-row', { hasText: `${run}-401a` });
  const second = page.locator('.outbox-row', { hasText: `${run}-401b` });
  await first.getByText('Arrêtée\u00a0: le compte doit être reconnecté dans Comptes').waitFor();
  await second.getByText("En attente\u00a0: ce compte doit d'abord être reconnecté.").waitFor();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), [], 'the Outbox in French');
  await nextOutboxPass(page);
  assert.equal(mastodon.state.posts.length - before, 1, 'still nothing more sent to the refused account');

  // signing in again: both kept posts go out, once each
  mastodon.state.mode.unauthorized = false;
  await page.locator('.app-nav').getByRole('link', { name: 'Comptes' }).click();
  await page.getByLabel('Votre serveur Mastodon (par exemple mastodon.social)').fill(mastodon.url);
  await page.getByRole('button', { name: 'Connecter', exact: true }).click();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.getByText('@alice@social.test est connecté.').first().waitFor();
  await waitFor(async () => mastodonPosts(`${run}-401a`).length === 1 && mastodonPosts(`${run}-401b`).length === 1, { timeout: 30_000 });
  await page.getByRole('link', { name: /^Boîte d'envoi/ }).click();
  await waitFor(async () => (await page.locator('.outbox-row[data-state=sent]').count()) === 3);
  // a start of the app runs the outbox again: still once each
  await page.reload();
  await page.getByRole('heading', { name: "Boîte d'envoi" }).waitFor();
  await nextOutboxPass(page);
  assert.equal(mastodonPosts(`${run}-401a`).length, 1);
  assert.equal(mastodonPosts(`${run}-401b`).length, 1);
  quiet(context, '401');
  await assertClean(context);
  await context.close();
});

test('two tabs: only the leader sends; when it closes, the other takes over', async () => {
  const context = await newContext(browser);
  const leader = await connectMastodon(await open(context, server.url), mastodon.url);
  const other = await context.newPage();
  await other.goto(server.url + '/compose');
  await other.getByRole('heading', { name: 'Compose' }).waitFor();
  const senders = [];
  for (const [name, page] of [['leader', leader], ['other', other]]) {
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/statuses')) senders.push(name); });
  }
  await compose(other, `Depuis l'autre onglet ${run}-tab1`);
  await other.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await other.getByRole('status').filter({ hasText: 'Published on Mastodon.' }).waitFor();
  assert.deepEqual(senders, ['leader'], 'the leader tab sent it');
  assert.equal(mastodonPosts(`${run}-tab1`).length, 1);

  // the leader closes: the other tab takes over and sends the next post itself
  await leader.close();
  await compose(other, `Relève ${run}-tab2`);
  await other.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await other.getByRole('status').filter({ hasText: 'Published on Mastodon.' }).waitFor();
  assert.deepEqual(senders, ['leader', 'other']);
  assert.equal(mastodonPosts(`${run}-tab2`).length, 1);
  await assertClean(context);
  await context.close();
});

test('posts due while the app was closed: a little late goes out by itself, hours late waits for the user', async () => {
  const context = await newContext(browser);
  const page = await bothConnected(context);
  // From here the page's clock is fixed (and `performance` with it: wait for headings).
  const start = Date.now();
  await context.clock.setFixedTime(new Date(start));
  const local = (ms) => page.evaluate((t) => {
    const d = new Date(t);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, ms);
  // A: Mastodon, 2 minutes ahead (too soon for the server to hold it: the app sends it)
  await compose(page, `Un peu en retard ${run}-lateA`);
  await page.locator('#due-at').fill(await local(start + 2 * 60_000));
  await page.locator('#schedule').click();
  await page.getByRole('status').filter({ hasText: /^Scheduled for/ }).waitFor();
  // B: Bluesky, 20 minutes ahead
  await compose(page, `Très en retard ${run}-lateB`, ['Bluesky']);
  await page.locator('#due-at').fill(await local(start + 20 * 60_000));
  await page.locator('#schedule').click();
  await page.getByRole('status').filter({ hasText: /^Scheduled for/ }).waitFor();
  await page.close();

  // the laptop was closed; it opens 10 minutes after A's time: A goes out by itself
  await context.clock.setFixedTime(new Date(start + 12 * 60_000));
  let again = await context.newPage();
  await again.goto(server.url + '/outbox');
  await again.getByRole('heading', { name: 'Outbox' }).waitFor();
  await waitFor(async () => mastodonPosts(`${run}-lateA`).length === 1, { timeout: 20_000 });
  await again.close();

  // it opens again three hours later: B is shown for a decision and not sent unasked
  await context.clock.setFixedTime(new Date(start + 3 * 3600_000));
  again = await context.newPage();
  await again.goto(server.url + '/outbox');
  await again.getByRole('heading', { name: 'Past their time' }).waitFor();
  const row = again.locator('.outbox-row.late', { hasText: `${run}-lateB` });
  await row.getByText(/^Was due on .*, for Bluesky$/).waitFor();
  await again.locator('.app-nav .badge').filter({ hasText: /^1$/ }).waitFor();
  await nextOutboxPass(again);
  assert.equal((await aliceBlueskyPosts(`${run}-lateB`)).length, 0, 'never sent hours late without asking');
  await row.getByRole('button', { name: /^Send now/ }).click();
  await waitFor(async () => (await aliceBlueskyPosts(`${run}-lateB`)).length === 1, { timeout: 20_000 });
  await again.locator('.outbox-row[data-state=sent]', { hasText: `${run}-lateB` }).waitFor();
  await again.locator('.app-nav .badge').waitFor({ state: 'detached' });
  assert.equal(mastodonPosts(`${run}-lateA`).length, 1, 'A once');
  await assertClean(context);
  await context.close();
});

test('"Publish everywhere now" sends once to each connected network and names the ones to publish by hand', async () => {
  const context = await newContext(browser);
  const page = await signInBluesky(await connectMastodon(await open(context, server.url), mastodon.url));
  await page.goto(server.url + '/compose');
  await page.getByRole('heading', { level: 1, name: 'Compose' }).waitFor();
  await page.locator('#net-x').check();
  const text = `Pain au levain tout chaud ${run}-everywhere`;
  await page.getByLabel('Text of the post').fill(text);

  // before scheduling: who needs Attaché open, who is published by hand
  await page.locator('.schedule-notes').getByText('Bluesky: goes out only if Attaché is open at that time (Mastodon keeps scheduled posts itself).').waitFor();
  await page.locator('.schedule-notes').getByText('X: Attaché reminds you at that time, and you publish by hand.').waitFor();

  await page.getByRole('button', { name: 'Publish everywhere now' }).click();
  await page.getByRole('status').filter({ hasText: 'On its way to Mastodon, Bluesky: each one\'s outcome shows in its section below. X: publish by hand below.' }).waitFor();
  await waitFor(async () => mastodonPosts(text).length === 1 && (await aliceBlueskyPosts(text)).length === 1, { timeout: 30_000 });
  await page.locator('.api-publish').filter({ hasText: 'Published on Mastodon.' }).waitFor({ timeout: 20_000 });
  await page.locator('.api-publish').filter({ hasText: 'Published on Bluesky.' }).waitFor({ timeout: 20_000 });
  // sent once each, even after the outbox settles
  await page.locator('.post-item', { hasText: text }).waitFor();
  assert.equal(mastodonPosts(text).length, 1);
  assert.equal((await aliceBlueskyPosts(text)).length, 1);
  await assertClean(context);
  await context.close();
});

test('in French, the composer says before scheduling which networks need Attaché open', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Boulangerie Dupain');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.goto(server.url + '/compose');
  await page.locator('#net-linkedin').check();
  await page.locator('.schedule-notes').getByText('Bluesky\u00a0: part seulement si Attaché est ouvert à ce moment-là (Mastodon garde lui-même les publications programmées).').waitFor();
  await page.locator('.schedule-notes').getByText('LinkedIn\u00a0: Attaché vous le rappelle à ce moment-là, et vous publiez à la main.').waitFor();
  await page.locator('#net-bluesky').uncheck();
  await page.locator('#net-linkedin').uncheck();
  await page.waitForFunction(() => document.querySelector('.schedule-notes')?.children.length === 0);
  await page.getByLabel('Texte de la publication').fill('Seulement sur Mastodon');
  await page.getByRole('button', { name: 'Publier partout maintenant' }).waitFor({ state: 'detached' });
  await assertClean(context);
  await context.close();
});
