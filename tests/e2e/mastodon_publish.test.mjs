// Publishing to Mastodon against the loopback server (tests/servers/mastodon.mjs): a post with
// an image and its alt text (uploaded, 202 then ready), a three-part thread chained by
// in_reply_to_id, a post handed to the server 10 minutes ahead and moved in the calendar,
// and a 429, a 503, a 422 and a 401 that lose nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open, settledValue } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const PNG = { name: 'shop.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64') };
const requestsSince = (n) => mastodon.state.log.slice(n).filter((l) => !l.startsWith('OPTIONS'));

/** A workspace with alice@social.test connected through the real OAuth redirect. */
const connected = async (context) => connectMastodon(await open(context, server.url), mastodon.url);

async function compose(page, text) {
  await page.goto(server.url + '/compose');
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Text of the post').fill(text);
}

test('publish now with an image and its alt text, then a three-part thread', async () => {
  const context = await newContext(browser);
  const page = await connected(context);

  await compose(page, 'La vitrine est prête ☕ #Lyon');
  await page.getByLabel('Add images').setInputFiles(PNG);
  await page.getByLabel('Describe this image for people who cannot see it (alt text)').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Publish now on Mastodon' }).isDisabled(), true, 'blocked until the image is described');
  await page.getByLabel('Describe this image for people who cannot see it (alt text)').fill('La vitrine du café, porte bleue');
  const before = mastodon.state.log.length;
  await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Mastodon.' }).waitFor();
  const sent = mastodon.state.statuses.at(-1);
  assert.equal(mastodon.state.statuses.length, 1);
  assert.equal(sent.content, '<p>La vitrine est prête ☕ #Lyon</p>');
  assert.equal(sent.media_attachments.length, 1);
  assert.equal(sent.media_attachments[0].description, 'La vitrine du café, porte bleue');
  const withMedia = requestsSince(before);
  console.log(`# requests for a publish with one image: ${withMedia.length} (${withMedia.join(', ')})`);
  assert.deepEqual(withMedia.filter((l) => l.startsWith('POST')), ['POST /api/v2/media', 'POST /api/v1/statuses']);
  await page.getByRole('link', { name: 'See it on Mastodon' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'See it on Mastodon' }).getAttribute('href'), sent.url);
  assert.equal(await page.getByRole('button', { name: 'Publish now on Mastodon' }).isDisabled(), true, 'sent once, not twice');
  await page.locator('.post-item', { hasText: 'La vitrine est prête' }).getByText('Published').waitFor();

  // a thread: three parts, each answering the one before
  await page.getByRole('button', { name: 'New post' }).click();
  const sentence = (n) => `Part ${n}: ` + 'Notre torréfacteur vous raconte le voyage du grain, de la ferme à la tasse. '.repeat(3);
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Text of the post').fill([1, 2, 3, 4, 5].map(sentence).join(' '));
  await page.getByRole('button', { name: 'Split into a thread for Mastodon' }).click();
  const parts = await page.locator('.thread-part').count();
  assert.ok(parts >= 3, `a thread of ${parts} parts`);
  const beforeThread = mastodon.state.statuses.length;
  const logBefore = mastodon.state.log.length;
  await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Mastodon.' }).waitFor();
  const thread = mastodon.state.statuses.slice(beforeThread);
  assert.equal(thread.length, parts);
  assert.equal(thread[0].in_reply_to_id, null);
  for (let i = 1; i < thread.length; i++) assert.equal(thread[i].in_reply_to_id, thread[i - 1].id);
  const noMedia = requestsSince(logBefore);
  console.log(`# requests for a ${parts}-part thread without media: ${noMedia.length}`);
  assert.equal(noMedia.length, parts);
  await assertClean(context);
  await context.close();
});

test('a post due in 10 minutes is held by the server, and moving it in the calendar moves it there', async () => {
  const context = await newContext(browser);
  const page = await connected(context);
  await compose(page, 'Atelier latte art samedi');
  const published = mastodon.state.statuses.length;
  const due = await page.evaluate(() => {
    const d = new Date(Date.now() + 10 * 60_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await page.locator('#due-at').fill(due);
  await page.locator('#schedule').click();
  await page.getByRole('status').filter({ hasText: /^Mastodon holds this post and publishes it on/ }).waitFor();
  assert.equal(mastodon.state.scheduled.size, 1);
  const held = [...mastodon.state.scheduled.values()][0];
  assert.equal(held.params.text, 'Atelier latte art samedi');
  const heldAt = Date.parse(held.scheduled_at);
  assert.ok(Math.abs(heldAt - Date.parse(due)) < 60_000, `held for ${held.scheduled_at}, due ${due}`);
  assert.equal(mastodon.state.statuses.length, published, 'nothing published yet');
  await page.locator('.held').waitFor();

  await page.getByRole('link', { name: 'Calendar' }).click();
  const chip = page.locator('.chip', { hasText: 'Atelier latte art samedi' });
  await chip.getByText('held by the server').waitFor();
  await page.getByRole('button', { name: 'Move “Atelier latte art samedi”' }).click();
  const next = await page.evaluate((d) => {
    const t = new Date(d); t.setDate(t.getDate() + 1);
    const p = (n) => String(n).padStart(2, '0');
    return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}`;
  }, due);
  await page.locator('#move-date').fill(next);
  await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
  await page.getByRole('status').filter({ hasText: /the server was told\.$/ }).waitFor();
  const moved = mastodon.state.scheduled.get(held.id);
  assert.equal(Date.parse(moved.scheduled_at) - heldAt, 24 * 3600_000, 'moved by one day on the server');

  // edited after the server took it: the composer says the server has the earlier words,
  // and one click replaces the held status (the old one cancelled, the new one at the same time)
  const postId = await chip.getAttribute('data-post');
  await page.goto(`${server.url}/compose?post=${postId}`);
  await page.locator('.held').waitFor();
  assert.equal(await page.locator('.held-stale').count(), 0, 'nothing to say before an edit');
  await page.locator('#post-text').fill('Atelier latte art samedi, 10 h');
  await page.getByText('Mastodon holds an earlier version of this post: the changes made since are saved here only.').waitFor();
  await page.getByRole('button', { name: 'Send the new version to Mastodon' }).click();
  await page.locator('.held-stale').waitFor({ state: 'detached' });
  assert.equal(mastodon.state.scheduled.size, 1, 'one status held, not two');
  const replaced = [...mastodon.state.scheduled.values()][0];
  assert.notEqual(replaced.id, held.id, 'the earlier one was cancelled');
  assert.equal(replaced.params.text, 'Atelier latte art samedi, 10 h');
  assert.equal(Date.parse(replaced.scheduled_at), Date.parse(moved.scheduled_at), 'at the same time');
  assert.equal(mastodon.state.statuses.length, published, 'still nothing published');

  // taking it back deletes it there and keeps it scheduled here
  await page.goto(`${server.url}/compose?post=${postId}`);
  await page.getByRole('button', { name: 'Take it back from the server' }).click();
  await page.getByRole('status').filter({ hasText: 'The server no longer holds this post; it stays here, scheduled.' }).waitFor();
  assert.equal(mastodon.state.scheduled.size, 0);
  assert.equal(await settledValue(page.getByLabel('Text of the post'), 'Atelier latte art samedi, 10 h'), 'Atelier latte art samedi, 10 h');
  await assertClean(context);
  await context.close();
});

test('a 429 pauses until the reset, a 503 is retried, a 401 asks to sign in again, and nothing is lost', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { locale: 'fr-FR' });
  await page.goto(server.url + '/compose');
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Texte de la publication').fill('Soirée dégustation jeudi');

  const count = mastodon.state.statuses.length;
  mastodon.state.mode.rateLimitedUntil = Date.now() + 60_000;
  await page.getByRole('button', { name: 'Publier maintenant sur Mastodon' }).click();
  await page.locator('.api-publish [role=alert]').filter({ hasText: /^Mastodon demande à Attaché de ralentir\s: en pause jusqu'à \d\d:\d\d\./ }).waitFor();
  assert.equal(mastodon.state.statuses.length, count, 'nothing sent during the pause');
  // nothing lost: the text is still there after a reload
  await page.reload();
  await page.locator('.post-item', { hasText: 'Soirée dégustation jeudi' }).getByRole('link').first().click();
  assert.equal(await settledValue(page.getByLabel('Texte de la publication'), 'Soirée dégustation jeudi'), 'Soirée dégustation jeudi');

  // after the reset, with one 503 on the way: sent once
  mastodon.state.mode.rateLimitedUntil = 0;
  mastodon.state.mode.failNext = 1;
  await page.getByRole('button', { name: 'Publier maintenant sur Mastodon' }).click();
  await page.getByRole('status').filter({ hasText: 'Publié sur Mastodon.' }).waitFor();
  assert.equal(mastodon.state.statuses.length, count + 1);
  assert.equal(mastodon.state.statuses.at(-1).content, '<p>Soirée dégustation jeudi</p>');

  // a 401: the account needs signing in again; the next post waits with its text
  await page.getByRole('button', { name: 'Nouvelle publication' }).click();
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Texte de la publication').fill('Nouveau menu d’hiver');
  // a 422: the server's own words on the post, which stays as it was
  mastodon.state.mode.rejectNext = 'Validation failed: Text contains a word this server does not allow';
  await page.getByRole('button', { name: 'Publier maintenant sur Mastodon' }).click();
  await page.locator('.api-publish [role=alert]').filter({ hasText: 'Mastodon a refusé la publication\u00a0: Validation failed: Text contains a word this server does not allow' }).waitFor();
  assert.equal(await settledValue(page.getByLabel('Texte de la publication'), 'Nouveau menu d’hiver'), 'Nouveau menu d’hiver');
  mastodon.state.mode.unauthorized = true;
  await page.getByRole('button', { name: 'Publier maintenant sur Mastodon' }).click();
  await page.locator('.api-publish [role=alert]').filter({ hasText: 'reconnectez-le dans Comptes. La publication est gardée.' }).waitFor();
  mastodon.state.mode.unauthorized = false;
  assert.equal(mastodon.state.statuses.length, count + 1);
  await page.getByRole('link', { name: 'Comptes' }).click();
  await page.locator('.account', { hasText: '@alice@social.test' }).getByText('reconnexion nécessaire').waitFor();
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.locator('.post-item', { hasText: 'Nouveau menu d’hiver' }).waitFor();
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource: the server responded with a status of (429|503|422|401)/.test(p)));
  await assertClean(context);
  await context.close();
});

test('a scheduled post ten months past its time is listed for a decision, not left waiting', async () => {
  const context = await newContext(browser);
  const page = await connected(context);
  await compose(page, 'Galette des rois, oubliée');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor();
  // As a post moved there before moves into the past were refused: scheduled, ten months ago.
  await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const tx = db.transaction('posts', 'readwrite');
    const store = tx.objectStore('posts');
    const [post] = await new Promise((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); });
    const due = Date.now() - 300 * 86_400_000;
    store.put({ ...post, state: 'scheduled', due_at: due });
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  });
  const before = mastodon.state.statuses.length;
  await page.reload();
  await page.getByRole('link', { name: /^Outbox/ }).click();
  await page.getByRole('heading', { name: 'Past their time' }).waitFor();
  await page.locator('.outbox-row.late', { hasText: 'Galette des rois, oubliée' }).waitFor();
  assert.equal(mastodon.state.statuses.length, before, 'not sent unasked');
  await assertClean(context);
  await context.close();
});

test('posts scheduled before Mastodon was connected are offered to the server in one action once it connects (French)', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Boulangerie Dupain');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  const due = (minutes) => page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, minutes);
  const texts = [`Croissants au beurre ${Date.now()}`, `Pain de seigle ${Date.now()}`];
  for (const [i, text] of texts.entries()) {
    await page.goto(server.url + '/compose');
    await page.getByRole('heading', { level: 1, name: 'Rédiger' }).waitFor();
    await page.getByRole('button', { name: 'Nouvelle publication' }).click();
    await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
    await page.getByLabel('Texte de la publication').fill(text);
    await page.locator('#due-at').fill(await due(60 + i * 30));
    await page.locator('#schedule').click();
    await page.getByRole('status').filter({ hasText: /^Programmé pour le / }).waitFor();
  }
  const before = mastodon.state.scheduled.size;

  await page.getByRole('link', { name: 'Comptes' }).click();
  await page.getByLabel('Votre serveur Mastodon (par exemple mastodon.social)').fill(mastodon.url);
  await page.getByRole('button', { name: 'Connecter', exact: true }).click();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.getByText('2 publications sont programmées pour Mastodon et attendent ici').waitFor();
  assert.equal(mastodon.state.scheduled.size, before, 'nothing handed over before the user says so');
  await page.getByRole('button', { name: 'Les confier à Mastodon' }).click();
  await page.getByRole('status').filter({ hasText: 'Mastodon garde maintenant 2 publications et les publiera à l\'heure.' }).waitFor();
  const held = [...mastodon.state.scheduled.values()].map((s) => s.params.text);
  for (const text of texts) assert.ok(held.includes(text), `${text} is held by the server`);
  await page.getByRole('heading', { name: 'Publications programmées que Mastodon peut garder' }).waitFor({ state: 'detached' });
  await assertClean(context);
  await context.close();
});

test('in French, "Mastodon est injoignable" goes by itself once the outbox has sent the post', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { locale: 'fr-FR' });
  await page.goto(server.url + '/compose');
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Texte de la publication').fill('Fournée du soir à 18 h');
  const count = mastodon.state.statuses.length;
  // The server answers 503 twice: the first attempt and its first retry fail.
  mastodon.state.mode.failNext = 2;
  await page.getByRole('button', { name: 'Publier maintenant sur Mastodon' }).click();
  const warning = page.locator('.status-error').filter({ hasText: 'Mastodon est injoignable. La publication est gardée\u00a0; réessayez une fois en ligne.' });
  await warning.waitFor();
  // The outbox tries again by itself (backoff of a second or two); once sent, the warning
  // no longer holds and is gone, without a click.
  await page.getByRole('status').filter({ hasText: 'Publié sur Mastodon.' }).waitFor({ timeout: 20_000 });
  await warning.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.status-error').innerText(), '');
  assert.equal(mastodon.state.statuses.length, count + 1, 'sent once');
  context.problems.splice(0, context.problems.length, ...context.problems.filter((p) => !/Failed to load resource: the server responded with a status of 503/.test(p)));
  await assertClean(context);
  await context.close();
});
