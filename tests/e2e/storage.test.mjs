// Export and import as a user does them, and storage failures explained in plain words.
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open, controlIndexReads } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser, dir;
before(async () => { server = await serveDist(); browser = await launch(); dir = await mkdtemp(join(tmpdir(), 'attache-e2e-')); });
after(async () => { await browser?.close(); await server?.close(); });

const names = (page) => page.locator('.workspace-name').allInnerTexts();

async function create(page, name) {
  await page.locator('#new-workspace-name').fill(name);
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name', { hasText: name }).waitFor();
}

async function exportEverything(page, file) {
  await page.goto(server.url + '/settings');
  await page.getByRole('button', { name: 'Export everything' }).click();
  await page.getByText(/is ready: .*Nothing is written until you save it\.$/).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^attache-all-\d{4}-\d{2}-\d{2}\.json$/);
  await download.saveAs(file);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  delete backup.exported_at;
  return backup;
}

async function pick(page, file) {
  await page.getByLabel('Import a file').setInputFiles(file);
}

test('export, then import into an empty browser, gives the same data back', async () => {
  const a = await newContext(browser);
  const pageA = await open(a, server.url);
  await create(pageA, 'Café Lumière');
  await create(pageA, 'Northwind');
  const file = join(dir, 'everything.json');
  const exported = await exportEverything(pageA, file);
  assert.equal(exported.format, 'attache-backup');
  assert.equal(exported.workspaces.length, 2);

  const b = await newContext(browser); // a wiped device
  const pageB = await open(b, server.url, '/settings');
  await pick(pageB, file);
  await pageB.getByText('This file replaces everything on this device: 0 workspaces and 0 notes now, by 2 workspaces and 0 notes from the file.').waitFor();
  await pageB.getByRole('button', { name: 'Replace everything' }).click();
  await pageB.getByRole('status').filter({ hasText: 'Import done: 2 workspaces and 0 notes.' }).waitFor();
  const again = await exportEverything(pageB, join(dir, 'again.json'));
  assert.deepEqual(again, exported);
  await pageB.goto(server.url);
  await pageB.locator('.workspace-name').first().waitFor();
  assert.deepEqual(await names(pageB), ['Café Lumière', 'Northwind']);
  await assertClean(a); await assertClean(b);
  await a.close(); await b.close();
});

test('a malformed or invalid file is explained, by place in the file, and changes nothing', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await create(page, 'Northwind');
  await page.goto(server.url + '/settings');

  const broken = join(dir, 'broken.json');
  await writeFile(broken, '{\n  "format": "attache-backup",\n  oops\n}');
  await pick(page, broken);
  await page.getByText('This file is not valid JSON (line 3, column 3). Nothing was changed.').waitFor();

  const invalid = join(dir, 'invalid.json');
  await writeFile(invalid, JSON.stringify({
    format: 'attache-backup', version: 1, scope: 'all', exported_at: 1,
    workspaces: [{ id: 'a', name: 'A', created_at: 1 }, { id: 'a', created_at: 'soon' }], notes: [],
  }));
  await pick(page, invalid);
  await page.getByText('This file has 3 problems, so nothing was changed:').waitFor();
  const lines = await page.locator('.problems li').allInnerTexts();
  assert.deepEqual(lines, [
    'workspaces[1].id: the id “a” is used twice',
    'workspaces[1].name: missing',
    'workspaces[1].created_at: should be a number',
  ]);

  const newer = join(dir, 'newer.json');
  await writeFile(newer, JSON.stringify({ format: 'attache-backup', version: 9 }));
  await pick(page, newer);
  await page.getByText('This file comes from a newer version of Attaché (format 9).', { exact: false }).waitFor();

  await page.goto(server.url);
  await page.locator('.workspace-name').first().waitFor();
  assert.deepEqual(await names(page), ['Northwind']);
  await assertClean(context);
  await context.close();
});

test('a workspace export is added beside the others as a new workspace', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await create(page, 'Northwind');
  await page.goto(server.url + '/settings');
  await page.getByRole('button', { name: 'Export “Northwind”' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^attache-northwind-/);
  const file = join(dir, 'one.json');
  await download.saveAs(file);
  await pick(page, file);
  await page.getByRole('button', { name: 'Add workspace' }).click();
  await page.getByRole('status').filter({ hasText: 'Workspace “Northwind (2)” added with 0 notes.' }).waitFor();
  await page.goto(server.url);
  await page.locator('.workspace-name').nth(1).waitFor();
  assert.deepEqual(await names(page), ['Northwind', 'Northwind (2)']);
  await assertClean(context);
  await context.close();
});

test('a full disk at write time is explained and what was saved stays', async () => {
  const context = await newContext(browser);
  // The disk "fills" at the IndexedDB boundary in a running app: once window.diskFull is
  // set, put() fails as on a full disk. (CDP's Storage.overrideQuotaForOrigin is enforced
  // only on a database opened after it in that browser: storage_quota.test.mjs restarts.)
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const page = await open(context, server.url);
  await create(page, 'Northwind');
  await page.evaluate(() => { window.diskFull = true; });
  await page.locator('#new-workspace-name').fill('Contoso');
  await page.keyboard.press('Enter');
  await page.getByText('Could not save: the storage space on this device is full. What was saved before is still there; try again.').waitFor();
  await page.reload();
  await page.locator('.workspace-name').first().waitFor();
  assert.deepEqual(await names(page), ['Northwind']);
  await assertClean(context);
  await context.close();
});

for (const [errorName, locale, expected] of [
  ['QuotaExceededError', 'en-US', 'The browser refused to open the app\'s storage on this device (the storage space on this device is full).'],
  ['UnknownError', 'fr-FR', 'Le navigateur a refusé d\'ouvrir le stockage de l\'application sur cet appareil (le stockage du navigateur est abîmé ou illisible).'],
]) {
  test(`a ${errorName} when the database opens shows a clear screen (${locale})`, async () => {
    const context = await newContext(browser, { locale });
    // The browser's open() fails as it does on a full disk or a damaged profile.
    await context.addInitScript((name) => {
      IDBFactory.prototype.open = function () {
        const request = { onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null,
          result: undefined, transaction: null, error: new DOMException('simulated', name) };
        setTimeout(() => request.onerror?.(new Event('error')), 0);
        return request;
      };
    }, errorName);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByText(expected).waitFor();
    await page.getByRole('button', { name: locale === 'en-US' ? 'Reload' : 'Recharger' }).waitFor();
    await assertClean(context);
    await context.close();
  });
}

test('a list that cannot be read says so in place, and shows again once the storage reads', async () => {
  const context = await newContext(browser);
  await controlIndexReads(context);
  const page = await open(context, server.url);
  await create(page, 'Northwind');
  await page.goto(server.url + '/compose');
  await page.locator('#post-text').fill('Winter opening hours');
  const section = page.locator('section[aria-labelledby="posts-heading"]');
  await section.locator('.post-item', { hasText: 'Winter opening hours' }).waitFor();
  await page.evaluate(() => { window.__indexReads.posts = 'fail'; });
  await page.getByRole('button', { name: 'New post' }).click(); // the list reads again
  await section.getByRole('alert').filter({ hasText: 'Could not read this list: the browser\'s storage is damaged or cannot be read. Nothing was changed; reload the page to try again.' }).waitFor();
  assert.equal(await section.locator('.post-item').count(), 0);
  await page.evaluate(() => { window.__indexReads.posts = 'read'; });
  await page.reload();
  await section.locator('.post-item', { hasText: 'Winter opening hours' }).waitFor();
  await assertClean(context);
  await context.close();
});
