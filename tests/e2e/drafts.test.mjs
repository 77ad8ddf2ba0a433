// Typed work is never lost (issue 14, defect 1). What a user types in the composer and in
// the strategy's text fields is saved as they type: it survives leaving the page at once,
// a reload a second after the last keystroke, and Chromium killed with SIGKILL mid-typing
// (on a real profile), losing at most the last second; the composer reopens the draft it was
// editing, and "New post" starts another without losing the first.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertClean, cspViolations, launch, newContext, open, settledValue, waitReady } from './support/app.mjs';
import { killHard, startChromium } from './support/chromium.mjs';
import { serveDist } from './support/server.mjs';

let server, browser, profile;
before(async () => {
  server = await serveDist();
  browser = await launch();
  profile = await mkdtemp(join(tmpdir(), 'attache-drafts-'));
});
after(async () => { await browser?.close(); await server?.close(); await rm(profile, { recursive: true, force: true }); });

async function newWorkspace(page, name) {
  await page.locator('#new-workspace-name').fill(name);
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
}

test('typed work survives leaving the page at once and a reload, in the composer and the strategy (French)', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url);
  await newWorkspace(page, 'Boulangerie Dupain');
  const text = page.getByLabel('Texte de la publication');

  // the composer: typed, then straight to the calendar and back
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rédiger' }).waitFor();
  await text.click();
  await page.keyboard.type('La fournée de 7 h sort du four');
  await page.getByRole('link', { name: 'Calendrier' }).click();
  await page.getByRole('heading', { level: 1, name: 'Calendrier' }).waitFor();
  await page.getByRole('link', { name: 'Rédiger' }).click();
  assert.equal(await settledValue(text, 'La fournée de 7 h sort du four'), 'La fournée de 7 h sort du four');

  // more typing, a reload one second after the last keystroke
  await text.press('End');
  await page.keyboard.type(', croustillante');
  await page.getByText(/^Enregistré au fil de la frappe — dernière fois à \d/).waitFor();
  // The pause is the scenario under test (the bound: a reload one second after the
  // last key loses nothing), not a wait standing in for an event.
  await page.waitForTimeout(1000);
  await page.reload();
  await waitReady(page);
  const whole = 'La fournée de 7 h sort du four, croustillante';
  assert.equal(await settledValue(text, whole), whole, 'the composer reopens the draft it was editing');

  // "New post" starts another; the first stays a draft in the list and is not reopened
  await page.getByRole('button', { name: 'Nouvelle publication' }).click();
  assert.equal(await text.inputValue(), '');
  await page.locator('.post-item', { hasText: whole }).getByText('brouillon').waitFor();
  await page.getByRole('link', { name: 'Calendrier' }).click();
  await page.getByRole('heading', { level: 1, name: 'Calendrier' }).waitFor();
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.locator('.post-item', { hasText: whole }).waitFor();
  assert.equal(await text.inputValue(), '', 'an untouched new post stays new');
  await text.fill('Deuxième idée : le pain du dimanche');
  await page.getByRole('link', { name: 'Calendrier' }).click();
  await page.getByRole('link', { name: 'Rédiger' }).click();
  assert.equal(await settledValue(text, 'Deuxième idée : le pain du dimanche'), 'Deuxième idée : le pain du dimanche');
  assert.equal(await page.locator('.post-item').count(), 2, 'two drafts, nothing lost or doubled');

  // "New post" pressed at once after typing: what was typed is kept, and the new post stays
  // the one the composer opens
  await text.press('End');
  await page.keyboard.type(' au levain');
  await page.getByRole('button', { name: 'Nouvelle publication' }).click();
  await page.locator('.post-item', { hasText: 'Deuxième idée : le pain du dimanche au levain' }).waitFor();
  await page.getByRole('link', { name: 'Calendrier' }).click();
  await page.getByRole('heading', { level: 1, name: 'Calendrier' }).waitFor();
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.locator('.post-item', { hasText: 'au levain' }).waitFor();
  assert.equal(await text.inputValue(), '', 'the new post, not the one left');

  // the strategy: nothing pressed, straight to another page and back, then a reload
  await page.getByRole('link', { name: 'Stratégie' }).click();
  const mission = page.getByLabel('La mission de la communauté');
  await mission.click();
  await page.keyboard.type('Du bon pain pour tout le quartier');
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rédiger' }).waitFor();
  await page.getByRole('link', { name: 'Stratégie' }).click();
  assert.equal(await settledValue(mission, 'Du bon pain pour tout le quartier'), 'Du bon pain pour tout le quartier');
  const audience = page.getByLabel('Qui compose la communauté (public)');
  await audience.click();
  await page.keyboard.type('Les voisins, les écoles');
  await page.waitForTimeout(1000); // the scenario: a reload one second after the last key
  await page.reload();
  await waitReady(page);
  assert.equal(await settledValue(audience, 'Les voisins, les écoles'), 'Les voisins, les écoles');
  assert.equal(await mission.inputValue(), 'Du bon pain pour tout le quartier');
  await assertClean(context);
  await context.close();
});

test('Chromium killed mid-typing (SIGKILL, same profile) loses at most the last second of typing', async () => {
  const sentence = 'Our sourdough rests for forty-eight hours before it meets the oven, every single day.';
  let chrome = await startChromium(profile);
  await chrome.page.goto(server.url + '/');
  await waitReady(chrome.page);
  await newWorkspace(chrome.page, 'Dupain Bakery');
  await chrome.page.goto(server.url + '/compose');
  await chrome.page.getByRole('heading', { level: 1, name: 'Compose' }).waitFor();
  await chrome.page.getByLabel('Text of the post').click();

  // steady typing, killed between two keystrokes without a pause
  const typed = [];
  let sofar = '';
  for (const ch of sentence) {
    await chrome.page.keyboard.type(ch);
    sofar += ch;
    typed.push({ at: Date.now(), text: sofar });
    await new Promise((r) => setTimeout(r, 35));
  }
  const killedAt = Date.now();
  assert.deepEqual(await cspViolations(chrome.context), [], 'CSP violations before the kill');
  await killHard(chrome);
  const floor = typed.filter((t) => t.at <= killedAt - 1000).at(-1)?.text ?? '';
  assert.ok(floor.length > 20, `the typing lasted over a second (${typed.length} keys)`);

  chrome = await startChromium(profile);
  await chrome.page.goto(server.url + '/compose');
  await waitReady(chrome.page);
  const text = chrome.page.getByLabel('Text of the post');
  await chrome.page.waitForFunction(() => document.querySelector('#post-text')?.value.length > 0, null, { timeout: 10_000 });
  const kept = await text.inputValue();
  assert.ok(sentence.startsWith(kept), `what was kept is what was typed: "${kept}"`);
  assert.ok(kept.length >= floor.length, `kept ${kept.length} characters, typed ${floor.length} by a second before the kill`);

  // typing resumes where it stopped; one second after the last key, a kill loses nothing
  await text.press('End');
  await chrome.page.keyboard.type(sentence.slice(kept.length));
  await chrome.page.waitForTimeout(1000); // the scenario: the kill one second after the last key
  assert.deepEqual(await cspViolations(chrome.context), [], 'CSP violations after the first relaunch, before the second kill');
  await killHard(chrome);
  chrome = await startChromium(profile);
  await chrome.page.goto(server.url + '/compose');
  await waitReady(chrome.page);
  assert.equal(await settledValue(chrome.page.getByLabel('Text of the post'), sentence), sentence);
  assert.deepEqual(chrome.errors, []);
  assert.deepEqual(await cspViolations(chrome.context), [], 'CSP violations after the relaunch');
  await chrome.browser.close().catch(() => {});
  await killHard(chrome);
});

test('half-written forms keep their words: a persona and a snippet (French); once added, the form starts empty', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url);
  await newWorkspace(page, 'Boulangerie Dupain');

  // a persona half written, then straight to the Library
  await page.getByRole('link', { name: 'Stratégie' }).click();
  const personaName = page.getByLabel(/^Nom \(par exemple/);
  await personaName.fill('Mamie Jeanne');
  await page.getByLabel('Ce dont elle a besoin').fill('Du pain frais le dimanche');
  await page.getByRole('link', { name: 'Bibliothèque' }).click();
  // a snippet half written, then a reload a second after the last key
  await page.locator('#snippet-title').fill('Horaires');
  await page.locator('#snippet-text').fill('Ouvert de 7 h à 19 h');
  await page.waitForTimeout(1000); // the scenario: a reload one second after the last key
  await page.reload();
  await waitReady(page);
  assert.equal(await settledValue(page.locator('#snippet-title'), 'Horaires'), 'Horaires');
  assert.equal(await page.locator('#snippet-text').inputValue(), 'Ouvert de 7 h à 19 h');

  await page.getByRole('link', { name: 'Stratégie' }).click();
  assert.equal(await settledValue(personaName, 'Mamie Jeanne'), 'Mamie Jeanne');
  assert.equal(await page.getByLabel('Ce dont elle a besoin').inputValue(), 'Du pain frais le dimanche');
  await page.getByRole('button', { name: 'Ajouter la persona' }).click();
  await page.locator('.persona', { hasText: 'Mamie Jeanne' }).waitFor();
  assert.equal(await personaName.inputValue(), '');

  // after a reload, the added persona's form is empty and the persona is listed once
  await page.getByRole('link', { name: 'Stratégie' }).click();
  await page.reload();
  await waitReady(page);
  await page.locator('.persona', { hasText: 'Mamie Jeanne' }).waitFor();
  assert.equal(await settledValue(personaName, 'Mamie Jeanne', 1500), '', 'nothing kept once added');
  assert.equal(await page.locator('.persona', { hasText: 'Mamie Jeanne' }).count(), 1);
  await assertClean(context);
  await context.close();
});
