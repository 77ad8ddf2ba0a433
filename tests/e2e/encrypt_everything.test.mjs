// "Encrypt everything" in the app, by keyboard where a person would use it: with a passphrase
// set, the switch in Settings → Security writes every record again sealed — stopped midway
// by a full disk it says so, loses nothing, and "Try again" finishes it; the database, read
// raw from the page, then holds neither the workspace's name nor a draft's text, where it
// held both before; a second tab opened then reads the draft and its own new draft is
// stored sealed too; after a reload the app is locked, and once unlocked shows the workspace
// and both drafts; switched off, the words are in the clear again. axe on the section in
// both states; the file fails on any console error or CSP violation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open, tabTo, typeInto, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PASS = 'correct horse battery';
const NAME = 'Maison Secrète';
const DRAFT = 'Soldes privées du jeudi soir';
const SECOND = 'Deuxième brouillon confidentiel';

/** Every store of the database as IndexedDB holds it (nothing opened), as one JSON text. */
const raw = (page) => page.evaluate(() => new Promise((ok, ko) => {
  const r = indexedDB.open('attache');
  r.onerror = () => ko(r.error);
  r.onsuccess = async () => {
    const db = r.result;
    const out = {};
    for (const name of db.objectStoreNames) {
      out[name] = await new Promise((done) => {
        const q = db.transaction(name).objectStore(name).getAll();
        q.onsuccess = () => done(q.result);
      });
    }
    db.close();
    ok(JSON.stringify(out));
  };
}));

async function saveDraft(page, text) {
  await page.locator('#post-text').fill(text);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.locator('.post-item', { hasText: text }).waitFor();
}

test('encrypt everything: the database holds none of the words, a second tab follows, locked then unlocked the app reads all, off again', async () => {
  const context = await newContext(browser);
  // A disk that fills after `window.putsBeforeFull` more writes (the switch stopped midway).
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.putsBeforeFull !== undefined && window.putsBeforeFull-- <= 0) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill(NAME);
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.goto(server.url + '/compose');
  await waitReady(page);
  await saveDraft(page, DRAFT);

  await page.goto(server.url + '/settings');
  await waitReady(page);
  await typeInto(page, page.getByLabel('New passphrase (10 characters at least)'), PASS);
  await typeInto(page, page.getByLabel('The same passphrase again'), PASS);
  await page.keyboard.press('Enter');
  await page.getByText("The passphrase is set: your accounts' keys are encrypted.").first().waitFor();
  const before = await raw(page);
  assert.ok(before.includes(DRAFT) && before.includes(NAME), 'the control: only tokens are sealed yet');
  await page.getByText('Now only your accounts\' keys are encrypted.', { exact: false }).waitFor();
  await axeClean(page);

  // Stopped midway (the lock's document and the workspace written, the draft refused): said,
  // nothing lost, the database half sealed; "Try again" finishes it.
  await page.evaluate(() => { window.putsBeforeFull = 2; });
  await tabTo(page, page.getByRole('button', { name: 'Encrypt everything' }));
  await page.keyboard.press('Enter');
  await page.getByText(/^This stopped midway: .* Nothing was lost, and everything can still be read\. Try again to finish\.$/).waitFor();
  const half = await raw(page);
  assert.ok(half.includes(DRAFT) && !half.includes(NAME), 'the workspace sealed, the draft not yet');
  await page.evaluate(() => { window.putsBeforeFull = undefined; });
  await tabTo(page, page.getByRole('button', { name: 'Try again' }));
  await page.keyboard.press('Enter');
  await page.getByText(/Everything is encrypted: \d+ records written again\./).first().waitFor();
  await page.getByRole('button', { name: "Encrypt only the accounts' keys" }).waitFor();
  const sealed = await raw(page);
  assert.ok(!sealed.includes(DRAFT), 'the draft is not readable in the database');
  assert.ok(!sealed.includes(NAME), 'nor the workspace name');
  assert.ok(sealed.includes('~sealed'));
  await axeClean(page);

  // A tab opened now is unlocked by this one, reads the draft, and seals what it writes.
  const other = await context.newPage();
  await other.goto(server.url + '/compose');
  await waitReady(other);
  await other.locator('.post-item', { hasText: DRAFT }).waitFor();
  await other.getByRole('button', { name: 'New post' }).click();
  await saveDraft(other, SECOND);
  assert.ok(!(await raw(page)).includes(SECOND), "the other tab's draft is stored sealed");
  await other.close();

  // Reloaded: locked, and unlocked by keyboard the app shows the workspace and both drafts.
  await page.reload();
  await page.getByRole('heading', { name: 'Attaché is locked' }).waitFor();
  await typeInto(page, page.getByLabel('Passphrase'), PASS);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.getByRole('link', { name: 'Compose', exact: true }).click();
  await page.locator('.post-item', { hasText: DRAFT }).waitFor();
  await page.locator('.post-item', { hasText: SECOND }).waitFor();
  const current = page.getByRole('combobox', { name: 'Current workspace' });
  assert.equal((await current.locator('option:checked').textContent()).trim(), NAME);

  // Switched off: the words are in the clear again.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await tabTo(page, page.getByRole('button', { name: "Encrypt only the accounts' keys" }));
  await page.keyboard.press('Enter');
  await page.getByText(/Only your accounts' keys are encrypted now: \d+ records written again in the clear\./).first().waitFor();
  const clear = await raw(page);
  assert.ok(clear.includes(DRAFT) && clear.includes(SECOND) && clear.includes(NAME));
  assert.ok(!clear.includes('~sealed'));
  await assertClean(context);
  await context.close();
});
