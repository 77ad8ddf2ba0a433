// The thread around a conversation, from the loopback Mastodon server: opened, it shows our
// post on top (marked ours) and a reply between other people that never reached the inbox
// (marked "in the thread"); a check moves the account's notifications marker to the newest
// mention, never back; private mentions kept out of the notifications come through the direct
// conversations, once; offline, a 429 or a 401 on reading it again is said in plain words and
// what is shown stays; after a reload, offline, the kept thread is still there.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon, publishOnMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const ago = (m) => new Date(Date.now() - m * 60_000).toISOString();

test('the whole thread on open, our post marked; kept on the device; a failed read says why and loses nothing', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  const ours = (await publishOnMastodon(page, server.url, mastodon, 'Atelier pain au levain samedi')).id;
  // Published an hour ago, before the answers below.
  mastodon.state.statuses.at(-1).created_at = ago(60);
  const bob = mastodon.addMention({ html: '<p>Il reste des places ?</p>', from: 'bob', inReplyTo: ours, at: ago(30) });
  // Carol answers Bob without naming us: no notification, only the thread shows it.
  mastodon.addStatus({ html: '<p>Oui, j’en ai réservé une hier</p>', from: 'carol', inReplyTo: bob, at: ago(20) });
  mastodon.state.markers.notifications = { last_read_id: '1', version: 1, updated_at: ago(90) };

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 1 new mention.' }).waitFor();
  // The check moved the marker the account's other apps read up to Bob's mention.
  assert.equal(mastodon.state.markers.notifications.last_read_id, bob);
  assert.equal(mastodon.state.markers.notifications.version, 2);

  const conv = page.locator('.conversation', { hasText: 'bob' });
  await conv.locator('.conv-open').click();
  await conv.getByText(/^The whole thread, as Mastodon showed it at /).waitFor();
  const texts = () => conv.locator('.thread .inbox-item .status-content').allInnerTexts();
  const whole = ['Atelier pain au levain samedi', 'Il reste des places ?', 'Oui, j’en ai réservé une hier'];
  assert.deepEqual(await texts(), whole);
  const rows = conv.locator('.thread > li');
  assert.equal(await rows.nth(0).locator('.badge').innerText(), 'Our post');
  assert.equal(await rows.nth(1).locator('.badge').count(), 0, 'Bob wrote to us: an inbox message');
  assert.equal(await rows.nth(2).locator('.badge').innerText(), 'In the thread');
  const asked = mastodon.state.log.filter((l) => /^GET .*\/context$/.test(l)).length;
  assert.equal(asked, 2, 'the newest message, then the top of the thread');

  // Read again offline, then under a 429, then with a refused key: each said, nothing lost.
  const again = conv.getByRole('button', { name: 'Read the thread again' });
  await context.setOffline(true);
  await again.click();
  await conv.getByText(/^The rest of the thread could not be read: Mastodon could not be reached\. The whole thread, as Mastodon showed it at /).waitFor();
  assert.deepEqual(await texts(), whole);
  await context.setOffline(false);
  mastodon.state.mode.rateLimitedUntil = Date.now() + 5 * 60_000;
  await again.click();
  await conv.getByText(/^The rest of the thread could not be read: Mastodon asks Attaché to slow down until /).waitFor();
  assert.deepEqual(await texts(), whole);
  mastodon.state.mode.rateLimitedUntil = 0;
  mastodon.state.mode.unauthorized = true;
  await again.click();
  await conv.getByText(/^The rest of the thread could not be read: Mastodon no longer accepts this account's key\. Sign in again in Accounts\./).waitFor();
  assert.deepEqual(await texts(), whole);
  mastodon.state.mode.unauthorized = false;

  // After a reload, offline: the thread kept on the device is shown as it was.
  await page.reload();
  await page.locator('.conversation', { hasText: 'bob' }).waitFor();
  await context.setOffline(true);
  await page.locator('.conversation', { hasText: 'bob' }).locator('.conv-open').click();
  await page.locator('.conversation', { hasText: 'bob' }).getByText(/The whole thread, as Mastodon showed it at /).waitFor();
  assert.deepEqual(await texts(), whole);
  await context.setOffline(false);
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|status of (401|429)/.test(p)));
  await assertClean(context);
  await context.close();
});

test('a private mention the server kept out of the notifications still reaches the Inbox; one seen both ways is kept once; older ones paged back; each marked read there', async () => {
  const context = await newContext(browser);
  const own = await startMastodon();
  const page = await connectMastodon(await open(context, server.url), own.url);
  // Mastodon 4.3 files private mentions from strangers under "requests": no notification.
  own.addStatus({ html: '<p>@alice Bonjour, une question privée sur une commande</p>', from: 'frank', visibility: 'direct', mentionsAlice: true, at: ago(15) });
  // A private mention notified as usual is also in the direct conversations: kept once.
  own.addMention({ html: '<p>@alice Merci pour la livraison</p>', from: 'gina', visibility: 'direct', at: ago(5) });
  // 45 older private conversations: more than a page of 40, walked back on the first sync.
  for (let i = 0; i < 45; i++) own.addStatus({ html: `<p>@alice Question ${i}</p>`, from: `client${i}`, visibility: 'direct', mentionsAlice: true, at: ago(100 + i) });
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 47 new mentions.' }).waitFor();
  await page.locator('.inbox-count').filter({ hasText: /^47 conversations\.$/ }).waitFor();
  const pages = own.state.log.filter((l) => l === 'GET /api/v1/conversations').length;
  assert.equal(pages, 2, 'two pages of direct conversations');
  // Each is marked read on the server, so the account's other apps show them read.
  assert.equal(own.state.conversationsRead.size, 47);
  for (const [who, text] of [['frank', 'une question privée'], ['gina', 'Merci pour la livraison']]) {
    const conv = page.locator('.conversation', { hasText: who });
    assert.match(await conv.locator('.conv-open').innerText(), new RegExp(`^${who} · 1 message · `));
    await conv.locator('.inbox-item', { hasText: text }).waitFor();
  }
  // Checked again: nothing new, nothing twice.
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 0 new mentions.' }).waitFor();
  await page.locator('.inbox-count').filter({ hasText: /^47 conversations\.$/ }).waitFor();
  assert.match(await page.locator('.conversation', { hasText: 'gina' }).locator('.conv-open').innerText(), /^gina · 1 message · /);
  assert.equal(own.state.log.filter((l) => l === 'GET /api/v1/conversations').length, pages + 1, 'later checks read the newest page only');
  // frank writes again in his conversation: unread on the server, brought home, read again.
  const frankFirst = own.state.others.find((x) => x.account.username === 'frank').id;
  own.addStatus({ html: '<p>@alice Et pour la livraison ?</p>', from: 'frank', inReplyTo: frankFirst, visibility: 'direct', mentionsAlice: true });
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 1 new mention.' }).waitFor();
  assert.match(await page.locator('.conversation', { hasText: 'frank' }).locator('.conv-open').innerText(), /^frank · 2 messages · /);
  assert.equal(own.state.conversationsRead.get(frankFirst), own.state.others.at(-1).id);
  await assertClean(context);
  await context.close();
  await own.close();
});
