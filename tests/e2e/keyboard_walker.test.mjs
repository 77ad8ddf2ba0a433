// Every screen of the navigation by keyboard, in English and in French, with a workspace that
// holds a scheduled post, a note, a snippet and a word to avoid; and the four modal dialogs
// (command palette by Ctrl+K, search by / with a result, the calendar's move dialog by Enter
// on a post's Move button, the Inbox's shortcuts by ?), each of which opens from those keys
// and closes with Escape. On each screen (once its h1 and the content made here are drawn)
// and in each dialog:
// - Tab reaches every visible enabled control (links, buttons, fields, summaries, tabindex ≥ 0);
// - each control Tab reaches looks different focused: a visible outline, or a change of
//   outline, shadow, border, background or SVG stroke (on its label if the control itself
//   is invisible);
// - every visible element that looks operable without being a native control (an ARIA
//   widget role, a mouse listener, draggable, or a pointer cursor of its own) takes the focus
//   itself, or is an item of a widget that moves the focus among its items (roving tabindex
//   or aria-activedescendant), or (listener or draggable) holds a focusable control.
// Planted bad elements on the first screen show that each of the three checks can fail.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open, tabWalk } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SCREENS = ['/today', '/', '/strategy', '/compose', '/calendar', '/library', '/inbox', '/people', '/listening', '/reports', '/outbox', '/accounts', '/notes', '/settings'];
// What this file put on each screen, to wait for before walking it.
const CONTENT = {
  '/': '.workspace-name', '/strategy': '.glossary-list li', '/compose': '.post-item',
  '/calendar': '.chip', '/library': '.snippet-text', '/notes': '.note',
};

/** Records the elements given a mouse listener (`window.__clicky`), before the app starts. */
async function watchClicks(context) {
  await context.addInitScript(() => {
    const clicky = (window.__clicky = new WeakSet());
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if (this instanceof Element && /^(click|dblclick|mousedown|mouseup|pointerdown|pointerup)$/.test(type)) clicky.add(this);
      return add.call(this, type, ...rest);
    };
  });
}

/** Visible elements that look operable but cannot be reached by keyboard; and how many were checked. */
function inoperable(page) {
  return page.evaluate(() => {
    const ROLES = /^(button|link|tab|menuitem|menuitemcheckbox|menuitemradio|checkbox|switch|option|radio|slider|spinbutton|treeitem|combobox|textbox|searchbox)$/;
    const NATIVE = 'a[href], button, input, select, textarea, summary, [contenteditable="true"]';
    const COMPOSITE = ['listbox', 'tablist', 'tree', 'treegrid', 'grid', 'menu', 'menubar', 'radiogroup'].map((r) => `[role="${r}"]`).join();
    const focusable = (el) => (el.hasAttribute('tabindex') && el.tabIndex >= 0) || (el.matches(NATIVE) && !el.matches(':disabled'));
    const bad = [];
    let checked = 0;
    // With a modal dialog open, the rest of the page is inert: the dialog is what is checked.
    for (const el of (document.querySelector('dialog:modal') ?? document.body).querySelectorAll('*')) {
      if (el.getClientRects().length === 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
      const role = el.getAttribute('role') ?? '';
      const widget = ROLES.test(role) || (role === 'gridcell' && window.__clicky.has(el));
      const clicky = window.__clicky.has(el) || el.hasAttribute('onclick') || el.getAttribute('draggable') === 'true';
      const pointer = getComputedStyle(el).cursor === 'pointer' && getComputedStyle(el.parentElement).cursor !== 'pointer';
      if (!widget && !clicky && !pointer) continue;
      checked++;
      // A native control, or inside one (its text, its icon): the control takes the keys.
      if (el.closest(NATIVE) || focusable(el)) continue;
      // A label is operated through its control, which the Tab walk checks.
      if (el.tagName === 'LABEL' && el.control && focusable(el.control)) continue;
      if (widget) {
        // Composite widgets: one item takes the focus and arrows move it (roving tabindex),
        // or the focus stays on a field that names the active item (aria-activedescendant).
        const box = el.parentElement.closest(COMPOSITE) ?? el.parentElement.closest('[role]') ?? el.parentElement;
        if (box.querySelector(`[role="${role}"][tabindex="0"]`)) continue;
        if (box.id && document.querySelector(`[aria-controls~="${box.id}"][aria-activedescendant]`)) continue;
        if (focusable(box) && box.hasAttribute('aria-activedescendant')) continue;
      } else if (clicky && [...el.querySelectorAll(NATIVE)].some(focusable)) {
        // A listener on a container handles its controls' clicks (or the click beside them,
        // like a backdrop), and a draggable card has its keyboard way among its controls (the
        // calendar's chip: its Move button): the controls are what the keyboard operates.
        continue;
      }
      bad.push(el.outerHTML.slice(0, 160));
    }
    return { checked, bad };
  });
}

/** Resolves once nothing in the page has changed for 300 ms (at most 5 s). */
function quiet(page) {
  return page.evaluate(() => new Promise((done) => {
    let timer;
    const stop = () => { observer.disconnect(); clearTimeout(cap); done(); };
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(stop, 300); });
    const cap = setTimeout(stop, 5000);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    timer = setTimeout(stop, 300);
  }));
}

/** A workspace with a post scheduled on the 5th of the month shown, a note, a snippet and a
 * word to avoid; by ids, the same in both languages. */
async function fill(context, page) {
  await page.locator('#new-workspace-name').fill('Northwind');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  // The calendar opens on the current month: hold the clock (after the first load).
  await context.clock.setFixedTime(new Date('2026-12-01T10:00:00Z'));

  await page.locator('.app-nav a[href="/compose"]').click();
  await page.locator('#post-text').fill('Spring menu: three new coffees from Saturday.');
  await page.locator('#due-at').fill('2026-12-05T09:30');
  await page.locator('#schedule').click();
  await page.locator('.post-item').first().waitFor();

  await page.locator('.app-nav a[href="/library"]').click();
  await page.locator('#snippet-title').fill('Coffee tags');
  await page.locator('#snippet-text').fill('#coffee #latteArt');
  await page.locator('#snippet-text').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
  await page.locator('.snippet-text').waitFor();

  await page.locator('.app-nav a[href="/strategy"]').click();
  await page.locator('#term-banned').fill('users');
  await page.locator('#term-replacement').fill('members');
  await page.locator('#term-replacement').press('Enter');
  await page.locator(CONTENT['/strategy']).first().waitFor();

  await page.goto(server.url + '/share?title=Idea&text=Behind+the+scenes&url=https%3A%2F%2Fexample.org%2F');
  await page.locator('.note').waitFor();
}

/** Plants a span with role=button, a clickable div, a button without a focus style and one
 * out of the Tab order, checks that each check names its own; then takes them away. */
async function checksCanFail(page) {
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'planted';
    box.innerHTML = '<span role="button">planted-role</span><div class="x">planted-click</div><button class="plain">planted-plain</button><button tabindex="-1">planted-skipped</button>';
    box.querySelector('.x').addEventListener('click', () => {});
    box.querySelector('.plain').style.outline = 'none'; // by the CSSOM: the CSP refuses style attributes
    document.body.append(box);
  });
  const { bad } = await inoperable(page);
  assert.ok(bad.some((h) => h.includes('planted-role')) && bad.some((h) => h.includes('planted-click')), bad.join('\n'));
  const walk = await tabWalk(page);
  assert.ok(walk.noIndicator.some((h) => h.includes('planted-plain')), walk.noIndicator.join('\n'));
  assert.ok(walk.unreached.some((h) => h.includes('planted-skipped')), walk.unreached.join('\n'));
  await page.evaluate(() => document.getElementById('planted').remove());
}

// The modal dialogs, each opened from the keyboard on its screen (and closed with Escape).
const DIALOGS = {
  '/compose': [
    ['command palette', (page) => page.keyboard.press('Control+k')],
    ['search', async (page) => {
      await page.keyboard.press('/');
      await page.keyboard.type('Spring');
      await page.locator('#search-list [role="option"]').first().waitFor();
    }],
  ],
  '/calendar': [['move dialog', async (page) => { await page.locator('.chip-move').first().focus(); await page.keyboard.press('Enter'); }]],
  '/inbox': [['shortcuts', (page) => page.keyboard.press('?')]],
};

/** The three checks on the page as it is now; what they find is added to `findings`. */
async function check(page, name, findings) {
  await quiet(page);
  const operable = await inoperable(page);
  const walk = await tabWalk(page);
  console.log(`${name}: ${walk.controls} controls walked, ${walk.controls - walk.unreached.length} reached, ${operable.checked} operable-looking elements checked`);
  for (const html of walk.unreached) findings.push(`${name} unreached by Tab: ${html}`);
  for (const html of walk.noIndicator) findings.push(`${name} no visible focus: ${html}`);
  for (const html of operable.bad) findings.push(`${name} looks operable, not focusable: ${html}`);
}

for (const locale of ['en-US', 'fr-FR']) {
  test(`every screen of the navigation and its dialogs by Tab: all controls reached, focus shown, nothing operable only by mouse (${locale})`, async () => {
    const context = await newContext(browser, { locale });
    await watchClicks(context);
    const page = await open(context, server.url);
    await fill(context, page);
    const links = await page.locator('.app-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, SCREENS);

    const findings = [];
    for (const href of SCREENS) {
      await page.locator(`.app-nav a[href="${href}"]`).click();
      await page.waitForURL((u) => u.pathname === href);
      await page.locator(`.app-nav a[href="${href}"][aria-current="page"]`).waitFor();
      const h1 = page.getByRole('main').getByRole('heading', { level: 1 });
      await h1.waitFor();
      if (CONTENT[href]) await page.locator(CONTENT[href]).first().waitFor();
      if (href === SCREENS[0]) await checksCanFail(page);
      const name = `${locale} ${href} (${(await h1.innerText()).trim()})`;
      await check(page, name, findings);
      for (const [dialog, openIt] of DIALOGS[href] ?? []) {
        await page.evaluate(() => document.activeElement?.blur());
        await openIt(page);
        await page.locator('dialog[open]').waitFor();
        await check(page, `${name} ${dialog}`, findings);
        await page.keyboard.press('Escape');
        await page.locator('dialog[open]').waitFor({ state: 'detached' });
      }
    }
    assert.deepEqual(findings, []);
    await assertClean(context);
    await context.close();
  });
}
