// Mentions into the Inbox from the loopback Mastodon server: hostile HTML rendered safely
// (a trap replaces alert & co.; no handler, no script URL reaches the page), a reply tied to
// the post it answers, 1,000 mentions synced in pages of grouped notifications (timed for the
// note; an older server without them is asked v1, once told), a 429 and a 401
// on sync that lose nothing; metrics snapshots kept; held statuses reconciled (published
// there → published here, moved there → moved here, deleted there → flagged, not dropped).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open, settledValue } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const HOSTILE = [
  '<p>Hi <span class="h-card"><a href="https://social.test/@alice" class="u-url mention">@<span>alice</span></a></span> <script>__trap()</script>love the <a href="https://social.test/tags/latte" class="mention hashtag" rel="tag">#<span>latte</span></a></p>',
  '<p><img src=x onerror="__trap()">pretty picture</p>',
  '<p><a href="javascript:__trap()">click me</a> and <a href="jav&#x09;ascript:__trap()">me</a></p>',
  '<p><svg onload=__trap()></svg><iframe srcdoc="<script>parent.__trap()</script>"></iframe>svg and frame</p>',
  '<p onmouseover="__trap()" style="position:fixed;inset:0">hover</p><details open ontoggle=__trap()>x</details>',
  '<p><a href="https://evil.test/\u202Eexe.txt">\u202Efdp.exe</a> bidi link</p>',
  '<p>&lt;script&gt;__trap()&lt;/script&gt; shown as text</p>',
];

const connected = async (context) => connectMastodon(await open(context, server.url), mastodon.url);

async function idbCount(page, store) {
  return page.evaluate((name) => new Promise((ok, fail) => {
    const req = indexedDB.open('attache');
    req.onsuccess = () => { const db = req.result; const c = db.transaction(name).objectStore(name).count(); c.onsuccess = () => { ok(c.result); db.close(); }; c.onerror = fail; };
    req.onerror = fail;
  }), store);
}

test('mentions arrive in the Inbox, hostile HTML is harmless, 1,000 sync in pages, and 429/401 lose nothing', async () => {
  const context = await newContext(browser);
  await context.addInitScript(() => {
    window.__trapped = 0;
    const trap = () => { window.__trapped += 1; };
    for (const name of ['alert', 'confirm', 'prompt', 'print', '__trap']) window[name] = trap;
  });
  const page = await connected(context);

  // our post, so a reply can be tied to it
  await page.goto(server.url + '/compose');
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Text of the post').fill('Nouveau: le latte noisette');
  await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Mastodon.' }).waitFor();
  const ours = mastodon.state.statuses.at(-1).id;

  for (const html of HOSTILE) mastodon.addMention({ html, from: 'mallory' });
  mastodon.addMention({ html: '<p>Trop bon, je reviens demain !</p>', from: 'bob', inReplyTo: ours });

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: `Up to date: ${HOSTILE.length + 1} new mentions.` }).waitFor();
  await page.getByText('8 conversations.').waitFor();
  const reply = page.locator('.inbox-item', { hasText: 'Trop bon, je reviens demain !' });
  await reply.getByText('@bob@elsewhere.test').waitFor();
  await reply.getByRole('link', { name: 'answers our post' }).waitFor();
  // the mention and the hashtag are links; the script's text is gone
  const first = page.locator('.inbox-item', { hasText: 'love the' });
  assert.equal(await first.locator('a.mention').innerText(), '@alice');
  assert.equal(await first.locator('a.hashtag').innerText(), '#latte');
  assert.equal(await first.locator('.status-content').innerText(), 'Hi @alice love the #latte');
  await page.getByText('<script>__trap()</script> shown as text').waitFor();
  await page.locator('.inbox-item', { hasText: 'hover' }).hover();
  await page.locator('.inbox-item', { hasText: 'click me' }).getByText('click me').click();
  const unsafe = await page.evaluate(() => {
    const found = [];
    // every message as shown (our own controls around them, checkbox and buttons, aside)
    for (const el of document.querySelectorAll('.inbox-list .inbox-item *')) {
      // The tone hint and its choice under each message are ours, not the message's.
      if (el.closest('.inbox-tone')) continue;
      for (const a of el.getAttributeNames()) {
        if (a.startsWith('on') || /javascript:/i.test(el.getAttribute(a))) found.push(el.outerHTML);
      }
      if (!['P', 'BR', 'A', 'SPAN', 'DIV', 'STRONG', 'LI'].includes(el.tagName)) found.push(el.tagName);
    }
    for (const a of document.querySelectorAll('.inbox-list a')) if (/[\u202A-\u202E\u2066-\u2069]/.test(a.textContent + a.href)) found.push(a.outerHTML);
    return found;
  });
  assert.deepEqual(unsafe, []);
  assert.equal(await page.evaluate(() => window.__trapped), 0, 'no script ran');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

  // metrics: the account's counts and each recent status's, at each sync
  assert.ok(await idbCount(page, 'metrics') >= 2);

  // 1,000 more, fetched 80 at a time from where the last sync stopped
  for (let i = 0; i < 1000; i++) mastodon.addMention({ html: `<p>Message ${i + 1} pour <a href="https://social.test/@alice" class="u-url mention">@alice</a></p>`, from: `fan${i % 50}` });
  const logBefore = mastodon.state.log.length;
  const started = Date.now();
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 1000 new mentions.' }).waitFor({ timeout: 60_000 });
  const took = Date.now() - started;
  const asked = mastodon.state.log.slice(logBefore);
  const pages = asked.filter((l) => l === 'GET /api/v2/notifications').length;
  console.log(`# synced 1,000 mentions in ${took} ms (${pages} pages of grouped notifications)`);
  // Mentions come from the grouped endpoint (Mastodon 4.3), 80 groups a page: 13 pages and
  // the empty one that says nothing newer is left.
  assert.equal(pages, 14);
  assert.equal(asked.filter((l) => l === 'GET /api/v1/notifications').length, 1, 'v1 only for the interactions, which were up to date');
  await page.getByText('1008 conversations.').waitFor();
  assert.equal(await idbCount(page, 'inbox'), 1008);
  await page.locator('.inbox-item').first().getByText('Message 1000 pour @alice').waitFor();
  // The list is drawn a window at a time: scrolled to the end, the last conversation is
  // there (1008 of 1008 for a screen reader), and only a window of rows exists in the page.
  const drawn = () => page.locator('.conversation').count();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.locator('.conversation[aria-posinset="1008"]').waitFor();
  assert.equal(await page.locator('.conversation').last().getAttribute('aria-setsize'), '1008');
  assert.ok(await drawn() <= 40, `a window of rows is drawn (${await drawn()})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.conversation[aria-posinset="1"]').waitFor();
  // The keyboard goes past the window: the row it lands on is drawn and focused.
  await page.locator('.conversation[aria-posinset="1"] .conv-open').focus();
  for (let i = 1; i < 60; i++) await page.keyboard.press('j');
  const focusedAt = () => page.evaluate(() => document.activeElement.closest('.conversation')?.getAttribute('aria-posinset'));
  await page.waitForFunction(() => document.activeElement.closest('.conversation')?.getAttribute('aria-posinset') === '60', null, { timeout: 5_000 })
    .catch(() => {});
  assert.equal(await focusedAt(), '60');
  assert.ok(await drawn() <= 40, `still a window of rows (${await drawn()})`);

  // a 429 on sync: a plain message, nothing lost; then a 401: sign in again, still nothing lost
  mastodon.state.mode.rateLimitedUntil = Date.now() + 60_000;
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('alert').filter({ hasText: /^Checking Mastodon for new messages: Mastodon asks Attaché to slow down, paused until \d/ }).waitFor();
  mastodon.state.mode.rateLimitedUntil = 0;
  mastodon.state.mode.unauthorized = true;
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('alert').filter({ hasText: /^Checking Mastodon for new messages: Mastodon no longer accepts this account's key\. Sign in again in Accounts\.$/ }).waitFor();
  mastodon.state.mode.unauthorized = false;
  await page.reload();
  await page.getByText('1008 conversations.').waitFor();
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource: the server responded with a status of (429|401)/.test(p)));
  await assertClean(context);
  await context.close();
});

test('a failed check names what was being done, in French and English: checking for messages, not publishing', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { locale: 'fr-FR', workspace: 'Boulangerie Dupain' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: 'Vérifier maintenant' }).waitFor();
  await context.setOffline(true);
  await page.locator('.offline-banner').filter({ hasText: 'Vous êtes hors ligne. Tout ce que vous faites est gardé sur cet appareil.' }).waitFor();
  await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /^Vérification des messages sur Mastodon/ });
  await alert.waitFor();
  assert.equal(await alert.innerText(), 'Vérification des messages sur Mastodon\u00a0: Mastodon est injoignable. Les messages déjà là sont gardés\u00a0; réessayez une fois en ligne.');
  assert.doesNotMatch(await alert.innerText(), /publication/);
  // the same check in English
  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: 'Check now' }).click();
  const english = page.getByRole('alert').filter({ hasText: 'Checking Mastodon for new messages: Mastodon could not be reached. The messages already here are kept; try again when you are online.' });
  await english.waitFor();
  assert.doesNotMatch(await english.innerText(), /\bpost/);
  await context.setOffline(false);
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)));
  await assertClean(context);
  await context.close();
});

test('a sync reconciles the statuses the server holds: published, moved or deleted there', async () => {
  const fresh = await startMastodon();
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), fresh.url, { workspace: 'Northwind' });
  const due = await page.evaluate(() => {
    const d = new Date(Date.now() + 60 * 60_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  for (const text of ['Goes out there', 'Moved there', 'Deleted there']) {
    await page.goto(server.url + '/compose');
    await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
    await page.getByLabel('Text of the post').fill(text);
    await page.locator('#due-at').fill(due);
    await page.locator('#schedule').click();
    await page.getByRole('status').filter({ hasText: /^Mastodon holds this post/ }).waitFor();
  }
  const held = [...fresh.state.scheduled.values()];
  assert.equal(held.length, 3);
  const byText = (t) => held.find((s) => s.params.text === t);
  // the server publishes one (its time came), someone moves one, someone deletes one
  byText('Goes out there').scheduled_at = new Date(Date.now() - 1000).toISOString();
  const movedTo = Date.now() + 3 * 3600_000;
  byText('Moved there').scheduled_at = new Date(movedTo).toISOString();
  fresh.state.scheduled.delete(byText('Deleted there').id);

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 0 new mentions.' }).waitFor();
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.locator('.post-item', { hasText: 'Goes out there' }).getByText('Published').waitFor();
  await page.locator('.post-item', { hasText: 'Deleted there' }).getByText('Failed').waitFor();
  await page.locator('.post-item', { hasText: 'Deleted there' }).getByRole('link', { name: 'Open' }).click();
  await page.locator('.api-publish [role=alert]').filter({ hasText: 'Mastodon no longer holds this post and it was not published there' }).waitFor();
  assert.equal(await settledValue(page.getByLabel('Text of the post'), 'Deleted there'), 'Deleted there', 'kept, not dropped');
  await page.locator('.post-item', { hasText: 'Moved there' }).getByRole('link', { name: 'Open' }).click();
  const shownDue = await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const all = await new Promise((ok) => { const r = db.transaction('posts').objectStore('posts').getAll(); r.onsuccess = () => ok(r.result); });
    db.close();
    return all.find((p) => p.base_text === 'Moved there').due_at;
  });
  assert.ok(Math.abs(shownDue - movedTo) < 1000, 'moved here as it was moved there');
  await assertClean(context);
  await context.close();
  await fresh.close();
});

test('a server without grouped notifications (before Mastodon 4.3) is asked the older way, and only once the new way', async () => {
  const old = await startMastodon();
  old.state.mode.noGroupedNotifications = true;
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), old.url, { workspace: 'Vieux serveur' });
  old.addMention({ html: '<p>Bonjour, vous êtes ouverts dimanche ?</p>', from: 'bob' });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 1 new mention.' }).waitFor();
  await page.getByText('vous êtes ouverts dimanche ?').waitFor();
  old.addMention({ html: '<p>Et le lundi ?</p>', from: 'carol' });
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 1 new mention.' }).last().waitFor();
  await page.getByText('Et le lundi ?').waitFor();
  const gets = old.state.log.filter((l) => /^GET \/api\/v[12]\/notifications$/.test(l));
  assert.equal(gets.filter((l) => l.includes('/v2/')).length, 1, 'the grouped endpoint was tried once, then remembered');
  assert.ok(gets.filter((l) => l.includes('/v1/')).length >= 3, 'mentions and interactions asked the older way');
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/status of 404/.test(p)));
  await assertClean(context);
  await context.close();
  await old.close();
});
