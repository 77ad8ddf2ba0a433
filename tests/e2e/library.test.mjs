// The content library and the queue, as a community manager uses them: a hashtag set and a
// campaign made once, used from the composer; posting slots, "Add to queue" across the
// spring daylight-saving change; an evergreen repeat; a thread; a review with a comment;
// a dropped screenshot too heavy for Bluesky, reduced in the browser.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open, settledValue } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function assertAxe(page, where) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], where);
}

const status = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();

test('snippets, campaigns and slots from the library; add to queue across DST; repeat; thread; review', async () => {
  const context = await newContext(browser, { timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 1400 } });
  const page = await open(context, server.url);
  // Friday 27 March 2026, 10:00 in Paris; summer time starts on Sunday the 29th at 02:00.
  // (Set after the first load: the fake clock also replaces `performance`, which the
  // first-screen mark uses.)
  await context.clock.setFixedTime(new Date('2026-03-27T09:00:00Z'));
  await page.locator('#new-workspace-name').fill('Café Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();

  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByLabel('Kind').selectOption('hashtags');
  await page.locator('#snippet-title').fill('  Coffee   tags ');
  await page.locator('#snippet-text').fill('coffee, latte art\n#Coffee');
  await page.getByRole('button', { name: 'Add the snippet' }).click();
  await status(page, 'Snippet “Coffee tags” added.');
  await page.locator('.snippet-text', { hasText: '#coffee #latteArt' }).waitFor();
  // an empty snippet is refused, in words
  await page.getByRole('button', { name: 'Add the snippet' }).click();
  await page.locator('#snippet-error', { hasText: 'Write something first.' }).waitFor();

  await page.getByLabel('Campaign name').fill('Spring menu');
  await page.getByLabel('Green').check();
  await page.getByRole('button', { name: 'Add the campaign' }).click();
  await status(page, 'Campaign “Spring menu” added.');
  await page.getByLabel('Campaign name').fill('spring MENU');
  await page.getByRole('button', { name: 'Add the campaign' }).click();
  await page.locator('#campaign-error', { hasText: 'A campaign already has this name.' }).waitFor();

  for (const [day, name] of [['5', 'Saturday'], ['6', 'Sunday']]) {
    await page.getByLabel('Day', { exact: true }).selectOption(day);
    await page.getByLabel('Time', { exact: true }).fill('09:00');
    await page.getByRole('button', { name: 'Add the slot' }).click();
    await status(page, `Slot added: ${name} 09:00.`);
  }
  await page.getByRole('button', { name: 'Add the slot' }).click(); // Sunday 09:00 again
  await page.getByRole('alert').filter({ hasText: 'This slot already exists.' }).waitFor();
  assert.deepEqual(await page.locator('.slot span').allInnerTexts(), ['Saturday 09:00', 'Sunday 09:00']);
  await assertAxe(page, 'library');

  // composer: insert the hashtag set, tag the campaign, add to the queue
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.getByLabel('Text of the post').fill('Le menu de printemps arrive');
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await status(page, '“Coffee tags” inserted.');
  assert.equal(await settledValue(page.getByLabel('Text of the post'), 'Le menu de printemps arrive\n#coffee #latteArt'), 'Le menu de printemps arrive\n#coffee #latteArt');
  await page.getByRole('checkbox', { name: 'Spring menu' }).check();
  await page.getByRole('button', { name: 'Add to queue' }).click();
  await status(page, /Added to the queue: Mar 28, 2026, 9:00\sAM\./);

  // the next post takes the next free slot: Sunday, after the change, still 9:00 local
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByLabel('Text of the post').fill('Brunch du dimanche');
  await page.getByRole('button', { name: 'Add to queue' }).click();
  await status(page, /Added to the queue: Mar 29, 2026, 9:00\sAM\./);

  // evergreen: every 7 days until the end of April, on free slots
  await page.getByLabel('Every how many days').fill('7');
  await page.getByLabel('Until').fill('2026-04-30');
  await page.locator('#repeat').click();
  await status(page, '5 dates scheduled, the first on March 29, 2026.');

  // calendar: campaign colour and filter, the queued posts on their days
  await page.getByRole('link', { name: 'Calendar' }).click();
  await page.getByRole('heading', { name: 'March 2026' }).waitFor();
  await page.locator('.day[data-date="2026-03-28"] .chip', { hasText: 'Spring menu' }).waitFor();
  await page.getByLabel('View').selectOption('list');
  await page.locator('.calendar-list .chip .campaign-tag', { hasText: 'Spring menu' }).waitFor();
  await page.getByLabel('View').selectOption('month');
  await page.locator('.day[data-date="2026-03-29"] .chip', { hasText: 'Brunch' }).waitFor();
  await page.getByLabel('Campaign').selectOption({ label: 'Spring menu' });
  assert.equal(await page.locator('.month-grid .chip').count(), 1);
  await page.getByLabel('Campaign').selectOption('');
  await page.getByRole('button', { name: 'Next month' }).click();
  await page.getByRole('heading', { name: 'April 2026' }).waitFor();
  for (const d of ['05', '12', '19', '26']) {
    await page.locator(`.day[data-date="2026-04-${d}"] .chip`, { hasText: 'Brunch' }).getByText('9:00 AM').waitFor();
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to a calendar (.ics)' }).click()]);
  const ics = await readFile(await download.path(), 'utf8');
  assert.match(ics, /DTSTART:20260405T070000Z/); // 9:00 in Paris summer time

  // a thread for Bluesky, and a review with a comment
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.getByRole('button', { name: 'New post' }).click();
  const long = 'Notre nouvelle carte arrive. ' + 'Chaque plat est fait maison avec des produits locaux. '.repeat(8);
  await page.getByLabel('Text of the post').fill(long.trim());
  await page.getByRole('button', { name: 'Split into a thread for Bluesky' }).click();
  await status(page, /Split into \d parts\./);
  const parts = page.locator('.thread-part');
  assert.ok(await parts.count() >= 2);
  assert.equal(await page.locator('.thread-part.over').count(), 0);
  assert.match(await parts.first().locator('label').innerText(), /^Part 1 of \d$/);

  await page.getByRole('button', { name: 'Ask for review' }).click();
  await status(page, 'Now in review.');
  await page.getByLabel('Comment').fill('Peut-on ajouter le prix ?');
  await page.getByRole('button', { name: 'Add the comment' }).click();
  await page.locator('.comment', { hasText: 'Peut-on ajouter le prix ?' }).waitFor();
  await page.getByRole('button', { name: 'Approve' }).click();
  await status(page, 'Now approved.');
  await page.locator('details.history summary').click();
  assert.equal(await page.locator('details.history li').count(), 2);
  await assertAxe(page, 'composer with thread and review');

  // after a reload the comment and the state are still there
  await page.reload();
  await page.locator('.post-item', { hasText: 'Notre nouvelle carte' }).getByRole('link', { name: 'Open' }).click();
  await page.locator('.review .badge', { hasText: 'approved' }).waitFor();
  await page.locator('.comment', { hasText: 'Peut-on ajouter le prix ?' }).waitFor();
  await assertClean(context);
  await context.close();
});

test('a dropped image over 1 MB blocks Bluesky until it is reduced in the browser', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Café Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.getByLabel('Text of the post').fill('La nouvelle terrasse');
  // A 1,200 × 1,200 noise PNG (several MB), dropped on the images area.
  const bytes = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 1200; c.height = 1200;
    const ctx = c.getContext('2d');
    const img = ctx.createImageData(1200, 1200);
    for (let i = 0; i < img.data.length; i++) img.data[i] = (i % 4 === 3) ? 255 : Math.floor(Math.random() * 256);
    ctx.putImageData(img, 0, 0);
    const blob = await new Promise((r) => c.toBlob(r, 'image/png'));
    const dt = new DataTransfer();
    dt.items.add(new File([blob], 'terrasse.png', { type: 'image/png' }));
    document.querySelector('.drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return blob.size;
  });
  assert.ok(bytes > 1_000_000, `${bytes}`);
  await page.locator('.media-item img').waitFor();
  await page.getByLabel('Describe this image for people who cannot see it (alt text)').fill('Une terrasse au soleil');
  await page.locator('.gate li', { hasText: 'Bluesky: an image is over 1 MB; make it smaller.' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Schedule' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Make it smaller for Bluesky' }).click();
  await status(page, /Image reduced to .*(kB|KB|MB)\./);
  assert.equal(await page.locator('.gate li').count(), 0);
  // the alt text stayed with the reduced image
  assert.equal(await page.getByLabel('Describe this image for people who cannot see it (alt text)').inputValue(), 'Une terrasse au soleil');
  await assertClean(context);
  await context.close();
});
