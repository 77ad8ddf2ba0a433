// The Content-Security-Policy as shipped: the served index.html carries it (no inline script
// but Trunk's bootstrap by its hash, no eval but WebAssembly's, no plugins, no base); a user's
// build connects to https servers only, plain http to the loopback only in the build made for
// these tests; the violation listener every test ends with does catch a violation (an inline
// script injected into the page), and every end-to-end file checks it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { assertClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const policyOf = (html) => {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'a CSP meta tag');
  return Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
};

test('the served index.html carries the policy; the test build alone may reach the loopback over http', async () => {
  const served = await (await fetch(server.url + '/')).text();
  const p = policyOf(served);
  assert.deepEqual(p['default-src'], ["'self'"]);
  assert.deepEqual(p['object-src'], ["'none'"]);
  assert.deepEqual(p['base-uri'], ["'none'"]);
  assert.deepEqual(p['style-src'], ["'self'"]);
  assert.ok(!p['script-src'].includes("'unsafe-inline'") && !p['script-src'].includes("'unsafe-eval'"));
  assert.ok(p['script-src'].some((s) => s.startsWith("'sha256-")), 'the bootstrap by its hash');
  assert.deepEqual(p['connect-src'], ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'], 'built for the tests');

  // the same build step without the test switch: https only
  const dir = await mkdtemp(join(tmpdir(), 'attache-csp-'));
  const dist = new URL('../../dist/', import.meta.url);
  const raw = served.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
  await writeFile(join(dir, 'index.html'), raw);
  await writeFile(join(dir, 'sw.js'), await readFile(new URL('sw.js', dist), 'utf8'));
  const env = { ...process.env };
  delete env.ATTACHE_TEST_BUILD;
  execFileSync(process.execPath, ['scripts/post_build.mjs', dir], { env, cwd: new URL('../..', import.meta.url) });
  const user = policyOf(await readFile(join(dir, 'index.html'), 'utf8'));
  assert.deepEqual(user['connect-src'], ["'self'", 'https:'], "a user's build");
  assert.ok(!Object.values(user).flat().some((s) => s.startsWith('http:')), 'no plain http anywhere');
});

test('the build step writes Bluesky OAuth client metadata for the site named, and only then', async () => {
  const served = await (await fetch(server.url + '/')).text();
  const dist = new URL('../../dist/', import.meta.url);
  const build = async (site) => {
    const dir = await mkdtemp(join(tmpdir(), 'attache-meta-'));
    await writeFile(join(dir, 'index.html'), served.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, ''));
    await writeFile(join(dir, 'sw.js'), await readFile(new URL('sw.js', dist), 'utf8'));
    const env = { ...process.env };
    delete env.ATTACHE_SITE_URL;
    if (site) env.ATTACHE_SITE_URL = site;
    execFileSync(process.execPath, ['scripts/post_build.mjs', dir], { env, cwd: new URL('../..', import.meta.url), stdio: 'pipe' });
    return dir;
  };
  const dir = await build('https://desk.example.org/equipe/');
  const metadata = JSON.parse(await readFile(join(dir, 'client-metadata.json'), 'utf8'));
  assert.equal(metadata.client_id, 'https://desk.example.org/equipe/client-metadata.json');
  assert.deepEqual(metadata.redirect_uris, ['https://desk.example.org/equipe/oauth/bluesky']);
  assert.equal(metadata.application_type, 'web');
  assert.equal(metadata.token_endpoint_auth_method, 'none');
  assert.equal(metadata.dpop_bound_access_tokens, true);
  assert.deepEqual(metadata.grant_types, ['authorization_code', 'refresh_token']);
  assert.equal(metadata.scope, 'atproto transition:generic');
  // no site named: no file (development and tests use the loopback client)
  await assert.rejects(readFile(join(await build(null), 'client-metadata.json')), /ENOENT/);
  // a plain-http site is refused, with the reason
  await assert.rejects(build('http://desk.example.org'), (e) => /must be https/.test(String(e.stderr)));
});

test('the violation listener catches a violation: an injected inline script fails the check', async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await assertClean(context);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  await page.waitForFunction(() => (window.__cspViolations ?? []).length > 0);
  assert.equal(await page.evaluate(() => window.__ran ?? false), false, 'the inline script did not run');
  await assert.rejects(assertClean(context), /CSP violations/);
  await context.close();
});

test('every end-to-end file checks for CSP violations', async () => {
  const here = new URL('./', import.meta.url);
  const files = (await readdir(here)).filter((f) => f.endsWith('.test.mjs'));
  assert.ok(files.length > 30);
  const unchecked = [];
  for (const f of files) {
    const text = await readFile(new URL(f, here), 'utf8');
    if (!/assertClean\(|cspViolations\(/.test(text)) unchecked.push(f);
  }
  assert.deepEqual(unchecked, []);
});
