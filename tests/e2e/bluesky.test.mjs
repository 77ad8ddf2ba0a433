// Bluesky against a real local network (@atproto/dev-env: PLC, PDS and AppView on loopback,
// started by scripts/test.sh or `scripts/pds.sh start`): alice signs in with her app
// password; posts a three-part thread with emoji, French accents, a link, a mention of bob
// and a hashtag, and the records read back from the PDS have facets whose byte ranges select
// exactly the intended text; an image with its alt text, whose blob is on the PDS; bob's
// reply and mention reach alice's Inbox and his like reaches the post's counts; a write
// stored by the PDS but whose answer was lost is not written twice; an expired token is
// refreshed, a refused refresh asks to sign in again, a 429 waits, and nothing is lost.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { signInBluesky } from './support/bluesky.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import {
  PDS_URL, requirePds, login, getRecord, listRecords, createPost, like, getBlob, listNotifications, getPosts, waitFor,
} from './support/pds.mjs';

let server, browser, bob, alice;
before(async () => {
  await requirePds();
  server = await serveDist();
  browser = await launch();
  alice = await login('alice.test');
  bob = await login('bob.test');
});
after(async () => { await browser?.close(); await server?.close(); });

const run = `r${Date.now().toString(36)}`;
const utf8 = (s) => Buffer.from(s, 'utf8');
/** The text a facet's byte range selects. */
const slice = (text, { byteStart, byteEnd }) => utf8(text).subarray(byteStart, byteEnd).toString('utf8');
const PNG = { name: 'vitrine.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64') };
const rkey = (uri) => uri.split('/').pop();
const tab = (page, name) => page.getByRole('group', { name: 'Which conversations' }).getByRole('button', { name: new RegExp(`^${name}`) });
/** alice's post records whose text contains `needle`, oldest first. */
const alicePosts = async (needle) => (await listRecords(alice.did, 'app.bsky.feed.post'))
  .filter((r) => r.value.text.includes(needle))
  .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));

/** A new workspace with alice signed in through the Accounts page. */
async function signedIn(context, { workspace = 'Café Lumière' } = {}) {
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill(workspace);
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  // typed as people do: with an @ and a capital, which the app normalises
  return signInBluesky(page, { handle: '@Alice.test' });
}

async function compose(page, text) {
  await page.goto(server.url + '/compose');
  await page.getByRole('heading', { name: 'Compose' }).waitFor();
  await page.getByRole('checkbox', { name: 'Mastodon', exact: true }).uncheck();
  await page.getByLabel('Text of the post').fill(text);
}

test('sign-in mistakes are told apart, in plain words, and nothing is kept until it works', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Essais');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Accounts' }).click();
  const handle = page.locator('#bsky-app-password').getByLabel('Handle (for example name.bsky.social)');
  const password = page.locator('#bsky-app-password').getByLabel('App password');
  const serverField = page.locator('#bsky-app-password').getByLabel('Server, if you host your own (leave empty for bsky.social)');
  const submit = page.getByRole('button', { name: 'Sign in to Bluesky' });
  const error = page.locator('#bsky-error');
  await serverField.fill(PDS_URL);

  await handle.fill('alice');
  await password.fill('hunter2');
  await submit.click();
  await error.filter({ hasText: 'Type a handle such as name.bsky.social.' }).waitFor();

  await handle.fill('nobody-here.test');
  await submit.click();
  await error.filter({ hasText: 'No account has this handle on that server.' }).waitFor();

  await handle.fill('alice.test');
  await password.fill('not-her-password');
  await submit.click();
  await error.filter({ hasText: 'The handle is right but the password is not.' }).waitFor();
  assert.equal(await handle.getAttribute('aria-invalid'), 'true');
  await page.getByText('No account connected in this workspace yet.').waitFor();

  await serverField.fill('127.0.0.1:9');
  await password.fill('hunter2');
  await submit.click();
  await error.filter({ hasText: 'The server could not be reached.' }).waitFor();

  await serverField.fill(PDS_URL);
  await context.setOffline(true);
  await submit.click();
  await error.filter({ hasText: 'You are offline: connect to the internet and try again.' }).waitFor();
  await context.setOffline(false);

  // an account with a second factor: the server asks for the e-mailed code first
  let codeSent;
  await page.route('**/xrpc/com.atproto.server.createSession', async (route) => {
    codeSent = JSON.parse(route.request().postData()).authFactorToken;
    if (!codeSent) {
      await route.fulfill({ status: 401, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify({ error: 'AuthFactorTokenRequired', message: 'A sign in code has been sent to your email address' }) });
    } else {
      await route.continue();
    }
  });
  await submit.click();
  await error.filter({ hasText: 'This account asks for the code Bluesky just sent by e-mail' }).waitFor();
  await page.getByLabel('Code received by e-mail (only if Bluesky asks)').fill('ABCDE-12345');
  await submit.click();
  await page.getByRole('status').filter({ hasText: '@alice.test is connected.' }).waitFor();
  assert.equal(codeSent, 'ABCDE-12345', 'the code went with the sign-in');
  await page.unrouteAll({ behavior: 'wait' });
  await page.locator('.account', { hasText: '@alice.test' }).getByText('connected').waitFor();
  assert.equal(await password.inputValue(), '', 'the password is not left in the form');
  // disconnecting ends the session on the PDS, and the account is forgotten here
  await page.getByRole('button', { name: 'Disconnect @alice.test' }).click();
  await page.getByRole('status').filter({ hasText: '@alice.test is disconnected and its session was ended.' }).waitFor();
  await page.getByText('No account connected in this workspace yet.').waitFor();
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource/.test(p)));
  await assertClean(context);
  await context.close();
});

test('a three-part thread: every facet of every record selects exactly its text', async () => {
  const context = await newContext(browser);
  const page = await signedIn(context);
  const filler = 'Notre torréfacteur raconte le voyage du grain, de la ferme à la tasse. ';
  await compose(page, filler.repeat(12));
  await page.getByRole('button', { name: 'Split into a thread for Bluesky' }).click();
  const parts = [
    `Bonjour 👋🏽 l’équipe ! Découvrez https://example.com/café?x=1 (${run}).`,
    `Merci @bob.test pour l’été 👨‍👩‍👧 #Lumière2026 ! (${run})`,
    `Fin du fil 🇫🇷 à bientôt #café @nobody-here.test ${run}`,
  ];
  const fields = page.locator('.thread-part textarea');
  const n = await fields.count();
  assert.ok(n >= 3, `split into ${n} parts`);
  for (let i = 0; i < n; i++) {
    await fields.nth(i).fill(parts[i] ?? '');
    await fields.nth(i).press('Tab');
  }
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  console.log(`# Publish → thread of 3 on the PDS and confirmed: ${Date.now() - clicked} ms`);
  assert.equal(await page.getByRole('button', { name: 'Publish now on Bluesky' }).isDisabled(), true, 'sent once');

  const records = [];
  for (const p of parts) records.push(...(await alicePosts(p)));
  assert.equal(records.length, 3, 'three records on the PDS, each once');
  // the thread: each part answers the one before, all under the first
  const [first, second, third] = records;
  assert.equal(first.value.reply, undefined);
  assert.deepEqual(second.value.reply, { root: { uri: first.uri, cid: first.cid }, parent: { uri: first.uri, cid: first.cid } });
  assert.deepEqual(third.value.reply, { root: { uri: first.uri, cid: first.cid }, parent: { uri: second.uri, cid: second.cid } });
  for (const r of records) {
    assert.deepEqual(r.value.langs, ['en'], 'the language from the composer');
    const back = await getRecord(alice.did, 'app.bsky.feed.post', rkey(r.uri));
    assert.equal(back.cid, r.cid);
  }
  const facets = records.map((r) => (r.value.facets ?? []).map((f) => [slice(r.value.text, f.index), f.features[0]]));
  assert.deepEqual(facets[0], [['https://example.com/café?x=1', { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/café?x=1' }]]);
  assert.deepEqual(facets[1], [
    ['@bob.test', { $type: 'app.bsky.richtext.facet#mention', did: bob.did }],
    ['#Lumière2026', { $type: 'app.bsky.richtext.facet#tag', tag: 'Lumière2026' }],
  ]);
  assert.deepEqual(facets[2], [['#café', { $type: 'app.bsky.richtext.facet#tag', tag: 'café' }]]);
  // the byte offsets are UTF-8 ones, not characters or UTF-16 units
  const mention = second.value.facets[0].index;
  assert.equal(mention.byteStart, utf8('Merci ').length);
  const tag = second.value.facets[1].index;
  assert.equal(tag.byteStart, utf8('Merci @bob.test pour l’été 👨‍👩‍👧 ').length);
  assert.notEqual(tag.byteStart, 'Merci @bob.test pour l’été 👨‍👩‍👧 '.length);
  await page.getByRole('link', { name: 'See it on Bluesky' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'See it on Bluesky' }).getAttribute('href'),
    `https://bsky.app/profile/alice.test/post/${rkey(first.uri)}`);
  // resolving @nobody-here.test answered 400: Chromium logs it; the mention stays plain text
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource: the server responded with a status of 400/.test(p)));
  await assertClean(context);
  await context.close();
});

test('an image goes with its alt text and its blob is on the PDS', async () => {
  const context = await newContext(browser);
  const page = await signedIn(context);
  await compose(page, `La vitrine est prête ☕ ${run}-img`);
  await page.getByLabel('Add images').setInputFiles(PNG);
  const alt = page.getByLabel('Describe this image for people who cannot see it (alt text)');
  await alt.waitFor();
  assert.equal(await page.getByRole('button', { name: 'Publish now on Bluesky' }).isDisabled(), true, 'blocked until the image is described');
  await alt.fill('La vitrine du café, porte bleue');
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  console.log(`# Publish → post with one image on the PDS and confirmed: ${Date.now() - clicked} ms`);
  const [post] = await alicePosts(`${run}-img`);
  assert.ok(post, 'the record is on the PDS');
  const image = post.value.embed.images[0];
  assert.equal(post.value.embed.$type, 'app.bsky.embed.images');
  assert.equal(image.alt, 'La vitrine du café, porte bleue');
  assert.deepEqual(image.aspectRatio, { width: 1, height: 1 });
  const blob = await getBlob(alice.did, image.image.ref.$link);
  assert.equal(blob.length, PNG.buffer.length, 'the blob on the PDS is the image');
  assert.equal(image.image.mimeType, 'image/png');
  await assertClean(context);
  await context.close();
});

test("bob's reply and mention reach alice's Inbox, his like reaches the post's counts, and she answers him from the Inbox with the right refs and facets", async () => {
  const context = await newContext(browser);
  const page = await signedIn(context);
  await compose(page, `Nouveau menu d’hiver ❄️ https://example.com/menu ${run}-menu`);
  // the link card is written by the user (the page itself cannot be read from the browser)
  await page.getByText('Attaché cannot read the linked page from your browser').waitFor();
  await page.getByLabel('Card title').fill('Menu d’hiver');
  await page.getByLabel('Card description').fill('Soupes, tartines et chocolat chaud.');
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  console.log(`# Publish → one text post on the PDS and confirmed: ${Date.now() - clicked} ms`);
  const [post] = await alicePosts(`${run}-menu`);
  assert.deepEqual(post.value.embed, {
    $type: 'app.bsky.embed.external',
    external: { uri: 'https://example.com/menu', title: 'Menu d’hiver', description: 'Soupes, tartines et chocolat chaud.' },
  });
  // The AppView indexes alice's post before bob answers it (else it cannot tell her of the reply).
  await waitFor(async () => (await getPosts(alice, [post.uri])).length === 1);

  const now = () => new Date().toISOString();
  const bobReply = await createPost(bob, {
    $type: 'app.bsky.feed.post', text: `Il a l’air délicieux ! ${run}-reply`, createdAt: now(),
    reply: { root: { uri: post.uri, cid: post.cid }, parent: { uri: post.uri, cid: post.cid } },
  });
  const mentionText = `@alice.test vous ouvrez dimanche ? ${run}-mention`;
  await createPost(bob, {
    $type: 'app.bsky.feed.post', text: mentionText, createdAt: now(),
    facets: [{ index: { byteStart: 0, byteEnd: 11 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: alice.did }] }],
  });
  await like(bob, post);
  await waitFor(async () => {
    const n = await listNotifications(alice, { all: true });
    return n.some((x) => x.record?.text?.includes(`${run}-reply`)) && n.some((x) => x.record?.text?.includes(`${run}-mention`));
  });

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  const reply = page.locator('.inbox-item', { hasText: `${run}-reply` });
  const mention = page.locator('.inbox-item', { hasText: `${run}-mention` });
  await reply.waitFor();
  await mention.waitFor();
  await reply.getByText('bob.test').first().waitFor();
  await reply.getByRole('link', { name: 'Answers our post' }).waitFor();
  // Bluesky text is text: the mention is a link to alice's profile, nothing else is markup
  assert.equal(await mention.getByRole('link', { name: '@alice.test' }).getAttribute('href'), `https://bsky.app/profile/${alice.did}`);

  // the like: the next sync reads the post's counts
  await waitFor(async () => {
    const r = await fetch(`${PDS_URL}/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(post.uri)}`, { headers: { Authorization: `Bearer ${alice.accessJwt}` } });
    return (await r.json()).posts?.[0]?.likeCount === 1;
  });
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('status').filter({ hasText: /new/ }).waitFor();
  // His like is counted in the Inbox's panel (the local network lives on between runs of
  // this file: at least this one), not listed as a conversation.
  const panel = page.locator('details.interactions');
  await panel.locator('summary').click();
  const bobRow = panel.getByRole('table', { name: 'Who gave the most' }).locator('tbody tr', { hasText: '@bob.test' });
  await bobRow.waitFor();
  assert.ok(Number(await bobRow.locator('td').first().innerText()) >= 1, 'likes from bob');
  await reply.getByRole('link', { name: 'Answers our post' }).click();
  await page.locator('.post-counts').filter({ hasText: 'Likes: 1 · Reposts: 0 · Replies: 1 · Quotes: 0' }).waitFor();

  // alice answers bob from the Inbox: on the PDS, her reply names the thread's root (her
  // post) and its parent (bob's reply), and its mention of bob is a facet with his DID.
  await page.getByRole('link', { name: 'Inbox' }).click();
  const thread = page.locator('.conversation', { hasText: `${run}-reply` });
  await thread.locator('.conv-open').click();
  // the row says it is open once the click's change is drawn (not necessarily by the time
  // the click returns)
  await thread.locator('.conv-open[aria-expanded="true"]').waitFor();
  // The whole thread on open (getPostThread): her post above bob's reply, marked as ours.
  // Once the read is over, its status is said (a failed read names its reason here).
  const status = thread.locator('.thread-status > span');
  await status.filter({ hasNotText: /^Reading/ }).filter({ hasText: /\S/ }).waitFor();
  assert.match(await status.innerText(), /^The whole thread, as Bluesky showed it at /);
  await thread.locator('.thread > li').first().filter({ hasText: `${run}-menu` }).getByText('Our post').waitFor();
  const box = thread.getByLabel(/^Your reply to .+ on Bluesky$/);
  assert.equal(await box.inputValue(), '', 'a Bluesky reply says whom it answers by its refs');
  const answerText = `@bob.test merci, à dimanche ! ${run}-answer`;
  await box.fill(answerText);
  await thread.getByRole('button', { name: 'Send the reply' }).click();
  await page.getByRole('status').filter({ hasText: /^Reply to .+ saved/ }).waitFor();
  const [answer] = await waitFor(async () => {
    const found = await alicePosts(`${run}-answer`);
    return found.length ? found : null;
  });
  assert.deepEqual(answer.value.reply, {
    root: { uri: post.uri, cid: post.cid },
    parent: { uri: bobReply.uri, cid: bobReply.cid },
  });
  const named = answer.value.facets.find((f) => f.features[0].$type === 'app.bsky.richtext.facet#mention');
  assert.equal(named.features[0].did, bob.did);
  assert.equal(slice(answerText, named.index), '@bob.test');
  await tab(page, 'Waiting on them').click();
  await page.locator('.conversation', { hasText: `${run}-reply` }).locator('.ours', { hasText: `${run}-answer` }).getByText('sent').waitFor();
  assert.equal((await alicePosts(`${run}-answer`)).length, 1, 'sent once');
  await assertClean(context);
  await context.close();
});

test('one Inbox for both networks: the account filter keeps the messages that came to one account', async () => {
  const mastodon = await startMastodon();
  const context = await newContext(browser);
  const page = await signedIn(context, { workspace: 'Deux réseaux' });
  // Mastodon joins the same workspace
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel('Your Mastodon server (for example mastodon.social)').fill(mastodon.url);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.getByText('@alice@social.test is connected.').first().waitFor();
  mastodon.addMention({ html: `<p>Sur Mastodon ${run}-masto</p>`, from: 'bob' });
  await createPost(bob, {
    $type: 'app.bsky.feed.post', text: `@alice.test sur Bluesky ${run}-sky`, createdAt: new Date().toISOString(),
    facets: [{ index: { byteStart: 0, byteEnd: 11 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: alice.did }] }],
  });
  await waitFor(async () => (await listNotifications(alice, { all: true })).some((x) => x.record?.text?.includes(`${run}-sky`)));
  await page.getByRole('link', { name: 'Inbox' }).click();
  const masto = page.locator('.conversation', { hasText: `${run}-masto` });
  const sky = page.locator('.conversation', { hasText: `${run}-sky` });
  await masto.waitFor();
  await sky.waitFor();
  const account = page.getByRole('combobox', { name: 'Account' });
  assert.deepEqual((await account.locator('option').allInnerTexts()).slice(1).sort(), ['@alice@social.test (Mastodon)', '@alice.test (Bluesky)'].sort());
  await account.selectOption({ label: '@alice@social.test (Mastodon)' });
  await sky.waitFor({ state: 'detached' });
  await masto.waitFor();
  await account.selectOption({ label: '@alice.test (Bluesky)' });
  await masto.waitFor({ state: 'detached' });
  await sky.waitFor();
  await account.selectOption({ label: 'Any' });
  await masto.waitFor();
  await assertClean(context);
  await context.close();
  await mastodon.close();
});

test('a write the PDS stored but whose answer was lost is not written twice', async () => {
  const context = await newContext(browser);
  const page = await signedIn(context);
  await compose(page, `Une seule fois, même si le réseau coupe ${run}-once`);
  let writes = 0;
  let checks = 0;
  await page.route('**/xrpc/com.atproto.repo.createRecord', async (route) => {
    writes += 1;
    if (writes === 1) {
      await route.fetch(); // the PDS stores it…
      await route.abort('connectionreset'); // …and the answer never reaches the app
    } else {
      await route.continue();
    }
  });
  await page.route('**/xrpc/com.atproto.repo.getRecord**', async (route) => { checks += 1; await route.continue(); });
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  const posts = await alicePosts(`${run}-once`);
  assert.equal(posts.length, 1, 'exactly one post on the PDS');
  assert.equal(writes, 1, 'the retry asked the PDS instead of writing again');
  assert.ok(checks >= 1, 'getRecord was asked');
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource: net::ERR_CONNECTION_RESET/.test(p)));
  await assertClean(context);
  await context.close();
});

test('an expired token is refreshed, a refused refresh asks to sign in again, a 429 waits: nothing is lost', async () => {
  const context = await newContext(browser);
  const page = await signedIn(context);

  // 1. the access token expired: one refresh, then the post goes out
  await compose(page, `Après le rafraîchissement ${run}-refresh`);
  let expiredOnce = false;
  let refreshes = 0;
  await page.route('**/xrpc/com.atproto.repo.createRecord', async (route) => {
    if (!expiredOnce) {
      expiredOnce = true;
      await route.fulfill({ status: 400, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify({ error: 'ExpiredToken', message: 'Token has expired' }) });
    } else {
      await route.continue();
    }
  });
  await page.route('**/xrpc/com.atproto.server.refreshSession', async (route) => { refreshes += 1; await route.continue(); });
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  assert.equal(refreshes, 1);
  assert.equal((await alicePosts(`${run}-refresh`)).length, 1);
  await page.unrouteAll({ behavior: 'wait' });

  // 2. a 429: paused until the reset, the post kept
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByLabel('Text of the post').fill(`Trop vite ${run}-429`);
  const reset = Math.floor(Date.now() / 1000) + 600;
  await page.route('**/xrpc/com.atproto.repo.createRecord', (route) => route.fulfill({
    status: 429, contentType: 'application/json',
    headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'RateLimit-Reset', 'RateLimit-Reset': String(reset), 'RateLimit-Remaining': '0' },
    body: JSON.stringify({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }),
  }));
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('alert').filter({ hasText: 'Bluesky asks Attaché to slow down: paused until' }).first().waitFor();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.unrouteAll({ behavior: 'wait' });

  // 3. the session is over (refresh refused): sign in again, nothing pending lost
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByLabel('Text of the post').fill(`Session finie ${run}-ended`);
  const expired = { status: 400, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify({ error: 'ExpiredToken', message: 'Token has expired' }) };
  await page.route('**/xrpc/com.atproto.repo.createRecord', (route) => route.fulfill(expired));
  await page.route('**/xrpc/com.atproto.server.refreshSession', (route) => route.fulfill(expired));
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('alert').filter({ hasText: 'Bluesky no longer accepts this account' }).first().waitFor();
  await page.unrouteAll({ behavior: 'wait' });
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.locator('.account', { hasText: '@alice.test' }).getByText('sign in again').waitFor();
  // both posts are still here, as the user left them
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.locator('.post-item', { hasText: `${run}-429` }).waitFor();
  await page.locator('.post-item', { hasText: `${run}-ended` }).waitFor();
  assert.equal((await alicePosts(`${run}-429`)).length, 0);
  assert.equal((await alicePosts(`${run}-ended`)).length, 0);
  // signing in again brings the account back, and the outbox sends the kept post by itself
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.locator('#bsky-app-password').getByLabel('Handle (for example name.bsky.social)').fill('alice.test');
  await page.locator('#bsky-app-password').getByLabel('App password').fill('hunter2');
  await page.locator('#bsky-app-password').getByLabel('Server, if you host your own (leave empty for bsky.social)').fill(PDS_URL);
  await page.getByRole('button', { name: 'Sign in to Bluesky' }).click();
  await page.locator('.account', { hasText: '@alice.test' }).getByText('connected', { exact: true }).waitFor();
  await waitFor(async () => (await alicePosts(`${run}-ended`)).length === 1, { timeout: 20_000 });
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.locator('.post-item', { hasText: `${run}-ended` }).getByRole('link', { name: 'Open' }).click();
  await page.getByRole('link', { name: 'See it on Bluesky' }).waitFor();
  assert.equal((await alicePosts(`${run}-ended`)).length, 1, 'sent once');
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource: the server responded with a status of (400|429)/.test(p)));
  await assertClean(context);
  await context.close();
});

/**
 * Two tabs of a new context, alice signed in, both syncing the Inbox with the sign-in token,
 * which the PDS calls expired until a refresh is accepted: both hear "expired" at the same
 * moment, once both have asked, so both want to refresh at once. `sameBytes`: the refresh's
 * new access token is the sign-in one's bytes, as the PDS mints it within the same second
 * (an access token is sub, scope, aud, iat and exp in whole seconds: no id of its own).
 * Returns once both tabs' syncs have ended, with the refreshes the PDS accepted.
 */
async function twoTabsRefresh(context, { sameBytes = false } = {}) {
  let signInAccess;
  await context.route('**/xrpc/com.atproto.server.createSession', async (route) => {
    const response = await route.fetch();
    signInAccess = (await response.json()).accessJwt;
    await route.fulfill({ response });
  });
  const first = await signedIn(context);
  const second = await context.newPage();
  await second.goto(server.url + '/compose');
  await second.getByRole('heading', { name: 'Compose' }).waitFor();
  // Refreshes the PDS accepted (the refresh token rotates: a second one would use a spent token).
  const seen = { refreshes: 0 };
  await context.route('**/xrpc/com.atproto.server.refreshSession', async (route) => {
    const response = await route.fetch();
    if (!response.ok()) return route.fulfill({ response });
    seen.refreshes += 1;
    const body = await response.json();
    if (sameBytes) body.accessJwt = signInAccess;
    await route.fulfill({ response, body: JSON.stringify(body) });
  });
  let signInToken;
  let arrived = 0;
  let bothAsked;
  const barrier = new Promise((resolve) => { bothAsked = resolve; });
  await context.route(/\/xrpc\/app\.bsky\.notification\.listNotifications/, async (route) => {
    const token = route.request().headers().authorization;
    signInToken ??= token;
    // Expired until refreshed: a token the PDS gave again since is valid, even with the same bytes.
    if (token !== signInToken || seen.refreshes > 0) return route.continue();
    arrived += 1;
    if (arrived === 2) bothAsked();
    await barrier;
    await route.fulfill({ status: 400, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify({ error: 'ExpiredToken', message: 'Token has expired' }) });
  });
  await Promise.all([first, second].map((p) => p.getByRole('link', { name: 'Inbox' }).click()));
  await waitFor(async () => arrived >= 2, { timeout: 20_000 }).catch((e) => { throw new Error(`${e.message}: ${arrived} sync(s) arrived`); });
  // Both syncs went through (a second refresh, if any, came before its tab's sync ended).
  for (const page of [first, second]) {
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByRole('status').filter({ hasText: /^Up to date: \d+ new mention/ }).first().waitFor();
  }
  return { first, second, refreshes: seen.refreshes };
}

test('two tabs whose token expired at once refresh it once; only the leader tab sends, and both tabs see the posts out', async () => {
  const context = await newContext(browser);
  const { first, second, refreshes } = await twoTabsRefresh(context);
  assert.equal(refreshes, 1, 'one refresh for both tabs');

  // both tabs publish; only the leader (the first tab) writes to the PDS
  const writers = [];
  for (const [i, page] of [first, second].entries()) {
    page.on('request', (r) => { if (r.url().includes('com.atproto.repo.createRecord')) writers.push(i + 1); });
  }
  for (const [i, page] of [first, second].entries()) await compose(page, `Onglet ${i + 1} ${run}-tabs`);
  await Promise.all([first, second].map((p) => p.getByRole('button', { name: 'Publish now on Bluesky' }).click()));
  for (const page of [first, second]) await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  assert.equal((await alicePosts(`${run}-tabs`)).length, 2);
  assert.deepEqual([...new Set(writers)], [1], 'the leader tab sent both');
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource: the server responded with a status of 400/.test(p)));
  await assertClean(context);
  await context.close();
});

test('two tabs refresh once even when the new access token has the old one\'s bytes (minted in the same second)', async () => {
  const context = await newContext(browser);
  const { refreshes } = await twoTabsRefresh(context, { sameBytes: true });
  assert.equal(refreshes, 1, 'the tab that waited took the new tokens: it did not send the spent refresh token again');
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource: the server responded with a status of 400/.test(p)));
  await assertClean(context);
  await context.close();
});

test('figure: syncing 500 notifications', async () => {
  const carla = await login('carla.test');
  const texts = [];
  for (let i = 0; i < 500; i += 25) {
    await Promise.all(Array.from({ length: 25 }, (_, k) => {
      const text = `@carla.test n°${i + k} ${run}-bulk`;
      texts.push(text);
      return createPost(bob, {
        $type: 'app.bsky.feed.post', text, createdAt: new Date().toISOString(),
        facets: [{ index: { byteStart: 0, byteEnd: 11 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: carla.did }] }],
      });
    }));
  }
  await waitFor(async () => (await listNotifications(carla, { all: true })).filter((n) => n.record?.text?.includes(`${run}-bulk`)).length >= 500, { timeout: 60_000 });
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Carla');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.locator('#bsky-app-password').getByLabel('Handle (for example name.bsky.social)').fill('carla.test');
  await page.locator('#bsky-app-password').getByLabel('App password').fill('hunter2');
  await page.locator('#bsky-app-password').getByLabel('Server, if you host your own (leave empty for bsky.social)').fill(PDS_URL);
  await page.getByRole('button', { name: 'Sign in to Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: '@carla.test is connected.' }).waitFor();
  // the Inbox syncs once when it opens: from the click to "N new" on screen
  const started = Date.now();
  await page.getByRole('link', { name: 'Inbox' }).click();
  const done = page.getByRole('status').filter({ hasText: /Up to date: \d+ new mention/ }).first();
  await done.waitFor({ timeout: 60_000 });
  const took = Date.now() - started;
  const synced = Number((await done.textContent()).match(/(\d+) new/)[1]);
  // Every message synced is kept (the Inbox shows them grouped into conversations).
  const total = await page.evaluate(() => new Promise((ok, fail) => {
    const req = indexedDB.open('attache');
    req.onsuccess = () => { const c = req.result.transaction('inbox').objectStore('inbox').count(); c.onsuccess = () => { ok(c.result); req.result.close(); }; c.onerror = fail; };
    req.onerror = fail;
  }));
  await page.getByText(/^\d+ conversations\.$/).waitFor();
  console.log(`# first sync of ${texts.length} Bluesky mentions (pages of 100): ${took} ms from the Inbox click; ${synced} new, ${total} in the inbox`);
  assert.ok(synced >= 500, `all 500 mentions synced (got ${synced}): none skipped between pages`);
  assert.equal(total, synced);
  const drawn = await page.locator('.inbox-item', { hasText: `${run}-bulk` }).count();
  assert.ok(drawn > 0 && drawn <= 40, `a window of the list is drawn (${drawn} rows)`);
  await assertClean(context);
  await context.close();
});
