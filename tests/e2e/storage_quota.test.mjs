// A full disk made real: the origin's quota is made small through the Chrome DevTools
// Protocol (`Storage.overrideQuotaForOrigin`) on a persistent profile, set after a restart
// and before the app opens its database in that browser — Chromium enforces it on IndexedDB
// then (set while the database is already open in the process, it was not: the last stop's
// finding). A 4 MB import is refused with a clear message and changes nothing; a new
// workspace is refused with the storage message and is not there after a reload; what was
// saved before is there; and "Export everything" still gives a file holding it. The file
// fails on any console error or CSP violation.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertClean, launchPersistent, open, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, dir;
before(async () => { server = await serveDist(); dir = await mkdtemp(join(tmpdir(), 'attache-quota-')); });
after(async () => { await server?.close(); });

const names = (page) => page.locator('.workspace-name').allInnerTexts();

async function exportEverything(page, file) {
  await page.goto(server.url + '/settings');
  await waitReady(page);
  await page.getByRole('button', { name: 'Export everything' }).click();
  await page.getByText(/is ready: .*Nothing is written until you save it\.$/).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the file' }).click(),
  ]);
  await download.saveAs(file);
  return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * The browser started again on `profile`, the origin's quota set to its usage and `room`
 * bytes more before the app opens (from a blank page: nothing of the origin is loaded yet).
 */
async function restartWithRoom(profile, room) {
  const context = await launchPersistent(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const origin = new URL(server.url).origin;
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + room });
  const now = await cdp.send('Storage.getUsageAndQuota', { origin });
  assert.ok(now.overrideActive && now.quota === usage + room, 'the quota is overridden');
  return { context, page };
}

test('with the quota made small through CDP: a big import and a new workspace are refused in plain words, nothing saved is lost, and the export still works', async () => {
  const profile = join(dir, 'profile');
  let context = await launchPersistent(profile);
  let page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name', { hasText: 'Northwind' }).waitFor();
  const saved = await exportEverything(page, join(dir, 'before.json'));
  // The same file grown by 400 notes of 10 KB: valid, and 4 MB.
  const ws = saved.workspaces[0].id;
  const grown = {
    ...saved,
    notes: Array.from({ length: 400 }, (_, i) => ({
      id: `n${i}`, workspace_id: ws, title: `Note ${i}`, text: 'x'.repeat(10_000), url: '', created_at: 1 + i,
    })),
  };
  const big = join(dir, 'big.json');
  await writeFile(big, JSON.stringify(grown));
  await assertClean(context);
  await context.close();

  // Restarted; the quota set to what is used now and 300 KB more, before the app opens.
  ({ context, page } = await restartWithRoom(profile, 300_000));
  await page.goto(server.url + '/settings');
  await waitReady(page);
  await page.getByLabel('Import a file').setInputFiles(big);
  await page.getByRole('button', { name: 'Replace everything' }).click();
  await page.getByText('The import failed: the storage space on this device is full. Nothing was changed.').waitFor();

  await page.goto(server.url + '/');
  await waitReady(page);
  await page.locator('.workspace-name', { hasText: 'Northwind' }).waitFor();
  await assertClean(context);
  await context.close();

  // Restarted with no room left at all: a new workspace is refused.
  ({ context, page } = await restartWithRoom(profile, 0));
  await page.goto(server.url + '/');
  await waitReady(page);
  await page.locator('.workspace-name', { hasText: 'Northwind' }).waitFor();
  await page.locator('#new-workspace-name').fill('Contoso');
  await page.keyboard.press('Enter');
  await page.getByText('Could not save: the storage space on this device is full. What was saved before is still there; try again.').waitFor();
  await page.reload();
  await waitReady(page);
  await page.locator('.workspace-name').first().waitFor();
  assert.deepEqual(await names(page), ['Northwind'], 'nothing saved is lost, nothing half-written');

  const again = await exportEverything(page, join(dir, 'after.json'));
  assert.deepEqual(again.workspaces.map((w) => w.name), ['Northwind']);
  assert.deepEqual(again.notes, [], 'none of the refused import');
  await assertClean(context);
  await context.close();
});
