// The same person on two networks: carla writes to alice on the loopback Mastodon server and
// carla.test mentions her on the real local Bluesky network, bob.test likes her post there;
// all become members; carla's two identities are suggested as one person (same handle),
// merged (one member, both timelines, "also known as", named by the identity seen more
// often), unmerged (two again, suggested
// again), then dismissed — and the dismissal holds after a reload. Axe clean throughout.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';
import { signInBluesky } from './support/bluesky.mjs';
import { requirePds, login, createPost, like, listNotifications, waitFor } from './support/pds.mjs';

let server, browser, mastodon, alice, bob, carla;
before(async () => {
  await requirePds();
  server = await serveDist();
  browser = await launch();
  mastodon = await startMastodon();
  [alice, bob, carla] = await Promise.all(['alice.test', 'bob.test', 'carla.test'].map(login));
});
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const run = `m${Date.now().toString(36)}`;
const member = (page, handle) => page.locator('.people-list > .member', { hasText: handle });
test('carla on Mastodon and carla.test on Bluesky: suggested, merged, unmerged, then dismissed for good', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { workspace: 'Deux réseaux' });
  await signInBluesky(page);
  mastodon.addMention({ html: `<p>@alice Bonjour depuis Mastodon ${run}-masto</p>`, from: 'carla' });
  await createPost(carla, {
    $type: 'app.bsky.feed.post', text: `@alice.test Bonjour depuis Bluesky ${run}-sky`, createdAt: new Date().toISOString(),
    facets: [{ index: { byteStart: 0, byteEnd: 11 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: alice.did }] }],
  });
  const post = await createPost(alice, { $type: 'app.bsky.feed.post', text: `Fournée ${run}`, createdAt: new Date().toISOString() });
  await like(bob, post);
  await waitFor(async () => {
    const all = await listNotifications(alice, { all: true });
    return all.some((x) => x.record?.text?.includes(`${run}-sky`)) && all.some((x) => x.reason === 'like' && x.reasonSubject === post.uri);
  });
  await page.locator('.app-nav').getByRole('link', { name: 'Inbox' }).click();
  await page.locator('.conversation', { hasText: `${run}-masto` }).waitFor();
  await page.locator('.conversation', { hasText: `${run}-sky` }).waitFor();

  await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
  const masto = member(page, '@carla@elsewhere.test');
  const sky = member(page, '@carla.test');
  // Before the merge, each is its own member.
  await masto.waitFor();
  await sky.waitFor();
  await member(page, '@bob.test').waitFor();
  const suggestions = page.getByRole('region', { name: /possible merge/ });
  const pair = suggestions.locator('li', { hasText: '@carla.test' });
  await pair.getByText('the same handle on two networks (carla)').waitFor();
  assert.equal(await suggestions.locator('li').count(), 1, 'bob.test is nobody else');
  await axeClean(page);

  // Merged: one member with both identities and both messages (named by the identity seen
  // more often: carla.test also has the network's seeded follows).
  await pair.getByRole('button', { name: /^Merge / }).click();
  await page.getByRole('status').filter({ hasText: 'Merged: one member now.' }).waitFor();
  await suggestions.waitFor({ state: 'detached' });
  const carlas = page.locator('.people-list > .member', { hasText: /carla/ });
  await masto.waitFor({ state: 'detached' });
  assert.equal(await carlas.count(), 1);
  assert.match(await sky.locator('.member-open').innerText(), /@carla\.test\s+· Bluesky\s+\+ Mastodon/);
  await sky.locator('.member-open').click();
  await sky.locator('.identities li', { hasText: '@carla@elsewhere.test' }).getByText('Mastodon').waitFor();
  await sky.locator('.timeline li', { hasText: `${run}-masto` }).waitFor();
  await sky.locator('.timeline li', { hasText: `${run}-sky` }).waitFor();
  await axeClean(page);

  // Unmerged: two members again, and suggested again (it was not dismissed).
  await sky.getByRole('button', { name: 'Unmerge @carla@elsewhere.test' }).click();
  await page.getByRole('status').filter({ hasText: 'Unmerged: two members again.' }).waitFor();
  await masto.waitFor();
  await sky.waitFor();
  // The list is drawn again once the members are read again: the two rows, not the merged one.
  await carlas.nth(1).waitFor();
  assert.equal(await carlas.count(), 2);
  await pair.waitFor();

  // Not the same person: never suggested again, even after a reload.
  await pair.getByRole('button', { name: /are not the same person$/ }).click();
  await page.getByRole('status').filter({ hasText: 'Noted: they will not be suggested again.' }).waitFor();
  await suggestions.waitFor({ state: 'detached' });
  await page.reload();
  await sky.waitFor();
  await masto.waitFor();
  assert.equal(await suggestions.count(), 0);
  await assertClean(context);
  await context.close();
});
