// Previews that look like each network (issue 14): the author, LinkedIn's and Instagram's
// "see more" fold (closed, then opened), X's cut at its limit, Mastodon's content warning
// hiding the text, links and hashtags drawn as the network draws them, the link card each
// network makes (and none once there is an image), the images with their alt text in a grid or
// a carousel, the thread's next post; one network at a time, chosen by click or arrow keys;
// in French and English, with axe clean on the open previews.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PNG = { name: 'pain.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64') };
const LONG = 'La fournée de 7 h sort du four : baguettes, croissants et pain de seigle. Passez nous voir rue des Lilas, '
  + 'la boutique est ouverte jusqu\'à 19 h tous les jours sauf le lundi. Nos pains sont faits sur place, avec des farines '
  + 'de la région. https://boulangerie-dupain.website/nos-pains-de-saison #boulangerie';
// The network chosen by its label, as a user clicks it.
const tab = (page, name) => page.locator('.preview-tabs').getByText(name, { exact: true });
const preview = (page, net) => page.locator(`.pv[data-network="${net}"]`);
async function composer(locale, name) {
  const context = await newContext(browser, { locale });
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill(name);
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.goto(server.url + '/compose');
  await page.locator('#post-text').waitFor();
  return { context, page };
}

test('each network\'s preview: author, fold, link card, content warning, images, one at a time (French)', async () => {
  const { context, page } = await composer('fr-FR', 'Boulangerie Dupain');
  await page.locator('#net-linkedin').check();
  await page.locator('#net-instagram').check();
  await page.locator('#post-text').fill(LONG);

  // Mastodon first: the workspace's name as author (no account connected), the whole text,
  // the link shortened, the hashtag drawn as a tag, and the card Mastodon makes from the page.
  const mastodon = preview(page, 'mastodon');
  await mastodon.waitFor();
  assert.equal(await mastodon.locator('.pv-name').first().innerText(), 'Boulangerie Dupain');
  assert.equal(await mastodon.locator('.pv-link').innerText(), 'boulangerie-dupain.website/nos…');
  assert.equal(await mastodon.locator('.pv-tag').innerText(), '#boulangerie');
  assert.equal(await mastodon.locator('.pv-more').count(), 0, 'Mastodon shows the whole post');
  assert.match(await mastodon.locator('.pv-card').innerText(), /boulangerie-dupain\.website\s+Mastodon crée cette carte à partir de la page\./);
  assert.equal(await preview(page, 'linkedin').isVisible(), false, 'one preview at a time');

  // LinkedIn: folded after about three lines, the rest behind "…voir plus", the address whole.
  await tab(page, 'LinkedIn').click();
  const linkedin = preview(page, 'linkedin');
  await linkedin.waitFor();
  assert.equal(await mastodon.isVisible(), false);
  const more = linkedin.getByRole('button', { name: '…voir plus' });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await linkedin.locator('.pv-folded').isVisible(), false);
  const shown = await linkedin.locator('.pv-text').evaluate((p) => [...p.childNodes].filter((n) => !n.classList?.contains('pv-folded') && n.tagName !== 'BUTTON').map((n) => n.textContent).join(''));
  assert.ok(LONG.startsWith(shown), 'the shown part is the start of the text');
  assert.ok(shown.length <= 210 && shown.length > 180, `folded after ${shown.length} characters`);
  await linkedin.getByText('Dans le fil, LinkedIn cache la suite derrière « …voir plus ».').waitFor();
  await more.click();
  assert.equal(await linkedin.locator('.pv-folded').isVisible(), true);
  assert.equal(await linkedin.getByRole('button', { name: 'Voir moins' }).getAttribute('aria-expanded'), 'true');
  assert.equal(await linkedin.locator('.pv-link').innerText(), 'https://boulangerie-dupain.website/nos-pains-de-saison');

  // The arrow keys move between networks, as radio buttons do.
  await page.locator('#preview-linkedin').focus();
  await page.keyboard.press('ArrowRight');
  const instagram = preview(page, 'instagram');
  await instagram.waitFor();
  assert.equal(await linkedin.isVisible(), false);
  // Instagram: no link in a caption, no card; the caption folds after about two lines.
  assert.equal(await instagram.locator('.pv-link').count(), 0);
  assert.equal(await instagram.locator('.pv-card').count(), 0);
  assert.ok(await instagram.getByRole('button', { name: '… plus' }).isVisible());

  // Two images: Instagram shows a carousel, Mastodon a grid of both with their alt text, and
  // no link card any more.
  await page.locator('#post-images').setInputFiles([PNG, { ...PNG, name: 'seigle.png' }]);
  await page.locator('.media-item').nth(1).waitFor();
  await page.locator('.media-item textarea').first().fill('Baguettes sur une grille');
  await instagram.locator('.pv-carousel-count', { hasText: '1 sur 2' }).waitFor();
  assert.equal(await instagram.locator('.pv-image img').count(), 1);
  assert.equal(await instagram.locator('.pv-image img').getAttribute('alt'), 'Baguettes sur une grille');
  assert.equal(await instagram.locator('.pv-media + .pv-body').count(), 1, 'on Instagram the image comes before the caption');
  await tab(page, 'Mastodon').click();
  assert.equal(await mastodon.locator('.pv-image img').count(), 2);
  assert.equal(await mastodon.locator('.pv-card').count(), 0, 'a post with images gets no card');
  await axeClean(page);

  // Mastodon's content warning hides the text until "Afficher plus".
  await page.getByLabel('Avertissement de contenu (Mastodon)').fill('Recette secrète');
  await mastodon.locator('.pv-cw', { hasText: 'Recette secrète' }).waitFor();
  assert.equal(await mastodon.locator('.pv-body').isVisible(), false);
  await mastodon.getByRole('button', { name: 'Afficher plus' }).click();
  assert.equal(await mastodon.locator('.pv-body').isVisible(), true);

  // Unchecking the network shown falls back to the first one still chosen.
  await tab(page, 'LinkedIn').click();
  await page.locator('#net-linkedin').uncheck();
  await mastodon.waitFor();
  assert.equal(await preview(page, 'linkedin').count(), 0);
  await assertClean(context);
  await context.close();
});

test('X cuts at 280, a thread\'s next post follows, and Bluesky shows only the card written for it (English)', async () => {
  const { context, page } = await composer('en-US', 'Bakery Dupain');
  await page.locator('#net-x').check();
  const text = 'Fresh bread at seven. '.repeat(15).trim(); // 329 characters
  await page.locator('#post-text').fill(text);
  await tab(page, 'X').click();
  const x = preview(page, 'x');
  await x.waitFor();
  const marked = await x.locator('mark').innerText();
  assert.equal(text.length - marked.length, 280, 'everything after 280 is marked');
  assert.ok(text.endsWith(marked));
  await x.getByText('The highlighted part does not fit.').waitFor();
  assert.equal(await x.locator('.pv-more').count(), 0, 'X has no "see more" fold');

  // Bluesky: no card until one is written; then its title and the site.
  await page.locator('#post-text').fill('Our new bread: https://bakery.example/rye');
  await tab(page, 'Bluesky').click();
  const bluesky = preview(page, 'bluesky');
  await bluesky.waitFor();
  assert.equal(await bluesky.locator('.pv-card').count(), 0);
  await page.getByLabel('Card title').fill('Rye, the slow way');
  await bluesky.locator('.pv-card', { hasText: 'Rye, the slow way' }).waitFor();
  assert.match(await bluesky.locator('.pv-card').innerText(), /^bakery\.example/);

  // A thread: the next post shows under the first, as a reply.
  await page.locator('#post-text').fill('Part one of the story. '.repeat(20).trim());
  await page.getByRole('button', { name: 'Split into a thread for Bluesky' }).click();
  await bluesky.locator('.pv-reply').first().waitFor();
  const first = await bluesky.locator('.pv-body .pv-text').innerText();
  const replies = await bluesky.locator('.pv-reply .pv-text').allInnerTexts();
  assert.ok(replies.length >= 1);
  assert.equal(await bluesky.locator('mark').count(), 0, 'no part of the thread is over the limit');
  // Each part as the split numbered it (1/2, 2/2), the words all there, in order.
  const parts = [first, ...replies];
  parts.forEach((p, i) => assert.ok(p.endsWith(` ${i + 1}/${parts.length}`), p));
  const words = parts.map((p) => p.replace(/ \d+\/\d+$/, '')).join(' ');
  assert.equal(words, 'Part one of the story. '.repeat(20).trim());
  await axeClean(page);
  await assertClean(context);
  await context.close();
});
