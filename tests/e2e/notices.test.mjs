// Notices belong to their moment (issue 14, defect 6): a notice shows on the page that raised
// it and is gone once the user leaves, is written again when the language changes, and can
// be dismissed; in French and English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The status line's text (polite and alert), empty when nothing is shown. */
async function statusText(page) {
  return (await page.locator('.status-line').innerText()).trim();
}

test('a notice stays on its page, follows the language, and is dismissed', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Boulangerie Dupain');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();

  // the defect's own example: a word to avoid, then another page
  await page.getByRole('link', { name: 'Stratégie' }).click();
  await page.getByLabel('Mot ou expression à éviter').fill('industriel');
  await page.getByLabel('Écrire plutôt').fill('artisanal');
  await page.getByRole('button', { name: 'Ajouter au glossaire' }).click();
  await page.getByRole('status').filter({ hasText: '« industriel » est maintenant un mot à éviter.' }).waitFor();
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rédiger' }).waitFor();
  assert.doesNotMatch(await statusText(page), /industriel/, 'the notice stayed behind on its page');
  await page.getByRole('link', { name: 'Stratégie' }).click();
  await page.getByRole('heading', { level: 1, name: 'Stratégie' }).waitFor();
  assert.doesNotMatch(await statusText(page), /industriel/, 'and does not come back');

  // a notice in French becomes English when the language changes on its page
  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByRole('button', { name: 'Tout exporter' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Enregistrer le fichier' }).click(),
  ]);
  const file = download.suggestedFilename();
  await page.getByRole('status').filter({ hasText: `Exporté dans ${file}.` }).waitFor();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await page.getByRole('status').filter({ hasText: `Exported to ${file}.` }).waitFor();
  assert.doesNotMatch(await statusText(page), /Exporté/);

  // dismissed by its button, by keyboard
  await page.getByRole('button', { name: 'Dismiss this message' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Dismiss this message' }).waitFor({ state: 'detached' });
  assert.equal(await statusText(page), '');
  await assertClean(context);
  await context.close();
});
