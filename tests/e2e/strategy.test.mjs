// The strategy screen and its glossary: mission, audience and tone saved and kept across a
// reload; words to avoid added (with plain errors), then pointed out in the composer and
// replaced in one action, by keyboard; axe on the screen in both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

async function assertAxe(page, where) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], where);
}

test('the strategy is kept, and the composer points out a word to avoid and replaces it by keyboard', async () => {
  const context = await newContext(browser, { locale: 'fr-FR' });
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Café Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Stratégie' }).click();
  await page.getByRole('heading', { level: 1, name: 'Stratégie' }).waitFor();
  await page.getByText('Aucun mot à éviter pour l\'instant.').waitFor();
  await assertAxe(page, 'strategy, empty (fr)');

  await page.getByLabel('La mission de la communauté').fill('Réunir les amateurs de café de Lyon autour du goût.');
  await page.getByLabel('Qui compose la communauté (public)').fill('Étudiants, télétravailleurs, habitués du quartier.');
  await page.getByLabel('Notre ton fait (un par ligne, un exemple après deux-points)').fill('Tutoie : « Tu passes samedi ? »\nSourit');
  await page.getByRole('button', { name: 'Enregistrer la stratégie' }).click();
  await page.getByRole('status').filter({ hasText: 'Stratégie enregistrée.' }).waitFor();

  // words to avoid: a plain error for a half-filled entry, then two entries
  await page.getByLabel('Mot ou expression à éviter').fill('utilisateurs');
  await page.getByRole('button', { name: 'Ajouter au glossaire' }).click();
  await page.getByText('Remplissez le mot à éviter et ce qu\'il faut écrire à la place.').waitFor();
  await page.getByLabel('Écrire plutôt').fill('membres');
  await page.getByLabel('Pour les publications en').selectOption('fr');
  await page.getByRole('button', { name: 'Ajouter au glossaire' }).click();
  await page.getByRole('status').filter({ hasText: 'utilisateurs' }).waitFor();
  await page.getByLabel('Mot ou expression à éviter').fill('Utilisateurs');
  await page.getByLabel('Écrire plutôt').fill('gens');
  await page.getByLabel('Pour les publications en').selectOption('fr');
  await page.getByRole('button', { name: 'Ajouter au glossaire' }).click();
  await page.getByText('Ce mot est déjà dans la liste pour cette langue.').waitFor();
  await page.getByLabel('Mot ou expression à éviter').fill('customers');
  await page.getByLabel('Écrire plutôt').fill('regulars');
  await page.getByLabel('Pour les publications en').selectOption('en');
  await page.getByRole('button', { name: 'Ajouter au glossaire' }).click();
  await page.locator('.glossary-list li').nth(1).waitFor();
  await assertAxe(page, 'strategy with a glossary (fr)');

  // all kept after a reload
  await page.reload();
  await page.locator('.glossary-list li', { hasText: 'utilisateurs' }).waitFor();
  assert.equal(await page.getByLabel('La mission de la communauté').inputValue(), 'Réunir les amateurs de café de Lyon autour du goût.');
  assert.equal(await page.getByLabel('Notre ton fait (un par ligne, un exemple après deux-points)').inputValue(), 'Tutoie : « Tu passes samedi ? »\nSourit');
  assert.equal(await page.locator('.glossary-list li').count(), 2);

  // the composer (in French) points out the French word only, and replaces it by keyboard
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.getByLabel('Texte de la publication').fill('Merci à nos Utilisateurs et à nos customers fidèles !');
  const hit = page.locator('.tone-check li');
  await hit.first().waitFor();
  assert.equal(await hit.count(), 1, 'the English-only term does not apply to a French post');
  assert.equal(await hit.locator('mark.banned').innerText(), 'Utilisateurs');
  await hit.getByText('«\u00a0Utilisateurs\u00a0»\u00a0: le glossaire dit «\u00a0Membres\u00a0».').waitFor();
  await page.getByRole('button', { name: 'Remplacer «\u00a0Utilisateurs\u00a0» par «\u00a0Membres\u00a0» (dans le texte)' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Remplacé par «\u00a0Membres\u00a0».' }).waitFor();
  assert.equal(await page.getByLabel('Texte de la publication').inputValue(), 'Merci à nos Membres et à nos customers fidèles !');
  assert.equal(await page.locator('.tone-check').count(), 0);

  // in a thread, each part is checked and fixed where it is
  const long = 'Notre torréfacteur vous raconte le voyage du grain, de la ferme à la tasse. '.repeat(7) + 'Merci à tous nos utilisateurs.';
  await page.getByLabel('Texte de la publication').fill(long);
  await page.getByRole('button', { name: 'Découper en fil pour Mastodon' }).click();
  const inPart = page.locator('.tone-check li', { hasText: 'dans le fil Mastodon, partie 2' });
  await inPart.waitFor();
  await page.locator('.tone-check li', { hasText: 'dans le texte' }).waitFor();
  await inPart.getByRole('button').click();
  await page.getByRole('status').filter({ hasText: 'Remplacé par «\u00a0membres\u00a0».' }).waitFor();
  assert.match(await page.locator('#thread-mastodon-2').inputValue(), /Merci à tous nos membres\./);
  assert.equal(await page.locator('.tone-check li', { hasText: 'dans le fil Mastodon' }).count(), 0);
  await assertClean(context);
  await context.close();
});

test('personas are kept, and no axe violation on the strategy screen in English', async () => {
  const context = await newContext(browser, { locale: 'en-US', colorScheme: 'dark' });
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Strategy' }).click();
  await page.getByText('No word to avoid yet.').waitFor();
  await page.getByLabel('Word or phrase to avoid').fill('users');
  await page.getByLabel('Write instead').fill('members');
  await page.getByRole('button', { name: 'Add to the glossary' }).click();
  await page.getByRole('button', { name: 'Remove “users”' }).waitFor();
  // a persona: a name is needed, the rest is kept as written
  await page.getByRole('button', { name: 'Add the persona' }).click();
  await page.getByText('Give the persona a name (100 characters at most).').waitFor();
  await page.getByLabel('Name (for example “Léa, student”)').fill('Léa, student');
  await page.getByLabel('What they need').fill('A quiet table and good Wi-Fi');
  await page.getByLabel('Where to find them (networks, times)').fill('Mastodon, weekday mornings');
  await page.getByRole('button', { name: 'Add the persona' }).click();
  await page.getByRole('status').filter({ hasText: '“Léa, student” added.' }).waitFor();
  await page.reload();
  const persona = page.locator('.persona', { hasText: 'Léa, student' });
  await persona.getByText('A quiet table and good Wi-Fi').waitFor();
  await persona.getByText('Mastodon, weekday mornings').waitFor();
  assert.equal(await persona.getByText('What they expect from the brand').count(), 0, 'empty fields are not shown');
  await assertAxe(page, 'strategy (en, dark)');
  await page.getByRole('button', { name: 'Remove “users”' }).click();
  await page.getByRole('status').filter({ hasText: '“users” is no longer on the list.' }).waitFor();
  await page.getByText('No word to avoid yet.').waitFor();
  await assertClean(context);
  await context.close();
});

test('objectives follow measured figures: posts this week and followers, and fall behind as time passes', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  await page.getByRole('link', { name: 'Strategy' }).click();
  await page.getByText('No objective yet.').waitFor();
  const inDays = (n) => page.evaluate((days) => {
    const d = new Date(Date.now() + days * 86_400_000);
    const p = (x) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }, n);

  // a plain error for a missing target, then two objectives
  await page.getByLabel('What to measure').selectOption({ label: 'Posts per week on Mastodon' });
  await page.getByLabel('By (date)').fill(await inDays(30));
  await page.getByRole('button', { name: 'Add the objective' }).click();
  await page.getByText('The target must be a number above zero.').waitFor();
  await page.getByLabel('Target').fill('3');
  await page.getByLabel('Owner').fill('Léa');
  await page.getByRole('button', { name: 'Add the objective' }).click();
  await page.getByRole('status').filter({ hasText: 'Objective added.' }).waitFor();
  const weekly = page.locator('.objective', { hasText: 'Posts per week on Mastodon' });
  await weekly.getByText(/^Posts per week on Mastodon: 0 of 3 by /).waitFor();
  await weekly.getByText('owner: Léa').waitFor();
  await page.getByLabel('What to measure').selectOption({ label: 'Followers on Mastodon' });
  await page.getByLabel('Target').fill('2000');
  await page.getByLabel('By (date)').fill(await inDays(90));
  await page.getByRole('button', { name: 'Add the objective' }).click();
  const followers = page.locator('.objective', { hasText: 'Followers on Mastodon' });
  await followers.getByText('Followers on Mastodon: no figures yet. Connect the account or publish, and they will show here.').waitFor();
  await assertAxe(page, 'strategy with objectives (en)');

  // two posts go out: the weekly count moves; a sync brings the followers
  for (const text of ['Atelier du samedi', 'Nouveau torréfacteur']) {
    await page.goto(server.url + '/compose');
    await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
    await page.getByLabel('Text of the post').fill(text);
    await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
    await page.getByRole('status').filter({ hasText: 'Published on Mastodon.' }).waitFor();
  }
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date' }).waitFor();
  await page.getByRole('link', { name: 'Strategy' }).click();
  await weekly.getByText(/^Posts per week on Mastodon: 2 of 3 by /).waitFor();
  await weekly.getByText('on track').waitFor();
  await followers.getByText(/^Followers on Mastodon: 1,280 of 2,000 by /).waitFor();

  // eight days later, nothing more published: the week is empty and the objective at risk
  await context.clock.setFixedTime(Date.now() + 8 * 86_400_000);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Strategy' }).waitFor();
  await weekly.getByText(/^Posts per week on Mastodon: 0 of 3 by /).waitFor();
  await weekly.getByText('at risk').waitFor();
  // Today says so and leads to the report, which names it at risk too.
  await page.getByRole('link', { name: 'Today' }).click();
  await page.getByText(/^Posts per week on Mastodon \(by .+\) is at risk\.$/).waitFor();
  await page.getByRole('link', { name: 'See the report: what was counted, post by post' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await page.locator('.report-objectives li', { hasText: /^Posts per week on Mastodon: 0 of 3 by / }).getByText('at risk').waitFor();
  // The weeks against the objective: this week none of 3, the week they went out 2 of 3.
  const weeks = page.locator('section[aria-labelledby="report-weeks"]');
  await weeks.getByRole('columnheader', { name: 'Mastodon (objective: 3 a week)' }).waitFor();
  const column = await weeks.locator('tbody tr td:nth-of-type(1)').allInnerTexts();
  assert.equal(column.at(-1), '0 of 3');
  assert.equal(column.filter((c) => c === '2 of 3').length, 1, column.join(' | '));
  await assertClean(context);
  await context.close();
});
