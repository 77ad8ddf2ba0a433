// Connecting a Mastodon account through the real OAuth redirect, against the loopback
// Mastodon server (tests/servers/mastodon.mjs): PKCE checked by the server, the account
// stored with the instance's limits; a refusal, a forged callback, a server that is not
// Mastodon and one that cannot be reached each get a plain sentence; disconnect revokes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open, waitForAsync } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon({ maxCharacters: 1000 }); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

async function withWorkspace(context, accounts = 'Accounts') {
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Café Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: accounts }).click();
  return page;
}

test('connect a Mastodon account through OAuth with PKCE, then disconnect it', async () => {
  const context = await newContext(browser);
  const page = await withWorkspace(context);
  await page.getByLabel('Your Mastodon server (for example mastodon.social)').fill(`${mastodon.url}/`);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.waitForURL((u) => u.href.startsWith(`${mastodon.url}/oauth/authorize`));
  const asked = new URL(page.url());
  assert.equal(asked.searchParams.get('code_challenge_method'), 'S256');
  assert.match(asked.searchParams.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
  assert.equal(asked.searchParams.get('scope'), 'read:accounts read:notifications read:statuses write:statuses write:media');
  assert.equal(asked.searchParams.get('redirect_uri'), `${server.url}/oauth/mastodon`);
  assert.ok(asked.searchParams.get('state').length >= 20);

  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL(`${server.url}/oauth/mastodon`); // the code is gone from the address
  await page.getByText('@alice@social.test is connected.').first().waitFor();
  assert.equal(mastodon.state.pkceChecked, 1);
  await page.getByRole('link', { name: 'Back to accounts' }).click();
  await page.locator('.account', { hasText: '@alice@social.test' }).getByText('connected').waitFor();
  await page.locator('.account', { hasText: 'Posts up to 1000 characters on this server.' }).waitFor();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

  // the composer now counts against this instance's 1,000 characters (her picture is
  // fetched in the background after the connection; the composer reads it when it opens)
  await waitForAsync(page, async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const keys = await new Promise((ok) => { const r = db.transaction('settings').objectStore('settings').getAllKeys(); r.onsuccess = () => ok(r.result); });
    db.close();
    return keys.some((k) => String(k).startsWith('avatar:'));
  });
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.getByLabel('Text of the post').fill('Bonjour');
  await page.locator('.counter[data-network="mastodon"] .counter-line', { hasText: 'Mastodon: 993 left' }).waitFor();
  // … and its preview shows the account as the author
  assert.equal(await page.locator('.pv[data-network="mastodon"] .pv-name').innerText(), 'Alice Café');
  assert.equal(await page.locator('.pv[data-network="mastodon"] .pv-handle').innerText(), '@alice@social.test');
  // … with her picture, downloaded once at connection and kept on the device
  const picture = page.locator('.pv[data-network="mastodon"] img.pv-avatar');
  await picture.waitFor();
  await page.waitForFunction(() => document.querySelector('.pv[data-network="mastodon"] img.pv-avatar')?.naturalWidth === 2);
  assert.match(await picture.getAttribute('src'), /^blob:/);
  assert.equal(mastodon.state.avatarServed, 1);
  await page.getByRole('link', { name: 'Accounts' }).click();

  // connecting again reuses the app registered on that instance
  const apps = mastodon.state.apps.size;
  await page.getByLabel('Your Mastodon server (for example mastodon.social)').fill(mastodon.url.replace('http://', 'HTTP://'));
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.waitForURL((u) => u.href.startsWith(`${mastodon.url}/oauth/authorize`));
  assert.equal(mastodon.state.apps.size, apps);
  // … and refusing there changes nothing
  await page.getByRole('button', { name: 'Deny' }).click();
  await page.getByText('The connection was refused on the server\'s page. Nothing was changed.').waitFor();
  await page.getByRole('link', { name: 'Back to accounts' }).click();
  await page.locator('.account', { hasText: '@alice@social.test' }).waitFor();
  assert.equal(await page.locator('.account').count(), 1);

  await page.getByRole('button', { name: 'Disconnect @alice@social.test' }).click();
  await page.getByRole('status').filter({ hasText: '@alice@social.test is disconnected and its key was revoked.' }).waitFor();
  assert.equal([...mastodon.state.tokens.values()].filter((t) => t.revoked).length, 1);
  await page.getByText('No account connected in this workspace yet.').waitFor();
  await assertClean(context);
  await context.close();
});

test('a forged callback, a server that is not Mastodon and one that cannot be reached are refused in plain words', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await withWorkspace(context, 'Comptes');
  await page.goto(`${server.url}/oauth/mastodon?code=stolen&state=forged`);
  await page.getByText('Cette connexion n\'a pas été lancée par Attaché, ou a déjà servi. Recommencez depuis Comptes.').waitFor();
  await page.getByRole('link', { name: 'Retour aux comptes' }).click();
  const field = page.getByLabel('Votre serveur Mastodon (par exemple mastodon.social)');
  await field.fill(server.url); // the app's own static server: no Mastodon API there
  await page.getByRole('button', { name: 'Connecter', exact: true }).click();
  await page.getByText('Ce serveur ne répond pas comme un serveur Mastodon.').waitFor();
  await field.fill('http://127.0.0.1:9'); // nothing listens on the discard port
  await page.getByRole('button', { name: 'Connecter', exact: true }).click();
  await page.getByText('Le serveur est injoignable. Vérifiez l\'adresse, ou réessayez plus tard.').waitFor();
  await field.fill('http://social.example');
  await page.getByRole('button', { name: 'Connecter', exact: true }).click();
  await page.getByText('Seuls les serveurs sécurisés (https) peuvent être connectés.').waitFor();
  await context.setOffline(true);
  await field.fill('mastodon.social');
  await page.getByRole('button', { name: 'Connecter', exact: true }).click();
  await page.getByText('Vous êtes hors ligne\u00a0: connectez-vous à internet et réessayez.').waitFor();
  await context.setOffline(false);
  // a failed fetch to an unreachable server logs a console error in Chromium: expected here
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED|404/.test(p)));
  await assertClean(context);
  await context.close();
});
