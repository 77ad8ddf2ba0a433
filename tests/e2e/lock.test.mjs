// The passphrase lock, every passphrase step by keyboard (Tab, typing, Enter; the file is
// picked and the post written as the other tests do them): suggested once an account is connected; set in
// Settings → Security (a too short one explained); the token stored sealed; a second tab opened
// while unlocked is unlocked too; "Lock now" in one tab locks both; a wrong passphrase said,
// nothing changed; unlocking in the second tab unlocks the first; the passphrase changed; after
// a reload the old one is refused and the new one opens; the Mastodon account still works
// (a post published with the token read back); the export encrypted with the passphrase and
// opened by the import with it (wrong ones said); axe on the lock screen and the Security
// section. A second test: an idle app locks itself after the minutes chosen (the clock moved).
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, nextOutboxPass, open, tabTo, typeInto, waitReady } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';
import { waitFor } from './support/pds.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FIRST = 'correct horse battery';
const SECOND = 'une autre phrase bien longue';

/** The stored account records, as IndexedDB holds them. */
const storedAccounts = (page) => page.evaluate(() => new Promise((ok, ko) => {
  const r = indexedDB.open('attache');
  r.onerror = () => ko(r.error);
  r.onsuccess = () => {
    const q = r.result.transaction('accounts').objectStore('accounts').getAll();
    q.onsuccess = () => { ok(q.result); r.result.close(); };
  };
}));


const lockedHeading = (page) => page.getByRole('heading', { name: 'Attaché is locked' });

test('the passphrase lock by keyboard: set, lock in one tab locks both, a wrong try, unlock from the other tab, changed, export encrypted and imported', async () => {
  const mastodon = await startMastodon();
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  const before = await storedAccounts(page);
  assert.equal(before.length, 1);
  const token = before[0].token;
  assert.ok(token.length > 10 && !token.startsWith('sealed1:'), 'no lock yet: the token as given');
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page.getByText("Your accounts' keys are kept in the clear on this device.", { exact: false }).waitFor();

  // Settings → Security, by keyboard
  await page.getByRole('link', { name: 'Settings → Security' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Security' }).waitFor();
  await axeClean(page);
  await typeInto(page, page.getByLabel('New passphrase (10 characters at least)'), 'short');
  await typeInto(page, page.getByLabel('The same passphrase again'), 'short');
  await page.keyboard.press('Enter');
  await page.getByText('A passphrase needs 10 characters at least.').waitFor();
  await page.getByLabel('New passphrase (10 characters at least)').fill('');
  await page.getByLabel('The same passphrase again').fill('');
  await typeInto(page, page.getByLabel('New passphrase (10 characters at least)'), FIRST);
  await typeInto(page, page.getByLabel('The same passphrase again'), FIRST);
  await page.keyboard.press('Enter');
  await page.getByText("The passphrase is set: your accounts' keys are encrypted.").first().waitFor();
  const sealed = (await storedAccounts(page))[0];
  assert.ok(sealed.token.startsWith('sealed1:'), 'the token is stored sealed');
  assert.ok(!JSON.stringify(sealed).includes(token), 'the token is nowhere in the record');
  await axeClean(page);

  // a second tab opened now is unlocked: it gets the key from the first
  const other = await context.newPage();
  await other.goto(server.url + '/accounts');
  await waitReady(other);
  await other.getByText('@alice@social.test').first().waitFor();
  assert.equal(await lockedHeading(other).count(), 0);

  // "Lock now" in the first tab locks both
  await tabTo(page, page.getByRole('button', { name: 'Lock now' }).first());
  await page.keyboard.press('Enter');
  await lockedHeading(page).waitFor();
  await lockedHeading(other).waitFor();
  assert.equal(await page.getByRole('navigation').count(), 0, 'nothing of the app behind the lock');
  await axeClean(page);

  // a wrong passphrase: said, the field emptied, nothing changed
  const field = page.getByLabel('Passphrase');
  await typeInto(page, field, 'not the passphrase');
  await page.keyboard.press('Enter');
  await page.getByText("That is not the passphrase. Nothing was changed.").waitFor();
  assert.equal(await field.inputValue(), '');
  assert.equal(await lockedHeading(page).count(), 1);
  assert.deepEqual((await storedAccounts(page))[0], sealed, 'the account is as it was');

  // unlocking in the other tab unlocks this one
  await typeInto(other, other.getByLabel('Passphrase'), FIRST);
  await other.keyboard.press('Enter');
  await other.getByText('@alice@social.test').first().waitFor();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  assert.equal(await lockedHeading(page).count(), 0);
  await other.close();

  // the passphrase changed
  await tabTo(page, page.getByText('Change the passphrase', { exact: true }).first());
  await page.keyboard.press('Enter');
  await typeInto(page, page.getByLabel('Current passphrase').first(), FIRST);
  await typeInto(page, page.locator('#lock-change-new'), SECOND);
  await typeInto(page, page.locator('#lock-change-again'), SECOND);
  await page.keyboard.press('Enter');
  await page.getByText('The passphrase is changed.').first().waitFor();
  assert.equal((await storedAccounts(page))[0].token, sealed.token, 'the sealed token is the same');

  // after a reload: locked; the old passphrase refused, the new one opens
  await page.reload();
  await lockedHeading(page).waitFor();
  await typeInto(page, page.getByLabel('Passphrase'), FIRST);
  await page.keyboard.press('Enter');
  await page.getByText("That is not the passphrase. Nothing was changed.").waitFor();
  await typeInto(page, page.getByLabel('Passphrase'), SECOND);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Settings' }).waitFor();

  // the account's token, read back through the lock, still publishes
  // (in the app: loading a page anew would find it locked)
  await page.getByRole('link', { name: 'Compose', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Text of the post').fill('Ouvert avec la nouvelle phrase');
  await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Mastodon.' }).waitFor();
  const status = mastodon.state.statuses.at(-1);
  assert.equal(status.content, '<p>Ouvert avec la nouvelle phrase</p>', 'sent with the token the server gave (a sealed one gets 401)');

  // the export, encrypted with the passphrase (a wrong one said), read back by the import
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await tabTo(page, page.getByRole('button', { name: 'Export everything' }));
  await page.keyboard.press('Enter');
  const exportField = page.getByLabel('Your passphrase, to encrypt the file');
  await typeInto(page, exportField, 'not the passphrase');
  await page.keyboard.press('Enter');
  await page.getByText('That is not the passphrase. Nothing was changed.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save the file in the clear' }).isDisabled(), true,
    'in the clear only once understood');
  await exportField.fill('');
  await typeInto(page, exportField, SECOND);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^attache-all-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
  const file = join(await mkdtemp(join(tmpdir(), 'attache-lock-')), download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  const envelope = JSON.parse(text);
  assert.equal(envelope.format, 'attache-encrypted-export');
  assert.equal(envelope.iterations, 600000);
  assert.ok(!text.includes('Café Lumière') && !text.includes('Ouvert avec'), 'nothing readable in the file');

  await page.getByLabel('Import a file').setInputFiles(file);
  await typeInto(page, page.getByLabel("The file's passphrase"), FIRST);
  await page.keyboard.press('Enter');
  await page.getByText('That passphrase does not open this file. Nothing was changed.').waitFor();
  await page.getByLabel("The file's passphrase").fill('');
  await typeInto(page, page.getByLabel("The file's passphrase"), SECOND);
  await page.keyboard.press('Enter');
  await page.getByText(/This file replaces everything on this device: 1 workspace and .* by 1 workspace and/).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await assertClean(context);
  await context.close();
  await mastodon.close();
});

test('an idle app locks itself once the minutes chosen have passed without a key or a click', async () => {
  const context = await newContext(browser);
  const t0 = new Date('2026-12-07T09:00:00Z').getTime();
  await context.clock.setFixedTime(t0);
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.locator('#new-workspace-name').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('New passphrase (10 characters at least)').fill(FIRST);
  await page.getByLabel('The same passphrase again').fill(FIRST);
  await page.getByLabel('Lock after').selectOption('5');
  await page.getByRole('button', { name: 'Set the passphrase' }).click();
  await page.getByRole('button', { name: 'Lock now' }).first().waitFor();
  assert.equal(await page.locator('#lock-idle').inputValue(), '5', 'the idle time kept');
  assert.equal(await lockedHeading(page).count(), 0);

  // five minutes and a second later, nothing touched: the watch (every 5 s) locks it
  await context.clock.setFixedTime(t0 + 5 * 60_000 + 1_000);
  await lockedHeading(page).waitFor({ timeout: 15_000 });
  await assertClean(context);
  await context.close();
});

/** A Mastodon account connected on the loopback server (stopped when the test ends), and
 * the passphrase FIRST set (by mouse: the keyboard journey is the first test). */
async function lockedAccount(t) {
  const mastodon = await startMastodon();
  t.after(() => mastodon.close());
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('New passphrase (10 characters at least)').fill(FIRST);
  await page.getByLabel('The same passphrase again').fill(FIRST);
  await page.getByRole('button', { name: 'Set the passphrase' }).click();
  await page.getByRole('button', { name: 'Lock now' }).first().waitFor();
  return { mastodon, context, page };
}

test('while locked the outbox waits, its passes sending nothing; unlocked, the post goes out once', async (t) => {
  const { mastodon, context, page } = await lockedAccount(t);

  // written offline: it waits in the outbox
  const text = 'Fermé pour inventaire le lundi';
  await page.getByRole('link', { name: 'Compose', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Bluesky', exact: true }).uncheck();
  await page.getByLabel('Text of the post').fill(text);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Publish now on Mastodon' }).click();
  await page.getByRole('status').filter({ hasText: 'You are offline: the post for Mastodon waits in the outbox' }).waitFor();

  // locked, then the network is back: the outbox runs and sends nothing
  await page.getByRole('button', { name: 'Lock now' }).first().click();
  await lockedHeading(page).waitFor();
  await context.setOffline(false);
  await nextOutboxPass(page);
  await nextOutboxPass(page);
  const sent = () => mastodon.state.statuses.filter((s) => s.content.includes(text)).length;
  assert.equal(sent(), 0, 'nothing sent while locked');

  // unlocked: the post goes out, once
  await page.getByLabel('Passphrase').fill(FIRST);
  await page.keyboard.press('Enter');
  await lockedHeading(page).waitFor({ state: 'detached' });
  await waitFor(async () => sent() > 0, { message: 'the post sent after unlocking' });
  assert.equal(sent(), 1, 'sent after unlocking');
  await nextOutboxPass(page);
  assert.equal(sent(), 1, 'and only once');
  await page.getByRole('link', { name: /^Outbox/ }).click();
  await page.locator('.outbox-row[data-state=sent]').first().waitFor();
  context.problems.splice(0, context.problems.length,
    ...context.problems.filter((p) => !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(p)));
  await assertClean(context);
  await context.close();
});

test('a forgotten passphrase: "Erase this device\'s data" asks first, then erases everything, and the other tab stops', async (t) => {
  const { mastodon, context, page } = await lockedAccount(t);
  const other = await context.newPage();
  await other.goto(server.url + '/today');
  await other.getByRole('button', { name: 'Lock now' }).first().click();
  await lockedHeading(page).waitFor();
  await lockedHeading(other).waitFor();

  await page.getByText('Forgotten your passphrase?').click();
  const erase = page.getByRole('button', { name: "Erase this device's data" });
  assert.equal(await erase.isDisabled(), true, 'not before it is understood');
  await page.getByLabel('I understand that everything Attaché keeps on this device will be erased').check();
  await erase.click();
  // this tab starts again from nothing, at the first run
  await page.locator('#new-workspace-name').waitFor();
  const left = await page.evaluate(() => new Promise((ok, ko) => {
    const r = indexedDB.open('attache');
    r.onerror = () => ko(r.error);
    r.onsuccess = () => {
      const tx = r.result.transaction(['accounts', 'workspaces', 'settings']);
      const counts = {};
      for (const s of ['accounts', 'workspaces']) tx.objectStore(s).count().onsuccess = (e) => { counts[s] = e.target.result; };
      tx.objectStore('settings').get('lock').onsuccess = (e) => { counts.lock = e.target.result ?? null; };
      tx.oncomplete = () => { ok(counts); r.result.close(); };
    };
  }));
  assert.deepEqual(left, { accounts: 0, workspaces: 0, lock: null }, 'no account, workspace or lock left');
  // the other tab let go of the database and says why
  await other.getByText("This device's data was erased in another tab. Reload this tab to start again.").waitFor();
  await other.goto(server.url + '/');
  await other.locator('#new-workspace-name').waitFor();
  assert.equal(await lockedHeading(other).count(), 0, 'nothing left to unlock');
  await assertClean(context);
  await context.close();
});
