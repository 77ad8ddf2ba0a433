// Shared step of the Bluesky journeys: signing in to the local PDS on the Accounts page.
import { PDS_URL } from './pds.mjs';

const LABELS = {
  'en-US': { accounts: 'Accounts', handle: 'Handle (for example name.bsky.social)', password: 'App password', server: 'Server, if you host your own (leave empty for bsky.social)', button: 'Sign in to Bluesky', done: 'is connected.' },
  'fr-FR': { accounts: 'Comptes', handle: 'Identifiant (par exemple nom.bsky.social)', password: "Mot de passe d'application", server: 'Serveur, si vous hébergez le vôtre (laissez vide pour bsky.social)', button: 'Se connecter à Bluesky', done: 'est connecté.' },
};

/** On a page of a workspace: opens Accounts and signs `handle` in with the app password
 * form (typed as given). */
export async function signInBluesky(page, { handle = 'alice.test', locale = 'en-US' } = {}) {
  const l = LABELS[locale];
  await page.locator('.app-nav').getByRole('link', { name: l.accounts }).click();
  const form = page.locator('#bsky-app-password');
  await form.getByLabel(l.handle).fill(handle);
  await form.getByLabel(l.password).fill('hunter2');
  await form.getByLabel(l.server).fill(PDS_URL);
  await form.getByRole('button', { name: l.button }).click();
  const shown = handle.replace(/^@/, '').toLowerCase();
  await page.getByRole('status').filter({ hasText: `@${shown} ${l.done}` }).waitFor();
  return page;
}
