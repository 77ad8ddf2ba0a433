// The Reports page at scale, in the app as a user runs it (bench build, headless Chromium):
// 5 accounts with 2 years of daily follower counts and 10,000 posts published with Attaché
// with their counts, written into the app's IndexedDB; then, switching between 30 and 90
// days, the time from the 90-day report read (`attache:report-loaded`) to the next frame
// with it drawn (`attache:report-rendered`), and from the choice of "The last 90 days" to
// that frame (the read included).
// Usage: node tests/bench/report_page.mjs   (after `trunk build --release --features bench
// --dist target-bench-dist`); bench.mjs calls benchReportPage.
import { serveDist } from '../e2e/support/server.mjs';

import { median, openWithWorkspace, round } from './page_timing.mjs';

export async function benchReportPage({ url, accounts = 5, days = 730, posts = 10_000, runs = 7 }) {
  const { browser, page } = await openWithWorkspace(url);
  const written = await page.evaluate(([a, d, p]) => window.wasmBindings.benchSeedReport(a, d, p), [accounts, days, posts]);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('attache:first-screen').length > 0);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.locator('.report-account').first().waitFor();
  const out = { accounts, days, posts: written, drawn_after_read_ms: [], choice_to_frame_ms: [] };
  for (let i = 0; i < runs; i++) {
    for (const choice of ['90', '30']) {
      await page.evaluate(() => { performance.clearMarks('attache:report-loaded'); performance.clearMarks('attache:report-rendered'); window.__chosenAt = performance.now(); });
      await page.getByLabel('Period').selectOption(choice);
      await page.waitForFunction(() => performance.getEntriesByName('attache:report-rendered').length > 0);
      if (choice !== '90') continue;
      const [drawn, total] = await page.evaluate(() => {
        const loaded = performance.getEntriesByName('attache:report-loaded')[0].startTime;
        const rendered = performance.getEntriesByName('attache:report-rendered')[0].startTime;
        return [rendered - loaded, rendered - window.__chosenAt];
      });
      out.drawn_after_read_ms.push(round(drawn));
      out.choice_to_frame_ms.push(round(total));
    }
  }
  const shown = await page.locator('.report-posts tbody tr').count();
  if (shown === 0) throw new Error('the 90-day report shows no post');
  out.posts_in_90_days = shown;
  out.drawn_after_read_median_ms = median(out.drawn_after_read_ms);
  out.choice_to_frame_median_ms = median(out.choice_to_frame_ms);
  await browser.close();
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = await serveDist({ dir: 'target-bench-dist' });
  console.log(JSON.stringify(await benchReportPage({ url: app.url }), null, 2));
  await app.close();
}
