import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/support/app.mjs';

// What the page benchmarks share: the app opened with a workspace named Bench, medians, and the time from a click on a navigation link
// to the first element matching a selector laid out (a forced layout once it is in the page).
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
export const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
export const round = (x) => +x.toFixed(1);

/// From the click on the navigation link `name` to the first `selector` laid out.
export const navigate = (page, name, selector) => page.evaluate(([name, selector]) => new Promise((resolve, reject) => {
  const link = [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === name);
  if (!link) return reject(new Error(`no link ${name}`));
  const t0 = performance.now();
  const seen = () => {
    if (!document.querySelector(selector)) return false;
    document.body.getBoundingClientRect();
    resolve(performance.now() - t0);
    return true;
  };
  const obs = new MutationObserver(() => { if (seen()) obs.disconnect(); });
  obs.observe(document.body, { childList: true, subtree: true });
  link.click();
}), [name, selector]);

/// Headless Chromium on the app at `url`, a workspace named Bench made.
export async function openWithWorkspace(url) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('attache:first-screen').length > 0);
  await page.locator('#new-workspace-name').fill('Bench');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  return { browser, page };
}
