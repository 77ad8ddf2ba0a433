// The composer as a community manager uses it: three networks with their counters, an image
// blocked until it has alt text, scheduling, and finding the post again offline.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PNG = { name: 'shop.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64') };
const counter = (page, net) => page.locator(`.counter[data-network="${net}"] .counter-line`);
const gate = (page) => page.locator('.gate li');

async function withWorkspace(context) {
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Café Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  return page;
}

async function controlled(page) {
  // Controlled: the service worker is active and serves this page.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

test('a post for three networks: counters, overflow mark, alt-text gate, schedule, and offline', async () => {
  const context = await newContext(browser);
  const page = await withWorkspace(context);
  await controlled(page);
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.getByRole('checkbox', { name: 'X', exact: true }).check();

  const long = 'Notre boutique ouvre samedi à Lyon https://cafe-lumiere.fr/ouverture — ' + 'Café et croissants offerts. '.repeat(9);
  await page.getByLabel('Text of the post').fill(long.trim());
  // X: 23 for the link (a known top-level domain: X does not link `.example`); Bluesky counts
  // the link in full; Mastodon 23 as well
  const x = Number((await counter(page, 'x').innerText()).match(/(\d+) too many/)[1]);
  assert.ok(x > 0);
  assert.match(await counter(page, 'mastodon').innerText(), /^Mastodon: \d+ left$/);
  assert.match(await counter(page, 'bluesky').innerText(), /^Bluesky: \d+ too many$/);
  assert.equal(await page.locator('.pv[data-network="x"] mark').count(), 1);
  assert.equal(await page.locator('.pv[data-network="mastodon"] mark').count(), 0);
  const marked = await page.locator('.pv[data-network="x"] mark').textContent();
  assert.ok(long.trim().endsWith(marked), 'the mark is the end of the text');

  // shorten until it fits everywhere
  await page.getByLabel('Text of the post').fill('Notre boutique ouvre samedi à Lyon ☕ https://cafe-lumiere.fr/ouverture');
  // 35 for the words, 2 for ☕, 1 space, 23 for the link: 61 of 280
  assert.match(await counter(page, 'x').innerText(), /^X: 219 left$/);
  assert.equal(await gate(page).count(), 0);

  // an image without alt text blocks scheduling
  await page.getByLabel('Add images').setInputFiles(PNG);
  await page.locator('.media-item img').waitFor();
  assert.deepEqual(await gate(page).allInnerTexts(), [
    'Mastodon: describe every image (alt text).',
    'Bluesky: describe every image (alt text).',
    'X: describe every image (alt text).',
  ]);
  assert.equal(await page.getByRole('button', { name: 'Schedule' }).isDisabled(), true);
  await page.getByLabel('Describe this image for people who cannot see it (alt text)').fill('La vitrine du café, porte bleue');
  assert.equal(await gate(page).count(), 0);

  await page.getByLabel('Date and time to publish').fill('2030-12-05T09:30');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await page.getByRole('status').filter({ hasText: /^Scheduled for December 5, 2030 at 9:30\sAM\.$/ }).waitFor();
  const item = page.locator('.post-item').first();
  await item.getByText('scheduled').waitFor();
  assert.match(await item.innerText(), /Mastodon, Bluesky, X · December 5, 2030/);

  // offline: reload and find it, with its image and alt text
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  await page.locator('.post-item').first().getByRole('link', { name: 'Open' }).click();
  await page.waitForFunction(() => document.querySelector('#post-text')?.value.startsWith('Notre boutique'));
  assert.equal(await page.getByLabel('Describe this image for people who cannot see it (alt text)').inputValue(), 'La vitrine du café, porte bleue');
  await page.waitForFunction(() => document.querySelector('.media-item img')?.src.startsWith('blob:'));
  await context.setOffline(false);
  await assertClean(context);
  await context.close();
});

test('the same journey by keyboard alone', async () => {
  const context = await newContext(browser);
  const page = await withWorkspace(context);
  // The calendar opens on the current month: hold the clock on 1 December 2026 so the
  // journey below finds December whatever day it runs (set after the first load).
  await context.clock.setFixedTime(new Date('2026-12-01T10:00:00Z'));
  await page.getByRole('link', { name: 'Compose' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Compose' }).waitFor();
  const tabTo = async (selector) => {
    for (let i = 0; i < 40; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  // Tab until the focused control's accessible name (its label or text) is `name`.
  const tabToName = async (name) => {
    for (let i = 0; i < 120; i++) {
      const here = await page.evaluate(() => {
        const el = document.activeElement;
        return (el?.getAttribute('aria-label') || el?.innerText || '').replace(/[‹›]/g, '').trim();
      });
      if (here === name) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${name}`);
  };
  await tabTo('#post-text');
  await page.keyboard.type('Atelier latte art ce jeudi ! Inscriptions ouvertes.');
  await tabTo('#net-x');
  await page.keyboard.press('Space');
  assert.match(await counter(page, 'x').innerText(), /^X: \d+ left$/);
  await tabTo('#post-images');
  await page.locator('#post-images').setInputFiles(PNG); // the file dialog itself is the system's
  await page.locator('.media-item').waitFor();
  await tabTo('.media-item textarea');
  await page.keyboard.type('Un cœur dessiné dans la mousse de lait');
  await tabTo('#due-at');
  await page.locator('#due-at').fill('2026-12-10T18:00');
  await tabTo('#schedule');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: /^Scheduled for December 10, 2026 at 6:00\sPM\.$/ }).waitFor();

  // the calendar, by keyboard: find the post, move it through its dialog, export the month
  await tabToName('Calendar');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
  const month = await page.locator('.month-title').innerText();
  if (month !== 'December 2026') {
    await tabToName('Next month');
    while ((await page.locator('.month-title').innerText()) !== 'December 2026') await page.keyboard.press('Enter');
  }
  await tabToName('Move “Atelier latte art ce jeudi ! Inscription…”');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'move-date'); // the dialog focuses its first field
  await page.keyboard.type('12172026');
  await tabTo('.move-dialog button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: /Moved to Dec 17, 2026, 6:00\sPM\./ }).waitFor();
  await page.locator('.day[data-date="2026-12-17"] .chip', { hasText: 'Atelier' }).waitFor();
  await tabToName('Export to a calendar (.ics)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  await assertClean(context);
  await context.close();
});

for (const locale of ['en-US', 'fr-FR']) {
  test(`no axe violation on the composer with a gate, a preview and a post list (${locale})`, async () => {
    const context = await newContext(browser, { locale, colorScheme: locale === 'fr-FR' ? 'dark' : 'light' });
    const page = await withWorkspace(context);
    await page.goto(server.url + '/compose');
    await page.locator('#post-text').fill('x'.repeat(290));
    await page.locator('#net-x').check();
    await page.locator('#post-images').setInputFiles(PNG);
    await page.locator('.media-item').waitFor();
    await page.locator('.preview-tabs label').last().click(); // X's preview, with its overflow
    await page.locator('.compose-side > .actions button').first().click(); // save draft
    await page.locator('.post-item').waitFor();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    await assertClean(context);
    await context.close();
  });
}

test('Instagram without an image is held back with a plain reason, in French and English; an image with alt text clears it', async () => {
  for (const [locale, reason] of [
    ['fr-FR', 'Instagram\u00a0: ajoutez une image ou une vidéo (Instagram ne publie pas de texte seul).'],
    ['en-US', 'Instagram: add an image or a video (Instagram takes no text-only post).'],
  ]) {
    const context = await newContext(browser, { locale });
    const page = await withWorkspace(context);
    await page.goto(server.url + '/compose');
    await waitReady(page);
    await page.locator('#net-mastodon').uncheck();
    await page.locator('#net-bluesky').uncheck();
    await page.locator('#net-instagram').check();
    await page.locator('#post-text').fill('La tarte du jour, encore tiède');
    await gate(page).filter({ hasText: reason }).waitFor();
    assert.equal(await page.locator('#schedule').isDisabled(), true, `${locale}: scheduling waits for an image`);
    await page.locator('#post-images').setInputFiles(PNG);
    await page.locator('.media-item textarea').fill(locale === 'fr-FR' ? 'Une tarte aux pommes dorée' : 'A golden apple tart');
    await page.waitForFunction(() => document.querySelectorAll('.gate li').length === 0);
    await assertClean(context);
    await context.close();
  }
});
