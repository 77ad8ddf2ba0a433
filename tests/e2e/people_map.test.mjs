// The relationship map: an interaction marked negative names its writer a detractor, a tag
// names an ambassador; the map draws every member, goes from one to the next with the
// arrows, zooms with + and opens a member with Enter; its table alternative holds the same
// members; axe clean with the map and the table open, in both languages and themes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const ago = (ms) => new Date(Date.now() - ms).toISOString();

const cases = [
  { locale: 'en-US', colorScheme: 'light', people: 'People', negative: 'Negative', tags: 'Tags (separated by commas)', summary: 'Relationship map: reach and love', table: 'The map as a table', detractor: 'detractor', ambassador: 'ambassador', one: '1 member.' },
  { locale: 'fr-FR', colorScheme: 'dark', people: 'Membres', negative: 'Négatif', tags: 'Étiquettes (séparées par des virgules)', summary: 'Carte des relations\u00a0: portée et affection', table: 'La carte sous forme de tableau', detractor: 'détracteur', ambassador: 'ambassadeur', one: '1 membre.' },
];

for (const c of cases) {
  test(`the relationship map, by keyboard, and its table (${c.locale}, ${c.colorScheme})`, async () => {
    const context = await newContext(browser, { locale: c.locale, colorScheme: c.colorScheme });
    const page = await connectMastodon(await open(context, server.url), mastodon.url, { locale: c.locale });
    mastodon.addMention({ html: '<p>@alice Toujours en retard, inadmissible.</p>', from: 'dan', at: ago(30 * 60_000) });
    mastodon.addInteraction({ type: 'follow', from: 'bob', at: ago(20 * 60_000) });
    mastodon.addInteraction({ type: 'follow', from: 'carol', at: ago(10 * 60_000) });
    await page.goto(server.url + '/inbox');
    await page.locator('.conversation', { hasText: 'dan' }).first().waitFor();
    await page.locator('.app-nav').getByRole('link', { name: c.people }).click();
    const member = (handle) => page.locator('.people-list > .member', { hasText: handle });

    // dan's message judged negative; bob tagged as an ambassador.
    const dan = member('@dan@elsewhere.test');
    await dan.locator('.member-open').click();
    const negative = dan.locator('.timeline').getByRole('button', { name: c.negative }).first();
    await negative.click();
    await dan.locator('.timeline button[aria-pressed="true"]').waitFor();
    const bob = member('@bob@elsewhere.test');
    await bob.locator('.member-open').click();
    await bob.getByLabel(c.tags).fill('ambassador');
    await bob.getByLabel(c.tags).press('Tab');
    await bob.locator('.member-open .badge.tag', { hasText: 'ambassador' }).waitFor();
    // Kept: read again with the page.
    await page.reload();
    await member('@dan@elsewhere.test').locator('.member-open').click();
    await member('@dan@elsewhere.test').locator('.timeline button[aria-pressed="true"]').waitFor();

    await page.getByText(c.summary).click();
    const map = page.getByRole('group', { name: c.summary });
    const dots = map.getByRole('link');
    await dots.nth(2).waitFor();
    assert.equal(await dots.count(), 3);
    await map.locator('text.map-name.detractor', { hasText: 'dan' }).waitFor();
    await map.locator('text.map-name.ambassador', { hasText: 'bob' }).waitFor();
    assert.equal(await map.locator('text.map-name').count(), 2, 'carol is not named');
    assert.match(await map.getByRole('link', { name: /^dan,/ }).getAttribute('aria-label'), new RegExp(`${c.detractor}$`));

    // The table alternative: the same three members, the marks in words.
    await page.getByText(c.table).click();
    const table = page.locator('.map-table table');
    assert.equal(await table.locator('tbody tr').count(), 3);
    assert.equal(await table.locator('tbody tr', { hasText: '@dan@elsewhere.test' }).locator('td').last().innerText(), c.detractor);
    assert.equal(await table.locator('tbody tr', { hasText: '@bob@elsewhere.test' }).locator('td').last().innerText(), c.ambassador);
    await axeClean(page);

    // By keyboard: one dot takes the focus, the arrows go to the next, + zooms, Enter opens.
    await page.locator('.map-tools button').last().focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'map-point-0');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'map-point-1');
    const before = await map.getAttribute('viewBox');
    await page.keyboard.press('+');
    await page.waitForFunction((b) => document.querySelector('.relationship-map').getAttribute('viewBox') !== b, before);
    await page.keyboard.press('Shift+ArrowLeft');
    const name = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).split(',')[0];
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/people\?q=/);
    await page.getByText(c.one).waitFor();
    await page.locator('.people-list > .member .member-open strong', { hasText: name }).waitFor();
    await assertClean(context);
    await context.close();
  });
}
