// Publishing by hand on share-intent networks: the intent opens with the text (or the text
// is copied first for link-only intents), the user confirms, and the post is published.
// The networks' sites are answered by a local route: no request leaves this machine.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('publish on X and LinkedIn by hand, then the post is published', async () => {
  const context = await newContext(browser);
  await context.route(/^https:\/\/(x\.com|www\.linkedin\.com)\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>intent</title>' }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Café Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.goto(server.url + '/compose');
  await page.locator('#net-mastodon').uncheck();
  await page.locator('#net-bluesky').uncheck();
  await page.locator('#net-x').check();
  await page.locator('#net-linkedin').check();
  const text = 'Nouvelle carte d’hiver & chocolat chaud 🎉 cafe-lumiere.fr/carte';
  await page.getByLabel('Text of the post').fill(text);

  const [xTab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Publish on X' }).click()]);
  await xTab.waitForLoadState();
  const xUrl = new URL(xTab.url());
  assert.equal(xUrl.origin + xUrl.pathname, 'https://x.com/intent/tweet');
  assert.equal(xUrl.searchParams.get('text'), text);
  await xTab.close();
  await page.getByText('Did it go out on X?').waitFor();
  await page.getByLabel('Address of the published post on X (optional)').fill('https://x.com/cafe/status/42');
  await page.getByRole('button', { name: 'Yes, it is published' }).click();
  await page.getByText('Published on X.', { exact: true }).waitFor();

  const [liTab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Publish on LinkedIn' }).click()]);
  await liTab.waitForLoadState();
  assert.equal(new URL(liTab.url()).searchParams.get('url'), 'https://cafe-lumiere.fr/carte');
  await liTab.close();
  await page.getByRole('status').filter({ hasText: 'The text is copied: paste it in LinkedIn\'s window.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  await page.getByRole('button', { name: 'Yes, it is published' }).click();
  await page.locator('.post-item').first().getByText('published').waitFor();
  await assertClean(context);
  await context.close();
});

test('a reminder notification when a post to publish by hand falls due, once the user allowed it', async () => {
  const context = await newContext(browser, { timezoneId: 'Europe/Paris' });
  await context.grantPermissions(['notifications'], { origin: server.url });
  // Watch the real Notification constructor (headless Chromium shows nothing to look at).
  await context.addInitScript(() => {
    const Real = window.Notification;
    window.__notified = [];
    window.Notification = class extends Real {
      constructor(title, options) { super(title, options); window.__notified.push({ title, body: options?.body, tag: options?.tag }); }
    };
  });
  // Fake timers from the start: the reminder loop's 30-second interval runs on demand.
  await context.clock.install({ time: new Date('2026-12-01T08:00:00Z') });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('#new-workspace-name').fill('Café Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Compose' }).click();
  await page.locator('#net-mastodon').uncheck();
  await page.locator('#net-bluesky').uncheck();
  await page.locator('#net-x').check();
  await page.getByLabel('Text of the post').fill('Le marché de Noël ouvre ce soir');
  await page.getByLabel('Date and time to publish').fill('2026-12-01T09:01');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await page.getByRole('status').filter({ hasText: /^Scheduled for December 1, 2026 at 9:01\sAM\.$/ }).waitFor();
  await page.getByRole('button', { name: 'Remind me when it is due' }).click();
  await page.getByRole('status').filter({ hasText: 'You will get a reminder' }).waitFor();

  await page.clock.runFor(30_000); // 09:00:30 in Paris: not due yet
  assert.deepEqual(await page.evaluate(() => window.__notified), []);
  await page.clock.runFor(60_000); // 09:01:30: due
  await page.waitForFunction(() => window.__notified.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__notified.map((n) => [n.title, n.body])), [['Time to publish on X', 'Le marché de Noël ouvre ce soir']]);
  await page.clock.runFor(120_000); // no second reminder for the same post
  assert.equal(await page.evaluate(() => window.__notified.length), 1);
  await assertClean(context);
  await context.close();
});
