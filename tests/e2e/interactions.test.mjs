// Favourites, boosts and follows from the loopback Mastodon server: counted in the Inbox's
// "Likes, boosts and follows" panel (totals, who gave the most, the latest), never listed as
// conversations, and counted once however many times the Inbox checks.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon, publishOnMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const ago = (m) => new Date(Date.now() - m * 60_000).toISOString();

test('likes, boosts and follows are counted per person, not listed as conversations, and counted once', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  const ours = (await publishOnMastodon(page, server.url, mastodon, 'Marché de Noël ce week-end')).id;
  mastodon.addInteraction({ type: 'favourite', from: 'bob', statusId: ours, at: ago(40) });
  mastodon.addInteraction({ type: 'reblog', from: 'bob', statusId: ours, at: ago(30) });
  mastodon.addInteraction({ type: 'favourite', from: 'carol', statusId: ours, at: ago(20) });
  mastodon.addInteraction({ type: 'follow', from: 'dan', at: ago(10) });
  // Older than the panel's 30 days: kept, not counted there.
  mastodon.addInteraction({ type: 'favourite', from: 'erin', statusId: ours, at: ago(60 * 24 * 40) });

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 0 new mentions.' }).waitFor();
  await page.getByText('Nothing has come to @alice@social.test yet. “Check now” looks again.').waitFor();

  const panel = page.locator('details.interactions');
  await panel.locator('summary', { hasText: 'Likes, boosts and follows' }).click();
  const totals = panel.getByRole('table', { name: 'The last 30 days' });
  await totals.waitFor();
  assert.deepEqual(await totals.locator('tbody td').allInnerTexts(), ['2', '1', '1']);
  const people = panel.getByRole('table', { name: 'Who gave the most' });
  assert.deepEqual(await people.locator('tbody th').allInnerTexts(),
    ['bob @bob@elsewhere.test', 'dan @dan@elsewhere.test', 'carol @carol@elsewhere.test']);
  assert.deepEqual(await people.locator('tbody tr').first().locator('td').allInnerTexts(), ['1', '1', '0']);
  assert.match(await panel.locator('.interactions-latest li').first().innerText(), /^dan followed the account · Mastodon · /);
  const axe = await new AxeBuilder({ page }).include('details.interactions').analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);

  // Checked again: nothing new, nothing counted twice; read again on opening.
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date: 0 new mentions.' }).waitFor();
  await panel.locator('summary').click();
  await panel.locator('summary').click();
  await totals.waitFor();
  assert.deepEqual(await totals.locator('tbody td').allInnerTexts(), ['2', '1', '1']);
  // Mentions from the grouped endpoint, interactions ungrouped (each person counted) from v1.
  const asked = (path) => mastodon.state.log.filter((l) => l === `GET ${path}`).length;
  assert.ok(asked('/api/v2/notifications') >= 2, `mentions asked at each check (${asked('/api/v2/notifications')})`);
  assert.ok(asked('/api/v1/notifications') >= 2, `interactions asked at each check (${asked('/api/v1/notifications')})`);
  await assertClean(context);
  await context.close();
});
