// Chromium killed (SIGKILL, the whole process group, as a crash or a power cut) at 20 points
// of a 100,000-record import, on a real profile: each kill lands while the import writes, at
// a fraction of its progress chosen at random (seeded), the last one just after the app said
// the import was done; after each relaunch the database holds
// the whole import or nothing of it, and what was there before is intact — every record of
// the stores the import replaces when it did not land, and the account (a store an import
// never touches) in every case.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cspViolations, waitReady } from './support/app.mjs';
import { killHard, startChromium } from './support/chromium.mjs';
import { serveDist } from './support/server.mjs';

const RUNS = 20;
const NOTES = 99_998; // with 2 workspaces: 100,000 records
let server, dir, file;
before(async () => {
  server = await serveDist();
  dir = await mkdtemp(join(tmpdir(), 'attache-import-crash-'));
  file = join(dir, 'attache-all-big.json');
  const notes = [];
  for (let i = 0; i < NOTES; i++) {
    notes.push({ id: `n${i}`, workspace_id: i % 2 ? 'w1' : 'w2', title: `Note ${i}`, text: `Texte de la note ${i} — é`, url: '', created_at: 1000 + i });
  }
  await writeFile(file, JSON.stringify({
    format: 'attache-backup', version: 1, scope: 'all', exported_at: 1764000000000,
    workspaces: [{ id: 'w1', name: 'Importé', created_at: 1 }, { id: 'w2', name: 'Importé aussi', created_at: 2 }],
    notes,
  }));
});
after(async () => { await server?.close(); await rm(dir, { recursive: true, force: true }); });

/** A digest of every record of `stores` and their counts, read in the page. */
const snapshot = (page, stores) => page.evaluate(async (stores) => {
  const db = await new Promise((ok, ko) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
  const out = {};
  for (const s of stores) {
    const rows = await new Promise((ok, ko) => { const q = db.transaction(s).objectStore(s).getAll(); q.onsuccess = () => ok(q.result); q.onerror = () => ko(q.error); });
    const bytes = new TextEncoder().encode(JSON.stringify(rows));
    const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    out[s] = `${rows.length}:${hash}`;
  }
  db.close();
  return out;
}, stores);

// A small seeded generator: the kill points are random, and the same at every run of the suite.
let seed = 0x5eed;
const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };

test(`crash: ${RUNS} kills during a 100,000-record import each leave all of it or none, and what was there before intact`, { timeout: 1_500_000 }, async () => {
  const profile = join(dir, 'profile');
  let chrome = await startChromium(profile);
  await chrome.page.goto(server.url + '/');
  await waitReady(chrome.page);
  await chrome.page.locator('#new-workspace-name').fill('Avant');
  await chrome.page.keyboard.press('Enter');
  await chrome.page.locator('.workspace-name', { hasText: 'Avant' }).waitFor();
  // an account: a store no import touches
  await chrome.page.evaluate(() => new Promise((ok, ko) => {
    const r = indexedDB.open('attache');
    r.onsuccess = () => {
      const tx = r.result.transaction('accounts', 'readwrite');
      tx.objectStore('accounts').put({ id: 'mastodon:https://social.example:1', workspace_id: 'x', network: 'mastodon', instance: 'https://social.example', remote_id: '1', handle: '@brand@social.example', url: 'https://social.example/@brand', token: 'tok', status: 'connected', connected_at: 1 });
      tx.oncomplete = () => { r.result.close(); ok(); };
      tx.onerror = () => ko(tx.error);
    };
  }));
  const replaced = ['workspaces', 'notes', 'posts', 'library'];
  const results = [];
  for (let i = 1; i <= RUNS; i++) {
    const page = chrome.page;
    if (!page.url().endsWith('/settings')) await page.goto(server.url + '/settings');
    await waitReady(page);
    const before = await snapshot(page, [...replaced, 'accounts']);
    await page.getByLabel('Import a file').setInputFiles(file);
    await page.getByRole('button', { name: 'Replace everything' }).click({ timeout: 60_000 });
    // the last kill comes once the app has said the import is done: it must all be there
    const at = i === RUNS ? 1 : 0.02 + random() * 0.96;
    if (i === RUNS) await page.getByText(/^Import done: 2 workspaces/).waitFor({ timeout: 120_000 });
    else await page.waitForFunction((at) => {
      const p = document.querySelector('progress');
      return p && Number(p.value) / Number(p.max) >= at;
    }, at, { timeout: 120_000, polling: 20 });
    const errors = [...chrome.errors, ...await cspViolations(chrome.context)];
    await killHard(chrome);

    chrome = await startChromium(profile);
    await chrome.page.goto(server.url + '/settings');
    await waitReady(chrome.page);
    const after = await snapshot(chrome.page, [...replaced, 'accounts']);
    const notes = Number(after.notes.split(':')[0]);
    const workspaces = Number(after.workspaces.split(':')[0]);
    const all = notes === NOTES && workspaces === 2;
    const none = replaced.every((s) => after[s] === before[s]);
    errors.push(...await cspViolations(chrome.context));
    results.push({ run: i, at: Math.round(at * 100), outcome: all ? 'all' : none ? 'none' : 'partial', notes, accountIntact: after.accounts === before.accounts, errors });
  }
  await killHard(chrome).catch(() => {});
  const good = results.filter((r) => r.outcome !== 'partial' && r.accountIntact && r.errors.length === 0);
  console.log(`# import kills: ${good.length}/${RUNS} left all of the import or none of it, what was there before intact (${results.filter((r) => r.outcome === 'all').length} all, ${results.filter((r) => r.outcome === 'none').length} none)`);
  for (const r of results.filter((r) => !good.includes(r))) console.log(`# failed run ${JSON.stringify(r)}`);
  assert.equal(good.length, RUNS);
  assert.equal(results.at(-1).outcome, 'all', 'killed after "Import done": all of it kept');
});
