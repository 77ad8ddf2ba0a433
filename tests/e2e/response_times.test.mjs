// The Inbox's response times, from the loopback Mastodon server: a message answered from the
// Inbox half an hour after it came shows as one first response of 30 minutes, within the
// hour, on Mastodon, in this week; working hours that leave that half hour out count it as
// none of their time, are kept after a reload, and a reversed time range is refused with a
// sentence and saves nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const MINUTE = 60_000;

/// The figures of the totals table's row `name`: answers, median, 90% within, within 1 hour.
async function totals(page, name) {
  const row = page.locator('.response-times table').first().getByRole('row', { name: new RegExp(`^${name}`) });
  return row.locator('td').allInnerTexts();
}

test('a reply half an hour after the message counts as a 30-minute first response; working hours that leave it out count none of it, and are kept', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  mastodon.addMention({ html: '<p>Vous ouvrez dimanche ?</p>', from: 'zoe', at: new Date(Date.now() - 30 * MINUTE).toISOString() });
  await page.goto(server.url + '/inbox');
  const zoe = page.locator('.conversation', { hasText: 'zoe' });
  await zoe.locator('.conv-open').click();
  await page.getByLabel('Your reply to zoe on Mastodon').fill('@zoe@elsewhere.test Oui, de 8 h à 13 h.');
  await page.getByRole('button', { name: 'Send the reply' }).click();
  await page.getByRole('status').filter({ hasText: /^Reply to zoe saved/ }).waitFor();
  await zoe.waitFor({ state: 'detached' });

  await page.getByText('Response times', { exact: true }).click();
  const first = await totals(page, 'First response');
  assert.equal(first[0], '1');
  assert.match(first[1], /^(30|31) min$/, 'the median first response is half an hour');
  assert.equal(first[3], '100 %');
  const byNetwork = page.locator('table', { hasText: 'By network' }).getByRole('row', { name: /^Mastodon/ });
  assert.equal((await byNetwork.locator('td').allInnerTexts())[0], '1');
  assert.equal(await page.locator('.buckets li', { hasText: 'Under 1 h' }).locator('.bucket-count').innerText(), '1');

  // Working hours on a day three days from today only: the half hour is none of their time.
  await page.getByLabel('Count only working hours').check();
  const today = (new Date().getDay() + 6) % 7; // Monday 0
  const days = page.getByRole('group', { name: 'Working days' }).getByRole('checkbox');
  for (let i = 0; i < 7; i++) {
    if (i === (today + 3) % 7) await days.nth(i).check(); else await days.nth(i).uncheck();
  }
  // A reversed range is refused and says why.
  await page.getByLabel('From', { exact: true }).fill('18:00');
  await page.getByLabel('To', { exact: true }).fill('09:00');
  await page.locator('.working-hours').getByRole('button', { name: 'Save' }).click();
  await page.getByRole('alert').filter({ hasText: 'The closing time must come after the opening time' }).waitFor();
  await page.getByLabel('From', { exact: true }).fill('09:00');
  await page.getByLabel('To', { exact: true }).fill('18:00');
  await page.locator('.working-hours').getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Working hours saved' }).waitFor();
  assert.equal((await totals(page, 'First response'))[1], '0 min');

  await page.reload();
  await page.getByText('Response times', { exact: true }).click();
  assert.equal(await page.getByLabel('Count only working hours').isChecked(), true);
  assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), '09:00');
  assert.equal((await totals(page, 'First response'))[1], '0 min');
  // Every hour counts again.
  await page.getByLabel('Count only working hours').uncheck();
  await page.locator('.working-hours').getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Every hour counts again' }).waitFor();
  assert.match((await totals(page, 'First response'))[1], /^(30|31) min$/);
  await assertClean(context);
  await context.close();
});
