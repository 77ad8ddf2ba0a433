// axe-core on the screens the navigation does not reach, in both themes and both languages:
// the guided first run, the Mastodon and Bluesky OAuth callbacks (a sign-in the app did not
// start), the lock screen (with a wrong passphrase said), the "newer version opened in
// another tab" banner and the screen of a database that cannot be opened (one from a newer
// version).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


const WORDS = {
  'en-US': { settings: 'Settings', newPass: 'New passphrase (10 characters at least)', again: 'The same passphrase again', set: 'Set the passphrase', lockNow: 'Lock now', pass: 'Passphrase', wrong: 'That is not the passphrase', reload: 'Reload' },
  'fr-FR': { settings: 'Réglages', newPass: 'Nouvelle phrase secrète (10 caractères au moins)', again: 'La même phrase secrète, encore', set: 'Définir la phrase secrète', lockNow: 'Verrouiller maintenant', pass: 'Phrase secrète', wrong: "Ce n'est pas la phrase secrète", reload: 'Recharger' },
};

for (const locale of ['en-US', 'fr-FR']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`no axe violation on the first run, both OAuth callbacks, the lock screen, the superseded banner and the open-failed screen (${locale}, ${colorScheme})`, async () => {
      const w = WORDS[locale];
      const context = await newContext(browser, { locale, colorScheme });
      const page = await open(context, server.url, '/start');
      await page.locator('h1').first().waitFor();
      await axeClean(page);

      await page.goto(server.url + '/oauth/mastodon?code=abc&state=nobody-started-this');
      await waitReady(page);
      await page.locator('main p.field-error[role=alert]').waitFor();
      await axeClean(page);
      await page.goto(server.url + '/oauth/bluesky?code=abc&state=nobody-started-this&iss=http%3A%2F%2Flocalhost%3A2583');
      await waitReady(page);
      await page.locator('main p.field-error[role=alert]').waitFor();
      await axeClean(page);

      await page.goto(server.url + '/');
      await waitReady(page);
      await page.locator('#new-workspace-name').fill('Northwind');
      await page.keyboard.press('Enter');
      await page.locator('.workspace-name').first().waitFor();
      await page.getByRole('link', { name: w.settings, exact: true }).click();
      await page.getByLabel(w.newPass).fill('correct horse battery');
      await page.getByLabel(w.again).fill('correct horse battery');
      await page.getByRole('button', { name: w.set }).click();
      await page.getByRole('button', { name: w.lockNow }).first().click();
      await page.getByLabel(w.pass, { exact: true }).fill('wrong wrong');
      await page.keyboard.press('Enter');
      await page.getByText(w.wrong).waitFor();
      await axeClean(page);
      await assertClean(context);

      // another tab opens a newer version of the database: this one closes and says so
      await page.evaluate(() => new Promise((ok, ko) => {
        const r = indexedDB.open('attache', 999);
        r.onsuccess = () => { r.result.close(); ok(); };
        r.onerror = () => ko(r.error);
      }));
      await page.getByRole('button', { name: w.reload, exact: true }).waitFor();
      await axeClean(page);

      // loaded again, the app finds a database newer than itself
      await page.reload();
      await page.locator('main section.open-failed').waitFor();
      await axeClean(page);
      await context.close();
    });
  }
}
