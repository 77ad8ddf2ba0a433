// The editorial calendar: scheduled posts in the month, moved by drag and drop or by
// keyboard, keeping their local time across a daylight-saving change; offline; .ics export.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function parisContext() {
  // Europe/Paris: summer time ends on Sunday 25 October 2026.
  const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 1500 } }); // tall: a drag must not scroll
  ctx.problems = [];
  ctx.on('page', (p) => {
    p.on('pageerror', (e) => ctx.problems.push(`page error: ${e.message}`));
    p.on('console', (m) => { if (m.type() === 'error') ctx.problems.push(`console: ${m.text()}`); });
  });
  await ctx.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window.__cspViolations ||= []).push(e.violatedDirective)));
  return ctx;
}

async function schedule(page, text, due) {
  await page.goto(server.url + '/compose');
  await page.locator('#post-text').fill(text);
  await page.locator('#due-at').fill(due);
  await page.locator('#schedule').click();
  await page.getByRole('status').filter({ hasText: 'Scheduled for' }).waitFor();
}

async function assertAxe(page, where) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], where);
}

const chipIn = (page, date, text) => page.locator(`.day[data-date="${date}"] .chip`, { hasText: text });

test('scheduled posts show in the month, move by drag and by keyboard, keep their time across DST, and export', async () => {
  const context = await parisContext();
  const page = await open(context, server.url);
  // The calendar opens on the current month: hold the clock in September 2026 so "Next
  // month" is October whatever day the tests run, and the October posts and their moves are
  // ahead (a post is never scheduled or moved into the past). Set after the first load, as in
  // library.test.mjs.
  await context.clock.setFixedTime(new Date('2026-09-10T09:00:00Z'));
  await page.locator('#new-workspace-name').fill('Café Lumière');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await schedule(page, 'Halloween latte art', '2026-10-20T09:30');
  await schedule(page, 'Winter menu', '2026-10-21T18:00');

  await page.getByRole('link', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'Next month' }).click();
  await page.getByRole('heading', { name: 'October 2026' }).waitFor();
  await chipIn(page, '2026-10-20', 'Halloween latte art').getByText('9:30 AM').waitFor();

  // drag to the 22nd (still summer time)
  await chipIn(page, '2026-10-20', 'Halloween').dragTo(page.locator('.day[data-date="2026-10-22"]'));
  await page.getByRole('status').filter({ hasText: /Moved to Oct 22, 2026, 9:30\sAM\./ }).waitFor();
  await chipIn(page, '2026-10-22', 'Halloween').getByText('9:30 AM').waitFor();
  // "Undo" puts it back where it was, then it is moved again
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('status').filter({ hasText: /Back to Oct 20, 2026, 9:30\sAM\./ }).waitFor();
  await chipIn(page, '2026-10-20', 'Halloween').getByText('9:30 AM').waitFor();
  assert.equal(await page.locator('.day[data-date="2026-10-22"] .chip').count(), 0);
  await chipIn(page, '2026-10-20', 'Halloween').dragTo(page.locator('.day[data-date="2026-10-22"]'));
  await page.getByRole('status').filter({ hasText: /Moved to Oct 22, 2026, 9:30\sAM\./ }).waitFor();
  await chipIn(page, '2026-10-22', 'Halloween').getByText('9:30 AM').waitFor();

  // by keyboard, through the Move… dialog, to the 30th, after the change to winter time
  await page.getByRole('button', { name: 'Move “Halloween latte art”' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Move “Halloween latte art”' });
  await dialog.waitFor();
  assert.equal(await page.locator('#move-date').inputValue(), '2026-10-22');
  assert.equal(await page.locator('#move-time').inputValue(), '09:30');
  await assertAxe(page, 'move dialog');
  await page.locator('#move-date').fill('2026-10-30');
  await dialog.getByRole('button', { name: 'Move' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: /Moved to Oct 30, 2026, 9:30\sAM\./ }).waitFor();
  await chipIn(page, '2026-10-30', 'Halloween').getByText('9:30 AM').waitFor();
  assert.equal(await page.locator('.day[data-date="2026-10-22"] .chip').count(), 0);
  // Escape closes the dialog without moving anything
  await page.getByRole('button', { name: 'Move “Halloween latte art”' }).click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // the week, an hour per row: drag to Thursday 29th at 10:00 (keeps its 30 minutes)
  await page.getByLabel('View').selectOption('week');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByRole('heading', { name: 'Week of October 26, 2026' }).waitFor();
  const hour = (date, h) => page.locator(`.hour-cell[data-date="${date}"][data-hour="${h}"]`);
  await hour('2026-10-30', 9).locator('.chip', { hasText: 'Halloween' }).waitFor();
  await assertAxe(page, 'week');
  await hour('2026-10-30', 9).locator('.chip', { hasText: 'Halloween' }).dragTo(hour('2026-10-29', 10));
  await page.getByRole("status").filter({ hasText: /Moved to Oct 29, 2026, 10:30\sAM\./ }).waitFor();
  await hour('2026-10-29', 10).locator('.chip', { hasText: 'Halloween' }).waitFor();

  // filters and the list view
  await page.getByLabel('View').selectOption('list');
  await page.getByRole('heading', { name: 'October 2026' }).waitFor();
  assert.equal(await page.locator('.calendar-list .chip').count(), 2);
  await page.getByLabel('State').selectOption('Draft');
  assert.equal(await page.locator('.calendar-list .chip').count(), 0);
  await page.getByLabel('State').selectOption('');
  await page.getByLabel('View').selectOption('month');

  // .ics of the month
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to a calendar (.ics)' }).click()]);
  assert.match(download.suggestedFilename(), /^attache-\d{4}-\d{2}-\d{2}\.ics$/);
  const ics = await readFile(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, 2);
  assert.match(ics, /DTSTART:20261029T093000Z/); // 10:30 in Paris winter time = 09:30 UTC
  assert.match(ics, /DTSTART:20261021T160000Z/); // 18:00 in Paris summer time = 16:00 UTC

  // offline: the month is still there
  await context.setOffline(true);
  await page.reload();
  // (the fixed clock replaces `performance`, so the first-screen mark is not awaited here)
  await page.getByRole('heading', { name: 'September 2026' }).waitFor();
  await page.getByRole('button', { name: 'Next month' }).click();
  await chipIn(page, '2026-10-29', 'Halloween').waitFor();
  await context.setOffline(false);

  await assertAxe(page, 'month');
  await assertClean(context);
  await context.close();
});

test('paging months quickly shows only the last month\'s posts, whatever order the reads end in', async () => {
  const context = await parisContext();
  // The calendar's reads of a period (getAll on the posts' `by_due` index) are counted,
  // issued and handed over, so the check below waits for every read to have landed; reads
  // of a period before April 2027 reach the app 600 ms late, as on a slow disk, so they
  // end after April's.
  await context.addInitScript(() => {
    window.__dueReads = { issued: 0, ended: 0 };
    const getAll = IDBIndex.prototype.getAll;
    const setOnSuccess = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess').set;
    IDBIndex.prototype.getAll = function (...args) {
      const request = getAll.apply(this, args);
      if (this.name === 'by_due' && this.objectStore.name === 'posts') {
        window.__dueReads.issued += 1;
        const from = args[0]?.lower?.[1] ?? 0;
        const late = from < Date.UTC(2027, 2, 31) ? 600 : 0;
        Object.defineProperty(request, 'onsuccess', {
          set(handler) {
            setOnSuccess.call(request, handler && ((event) => setTimeout(() => {
              handler.call(request, event);
              window.__dueReads.ended += 1;
            }, late)));
          },
        });
        request.addEventListener('error', () => { window.__dueReads.ended += 1; });
      }
      return request;
    };
  });
  const page = await open(context, server.url);
  await context.clock.setFixedTime(new Date('2026-11-10T09:00:00Z'));
  await page.locator('#new-workspace-name').fill('Boulangerie Dupain');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await schedule(page, 'Galette des rois', '2027-04-14T10:00');
  // Four busy months before it (300 posts each: slower reads), copies of the saved post.
  await page.evaluate(async () => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    const [post] = await new Promise((ok) => { const r = db.transaction('posts').objectStore('posts').getAll(); r.onsuccess = () => ok(r.result); });
    const tx = db.transaction('posts', 'readwrite');
    for (const [month, day] of [[11, 5], [0, 6], [1, 7], [2, 8]]) {
      const year = month === 11 ? 2026 : 2027;
      for (let i = 0; i < 300; i += 1) {
        const due = Date.UTC(year, month, day, 9, i % 60);
        tx.objectStore('posts').put({ ...post, id: `busy-${month}-${i}`, base_text: `Busy ${month}-${i}`, due_at: due, created_at: due, updated_at: due });
      }
    }
    await new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = () => ko(tx.error); });
    db.close();
  });
  await page.getByRole('link', { name: 'Calendar' }).click();
  await page.getByRole('heading', { name: 'November 2026' }).waitFor();
  const next = page.getByRole('button', { name: 'Next month' });
  // Five clicks without waiting for any month to load.
  for (let i = 0; i < 5; i += 1) await next.click({ noWaitAfter: true });
  await page.getByRole('heading', { name: 'April 2027' }).waitFor();
  await chipIn(page, '2027-04-14', 'Galette des rois').waitFor();
  await page.waitForFunction(() => window.__dueReads.issued >= 6 && window.__dueReads.ended === window.__dueReads.issued);
  // Every read has landed: the last month's post is still shown, and nothing else.
  assert.deepEqual(await page.locator('.chip').allInnerTexts().then((texts) => texts.map((t) => t.includes('Galette des rois'))), [true]);
  await page.getByLabel('View').selectOption('list');
  assert.equal(await page.locator('.calendar-list .chip').count(), 1, 'the list shows April\'s one post');
  await assertClean(context);
  await context.close();
});

test('a post cannot be scheduled or moved into the past: a plain message, and nothing changes', async () => {
  const context = await parisContext();
  const page = await open(context, server.url);
  await context.clock.setFixedTime(new Date('2026-11-10T09:00:00Z'));
  await page.locator('#new-workspace-name').fill('Boulangerie Dupain');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await schedule(page, 'Bûche de Noël', '2026-12-20T10:00');

  // the composer refuses a time that has passed
  await page.getByRole('button', { name: 'New post' }).click();
  await page.locator('#post-text').fill('Galette en retard');
  await page.locator('#due-at').fill('2026-01-06T10:00');
  await page.locator('#schedule').click();
  await page.getByRole('alert').filter({ hasText: 'That time has passed: choose a date and time ahead. Nothing was changed.' }).waitFor();

  // the Move dialog refuses a date ten months back (what the date field's arrows led to)
  await page.getByRole('link', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'Next month' }).click();
  await page.getByRole('heading', { name: 'December 2026' }).waitFor();
  await chipIn(page, '2026-12-20', 'Bûche de Noël').waitFor();
  await page.getByRole('button', { name: 'Move “Bûche de Noël”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move “Bûche de Noël”' });
  await dialog.waitFor();
  await page.locator('#move-date').fill('2026-02-20');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await page.getByRole('alert').filter({ hasText: 'That time has passed' }).waitFor();
  // still on its day, after a reload too
  await page.reload();
  await page.getByRole('heading', { name: 'November 2026' }).waitFor();
  await page.getByRole('button', { name: 'Next month' }).click();
  await chipIn(page, '2026-12-20', 'Bûche de Noël').getByText('10:00 AM').waitFor();
  await page.getByRole('button', { name: 'Previous month' }).click();
  await page.getByRole('heading', { name: 'November 2026' }).waitFor();
  // and nothing was saved as scheduled for January (the composer's refused post)
  const scheduled = await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    return await new Promise((ok) => { const r = db.transaction('posts').objectStore('posts').getAll(); r.onsuccess = () => ok(r.result.filter((p) => p.state === 'scheduled').map((p) => p.base_text)); });
  });
  assert.deepEqual(scheduled, ['Bûche de Noël']);
  await assertClean(context);
  await context.close();
});

test('in French, a time that has passed is refused in plain words and nothing is scheduled', async () => {
  const context = await newContext(browser, { locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await open(context, server.url);
  await context.clock.setFixedTime(new Date('2026-11-10T09:00:00Z'));
  await page.locator('#new-workspace-name').fill('Boulangerie Dupain');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Rédiger' }).click();
  await page.locator('#post-text').fill('Galette en retard');
  await page.locator('#due-at').fill('2026-01-06T10:00');
  await page.locator('#schedule').click();
  await page.getByRole('alert').filter({ hasText: 'Ce moment est passé\u00a0: choisissez une date et une heure à venir. Rien n\'a été changé.' }).waitFor();
  await page.locator('#due-at').fill('2026-12-06T10:00');
  await page.locator('#schedule').click();
  await page.getByRole('status').filter({ hasText: 'Programmé pour le 6 décembre 2026 à 10:00.' }).waitFor();
  await page.locator('.post-item', { hasText: 'Galette en retard' }).getByText('programmé').waitFor();
  await assertClean(context);
  await context.close();
});
