// The Inbox page at scale, in the app as a user runs it (bench build, headless Chromium):
// 50,000 conversations (150,000 messages) written into the app's IndexedDB, then
// - first paint: from the click on "Inbox" to the first row laid out, the first time in the
//   session (read from IndexedDB) and when coming back (the list kept from the last visit);
// - a triage action ("e", done): from the key to the list laid out again, and from the save
//   (the strict write done) to it;
// - filtering by text, one typed character at a time: from the input to the list laid out;
// - scrolling down the list a little every frame: the frame times.
// "Laid out" = every task the change queued has run and the layout is read (a setTimeout
// after the event, then a forced layout), so the wait for the screen's next refresh is not
// counted; the scroll figures are the refresh intervals themselves.
// Usage: node tests/bench/inbox_page.mjs   (after `trunk build --release --features bench
// --dist target-bench-dist`); bench.mjs calls benchInboxPage.
import { serveDist } from '../e2e/support/server.mjs';

import { median, openWithWorkspace, navigate as navigateTo, p95, round } from './page_timing.mjs';

const navigate = (page, name) => navigateTo(page, name, '.conversation');

export async function benchInboxPage({ url, conversations = 50_000, runs = 5 }) {
  const { browser, page } = await openWithWorkspace(url);
  const seeded = await page.evaluate((n) => window.wasmBindings.benchSeedInbox(n), conversations);
  const out = { conversations, messages: seeded, first_visit_ms: [], back_ms: [], triage_key_ms: [], triage_saved_ms: [], filter_ms: [], scroll_frame_ms: [] };
  await page.getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('heading', { name: 'Notes' }).waitFor();
  await page.evaluate(() => { performance.clearMarks('attache:inbox-read'); window.__inboxClick = performance.now(); });
  out.first_visit_ms.push(await navigate(page, 'Inbox'));
  // Then everything is read (the newest messages were drawn first).
  await page.waitForFunction(() => performance.getEntriesByName('attache:inbox-read').length > 0, null, { timeout: 120_000 });
  out.first_full_read_ms = await page.evaluate(() => performance.getEntriesByName('attache:inbox-read')[0].startTime - window.__inboxClick);
  for (let i = 0; i < runs; i++) {
    await page.getByRole('link', { name: 'Notes' }).click();
    await page.getByRole('heading', { name: 'Notes' }).waitFor();
    await page.evaluate(() => performance.clearMarks('attache:inbox-read'));
    out.back_ms.push(await navigate(page, 'Inbox'));
    await page.locator('.inbox-count').waitFor();
    // The list is read again behind the kept one: wait for that read.
    await page.waitForFunction(() => performance.getEntriesByName('attache:inbox-read').length > 0, null, { timeout: 60_000 });
  }
  // Triage: done on the first row, ten times (each leaves the list to answer).
  for (let i = 0; i < 10; i++) {
    const [key, saved] = await page.evaluate(() => new Promise((resolve) => {
      performance.clearMarks('attache:triage-saved');
      const first = () => document.querySelector('.conversation')?.dataset.key;
      const before = first();
      document.querySelector('.conversation .conv-open').focus();
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (first() === before) return;
        obs.disconnect();
        setTimeout(() => {
          document.body.getBoundingClientRect();
          const end = performance.now();
          const mark = performance.getEntriesByName('attache:triage-saved')[0];
          resolve([end - t0, mark ? end - mark.startTime : NaN]);
        });
      });
      obs.observe(document.querySelector('.inbox-list'), { childList: true, subtree: true, attributes: true });
      document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
    }));
    out.triage_key_ms.push(key); out.triage_saved_ms.push(saved);
    await page.getByRole('status').first().waitFor();
  }
  // Filtering by text, as typed.
  const typed = 'commande n°12345';
  const whole = await page.locator('.inbox-count').innerText();
  for (let run = 0; run < 3; run++) {
    for (let end = 1; end <= typed.length; end++) {
      out.filter_ms.push(await page.evaluate((value) => new Promise((resolve) => {
        const input = document.querySelector('.inbox-filters input[type="search"]');
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => { document.body.getBoundingClientRect(); resolve(performance.now() - t0); });
      }), typed.slice(0, end)));
    }
    await page.evaluate(() => { const i = document.querySelector('.inbox-filters input[type="search"]'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); });
    // Cleared: wait for the whole list's count again before the next run.
    await page.waitForFunction((w) => document.querySelector('.inbox-count')?.innerText === w, whole);
  }
  // Scrolling: 50 px every frame for 600 frames (10 s at 60 Hz).
  out.scroll_frame_ms = await page.evaluate(() => new Promise((resolve) => {
    const deltas = [];
    let last;
    const step = (t) => {
      if (last !== undefined) deltas.push(t - last);
      last = t;
      window.scrollBy(0, 50);
      if (deltas.length < 600) requestAnimationFrame(step); else resolve(deltas);
    };
    requestAnimationFrame(step);
  }));
  const drawn = await page.locator('.conversation').count();
  const place = await page.locator('.conversation').last().getAttribute('aria-posinset');
  await browser.close();
  const mean = out.scroll_frame_ms.reduce((a, b) => a + b, 0) / out.scroll_frame_ms.length;
  return {
    conversations, messages: seeded,
    first_visit_ms: round(out.first_visit_ms[0]), first_full_read_ms: round(out.first_full_read_ms),
    back_ms: round(median(out.back_ms)),
    triage_key_to_layout_ms: round(median(out.triage_key_ms)), triage_key_to_layout_p95_ms: round(p95(out.triage_key_ms)),
    triage_saved_to_layout_ms: round(median(out.triage_saved_ms)),
    filter_keystroke_p95_ms: round(p95(out.filter_ms)), filter_keystroke_median_ms: round(median(out.filter_ms)),
    scroll_fps: round(1000 / mean), scroll_frame_p95_ms: round(p95(out.scroll_frame_ms)),
    scroll_frames_over_20ms: out.scroll_frame_ms.filter((d) => d > 20).length, scroll_frames: out.scroll_frame_ms.length,
    scrolled_to_row: Number(place), rows_drawn: drawn,
    runs: out,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serveDist({ dir: 'target-bench-dist' });
  const r = await benchInboxPage({ url: server.url });
  await server.close();
  const { runs, ...figures } = r;
  console.log(JSON.stringify(figures, null, 2));
  if (process.env.VERBOSE) console.log(JSON.stringify({ filter: runs.filter_ms.map(round), triage: runs.triage_key_ms.map(round), back: runs.back_ms.map(round) }));
}
