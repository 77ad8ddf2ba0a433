// Launching Debian's Chromium through playwright-core, opening the app in a fresh profile,
// and the checks every test ends with: no CSP violation, no uncaught page error; axe-core
// over the page at WCAG 2.2 AA and best practice (`axeClean`); and a walk of the page by Tab
// (`tabWalk`, `unreachedByTab`).
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A fresh context (empty IndexedDB) watched for CSP violations and page errors. */
export async function newContext(browser, { locale = 'en-US', colorScheme = 'light', timezoneId, viewport } = {}) {
  const options = { locale, colorScheme };
  if (timezoneId) options.timezoneId = timezoneId;
  if (viewport) options.viewport = viewport;
  return watchContext(await browser.newContext(options));
}

/** A browser with a real (non-incognito) profile in a new folder, watched the same way. */
export async function launchPersistent(userDataDir) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return watchContext(context);
}

/** Records every CSP violation of the context's pages in `window.__cspViolations`. */
export async function watchCsp(context) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ||= []).push(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
}

/** The CSP violations seen in the context's open pages. */
export async function cspViolations(context) {
  const all = [];
  for (const page of context.pages()) all.push(...await page.evaluate(() => window.__cspViolations ?? []).catch(() => []));
  return all;
}

async function watchContext(context) {
  const problems = [];
  await watchCsp(context);
  context.on('page', (page) => watch(page, problems));
  for (const page of context.pages()) watch(page, problems);
  context.problems = problems;
  return context;
}

function watch(page, problems) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
}

/** Opens `path` and waits for the app to be ready (store open, first screen drawn). */
export async function open(context, baseUrl, path = '/') {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(baseUrl + path);
  await waitReady(page);
  return page;
}

export async function waitReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('attache:first-screen').length > 0);
}

/** Fails on any CSP violation or page error seen in the context's pages. */
export async function assertClean(context) {
  assert.deepEqual(await cspViolations(context), [], 'CSP violations');
  assert.deepEqual(context.problems, [], 'page errors or console errors');
}

/**
 * A field's value once it equals `expected`, or whatever it holds after `timeout` ms (a post
 * opened from the list is read from IndexedDB after the click): assert on what comes back.
 */
export async function settledValue(locator, expected, timeout = 5000) {
  const end = Date.now() + timeout;
  let value = await locator.inputValue();
  while (value !== expected && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await locator.inputValue();
  }
  return value;
}

/** No axe-core violation on the page as it is (WCAG 2.0–2.2 A/AA and best practice); the
 * violations are listed by rule and element when there are some. */
export async function axeClean(page) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

/**
 * Lets a test break the app's index reads (`IDBIndex.getAll`) of one object store from inside
 * the page: `window.__indexReads[store] = 'fail'` throws as a damaged profile does, `'hold'`
 * leaves the read unanswered (a long read that has not finished), `'hold-pages'` only the
 * reads of a page at a time (a count given), anything else reads.
 */
export async function controlIndexReads(context) {
  await context.addInitScript(() => {
    window.__indexReads = {};
    const getAll = IDBIndex.prototype.getAll;
    IDBIndex.prototype.getAll = function (...args) {
      const mode = window.__indexReads[this.objectStore.name];
      if (mode === 'fail') throw new DOMException('simulated', 'UnknownError');
      const req = getAll.apply(this, args);
      // 'hold-pages': only the reads of a page at a time (a count given) are held.
      if (mode === 'hold' || (mode === 'hold-pages' && args.length > 1)) {
        // The app's handlers are taken and never called.
        Object.defineProperty(req, 'onsuccess', { set() {}, configurable: true });
      }
      return req;
    };
  });
}

/** Every record of the IndexedDB stores named (in the app's database), read straight from it. */
export const dumpStores = (page, stores) => page.evaluate(async (stores) => {
  const db = await new Promise((ok, ko) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
  const out = {};
  for (const name of stores) {
    out[name] = await new Promise((ok) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => ok(r.result); });
  }
  db.close();
  return out;
}, stores);

/**
 * Waits until `fn` (run in the page, may be async) gives something truthy, and returns it.
 * Playwright's `waitForFunction` takes an async predicate's promise itself as truthy and
 * returns at once, so an asynchronous condition (IndexedDB, the service worker) is polled
 * from here instead.
 */
export async function waitForAsync(page, fn, arg, { timeout = 15_000, polling = 100 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > until) throw new Error(`not true within ${timeout} ms: ${fn.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, polling));
  }
}

/**
 * Wakes the outbox runner as a tab coming back into view does, and waits until a pass that
 * started after this moment has ended: whatever was due by then has been sent. A negative
 * check ("nothing more went out") made after it waited for the event that would have broken
 * it. The runner tells each pass's start and end on `window` (`attache-outbox-pass-start`,
 * `attache-outbox-pass`), one pass at a time. The page must be the leader tab (the one that
 * runs the outbox).
 */
export async function nextOutboxPass(page, { timeout = 20_000 } = {}) {
  await page.evaluate(() => {
    const seen = (window.__outboxPass = { started: false, ended: false });
    addEventListener('attache-outbox-pass-start', () => { seen.started = true; });
    addEventListener('attache-outbox-pass', () => { if (seen.started) seen.ended = true; });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // Polled from here, not with the page's timers, which a test's fake clock may hold.
  const until = Date.now() + timeout;
  while (!(await page.evaluate(() => window.__outboxPass.ended))) {
    if (Date.now() > until) throw new Error(`no outbox pass started and ended within ${timeout} ms of the wake`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Tabs through the page (the modal dialog if one is open) until the focus comes back to the
 * first control it reached (or twice as many presses as controls) and returns how many visible
 * enabled controls there are (`controls`), those never reached (`unreached`), and those reached
 * that look the same focused as unfocused (`noIndicator`): no visible outline when focused, and
 * no change of outline, shadow, border, background or (SVG) stroke. A control invisible by
 * itself (opacity 0, 1px, clipped) is judged by its label, which is what the user sees; one
 * without a label has no indicator. Controls are listed by their outerHTML.
 */
export async function tabWalk(page) {
  const total = await page.evaluate(() => {
    const shown = (el) => {
      let o = 1;
      for (let n = el; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
      const r = el.getBoundingClientRect();
      const invisible = o === 0 || r.width * r.height <= 1 || getComputedStyle(el).clip === 'rect(0px, 0px, 0px, 0px)';
      return invisible ? el.labels?.[0] ?? null : el;
    };
    const look = (el) => {
      if (!el) return 'invisible';
      const s = getComputedStyle(el);
      const parts = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor];
      if (el instanceof SVGElement) for (const n of [el, ...el.querySelectorAll('*')]) parts.push(getComputedStyle(n).stroke, getComputedStyle(n).strokeWidth);
      return parts.join('|');
    };
    const outlined = (el) => {
      if (!el) return false;
      const s = getComputedStyle(el);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor);
    };
    // With a modal dialog open, the rest of the page is inert: the dialog is what is walked.
    const controls = [...(document.querySelector('dialog:modal') ?? document).querySelectorAll('a[href], button, input, select, textarea, summary, [contenteditable="true"], [tabindex]:not([tabindex="-1"])')]
      .filter((el) => !el.matches(':disabled') && !el.closest('[inert]') && el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true }));
    document.activeElement?.blur();
    document.querySelectorAll('[data-kbd]').forEach((el) => { delete el.dataset.kbd; });
    const before = new Map(controls.map((el) => [el, look(shown(el))]));
    controls.forEach((el, i) => { el.dataset.kbd = String(i); });
    window.__walk = { reached: new Set(), noIndicator: [], first: null, left: false };
    window.__step = () => {
      const el = document.activeElement;
      const w = window.__walk;
      if (!el || el === document.body) return false;
      // Back on the first control after leaving it: the round is done. (A date field keeps the
      // focus for the Tab stops of its day, month and year.)
      if (el === w.first) return w.left;
      if (w.first) w.left = true;
      w.first ??= el;
      if (!el.dataset.kbd || w.reached.has(el.dataset.kbd)) return false;
      w.reached.add(el.dataset.kbd);
      // one radio in a group is the group's tab stop; arrows move inside it
      if (el.type === 'radio') document.querySelectorAll(`input[name="${el.name}"]`).forEach((r) => r.dataset.kbd && w.reached.add(r.dataset.kbd));
      const target = shown(el);
      if (!outlined(target) && look(target) === before.get(el)) w.noIndicator.push(el.outerHTML.slice(0, 160));
      return false;
    };
    return controls.length;
  });
  for (let i = 0; i < 2 * total + 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => window.__step())) break;
  }
  return page.evaluate((controls) => ({
    controls,
    unreached: [...document.querySelectorAll('[data-kbd]')].filter((el) => !window.__walk.reached.has(el.dataset.kbd)).map((el) => el.outerHTML.slice(0, 160)),
    noIndicator: window.__walk.noIndicator,
  }), total);
}

/** The visible enabled controls of the page that Tab never reaches (see `tabWalk`). */
export async function unreachedByTab(page) {
  return (await tabWalk(page)).unreached;
}

/** Presses Tab until the focused element is `locator`'s (fails after `max` presses). */
export async function tabTo(page, locator, max = 80) {
  const target = await locator.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => document.activeElement === el, target)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`never reached ${locator} by Tab`);
}

/** Reaches `locator` by Tab and types `text` there. */
export async function typeInto(page, locator, text) {
  await tabTo(page, locator);
  await page.keyboard.type(text);
}
