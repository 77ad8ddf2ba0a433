// Language, theme and large text: chosen from the browser, switchable, remembered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a French browser gets the French interface, with French dates and numbers', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url, '/settings');
  await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  const expected = await page.evaluate(() => [
    new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(new Date()),
    new Intl.NumberFormat('fr').format(12345),
  ]);
  const example = await page.getByTestId('formats-example').innerText();
  assert.ok(example.includes(expected[0]), `${example} has ${expected[0]}`);
  assert.ok(example.includes(expected[1]), `${example} has ${expected[1]}`);
  assert.notEqual(expected[1], '12,345');
  await assertClean(context);
  await context.close();
});

test('language, theme and large text are switched in Settings and remembered after a reload', async () => {
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'light' });
  const page = await open(context, server.url, '/settings');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.getByRole('link', { name: 'Espaces de travail' }).count(), 1);

  await page.getByLabel('Sombre').check();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(21, 22, 24)');

  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.getByLabel('Grand texte').check();
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.equal(after, before * 1.25);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.getByLabel('Grand texte').isChecked(), true);

  // back to following the system and the browser
  await page.getByLabel('Comme le système').check();
  assert.equal(await page.getAttribute('html', 'data-theme'), null);
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await assertClean(context);
  await context.close();
});

test('the system dark mode is followed until the user overrides it', async () => {
  const context = await newContext(browser, { colorScheme: 'dark' });
  const page = await open(context, server.url, '/settings');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await bg(), 'rgb(21, 22, 24)');
  await page.getByLabel('Light').check();
  assert.equal(await bg(), 'rgb(247, 246, 243)');
  await assertClean(context);
  await context.close();
});
