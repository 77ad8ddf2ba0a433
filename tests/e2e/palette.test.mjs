// The command palette by keyboard alone, in both languages and themes: Ctrl-K from anywhere
// (even inside a field), letters typed with or without accents, in any case, find pages and
// actions, the arrows and Enter run one (go to a page, write a post, another workspace), the
// shortcuts are listed, Escape closes it and gives the focus back; axe clean while open.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const cases = [
  { locale: 'en-US', colorScheme: 'light', people: 'peop', heading: 'People', newPost: 'write post', compose: 'Compose', switchTo: 'switch north', switched: 'Northwind', keys: 'Keyboard shortcuts', combobox: 'Commands', postText: 'Text of the post' },
  { locale: 'fr-FR', colorScheme: 'dark', people: 'MEMB', heading: 'Membres', newPost: 'ecrire pub', compose: 'Rédiger', switchTo: 'passer north', switched: 'Northwind', keys: 'Raccourcis clavier', combobox: 'Commandes', postText: 'Texte de la publication' },
];

for (const c of cases) {
  test(`the palette by keyboard alone (${c.locale}, ${c.colorScheme})`, async () => {
    const context = await newContext(browser, { locale: c.locale, colorScheme: c.colorScheme });
    const page = await open(context, server.url);
    await page.locator('#new-workspace-name').fill('Northwind');
    await page.keyboard.press('Enter');
    await page.locator('#new-workspace-name').fill('Contoso');
    await page.keyboard.press('Enter');
    await page.locator('.workspace-name', { hasText: 'Contoso' }).waitFor();
    const palette = page.getByRole('combobox', { name: c.combobox });

    // From inside a field.
    await page.locator('#new-workspace-name').focus();
    await page.keyboard.press('Control+k');
    await palette.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox');
    await axeClean(page);
    await page.keyboard.type(c.people);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: c.heading }).waitFor();
    await palette.waitFor({ state: 'hidden' });

    // A post being written, left for another page: the composer reopens it when opened as
    // a page, but "Write a post" starts a new one and keeps the other as a draft.
    await page.getByRole('link', { name: c.compose, exact: true }).click();
    await page.getByLabel(c.postText).fill('A draft kept for later');
    await page.getByRole('link', { name: c.heading, exact: true }).click();
    await page.getByRole('link', { name: c.compose, exact: true }).click();
    await page.waitForFunction((label) => [...document.querySelectorAll('textarea')].some((a) => a.value === 'A draft kept for later'), c.postText);
    await page.getByRole('link', { name: c.heading, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: c.heading }).waitFor();
    await page.keyboard.press('Control+k');
    await page.keyboard.type(c.newPost);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/compose\?new=1$/);
    await page.locator('.post-list .post-excerpt', { hasText: 'A draft kept for later' }).waitFor();
    assert.equal(await page.getByLabel(c.postText).inputValue(), '');
    await page.getByLabel(c.postText).fill('A new one');
    await page.waitForFunction(() => new Promise((done) => {
      const r = indexedDB.open('attache');
      r.onsuccess = () => {
        const q = r.result.transaction('posts').objectStore('posts').getAll();
        q.onsuccess = () => done(['A draft kept for later', 'A new one'].every((text) => q.result.some((p) => p.base_text === text)));
      };
    }));

    // The arrows choose among several; Enter runs the one shown as chosen.
    await page.keyboard.press('Control+k');
    await page.keyboard.type(c.switchTo);
    const options = page.getByRole('listbox', { name: c.combobox }).getByRole('option');
    await options.first().waitFor();
    assert.match(await options.first().innerText(), new RegExp(c.switched));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Enter');
    await page.waitForFunction((name) => document.querySelector('#workspace-switcher')?.selectedOptions[0]?.textContent === name, c.switched);

    // The shortcuts, then Escape: closed, the focus back where it was.
    await page.locator('#workspace-switcher').focus();
    await page.keyboard.press('Control+k');
    await page.keyboard.type(c.keys.slice(0, 8));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: c.keys }).waitFor();
    await page.getByText('Ctrl K').waitFor();
    await axeClean(page);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'workspace-switcher');
    await assertClean(context);
    await context.close();
  });
}
