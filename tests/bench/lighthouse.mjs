// Lighthouse 12.2.3 (npm, installed by scripts/bench.sh into .tmp/lighthouse when missing) on
// the release build served compressed by command 1's server (scripts/static_server.mjs):
// its default mobile profile (simulated slow 4G, 4× slower CPU), a fresh profile, the first
// screen. Writes bench-results/lighthouse.json (the whole report) and prints the scores, the
// timings and every audit that did not pass in accessibility and best practices.
// Usage: node tests/bench/lighthouse.mjs [dist]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync } from 'node:fs';
import { serveDist } from '../../scripts/static_server.mjs';

const dir = process.argv[2] || 'dist';
const cli = '.tmp/lighthouse/node_modules/lighthouse/cli/index.js';
const app = await serveDist({ dir });
mkdirSync('bench-results', { recursive: true });
try {
  // asynchronously: the server answers from this process meanwhile
  await promisify(execFile)(process.execPath, [cli, app.url + '/', '--quiet', '--output=json',
    '--output-path=bench-results/lighthouse.json',
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
  });
} finally {
  await app.close();
}
const report = JSON.parse(readFileSync('bench-results/lighthouse.json', 'utf8'));
const score = (c) => Math.round(report.categories[c].score * 100);
const ms = (a) => `${(report.audits[a].numericValue / 1000).toFixed(2)} s`;
console.log(`lighthouse      mobile: performance ${score('performance')} (target ≥ 90), accessibility ${score('accessibility')} (100), best practices ${score('best-practices')} (100)`);
console.log(`                FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${report.audits['total-blocking-time'].numericValue.toFixed(0)} ms, transfer ${(report.audits['total-byte-weight'].numericValue / 1024).toFixed(0)} KB`);
for (const c of ['accessibility', 'best-practices']) {
  for (const ref of report.categories[c].auditRefs) {
    const a = report.audits[ref.id];
    if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`                ${c}: ${a.id} — ${a.title}`);
  }
}
