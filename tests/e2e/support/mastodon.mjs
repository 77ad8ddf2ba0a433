// Shared steps of the Mastodon journeys: a new workspace with the loopback server's account
// connected through the real OAuth redirect (PKCE checked by the server).

const LABELS = {
  'en-US': { accounts: 'Accounts', field: 'Your Mastodon server (for example mastodon.social)', connect: 'Connect', done: 'is connected.' },
  'fr-FR': { accounts: 'Comptes', field: 'Votre serveur Mastodon (par exemple mastodon.social)', connect: 'Connecter', done: 'est connecté.' },
};

/** On a freshly opened app page: creates `workspace`, connects alice@social.test from `mastodonUrl`. */
export async function connectMastodon(page, mastodonUrl, { workspace = 'Café Lumière', locale = 'en-US' } = {}) {
  await page.locator('#new-workspace-name').fill(workspace);
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  return connectMastodonHere(page, mastodonUrl, { locale });
}

/** Connects alice@social.test from `mastodonUrl` in the workspace open on `page`. */
export async function connectMastodonHere(page, mastodonUrl, { locale = 'en-US' } = {}) {
  const l = LABELS[locale];
  await page.getByRole('link', { name: l.accounts }).click();
  await page.getByLabel(l.field).fill(mastodonUrl);
  await page.getByRole('button', { name: l.connect, exact: true }).click();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.getByText(`@alice@social.test ${l.done}`).first().waitFor();
  return page;
}

/** From the composer of `appUrl`, publishes `text` now on Mastodon alone; returns its status on `mastodon`. */
export async function publishOnMastodon(page, appUrl, mastodon, text) {
  await page.goto(appUrl + '/compose');
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Text of the post').fill(text);
  await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Mastodon.' }).waitFor();
  return mastodon.state.statuses.at(-1);
}
