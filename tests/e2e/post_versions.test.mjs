// Two tabs edit the same post (issue 19): the second save is not silently lost. Each save
// of a post's content raises its version (read from IndexedDB here); a tab whose copy is
// older than another tab's save is told so, keeps what it typed on screen, writes nothing
// until the user chooses, and then either keeps its own or takes the other tab's version —
// all by keyboard; axe clean with the choice shown, in English and French.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open, settledValue } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { waitFor } from './support/pds.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The workspace's posts as IndexedDB holds them. */
const storedPosts = (page) => page.evaluate(() => new Promise((ok, ko) => {
  const r = indexedDB.open('attache');
  r.onerror = () => ko(r.error);
  r.onsuccess = () => {
    const q = r.result.transaction('posts').objectStore('posts').getAll();
    q.onsuccess = () => { ok(q.result.map((p) => ({ text: p.base_text, version: p.version }))); r.result.close(); };
  };
}));

/** Waits until the one post stored reads `text`; returns it as stored. */
async function waitStored(page, text) {
  let last;
  await waitFor(async () => {
    last = await storedPosts(page);
    return last.length === 1 && last[0].text === text;
  }, { message: `the post stored as "${text}" (last seen ${JSON.stringify(last)})` });
  return last[0];
}

const WORDS = {
  en: {
    locale: 'en-US', compose: 'Compose', text: 'Text of the post', heading: 'Changed in another tab',
    keep: 'Keep mine', take: "Take the other tab's version",
  },
  fr: {
    locale: 'fr-FR', compose: 'Rédiger', text: 'Texte de la publication', heading: 'Modifiée dans un autre onglet',
    keep: 'Garder la mienne', take: "Reprendre celle de l'autre onglet",
  },
};

for (const lang of ['en', 'fr']) {
  const w = WORDS[lang];
  test(`two tabs edit one post: the later save is refused, nothing typed is lost, keep mine or take theirs by keyboard (${lang})`, async () => {
    const context = await newContext(browser, { locale: w.locale, colorScheme: lang === 'fr' ? 'dark' : 'light' });
    const a = await open(context, server.url);
    await a.locator('#new-workspace-name').fill('Northwind');
    await a.keyboard.press('Enter');
    await a.locator('.workspace-name').first().waitFor();
    await a.getByRole('link', { name: w.compose }).click();
    const textA = a.getByLabel(w.text);
    await textA.click();
    await a.keyboard.type('Open 9 to 5');
    const first = await waitStored(a, 'Open 9 to 5');

    // Tab B opens the composer: it reopens the same draft
    const b = await context.newPage();
    await b.goto(server.url + '/compose');
    const textB = b.getByLabel(w.text);
    assert.equal(await settledValue(textB, 'Open 9 to 5'), 'Open 9 to 5');

    // A goes on typing and saves a newer version
    await textA.press('End');
    await a.keyboard.type(' on weekdays');
    const fromA = await waitStored(a, 'Open 9 to 5 on weekdays');
    assert.ok(fromA.version > first.version, `version ${first.version} → ${fromA.version}`);

    // B types from its older copy: told, its words on screen, nothing written
    await textB.press('End');
    await b.keyboard.type(' and Saturdays');
    const told = b.getByRole('alert').filter({ has: b.getByRole('heading', { name: w.heading }) });
    await told.waitFor();
    assert.equal(await textB.inputValue(), 'Open 9 to 5 and Saturdays');
    assert.deepEqual(await storedPosts(b), [fromA], "A's version stays whole");
    await axeClean(b);

    // B keeps its own, by keyboard: saved over A's, one version up
    await told.getByRole('button', { name: w.keep }).focus();
    await b.keyboard.press('Enter');
    await told.waitFor({ state: 'detached' });
    const fromB = await waitStored(b, 'Open 9 to 5 and Saturdays');
    assert.ok(fromB.version > fromA.version, `version ${fromA.version} → ${fromB.version}`);
    await b.waitForFunction(() => document.activeElement?.id === 'post-text');

    // now A's copy is the older one: A is told, and takes B's version by keyboard
    await a.bringToFront();
    await textA.press('End');
    await a.keyboard.type('!');
    const toldA = a.getByRole('alert').filter({ has: a.getByRole('heading', { name: w.heading }) });
    await toldA.waitFor();
    assert.deepEqual(await storedPosts(a), [fromB], "B's version stays whole");
    await toldA.getByRole('button', { name: w.take }).focus();
    await a.keyboard.press('Enter');
    await toldA.waitFor({ state: 'detached' });
    assert.equal(await settledValue(textA, 'Open 9 to 5 and Saturdays'), 'Open 9 to 5 and Saturdays');
    // and A's next words are saved on top of B's, with no new warning
    await textA.press('End');
    await a.keyboard.type(', closed Sundays');
    const last = await waitStored(a, 'Open 9 to 5 and Saturdays, closed Sundays');
    assert.ok(last.version > fromB.version);
    assert.equal(await toldA.count(), 0);
    await assertClean(context);
    await context.close();
  });
}
