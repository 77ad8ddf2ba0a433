// Several tabs: changes reach the other tabs, a newer version closes the old connection
// with a banner, a blocked upgrade waits with an explanation, one tab leads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a workspace created in one tab appears in the other without a reload', async () => {
  const context = await newContext(browser);
  const one = await open(context, server.url);
  const two = await context.newPage();
  await two.goto(server.url);
  await waitReady(two);
  await one.locator('#new-workspace-name').fill('Northwind');
  await one.keyboard.press('Enter');
  await two.locator('.workspace-name', { hasText: 'Northwind' }).waitFor();
  await one.getByRole('button', { name: 'Rename Northwind' }).click();
  await one.getByLabel('New name for Northwind').fill('Northwind Traders');
  await one.keyboard.press('Enter');
  await two.locator('.workspace-name', { hasText: 'Northwind Traders' }).waitFor();
  await assertClean(context);
  await context.close();
});

test('a newer version opened in another tab closes this tab\'s connection with a banner', async () => {
  const context = await newContext(browser);
  const old = await open(context, server.url);
  const other = await context.newPage();
  await other.goto(server.url + '/__blank'); // same origin, without the app
  const version = await other.evaluate(() => new Promise((ok, ko) => {
    const r = indexedDB.open('attache', 99);
    r.onsuccess = () => { const v = r.result.version; r.result.close(); ok(v); };
    r.onerror = () => ko(r.error);
  }));
  assert.equal(version, 99); // the upgrade was not blocked by the old tab
  await old.getByText('Attaché was updated in another tab. Reload this tab to keep working; nothing was lost.').waitFor();
  // reloading the old app on a newer database explains instead of breaking
  await old.reload();
  await old.getByText('this device holds data from a newer version of Attaché', { exact: false }).waitFor();
  await context.close();
});

test('an upgrade blocked by an old tab is explained, and continues once that tab lets go', async () => {
  const context = await newContext(browser);
  const oldTab = await context.newPage();
  await oldTab.goto(server.url + '/__blank');
  // an old version of the app holding a v1 connection and ignoring versionchange
  await oldTab.evaluate(() => new Promise((ok) => {
    const r = indexedDB.open('attache', 1);
    r.onupgradeneeded = () => { r.result.createObjectStore('workspaces', { keyPath: 'id' }); r.result.createObjectStore('settings'); };
    r.onsuccess = () => { window.heldDb = r.result; ok(); };
  }));
  const app = await context.newPage();
  await app.goto(server.url);
  await app.getByText('another Attaché tab keeps the old version open', { exact: false }).waitFor();
  await oldTab.evaluate(() => window.heldDb.close());
  await waitReady(app);
  await app.getByText('You have no workspace yet').waitFor();
  await assertClean(context);
  await context.close();
});

test('one tab leads the background work, and another takes over when it closes', async () => {
  const context = await newContext(browser);
  const first = await open(context, server.url, '/settings');
  await first.getByText('This tab runs the background work (sending, syncing).').waitFor();
  const second = await context.newPage();
  await second.goto(server.url + '/settings');
  await waitReady(second);
  await second.getByText('Another Attaché tab runs the background work.').waitFor();
  await first.close();
  await second.getByText('This tab runs the background work (sending, syncing).').waitFor();
  await assertClean(context);
  await context.close();
});

test('Settings shows the storage used and the quota', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url, '/settings');
  const text = await page.getByTestId('storage-use').innerText();
  assert.match(text, /^[\d.,]+\s?\S+ used of [\d.,]+\s?\S+ available\.$/);
  await assertClean(context);
  await context.close();
});
