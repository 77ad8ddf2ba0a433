// The tone of messages on the device: a crisis (far more negative messages in the last
// hour than the same hour of the last two weeks) said on Today, in English and in French;
// the same hour a usual amount: nothing said; a message's hint corrected in the Inbox; People
// narrowed to the members whose messages of the last 90 days seem negative, or only positive.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Creates a workspace and writes into its Inbox one message per entry of `at` (ms ago). */
async function withMessages(page, name, messages) {
  await page.locator('#new-workspace-name').fill(name);
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.evaluate((messages) => new Promise((done, fail) => {
    const r = indexedDB.open('attache');
    r.onerror = fail;
    r.onsuccess = () => {
      const db = r.result;
      const ws = db.transaction('workspaces').objectStore('workspaces').getAll();
      ws.onsuccess = () => {
        const id = ws.result[0].id;
        const tx = db.transaction('inbox', 'readwrite');
        messages.forEach(({ ago, text, lang }, n) => {
          const at = Date.now() - ago;
          tx.objectStore('inbox').put({
            id: `mastodon:https://social.test:status:${n}`, workspace_id: id, account_id: 'acct', network: 'mastodon',
            author_name: `Person ${n}`, author_handle: `@p${n}@elsewhere.test`, author_url: `https://elsewhere.test/@p${n}`,
            html: `<p>${text}</p>`, at, url: `https://elsewhere.test/@p${n}/${n}`, remote_id: String(n), visibility: 'public',
            profile: { links: [], verified: [], avatar: '', lang, followers: null },
          });
        });
        tx.oncomplete = () => { db.close(); done(); };
        tx.onerror = fail;
      };
    };
  }), messages);
}

const HOUR = 3_600_000, DAY = 24 * HOUR;

for (const [locale, words, heading, usual] of [
  ['en-US', 'Awful service, I am furious', 'More negative messages than usual', '5 messages that seem negative in the last hour, against 1 usually at this hour (over the last 14 days).'],
  ['fr-FR', 'Service nul, je suis furieux', "Plus de messages négatifs que d'habitude", '5 messages qui semblent négatifs dans la dernière heure, contre 1 d\'habitude à cette heure (sur les 14 derniers jours).'],
]) {
  test(`a crisis hour is said on Today (${locale})`, async () => {
    const context = await newContext(browser, { locale });
    const page = await open(context, server.url);
    const lang = locale.slice(0, 2);
    const messages = [];
    for (let d = 1; d <= 14; d++) messages.push({ ago: d * DAY + HOUR / 2, text: words, lang });
    for (let d = 1; d <= 14; d++) messages.push({ ago: d * DAY + 5 * HOUR, text: words, lang });
    for (let i = 0; i < 5; i++) messages.push({ ago: i * 60_000, text: words, lang });
    // Kind words in the last hour do not count.
    for (let i = 0; i < 6; i++) messages.push({ ago: i * 60_000, text: lang === 'fr' ? 'Merci, trop bien !' : 'Thanks, lovely!', lang });
    await withMessages(page, 'Crise', messages);
    await page.goto(server.url + '/today');
    const block = page.getByRole('region', { name: heading });
    await block.getByRole('alert').filter({ hasText: usual }).waitFor();
    await axeClean(page);
    await assertClean(context);
    await context.close();
  });
}

test('a usual hour says nothing, and a message\'s tone is corrected in the Inbox', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  const messages = [];
  for (let d = 1; d <= 14; d++) messages.push({ ago: d * DAY + HOUR / 2, text: 'Awful service', lang: 'en' });
  messages.push({ ago: 60_000, text: 'Awful service, never again', lang: 'en' });
  await withMessages(page, 'Calme', messages);
  await page.goto(server.url + '/today');
  // Once the hour was looked at (the page marks it), no crisis is said.
  await page.waitForFunction(() => performance.getEntriesByName('attache:crisis-checked').length > 0);
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'More negative messages than usual' }).count(), 0);

  await page.locator('.app-nav').getByRole('link', { name: 'Inbox' }).click();
  await page.getByText('Awful service, never again').first().click();
  const message = page.locator('.inbox-item', { hasText: 'Awful service, never again' });
  await message.getByText('Seems negative (a guess from its words)').waitFor();
  await message.getByLabel('Tone').selectOption('neutral');
  await message.getByText('Tone: neutral (your word)').waitFor();
  await page.reload();
  await page.getByText('Awful service, never again').first().click();
  await page.locator('.inbox-item', { hasText: 'Awful service, never again' }).getByText('Tone: neutral (your word)').waitFor();
  // Back to the guess.
  await page.locator('.inbox-item', { hasText: 'Awful service, never again' }).getByLabel('Tone').selectOption('');
  await page.locator('.inbox-item', { hasText: 'Awful service, never again' }).getByText('Seems negative').waitFor();
  await assertClean(context);
  await context.close();
});

for (const [locale, people, bar, toneLabel, negative, positive, any, counted] of [
  ['en-US', 'People', 'Segment', 'Their messages of the last 90 days', 'one seems negative (or was marked so)', 'seem positive, none negative', 'Any', (n) => `${n} member${n === 1 ? '' : 's'}.`],
  ['fr-FR', 'Membres', 'Segment', 'Leurs messages des 90 derniers jours', "l'un semble négatif (ou a été marqué ainsi)", 'semblent positifs, aucun négatif', 'Peu importe', (n) => `${n} membre${n === 1 ? '' : 's'}.`],
]) {
  test(`People: a segment by the tone of their recent messages (${locale})`, async () => {
    const context = await newContext(browser, { locale });
    const page = await open(context, server.url);
    const fr = locale === 'fr-FR';
    await withMessages(page, 'Tons', [
      { ago: 2 * DAY, text: fr ? 'Service nul, je suis furieux' : 'Awful service, I am furious', lang: locale.slice(0, 2) },
      { ago: 3 * DAY, text: fr ? 'Merci, trop bien, un régal !' : 'Thanks, lovely, a delight!', lang: locale.slice(0, 2) },
      { ago: 4 * DAY, text: fr ? 'Le magasin ouvre à 9 h' : 'The shop opens at 9', lang: locale.slice(0, 2) },
      // an angry word older than 90 days does not count
      { ago: 120 * DAY, text: fr ? 'Service nul, je suis furieux' : 'Awful service, I am furious', lang: locale.slice(0, 2) },
    ]);
    await page.locator('.app-nav').getByRole('link', { name: people }).click();
    const rows = page.locator('.people-list > .member .member-open strong');
    await page.getByText(counted(4)).waitFor();
    const segment = page.getByRole('group', { name: bar });
    const tone = segment.getByLabel(toneLabel);
    await tone.selectOption({ label: negative });
    await page.getByText(counted(1)).waitFor();
    assert.deepEqual(await rows.allInnerTexts(), ['Person 0']);
    await tone.selectOption({ label: positive });
    await page.getByText(counted(1)).waitFor();
    assert.deepEqual(await rows.allInnerTexts(), ['Person 1']);
    await axeClean(page);
    await tone.selectOption({ label: any });
    await page.getByText(counted(4)).waitFor();
    await assertClean(context);
    await context.close();
  });
}
