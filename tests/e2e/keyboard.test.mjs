// Keyboard alone: Tab reaches every control on each screen, and the workspace journey
// works without a mouse.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open, unreachedByTab } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('Tab reaches every control of the workspaces screen and of Settings', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await page.getByLabel('Name of the brand or client').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.getByLabel('Name of the brand or client').fill('Contoso');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name', { hasText: 'Northwind' }).waitFor();
  assert.deepEqual(await unreachedByTab(page), []);

  await page.goto(server.url + '/settings');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.deepEqual(await unreachedByTab(page), []);
  await assertClean(context);
  await context.close();
});

test('the skip link, the navigation and the whole workspace journey work by keyboard alone', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  const focused = () => page.evaluate(() => (document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '').trim());

  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Skip to content');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');

  // reach the name field by Tab from main, type and press Enter
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement.id)) !== 'new-workspace-name'; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-workspace-name');
  await page.keyboard.type('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name', { hasText: 'Northwind' }).waitFor();

  // Rename: Enter on the button focuses the field; Escape cancels and returns the focus
  await page.getByRole('button', { name: 'Rename Northwind' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('rename-'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.includes('Rename'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('rename-'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Northwind Traders');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name', { hasText: 'Northwind Traders' }).waitFor();

  // Delete: the focus lands on Cancel; Shift+Tab reaches the confirmation
  await page.getByRole('button', { name: 'Delete Northwind Traders' }).focus();
  await page.keyboard.press('Enter');
  // the app moves the focus in the next frame (the focused button may already read "Cancel"
  // when the DOM is updated in place): wait for that frame, then for the focus on Cancel
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Cancel');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'Yes, delete');
  await page.keyboard.press('Enter');
  await page.getByText('You have no workspace yet').waitFor();

  // the navigation: Tab to Settings and follow it with Enter
  await page.getByRole('link', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Settings' }).getAttribute('aria-current'), 'page');
  await assertClean(context);
  await context.close();
});
