// Chromium started as its own process group on a profile folder and driven over CDP, so a
// test can kill it hard (SIGKILL, as a crash or a power cut would) and start it again on the
// same profile.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, watchCsp } from './app.mjs';

/** Chromium on the profile `dir`: its process, the CDP browser, its context (CSP violations
 * recorded, `cspViolations`), a page and its errors. */
export async function startChromium(dir) {
  const proc = spawn(process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    [...CHROMIUM_ARGS, `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let seen = '';
  const ws = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address: ${seen}`)), 30_000);
    proc.stderr.on('data', (d) => {
      if (seen.length < 20_000) seen += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}): ${seen}`)); });
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  await watchCsp(context);
  const errors = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  return { proc, browser, context, page, errors };
}

/** Kills the whole Chromium process group with SIGKILL and waits until it is gone. */
export async function killHard({ proc }) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise((resolve) => proc.once('exit', resolve));
  process.kill(-proc.pid, 'SIGKILL');
  await gone;
}
