// Bluesky OAuth against the real local network (@atproto/dev-env's PDS runs atproto's OAuth
// provider; the app, served from 127.0.0.1, is atproto's loopback client): alice signs in on
// her server's own page (the test types her password there, as she would), comes back
// signed in, publishes a two-part thread with an image (every request to her PDS carries a
// DPoP-bound token and a proof); a token the PDS refuses and an access token past its time
// are each refreshed once at the token endpoint; after her session is revoked at the server
// the account says "sign in again", the post written meanwhile waits, and signing in again
// sends it by itself. A callback this device did not start and a refusal on the server's
// page change nothing. axe checks the sign-in screens.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, dumpStores, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import {
  PDS_URL, PASSWORD, requirePds, login, listRecords, getBlob, waitFor,
} from './support/pds.mjs';

let server, browser, alice;
before(async () => {
  await requirePds();
  server = await serveDist();
  browser = await launch();
  alice = await login('alice.test');
});
after(async () => { await browser?.close(); await server?.close(); });

const run = `o${Date.now().toString(36)}`;
const PNG = { name: 'terrasse.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64') };
const alicePosts = async (needle) => (await listRecords(alice.did, 'app.bsky.feed.post'))
  .filter((r) => r.value.text.includes(needle))
  .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));

/** The app's stored Bluesky account (its tokens in clear: no passphrase in these tests). */
const storedAccount = async (page) => (await dumpStores(page, ['accounts'])).accounts.find((a) => a.network === 'bluesky');

/** Rewrites the stored account: `fields` over the record, `grant` over its OAuth grant. */
const changeStoredAccount = (page, { fields = {}, grant = {} }) => page.evaluate(async ({ fields, grant }) => {
  const db = await new Promise((ok, ko) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
  const store = db.transaction('accounts', 'readwrite').objectStore('accounts');
  const all = await new Promise((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); });
  const account = all.find((a) => a.network === 'bluesky');
  Object.assign(account, fields);
  Object.assign(account.oauth, grant);
  await new Promise((ok, ko) => { const r = store.put(account); r.onsuccess = ok; r.onerror = () => ko(r.error); });
  db.close();
}, { fields, grant });

/**
 * A form POST signed as a DPoP client signs it: a proof made with the key the app keeps for
 * the account (read from the app's database in the page, where it can be used but not taken
 * out; kept on `window` once read, so it can still sign after the app forgot it), the
 * server's nonce used when it asks for one. Returns the final status and body.
 */
const holdAppKey = (page, keyName) => page.evaluate(async (keyName) => {
  window.__dpopKeys ??= {};
  if (!window.__dpopKeys[keyName]) {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    window.__dpopKeys[keyName] = await new Promise((ok) => { const r = db.transaction('settings').objectStore('settings').get(`dpop-key:${keyName}`); r.onsuccess = () => ok(r.result); });
    db.close();
  }
}, keyName);
const dpopPost = async (page, { endpoint, form, keyName }) => { await holdAppKey(page, keyName); return page.evaluate(async ({ endpoint, form, keyName }) => {
  const pair = window.__dpopKeys[keyName];
  const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const text = (s) => b64(new TextEncoder().encode(s));
  const { x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
  let nonce;
  let res;
  for (let i = 0; i < 2; i++) {
    const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x, y } };
    const claims = { jti: crypto.randomUUID(), htm: 'POST', htu: endpoint, iat: Math.floor(Date.now() / 1000), ...(nonce ? { nonce } : {}) };
    const input = `${text(JSON.stringify(header))}.${text(JSON.stringify(claims))}`;
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(input));
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: `${input}.${b64(sig)}` },
      body: new URLSearchParams(form),
    });
    nonce = res.headers.get('dpop-nonce');
    if (res.ok || !nonce || !(await res.clone().text()).includes('use_dpop_nonce')) break;
  }
  return { status: res.status, body: await res.text() };
}, { endpoint, form, keyName }); };

/** Revokes the account's session at its server, signed with the app's key. */
const revokeWithAppKey = (page, account) => dpopPost(page, {
  endpoint: account.oauth.revocation_endpoint,
  form: { token: account.refresh_token, token_type_hint: 'refresh_token', client_id: account.oauth.client_id },
  keyName: account.oauth.key_name,
});

/** Tries the account's refresh token at the token endpoint, signed with the app's key. */
const refreshWithAppKey = (page, account) => dpopPost(page, {
  endpoint: account.oauth.token_endpoint,
  form: { grant_type: 'refresh_token', refresh_token: account.refresh_token, client_id: account.oauth.client_id },
  keyName: account.oauth.key_name,
});

/** Starts the OAuth sign-in from Accounts and waits for the server's page. */
async function startOAuth(page, handle = 'alice.test') {
  await page.locator('.app-nav').getByRole('link', { name: 'Accounts' }).click();
  const form = page.locator('#bsky-oauth');
  await form.getByLabel('Handle (for example name.bsky.social)').fill(handle);
  await form.getByLabel('Server, if you host your own (leave empty for bsky.social)').fill(PDS_URL);
  await form.getByRole('button', { name: "Continue on my server's page" }).click();
  await page.waitForURL((u) => u.href.startsWith(`${PDS_URL}/oauth/authorize`));
}

/** On the server's page: the password if it asks for it, then the approval. */
async function approveOnServer(page) {
  const password = page.locator('input[type="password"]');
  const authorize = page.getByRole('button', { name: /^Authorize/ });
  await Promise.race([password.waitFor(), authorize.waitFor()]);
  if (await password.isVisible()) {
    await password.fill(PASSWORD);
    await page.getByRole('button', { name: /^Sign in$/ }).click();
  }
  await authorize.click();
  await page.waitForURL((u) => u.href.startsWith(`${server.url}/oauth/bluesky`));
}

/** Requests the page makes to the PDS (its token endpoint included), as sent, each with the
 * status of its answer once it came. */
function recordRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    if (r.url().startsWith(PDS_URL)) seen.push({ request: r, url: r.url(), method: r.method(), headers: r.headers(), status: 0 });
  });
  page.on('response', (r) => {
    const one = seen.find((s) => s.request === r.request());
    if (!one) return;
    one.status = r.status();
    // a refusal's `error` (an OAuth or XRPC error name), read once the body came
    if (one.status >= 400) {
      one.read = r.text().then((t) => { one.error = JSON.parse(t).error; }).catch(() => {});
    }
  });
  return seen;
}
/**
 * Drops from the context's problems the browser's "Failed to load resource" line of each
 * refusal the protocol expects: a server asking for its DPoP nonce (the first request to
 * it has none), and the refusals the test itself provoked (`provoked`: [status, error]
 * pairs, each of which must have happened). Any other error line stays and fails
 * `assertClean`.
 */
async function forgiveExpectedRefusals(context, requests, provoked = []) {
  await Promise.all(requests.map((r) => r.read));
  const refused = requests.filter((r) => r.status >= 400);
  const expected = refused.filter((r) => r.error === 'use_dpop_nonce');
  for (const [status, error] of provoked) {
    const one = refused.find((r) => r.status === status && r.error === error && !expected.includes(r));
    assert.ok(one, `a ${status} ${error} was provoked`);
    expected.push(one);
  }
  let left = expected.length;
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => {
    if (left > 0 && /Failed to load resource: the server responded with a status of 40[01]/.test(p)) {
      left -= 1;
      return false;
    }
    return true;
  }));
  // A refusal left over is said with every refusal the PDS gave, so a failure tells which.
  if (context.problems.some((p) => /Failed to load resource/.test(p))) {
    const seen = refused.map((r) => `${r.method} ${r.url} ${r.status} ${r.error ?? '?'}`).join('\n');
    context.problems.push(`the PDS's refusals (${expected.length} expected):\n${seen}`);
  }
}

/** Refreshes the token endpoint accepted (a refusal asking for a new DPoP nonce is not one). */
const refreshesDone = (requests) => requests.filter((r) => r.url.endsWith('/oauth/token') && r.status === 200).length;

async function compose(page, text) {
  await page.goto(server.url + '/compose');
  await page.getByRole('heading', { name: 'Compose' }).waitFor();
  await page.getByRole('checkbox', { name: 'Mastodon', exact: true }).uncheck();
  await page.getByLabel('Text of the post').fill(text);
}

test('alice signs in on her server by OAuth, posts a thread with an image, is refreshed, and signs in again after a revoke with nothing lost', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  const requests = recordRequests(page);
  await page.locator('#new-workspace-name').fill('Café Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'Accounts' }).click();
  await axeClean(page);

  await startOAuth(page);
  const asked = requests.find((r) => r.url.endsWith('/oauth/par'));
  assert.ok(asked?.headers.dpop, 'the pushed request carries a DPoP proof');
  await approveOnServer(page);
  await page.getByText('@alice.test is connected.').first().waitFor();
  // the code and state are gone from the address bar
  await page.waitForURL(`${server.url}/oauth/bluesky`);
  await axeClean(page);
  await page.getByRole('link', { name: 'Back to accounts' }).click();
  const row = page.locator('.account', { hasText: '@alice.test' });
  await row.getByText('connected', { exact: true }).waitFor();
  await row.getByText("signed in on its server's page").waitFor();
  const first = await storedAccount(page);
  assert.equal(first.remote_id, alice.did);
  assert.equal(first.oauth.issuer, PDS_URL);
  assert.match(first.oauth.client_id, /^http:\/\/localhost\?/);

  // a two-part thread with an image on its first part
  const parts = [`Le soleil est revenu sur la terrasse ☀️ ${run}-a`, `Ouvert jusqu'à 22 h ce soir ${run}-b`];
  await compose(page, `${parts[0]} ${'Des tables dehors, du café chaud et des crêpes. '.repeat(7)}`);
  await page.getByRole('button', { name: 'Split into a thread for Bluesky' }).click();
  const fields = page.locator('.thread-part textarea');
  const n = await fields.count();
  for (let i = 0; i < n; i++) {
    await fields.nth(i).fill(parts[i] ?? '');
    await fields.nth(i).press('Tab');
  }
  await page.getByLabel('Add images').setInputFiles(PNG);
  await page.getByLabel('Describe this image for people who cannot see it (alt text)').fill('La terrasse au soleil');
  const before = requests.length;
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  const [a] = await alicePosts(`${run}-a`);
  const [b] = await alicePosts(`${run}-b`);
  assert.ok(a && b, 'both parts are on the PDS');
  assert.deepEqual(b.value.reply.parent, { uri: a.uri, cid: a.cid });
  const image = a.value.embed.images[0];
  assert.equal(image.alt, 'La terrasse au soleil');
  assert.equal((await getBlob(alice.did, image.image.ref.$link)).length, PNG.buffer.length);
  const writes = requests.slice(before).filter((r) => r.url.includes('/xrpc/'));
  assert.ok(writes.length >= 3, `${writes.length} requests to the PDS`);
  for (const w of writes) {
    assert.match(w.headers.authorization ?? '', /^DPoP /, `${w.url} carries a DPoP-bound token`);
    assert.ok(w.headers.dpop, `${w.url} carries a proof`);
  }

  // the PDS refuses the access token (as it does once it expired): one refresh, then it goes out
  const spoilt = `${first.token.slice(0, -4)}${first.token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
  await changeStoredAccount(page, { fields: { token: spoilt } });
  let refreshes = refreshesDone(requests);
  await compose(page, `Le rafraîchissement ${run}-refused`);
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  assert.equal((await alicePosts(`${run}-refused`)).length, 1);
  assert.equal(refreshesDone(requests) - refreshes, 1, 'one refresh');
  const second = await storedAccount(page);
  assert.notEqual(second.refresh_token, first.refresh_token, 'the refresh token rotated');

  // the access token's time is up by the app's clock: refreshed before the request
  await changeStoredAccount(page, { grant: { access_expires_at: Date.now() - 1000 } });
  refreshes = refreshesDone(requests);
  await compose(page, `Encore un ${run}-expired`);
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  assert.equal((await alicePosts(`${run}-expired`)).length, 1);
  assert.equal(refreshesDone(requests) - refreshes, 1, 'one refresh');
  assert.ok((await storedAccount(page)).oauth.access_expires_at > Date.now() + 60_000, 'a new expiry');

  // the session is revoked at the server (as signing out of every app on it does); the
  // tokens are bound to the app's key, so the revocation is signed with it, in the page
  const held = await storedAccount(page);
  assert.equal((await revokeWithAppKey(page, held)).status, 200);
  // The PDS takes a revoked session's access token until its time is up (it checks those
  // by signature); past that time, the refresh is refused for good.
  await changeStoredAccount(page, { grant: { access_expires_at: Date.now() - 1000 } });
  await compose(page, `Après la révocation ${run}-revoked`);
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('alert').filter({ hasText: 'Bluesky no longer accepts this account' }).first().waitFor();
  await page.locator('.app-nav').getByRole('link', { name: 'Accounts' }).click();
  await page.locator('.account', { hasText: '@alice.test' }).getByText('sign in again').waitFor();
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.locator('.post-item', { hasText: `${run}-revoked` }).waitFor();
  assert.equal((await alicePosts(`${run}-revoked`)).length, 0);

  // signing in again: the waiting post goes out by itself
  await startOAuth(page);
  await approveOnServer(page);
  await page.getByText('@alice.test is connected.').first().waitFor();
  await waitFor(async () => (await alicePosts(`${run}-revoked`)).length === 1, { timeout: 30_000, message: 'the kept post sent' });
  await page.getByRole('link', { name: 'Back to accounts' }).click();
  await page.locator('.account', { hasText: '@alice.test' }).getByText('connected', { exact: true }).waitFor();
  const accounts = (await dumpStores(page, ['accounts'])).accounts.filter((x) => x.network === 'bluesky');
  assert.equal(accounts.length, 1, 'one account, signed in again');

  // Disconnect ends the session at the server: its refresh token is refused afterwards
  const last = await storedAccount(page);
  await holdAppKey(page, last.oauth.key_name);
  await page.getByRole('button', { name: 'Disconnect @alice.test' }).click();
  await page.getByRole('status').filter({ hasText: '@alice.test is disconnected and its session was ended.' }).waitFor();
  const after = await refreshWithAppKey(page, last);
  assert.equal(after.status, 400);
  assert.match(after.body, /invalid_grant/);
  const settings = await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const keys = await new Promise((ok) => { const r = db.transaction('settings').objectStore('settings').getAllKeys(); r.onsuccess = () => ok(r.result); });
    db.close();
    return keys;
  });
  assert.deepEqual(settings.filter((k) => String(k).startsWith('dpop-key:')), [], 'the key is forgotten with the account');
  // the spoilt token, the revoked session's refresh, the test's refresh after the disconnect
  await forgiveExpectedRefusals(context, requests, [[401, 'invalid_token'], [400, 'invalid_grant'], [400, 'invalid_grant']]);
  await assertClean(context);
  await context.close();
});

test('a callback this device did not start, and a refusal on the server page, change nothing', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  const requests = recordRequests(page);
  await page.locator('#new-workspace-name').fill('Essais');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();

  await page.goto(`${server.url}/oauth/bluesky?code=stolen&state=forged&iss=${encodeURIComponent(PDS_URL)}`);
  await page.getByRole('alert').filter({ hasText: 'This sign-in is not one Attaché started' }).waitFor();
  await axeClean(page);
  assert.equal((await dumpStores(page, ['accounts'])).accounts.length, 0);

  await startOAuth(page);
  const password = page.locator('input[type="password"]');
  await password.fill(PASSWORD);
  await page.getByRole('button', { name: /^Sign in$/ }).click();
  await page.getByRole('button', { name: /^(Deny|Refuse|Cancel)/ }).first().click();
  await page.waitForURL((u) => u.href.startsWith(`${server.url}/oauth/bluesky`));
  await page.getByRole('alert').filter({ hasText: "The connection was refused on the server's page. Nothing was changed." }).waitFor();
  assert.equal((await dumpStores(page, ['accounts'])).accounts.length, 0);

  // a mistake in the handle is said beside the form, in plain words
  await page.locator('.app-nav').getByRole('link', { name: 'Accounts' }).click();
  const form = page.locator('#bsky-oauth');
  await form.getByLabel('Handle (for example name.bsky.social)').fill('alice');
  await form.getByRole('button', { name: "Continue on my server's page" }).click();
  await page.locator('#bsky-oauth-error').filter({ hasText: 'Type a handle such as name.bsky.social.' }).waitFor();
  await axeClean(page);
  await forgiveExpectedRefusals(context, requests);
  await assertClean(context);
  await context.close();
});
