// Workspaces as a community manager uses them: create, switch, rename, delete; reload keeps all.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const names = (page) => page.locator('.workspace-name').allInnerTexts();
const switcher = (page) => page.getByLabel('Current workspace');

async function create(page, name) {
  await page.getByLabel('Name of the brand or client').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('status').filter({ hasText: `Workspace “${name.trim()}” created.` }).waitFor();
}

test('a first-time user creates workspaces, switches, renames and deletes, and a reload keeps it all', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);

  await page.getByText('You have no workspace yet').waitFor();
  assert.equal(await switcher(page).isDisabled(), true);

  await create(page, '  Café   Lumière ');
  await create(page, 'Northwind');
  assert.deepEqual(await names(page), ['Café Lumière', 'Northwind']);
  // the newest is current, in the switcher and in the list
  assert.equal(await switcher(page).locator('option:checked').innerText(), 'Northwind');
  await page.locator('.workspace.current .workspace-name', { hasText: 'Northwind' }).waitFor();

  // switch from the header
  await switcher(page).selectOption({ label: 'Café Lumière' });
  await page.getByRole('status').filter({ hasText: 'Now working in “Café Lumière”.' }).waitFor();
  // switch from the list
  await page.getByRole('button', { name: 'Switch to Northwind' }).click();
  await page.locator('.workspace.current .workspace-name', { hasText: 'Northwind' }).waitFor();

  // rename
  await page.getByRole('button', { name: 'Rename Café Lumière' }).click();
  const field = page.getByLabel('New name for Café Lumière');
  await field.fill('Café Lumière Paris');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Renamed to “Café Lumière Paris”.' }).waitFor();
  assert.deepEqual(await names(page), ['Café Lumière Paris', 'Northwind']);

  // reload keeps workspaces and the current one
  await page.reload();
  await page.locator('.workspace-name').first().waitFor();
  assert.deepEqual(await names(page), ['Café Lumière Paris', 'Northwind']);
  assert.equal(await switcher(page).locator('option:checked').innerText(), 'Northwind');

  // delete asks first; cancel keeps it
  await page.getByRole('button', { name: 'Delete Northwind' }).click();
  await page.getByText('Delete “Northwind” and everything in it? “Undo” is offered for 10 seconds after.').waitFor();
  // focus moves to the safe choice once the question is drawn
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Cancel');
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await names(page), ['Café Lumière Paris', 'Northwind']);

  await page.getByRole('button', { name: 'Delete Northwind' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByRole('status').filter({ hasText: 'Workspace “Northwind” deleted.' }).waitFor();
  assert.deepEqual(await names(page), ['Café Lumière Paris']);
  // the remaining one became current
  assert.equal(await switcher(page).locator('option:checked').innerText(), 'Café Lumière Paris');

  await page.reload();
  await page.locator('.workspace-name').first().waitFor();
  assert.deepEqual(await names(page), ['Café Lumière Paris']);
  await assertClean(context);
  await context.close();
});

test('a blank or duplicate name is explained and nothing is saved', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await create(page, 'Northwind');

  await page.getByLabel('Name of the brand or client').fill('   ');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Give the workspace a name.').waitFor();

  await page.getByLabel('Name of the brand or client').fill('NORTHWIND');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByText('Another workspace already has this name.').waitFor();
  assert.equal(await page.getByLabel('Name of the brand or client').getAttribute('aria-invalid'), 'true');

  await page.reload();
  await page.locator('.workspace-name').first().waitFor();
  assert.deepEqual(await names(page), ['Northwind']);
  await assertClean(context);
  await context.close();
});
