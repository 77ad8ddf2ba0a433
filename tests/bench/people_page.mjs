// The People page at scale, in the app as a user runs it (bench build, headless Chromium):
// 100,000 members with 1,000,000 signs and 50,000 conversations (150,000 messages) written
// into the app's IndexedDB (about a minute), then from the click on "People" to the first
// member's row laid out — the first time in the session (the first look: the people of the
// newest messages and signs; then the whole list, every message and sign read and every
// level worked out) and when coming back (the members kept from the last visit, read
// again behind them), and on a new session's first visit (the page loaded again: the list
// as it was last worked out, its glance, painted while everything is read again). "Laid
// out": a forced layout once the row is in the page. And the search box's index at the
// start of a session: with nothing kept, then with the last build's index kept.
// Usage: node tests/bench/people_page.mjs   (after `trunk build --release --features bench
// --dist target-bench-dist`); bench.mjs calls benchPeoplePage.
import { serveDist } from '../e2e/support/server.mjs';

import { median, openWithWorkspace, navigate as navigateTo, round } from './page_timing.mjs';

const navigate = (page, name) => navigateTo(page, name, '.people-list .member');

/// The page loaded again, left alone: from its first screen to the search index answering
/// (`attache:search-index-ready`: the kept one, or a whole build) and to the whole build,
/// with the longest task meanwhile.
async function searchAtStart(page, url) {
  await page.goto(new URL('/notes', url).href);
  // Kept for the next session once built.
  await page.waitForFunction(() => performance.getEntriesByName('attache:search-index-kept').length > 0, null, { timeout: 300_000 });
  return page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    const first = at('attache:first-screen');
    return { ready_ms: Math.round(at('attache:search-index-ready') - first), built_ms: Math.round(at('attache:search-index-built') - first), longest_task_ms: Math.round(window.__longest) };
  });
}

export async function benchPeoplePage({ url, members = 100_000, signs = 1_000_000, conversations = 50_000, runs = 5 }) {
  const { browser, page } = await openWithWorkspace(url);
  // The longest task of each page load (`window.__longest`).
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });
    // The wasm instance, for the size of its memory (which only ever grows: its size is the peak).
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  const [messages, written] = await page.evaluate(([m, s, c]) => window.wasmBindings.benchSeedPeople(m, s, c).then(Array.from), [members, signs, conversations]);
  const out = { members, signs: written, messages, first_visit_ms: NaN, back_ms: [] };
  // The search box's index at the start of a session, nothing kept yet: everything read and
  // indexed (then kept for the next session).
  out.search_at_start_nothing_kept_ms = (await searchAtStart(page, url)).ready_ms;
  // The size of the index kept (its header in the `kept` store says it).
  out.search_kept_mb = await page.evaluate(() => new Promise((done) => {
    const r = indexedDB.open('attache');
    r.onsuccess = () => {
      const q = r.result.transaction('kept').objectStore('kept').getAll();
      q.onsuccess = () => done(+(q.result.filter((v) => v && v.bytes).reduce((a, v) => a + v.bytes, 0) / 1048576).toFixed(1));
    };
  }));
  // Read once from scratch: the seeded data is on the device, as after a restart.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('attache:first-screen').length > 0);
  await page.getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('heading', { name: 'Notes' }).waitFor();
  // The first row of a first visit is the first look's (the people seen most recently,
  // `li.glance-member`); the whole list, levels and all, follows.
  const clicked = await page.evaluate(() => performance.now());
  out.first_visit_ms = round(await navigateTo(page, 'People', '.people-list li'));
  out.first_visit_first_look = (await page.locator('.people-list .glance-member').count()) > 0;
  await page.locator('.people-list .member').first().waitFor({ timeout: 300_000 });
  out.first_visit_whole_ms = round((await page.evaluate(() => performance.now())) - clicked);
  const count = await page.locator('.people-count').innerText();
  for (let i = 0; i < runs; i++) {
    await page.getByRole('link', { name: 'Notes' }).click();
    await page.getByRole('heading', { name: 'Notes' }).waitFor();
    await page.evaluate(() => performance.clearMarks('attache:people-read'));
    out.back_ms.push(round(await navigate(page, 'People')));
    // Read again behind the kept list: wait for that read before leaving.
    await page.waitForFunction(() => performance.getEntriesByName('attache:people-read').length > 0, null, { timeout: 120_000 });
  }
  out.back_median_ms = median(out.back_ms);
  // New sessions: the first row is the glance's (`li.glance-member`), the real rows follow.
  out.new_session_ms = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('attache:first-screen').length > 0);
    out.new_session_ms.push(round(await navigateTo(page, 'People', '.people-list li')));
    out.new_session_glance = (await page.locator('.people-list .glance-member').count()) > 0;
  }
  out.new_session_median_ms = median(out.new_session_ms);
  // A new session opening People, left until everything is read and placed (the search
  // box's index read meanwhile): its longest task.
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('attache:first-screen').length > 0);
  await navigateTo(page, 'People', '.people-list li');
  await page.waitForFunction(() => performance.getEntriesByName('attache:people-read').length > 0, null, { timeout: 300_000 });
  out.new_session_whole_longest_task_ms = Math.round(await page.evaluate(() => window.__longest));
  // Its memory once the search box's index is built too: the wasm memory at its peak, and
  // what the JS heap still holds after a full garbage collection.
  await page.waitForFunction(() => performance.getEntriesByName('attache:search-index-built').length > 0, null, { timeout: 300_000 });
  out.new_session_wasm_mb = await page.evaluate(() => Math.round(window.__wasm.memory.buffer.byteLength / 1048576));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  out.new_session_js_heap_mb = Math.round((await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576);
  await cdp.detach();
  // The search box's index at the start of a new session, the last build's kept: from the
  // first screen to the index answering, and to everything read again.
  out.search_at_start = [];
  for (let i = 0; i < runs; i++) out.search_at_start.push(await searchAtStart(page, url));
  out.search_at_start_kept_median_ms = median(out.search_at_start.map((r) => r.ready_ms));
  out.search_at_start_built_median_ms = median(out.search_at_start.map((r) => r.built_ms));
  out.count_shown = count;
  await browser.close();
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = await serveDist({ dir: 'target-bench-dist' });
  console.log(JSON.stringify(await benchPeoplePage({ url: app.url }), null, 2));
  await app.close();
}
