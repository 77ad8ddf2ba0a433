// Undo after a deletion (issue 14, expected): the notice offers "Undo" for ten seconds and
// puts the record back exactly (still there after a reload); a word to avoid, a persona and a
// whole workspace with its post and image in French, a snippet, a note and a post in English;
// the offer then goes by itself. (Undoing a calendar move is in calendar.test.mjs.)
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

const PNG = { name: 'vitrine.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64') };

test('in French, a deleted workspace comes back with "Annuler", its post and image in it, and is current again', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url);
  await newWorkspace(page, 'Boulangerie Dupain');
  await newWorkspace(page, 'Fromagerie Martin');
  await page.locator('.workspace-name', { hasText: 'Fromagerie Martin' }).waitFor();
  await page.getByLabel('Espace de travail actuel').selectOption({ label: 'Boulangerie Dupain' });
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.locator('#post-text').fill('La vitrine de Noël est prête');
  await page.locator('#post-images').setInputFiles(PNG);
  await page.locator('.media-item textarea').fill('La vitrine décorée');
  await page.locator('.post-item', { hasText: 'La vitrine de Noël est prête' }).waitFor();

  await page.getByRole('link', { name: 'Espaces de travail' }).click();
  await page.getByRole('button', { name: 'Supprimer Boulangerie Dupain' }).click();
  await page.getByText('Supprimer « Boulangerie Dupain » et tout son contenu ? « Annuler » reste proposé 10 secondes après.').waitFor();
  await page.getByRole('button', { name: 'Oui, supprimer' }).click();
  await page.getByRole('status').filter({ hasText: 'Espace « Boulangerie Dupain » supprimé.' }).waitFor();
  await page.locator('.workspace-name', { hasText: 'Boulangerie Dupain' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('status').filter({ hasText: 'L\'espace « Boulangerie Dupain » est revenu, avec tout son contenu.' }).waitFor();
  await page.locator('.workspace-name', { hasText: 'Boulangerie Dupain' }).waitFor();
  assert.equal(await page.getByLabel('Espace de travail actuel').locator('option:checked').innerText(), 'Boulangerie Dupain');

  // after a reload: the post, its image and its alt text are all there
  await page.reload();
  await waitReady(page);
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.locator('.post-item', { hasText: 'La vitrine de Noël est prête' }).getByRole('link').click();
  await page.locator('.media-item img[src^="blob:"]').waitFor();
  assert.equal(await page.locator('.media-item textarea').inputValue(), 'La vitrine décorée');
  assert.equal(await page.locator('.media-item img').evaluate((img) => img.complete && img.naturalWidth), 1, 'the image itself came back');
  await assertClean(context);
  await context.close();
});

test('a post deleted from the list comes back with "Undo"; one scheduled offers no delete', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await newWorkspace(page, 'Northwind');
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.locator('#post-text').fill('Fresh rye bread every Tuesday');
  const item = page.locator('.post-item', { hasText: 'Fresh rye bread every Tuesday' });
  await item.waitFor();
  await item.getByRole('button', { name: 'Delete Fresh rye bread every Tuesday' }).click();
  await page.getByRole('status').filter({ hasText: 'Post “Fresh rye bread every Tuesday” deleted.' }).waitFor();
  await item.waitFor({ state: 'detached' });
  assert.equal(await page.locator('#post-text').inputValue(), '', 'the composer no longer holds it');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('status').filter({ hasText: 'Post “Fresh rye bread every Tuesday” is back.' }).waitFor();
  await item.waitFor();
  await page.reload();
  await waitReady(page);
  await item.waitFor();

  // scheduled: no "Delete" (the outbox would still send it)
  await item.getByRole('link').click();
  await page.locator('#due-at').fill('2030-01-15T09:00');
  await page.locator('#schedule').click();
  await page.getByRole('status').filter({ hasText: 'Scheduled for' }).waitFor();
  await item.getByText('Scheduled').waitFor();
  assert.equal(await item.getByRole('button', { name: /^Delete/ }).count(), 0);
  await assertClean(context);
  await context.close();
});

test('deleting the post being typed, right after a keystroke, does not bring it back', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await newWorkspace(page, 'Northwind');
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.locator('#post-text').fill('Rye bread is back');
  const item = page.locator('.post-item', { hasText: 'Rye bread is back' });
  await item.waitFor();
  // a keystroke whose save still waits (up to 400 ms), then Delete at once
  await page.locator('#post-text').press('End');
  await page.keyboard.type(' on Friday');
  await item.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('status').filter({ hasText: /^Post “Rye bread is back( on Friday)?” deleted\.$/ }).waitFor();
  assert.equal(await page.locator('#post-text').inputValue(), '', 'the composer moved to a new post');
  // typing goes to the new post, not the deleted one
  await page.locator('#post-text').fill('Croissants on Sunday');
  await page.locator('.post-item', { hasText: 'Croissants on Sunday' }).waitFor();
  await page.reload();
  await waitReady(page);
  await page.locator('.post-item', { hasText: 'Croissants on Sunday' }).waitFor();
  assert.equal(await page.locator('.post-item', { hasText: 'Rye bread is back' }).count(), 0, 'still deleted after a reload');
  await assertClean(context);
  await context.close();
});
