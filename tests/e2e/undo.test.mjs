// Undo after a deletion (issue 14, expected): the notice offers "Undo" for ten seconds and
// puts the record back exactly (still there after a reload); a word to avoid and a persona
// in French, a snippet and a note in English; the offer then goes by itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function newWorkspace(page, name) {
  await page.locator('#new-workspace-name').fill(name);
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
}

test('in French, a word to avoid and a persona come back with "Annuler", exactly where they were', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url);
  await newWorkspace(page, 'Boulangerie Dupain');
  await page.getByRole('link', { name: 'Stratégie' }).click();
  for (const [banned, instead] of [['industriel', 'artisanal'], ['low-cost', 'accessible'], ['process', 'méthode']]) {
    await page.getByLabel('Mot ou expression à éviter').fill(banned);
    await page.getByLabel('Écrire plutôt').fill(instead);
    await page.getByRole('button', { name: 'Ajouter au glossaire' }).click();
    await page.locator('#glossary-heading ~ .glossary-list li', { hasText: banned }).waitFor();
  }
  const terms = () => page.locator('#glossary-heading ~ .glossary-list li > span:first-child').allInnerTexts();
  const before = await terms();

  await page.getByRole('button', { name: 'Retirer « low-cost »' }).click();
  await page.getByRole('status').filter({ hasText: '« low-cost » ne fait plus partie de la liste.' }).waitFor();
  assert.equal((await terms()).length, 2);
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('status').filter({ hasText: 'Rétabli\u00a0: « low-cost ».' }).waitFor();
  assert.deepEqual(await terms(), before, 'back in its place');
  await page.reload();
  await waitReady(page);
  await page.locator('#glossary-heading ~ .glossary-list li', { hasText: 'low-cost' }).waitFor();
  assert.deepEqual(await terms(), before, 'and saved');

  // a persona, then the offer expires by itself
  await page.getByLabel(/^Nom \(par exemple/).fill('Mamie Jeanne');
  await page.getByRole('button', { name: 'Ajouter la persona' }).click();
  await page.locator('.persona', { hasText: 'Mamie Jeanne' }).waitFor();
  await page.getByRole('button', { name: 'Retirer « Mamie Jeanne »' }).click();
  await page.locator('.persona', { hasText: 'Mamie Jeanne' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.locator('.persona', { hasText: 'Mamie Jeanne' }).waitFor();
  await page.getByRole('button', { name: 'Retirer « Mamie Jeanne »' }).click();
  await page.getByRole('button', { name: 'Annuler' }).waitFor();
  await page.getByRole('button', { name: 'Annuler' }).waitFor({ state: 'detached', timeout: 15_000 });
  await page.reload();
  await waitReady(page);
  await page.getByRole('heading', { name: 'Les personas' }).waitFor();
  assert.equal(await page.locator('.persona', { hasText: 'Mamie Jeanne' }).count(), 0, 'gone once the offer ended');
  await assertClean(context);
  await context.close();
});

test('a deleted snippet and a deleted note come back with "Undo"', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await newWorkspace(page, 'Northwind');
  await page.getByRole('link', { name: 'Library' }).click();
  await page.locator('#snippet-title').fill('Opening hours');
  await page.locator('#snippet-text').fill('Open 7am to 7pm, every day but Monday.');
  await page.getByRole('button', { name: 'Add the snippet' }).click();
  await page.locator('.snippet', { hasText: 'Opening hours' }).waitFor();
  await page.getByRole('button', { name: 'Delete “Opening hours”' }).click();
  await page.getByRole('status').filter({ hasText: '“Opening hours” deleted.' }).waitFor();
  await page.locator('.snippet', { hasText: 'Opening hours' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.snippet', { hasText: 'Open 7am to 7pm, every day but Monday.' }).waitFor();
  await page.reload();
  await waitReady(page);
  await page.locator('.snippet', { hasText: 'Opening hours' }).waitFor();

  // a note kept from the share target
  await page.goto(`${server.url}/share?title=${encodeURIComponent('Idea')}&text=${encodeURIComponent('Croissant day on Friday')}`);
  await page.locator('.note-list li', { hasText: 'Croissant day on Friday' }).waitFor();
  await page.locator('.note-list li', { hasText: 'Croissant day on Friday' }).getByRole('button', { name: 'Delete note' }).click();
  await page.getByRole('status').filter({ hasText: 'Note deleted.' }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.note-list li', { hasText: 'Croissant day on Friday' }).waitFor();
  await page.reload();
  await waitReady(page);
  await page.locator('.note-list li', { hasText: 'Croissant day on Friday' }).waitFor();
  await assertClean(context);
  await context.close();
});
