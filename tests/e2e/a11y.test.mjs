// axe-core on every page of the navigation (a workspace made, nothing in it yet), the
// workspaces screen (empty, with data and in its confirm state), a shared note and the
// not-found page, in both themes and both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const locale of ['en-US', 'fr-FR']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`no axe violation on each page of the navigation, the workspaces screen, a shared note and not-found (${locale}, ${colorScheme})`, async () => {
      const context = await newContext(browser, { locale, colorScheme });
      const page = await open(context, server.url);
      assert.deepEqual(await violations(page), [], 'empty workspaces screen');

      await page.locator('#new-workspace-name').fill('Northwind');
      await page.keyboard.press('Enter');
      await page.locator('#new-workspace-name').fill('Contoso');
      await page.keyboard.press('Enter');
      await page.locator('.workspace-name', { hasText: 'Contoso' }).waitFor();
      assert.deepEqual(await violations(page), [], 'workspaces with data');

      await page.locator('.workspace .danger').first().click();
      await page.locator('.confirm').waitFor();
      assert.deepEqual(await violations(page), [], 'delete confirmation');

      await page.goto(server.url + '/settings');
      await page.locator('#language-select').waitFor();
      assert.deepEqual(await violations(page), [], 'settings');

      // Each page of the navigation, reached by its link (its heading drawn, the network quiet).
      const pages = await page.locator('.app-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert.deepEqual(pages, ['/today', '/', '/strategy', '/compose', '/calendar', '/library', '/inbox', '/people', '/listening', '/reports', '/outbox', '/accounts', '/notes', '/settings']);
      for (const href of pages) {
        await page.locator(`.app-nav a[href="${href}"]`).click();
        await page.waitForURL((u) => u.pathname === href);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        assert.deepEqual(await violations(page), [], href);
      }

      await page.goto(server.url + '/share?title=Idea&text=Behind+the+scenes&url=https%3A%2F%2Fexample.org%2F');
      await page.locator('.note').waitFor();
      assert.deepEqual(await violations(page), [], 'notes');

      await page.goto(server.url + '/no-such-page');
      await page.locator('h1').waitFor();
      assert.deepEqual(await violations(page), [], 'not found');
      await assertClean(context);
      await context.close();
    });
  }
}
