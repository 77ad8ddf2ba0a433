// Reports from generated metrics (written into IndexedDB as the syncs write them, for the
// account connected from the loopback Mastodon server): 30 days of followers with two days
// without a count, the 30 days before, a post published with Attaché with its counts, and
// messages received.
// The page's sentence, chart points, table and posts' engagement say the same numbers as the
// CSV files it downloads (the posts' table draws 100, then all); 7 days and days of one's choosing change them; the best time to post has no hour until one
// holds 3 posts, then names it and shades it darkest; axe clean in English (light) and French
// (dark); the brand and period on the first page of the PDF Chromium prints; the members
// by level and how they moved, over 30 and 7 days, the same as their CSV.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon, publishOnMastodon } from './support/mastodon.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const BOM = '\uFEFF';

/**
 * Writes the generated snapshots: followers at noon on each of the last 29 days but the 10th
 * and 11th before today (1,000 then +5 a day: 1,140 yesterday), 1,145 just before the post
 * went out today, 900 and 990 on the 59th and 30th days before; the post's counts (12 likes,
 * 3 boosts, 2 replies) read after it; messages received: two this morning, one 3 days ago,
 * one 40 days ago. Returns the account's id.
 */
const seed = (page, statusId, postedAt) => page.evaluate(async ([statusId, postedAt]) => {
  const db = await new Promise((ok, ko) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
  const read = (store) => new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
  const [account] = await read('accounts');
  const noon = (daysAgo) => { const d = new Date(); d.setHours(12, 0, 0, 0); d.setDate(d.getDate() - daysAgo); return d.getTime(); };
  const snap = (at, fields, status) => ({
    id: `${account.id}:${status ?? 'account'}:${at}`, workspace_id: account.workspace_id, account_id: account.id,
    status_id: status ?? null, at, followers: 0, following: 0, statuses: 0, favourites: 0, boosts: 0, replies: 0, quotes: 0, ...fields,
  });
  const rows = [];
  for (let d = 29; d >= 1; d--) if (d !== 10 && d !== 11) rows.push(snap(noon(d), { followers: 1000 + 5 * (29 - d) }));
  rows.push(snap(postedAt - 1000, { followers: 1145 }));
  rows.push(snap(noon(59), { followers: 900 }), snap(noon(30), { followers: 990 }));
  rows.push(snap(postedAt + 1000, { favourites: 12, boosts: 3, replies: 2 }, statusId));
  const message = (id, at) => ({
    id, workspace_id: account.workspace_id, account_id: account.id, network: 'mastodon', author_name: 'Dan',
    author_handle: '@dan@elsewhere.test', author_url: 'https://elsewhere.test/@dan', html: '<p>Bonjour</p>', at, url: `https://elsewhere.test/@dan/${id}`, remote_id: id,
  });
  const tx = db.transaction(['metrics', 'inbox'], 'readwrite');
  for (const r of rows) tx.objectStore('metrics').put(r);
  for (const [id, at] of [['m1', noon(0) - 3_600_000], ['m2', noon(0) - 7_200_000], ['m3', noon(3)], ['m4', noon(40)]]) tx.objectStore('inbox').put(message(id, at));
  await new Promise((ok) => { tx.oncomplete = ok; });
  db.close();
  return account.id;
}, [statusId, postedAt]);

/** A CSV download's text, after a click on `button`. */
async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('a 30-day report from generated metrics says the same numbers as its CSV files (en-US, light)', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { workspace: 'Rapports' });
  const status = await publishOnMastodon(page, server.url, mastodon, 'Atelier pain au levain, samedi');
  const postedAt = await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const posts = await new Promise((ok) => { const r = db.transaction('posts').objectStore('posts').getAll(); r.onsuccess = () => ok(r.result); });
    db.close();
    return posts.flatMap((p) => p.variants).find((v) => v.published).published.at;
  });
  await seed(page, status.id, postedAt);
  await page.locator('.app-nav').getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Period').inputValue(), '30');
  const account = page.locator('.report-account');
  await account.getByText('Followers +145 (+14.5%) over the period: from 1,000 to 1,145, counted on 28 of 30 days. The period before: +90.').waitFor();

  // The chart: one focusable point per counted day, named with its day and count.
  const points = account.locator('svg.chart circle.point');
  assert.equal(await points.count(), 28);
  const day = (ago) => page.evaluate((ago) => { const d = new Date(); d.setDate(d.getDate() - ago); return d.toLocaleDateString('en-US', { dateStyle: 'long' }); }, ago);
  const messages = page.locator('section[aria-labelledby="report-messages"]');
  await messages.getByText('3 messages received over the period; 1 the period before.').waitFor();
  assert.equal(await messages.locator('circle.point').count(), 30);
  assert.equal(await messages.locator('circle.point').last().getAttribute('aria-label'), `${await day(0)}: 2 messages`);
  assert.equal(await points.first().getAttribute('aria-label'), `${await day(29)}: 1,000 followers`);
  await points.first().focus();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), `${await day(29)}: 1,000 followers`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), `${await day(28)}: 1,005 followers`);

  // The table alternative, then the same numbers in the CSV.
  await account.getByText('Show the figures as a table').click();
  const cells = await account.locator('table.report-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  assert.equal(cells.length, 30);
  assert.deepEqual(cells.filter(([, v]) => v === 'no count').map(([d]) => d), [await day(11), await day(10)]);
  const followers = await downloaded(page, page.getByRole('button', { name: 'Download the followers (CSV)' }));
  assert.match(followers.name, /^attache-followers-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(followers.text.startsWith(BOM), 'a byte-order mark for spreadsheets');
  const lines = followers.text.slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'account,day,followers');
  const csvValues = lines.slice(1).map((l) => l.split(',').at(-1));
  assert.deepEqual(csvValues, cells.map(([, v]) => (v === 'no count' ? '' : v.replace(/,/g, ''))));
  const iso = (ago) => page.evaluate((ago) => { const d = new Date(); d.setDate(d.getDate() - ago); return d.toLocaleDateString('sv-SE'); }, ago);
  assert.equal(lines[1], `Alice Café (@alice@social.test) · Mastodon,${await iso(29)},1000`);
  assert.equal(lines.at(-1), `Alice Café (@alice@social.test) · Mastodon,${await iso(0)},1145`);

  // The post: 17 interactions for 1,145 followers before it went out.
  const post = page.locator('.report-posts tbody tr');
  assert.equal(await post.count(), 1);
  const row = await post.locator('td').allInnerTexts();
  assert.deepEqual(row.slice(1), ['Mastodon', 'Atelier pain au levain, samedi', '12', '3', '2', '0', '1,145', '1.48%']);
  const posts = await downloaded(page, page.getByRole('button', { name: 'Download the posts (CSV)' }));
  const [head, first] = posts.text.slice(1).split('\r\n');
  assert.equal(head, 'published,network,text,likes,boosts,replies,quotes,interactions,followers when posted,engagement rate (%),address');
  assert.match(first, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z,Mastodon,"Atelier pain au levain, samedi",12,3,2,0,17,1145,1\.48,http/);
  // The best time: one post of the last 16 weeks, not enough for any hour.
  await account.getByText('Worked out from 1 post of the last 16 weeks with an engagement rate; an hour needs 3 posts to count. No hour has 3 posts yet: not enough data to choose.').waitFor();
  const heat = account.locator('table.heatmap');
  assert.equal(await heat.locator('tbody tr').count(), 7);
  assert.equal(await heat.locator('tbody td').count(), 7 * 24);
  assert.equal(await heat.locator('td.heat-none').count(), 7 * 24);
  const slot = await page.evaluate((at) => { const d = new Date(at); return { row: (d.getDay() + 6) % 7, hour: d.getHours() }; }, postedAt);
  assert.equal(await heat.locator('tbody tr').nth(slot.row).locator('td').nth(slot.hour).locator('[aria-hidden="true"]').innerText(), '·');
  assert.equal(await heat.locator('tbody tr').nth(slot.row).locator('td').nth(slot.hour).locator('.visually-hidden').innerText(), 'not enough data (1 post)');
  await axeClean(page);

  // Three more posts at the same hour of the same weekday, in the weeks before: that hour
  // now counts, and is the best.
  await page.evaluate(async ([statusId]) => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const all = (store) => new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
    const [post] = await all('posts');
    const [counts] = (await all('metrics')).filter((m) => m.status_id === statusId);
    const tx = db.transaction(['posts', 'metrics'], 'readwrite');
    for (const week of [1, 2, 3]) {
      const copy = structuredClone(post);
      copy.id = `${post.id}-w${week}`;
      const v = copy.variants.find((x) => x.published);
      v.published.at -= week * 7 * 86_400_000;
      v.remote.ids = [`${statusId}-w${week}`];
      tx.objectStore('posts').put(copy);
      tx.objectStore('metrics').put({ ...counts, id: `${counts.id}-w${week}`, status_id: `${statusId}-w${week}`, at: v.published.at + 3_600_000 });
    }
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  }, [status.id]);
  await page.getByLabel('Period').selectOption('7');
  await page.getByLabel('Period').selectOption('30');
  // The 30 days' report read with the new posts: neither the 30 days' one read before them
  // nor the 7 days' one (either may stay on screen while the last read runs).
  await page.waitForFunction(() => {
    const text = document.querySelector('.report-account')?.textContent ?? '';
    return text.includes('counted on 28 of 30 days') && text.includes('Worked out from 4 posts');
  });
  const weekday = await page.evaluate((at) => new Date(at).toLocaleDateString('en-US', { weekday: 'long' }), postedAt);
  const hh = String(slot.hour).padStart(2, '0');
  await account.getByText(new RegExp(`^Worked out from 4 posts of the last 16 weeks with an engagement rate; an hour needs 3 posts to count\\. Best hours: ${weekday} ${hh}:00–\\d{2}:00 \\(\\d+(\\.\\d+)?%\\)\\.$`)).waitFor();
  const best = heat.locator('tbody tr').nth(slot.row).locator('td').nth(slot.hour);
  assert.equal(await best.getAttribute('class'), 'heat heat-4');
  assert.match(await best.innerText(), /^\d+(\.\d+)?%$/);
  assert.equal(await heat.locator('td.heat-none').count(), 7 * 24 - 1);
  // The best hour becomes the queue's posting slot in one action, once.
  await account.getByRole('button', { name: "Use these hours as the queue's posting slots" }).click();
  await page.getByRole('status').filter({ hasText: '1 posting slot added to the queue (Library).' }).waitFor();
  await account.getByRole('button', { name: "Use these hours as the queue's posting slots" }).click();
  await page.getByRole('status').filter({ hasText: 'These hours are already posting slots of the queue.' }).waitFor();
  // Posts per week: one a week, this week's last.
  // Response times: the 3 messages are not answered yet, so nothing is counted, said as such.
  const responses = page.getByRole('region', { name: 'Answering the community' });
  const firstRow = responses.getByRole('row', { name: /^First response/ });
  await firstRow.waitFor();
  assert.deepEqual((await firstRow.locator('td').allInnerTexts()).map((s) => s.trim()), ['0', '—', '—', '—']);
  const weeks = page.locator('section[aria-labelledby="report-weeks"]');
  await weeks.getByRole('columnheader', { name: 'Mastodon', exact: true }).waitFor();
  const perWeek = (await weeks.locator('tbody tr td').allInnerTexts()).map(Number);
  assert.equal(perWeek.at(-1), 1);
  assert.equal(perWeek.reduce((a, b) => a + b, 0), 4);
  await axeClean(page);

  // The brand and the period on top, the objectives; printed to PDF by Chromium, its first
  // page says them, without the app's navigation or buttons.
  const period = `Rapports, ${await day(29)} to ${await day(0)}`;
  await page.getByText(period, { exact: true }).waitFor();
  await page.getByText('No objective yet: set them on the Strategy page.').waitFor();
  const pdf = await getDocument({ data: new Uint8Array(await page.pdf({ format: 'A4' })), useSystemFonts: true }).promise;
  const printed = (await (await pdf.getPage(1)).getTextContent()).items.map((i) => i.str).join(' ').replace(/\s+/g, ' ');
  assert.ok(printed.includes('Reports'), printed);
  assert.ok(printed.includes(period), `the brand and period on page 1: ${printed}`);
  assert.ok(printed.includes('Objectives'), printed);
  for (const absent of ['Outbox', 'Print the report', 'Current workspace']) assert.ok(!printed.includes(absent), `${absent} printed`);
  assert.ok(pdf.numPages >= 1);

  // Seven days: yesterday's six days and today.
  await page.getByLabel('Period').selectOption('7');
  await account.getByText('Followers +30 (+2.7%) over the period: from 1,115 to 1,145, counted on 7 of 7 days. The period before: +30.').waitFor();
  assert.equal(await account.locator('svg.chart circle.point').count(), 7);
  await messages.getByText('3 messages received over the period; 0 the period before.').waitFor();

  // Days of one's choosing: both days asked for, in order, then the report of those days.
  await page.getByLabel('Period').selectOption('range');
  await page.getByRole('alert').filter({ hasText: 'Choose the first and the last day.' }).waitFor();
  await page.getByLabel('From', { exact: true }).fill(await iso(20));
  await page.getByLabel('To', { exact: true }).fill(await iso(29));
  await page.getByRole('alert').filter({ hasText: 'The first day must come before the last.' }).waitFor();
  await page.getByLabel('From', { exact: true }).fill(await iso(29));
  await page.getByLabel('To', { exact: true }).fill(await iso(20));
  await account.getByText('Followers +45 (+4.5%) over the period: from 1,000 to 1,045, counted on 10 of 10 days. The period before: 0.').waitFor();
  await page.getByText(`Rapports, ${await day(29)} to ${await day(20)}`, { exact: true }).waitFor();
  // A hundred more posts in the period: the table draws the first 100, "Show all" the rest.
  await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const [post] = await new Promise((ok) => { const r = db.transaction('posts').objectStore('posts').getAll(); r.onsuccess = () => ok(r.result); });
    const tx = db.transaction(['posts'], 'readwrite');
    for (let i = 0; i < 100; i++) {
      const copy = structuredClone(post);
      copy.id = `${post.id}-many${i}`;
      const v = copy.variants.find((x) => x.published);
      v.published.at -= (i + 1) * 60_000;
      v.remote.ids = [`many${i}`];
      tx.objectStore('posts').put(copy);
    }
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  });
  await page.getByLabel('Period').selectOption('30');
  const showAll = page.getByRole('button', { name: 'Show all 104 posts' });
  await showAll.waitFor();
  assert.equal(await page.locator('.report-posts tbody tr').count(), 100);
  await showAll.click();
  await page.waitForFunction(() => document.querySelectorAll('.report-posts tbody tr').length === 104);
  await showAll.waitFor({ state: 'detached' });
  // The best hour adopted earlier is a posting slot in the Library.
  await page.locator('.app-nav').getByRole('link', { name: 'Library' }).click();
  await page.locator('.slot span', { hasText: `${weekday} ${hh}:00` }).waitFor();
  assert.equal(await page.locator('.slot span').count(), 1);
  await assertClean(context);
  await context.close();
});

test('the members by level over 30 and 7 days: each level, how its members moved, the period before, the same numbers as the CSV (en-US)', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { workspace: 'Membres' });
  // dan started a conversation 40 days ago and wrote again 3 days ago (Participating, held);
  // eve wrote 2 days ago (new at Participating); gus liked a post 10 days ago (Exploring:
  // new over 30 days, held over 7).
  await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open('attache'); r.onsuccess = () => ok(r.result); });
    const [account] = await new Promise((ok) => { const r = db.transaction('accounts').objectStore('accounts').getAll(); r.onsuccess = () => ok(r.result); });
    const noon = (daysAgo) => { const d = new Date(); d.setHours(12, 0, 0, 0); d.setDate(d.getDate() - daysAgo); return d.getTime(); };
    const message = (id, who, daysAgo) => ({
      id, workspace_id: account.workspace_id, account_id: account.id, network: 'mastodon', author_name: who,
      author_handle: `@${who}@elsewhere.test`, author_url: `https://elsewhere.test/@${who}`, html: '<p>Bonjour</p>', at: noon(daysAgo), url: `https://elsewhere.test/@${who}/${id}`, remote_id: id,
    });
    const tx = db.transaction(['inbox', 'sign_packs'], 'readwrite');
    for (const m of [message('d1', 'dan', 40), message('d2', 'dan', 3), message('e1', 'eve', 2)]) tx.objectStore('inbox').put(m);
    // Signs are kept in packs of one workspace and ten minutes, their signs one JSON text.
    const sign = {
      id: `${account.id}:interaction:g1`, workspace_id: account.workspace_id, account_id: account.id, network: 'mastodon', kind: 'favourite',
      who_name: 'gus', who_handle: '@gus@elsewhere.test', who_url: 'https://elsewhere.test/@gus', subject: '1', at: noon(10),
    };
    const start = Math.floor(sign.at / 600000) * 600000;
    tx.objectStore('sign_packs').put({
      id: `${account.workspace_id}:signs:${start}`, workspace_id: account.workspace_id, start,
      who: [`${account.workspace_id}\u001f${sign.who_handle}`], signs: JSON.stringify([sign]),
    });
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  });
  await page.locator('.app-nav').getByRole('link', { name: 'Reports' }).click();
  const section = page.getByRole('region', { name: 'Members by level' });
  const rows = () => section.locator('table.report-levels tbody tr').evaluateAll((trs) => trs.map((r) => [...r.children].map((c) => c.textContent.trim())));
  await section.getByText('3 members at the end of the period (1 at the end of the period before): 2 moved up or new, 0 moved down.').waitFor();
  const thirty = [
    ['1 · Leading', '0', '0', '0', '0', '0'],
    ['2 · Contributing', '0', '0', '0', '0', '0'],
    ['3 · Participating', '2', '1', '1', '0', '1'],
    ['4 · Exploring', '1', '1', '0', '0', '0'],
  ];
  assert.deepEqual(await rows(), thirty);
  const file = await downloaded(page, section.getByRole('button', { name: 'Download the members by level (CSV)' }));
  assert.match(file.name, /^attache-levels-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(file.text.startsWith(BOM));
  const lines = file.text.slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'level,members,moved up or new,held,moved down,members the period before');
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')), thirty);

  await page.getByLabel('Period').selectOption('7');
  await section.getByText('3 members at the end of the period (2 at the end of the period before): 1 moved up or new, 0 moved down.').waitFor();
  assert.deepEqual((await rows()).slice(2), [
    ['3 · Participating', '2', '1', '1', '0', '1'],
    ['4 · Exploring', '1', '0', '1', '0', '1'],
  ]);
  await axeClean(page);
  await assertClean(context);
  await context.close();
});

test("the report in French and dark: the sentence, the chart's labels larger in large text, and axe clean (fr-FR, dark)", async () => {
  const context = await newContext(browser, { locale: 'fr-FR', colorScheme: 'dark' });
  const page = await connectMastodon(await open(context, server.url), mastodon.url, { workspace: 'Rapports', locale: 'fr-FR' });
  await seed(page, 'none', Date.now());
  await page.locator('.app-nav').getByRole('link', { name: 'Rapports' }).click();
  await page.locator('.report-account').getByText(/^Abonnés \+145 \(\+14,5\s%\) sur la période\s: de 1\s000 à 1\s145, comptés 28 jours sur 30\. La période précédente\s: \+90\.$/).waitFor();
  await page.getByText('Aucune publication faite avec Attaché sur cette période.').waitFor();
  await axeClean(page);
  // Large text: the chart's labels grow (whatever the chart's width), stay inside the chart,
  // and the page is still axe clean.
  const ticks = () => page.locator('.report-account svg.chart text.tick').evaluateAll((ts) => {
    const svg = ts[0].closest('svg').getBoundingClientRect();
    return ts.map((t) => { const r = t.getBoundingClientRect(); return { h: r.height, inside: r.left >= svg.left - 0.5 && r.right <= svg.right + 0.5 && r.top >= svg.top - 0.5 && r.bottom <= svg.bottom + 0.5 }; });
  });
  const normal = await ticks();
  assert.ok(normal.every((t) => t.inside && t.h >= 12), JSON.stringify(normal));
  await page.locator('.app-nav').getByRole('link', { name: 'Réglages' }).click();
  await page.getByLabel('Grand texte').check();
  await page.locator('.app-nav').getByRole('link', { name: 'Rapports' }).click();
  await page.locator('.report-account svg.chart').waitFor();
  const large = await ticks();
  assert.ok(large.every((t) => t.inside), JSON.stringify(large));
  assert.ok(large[0].h >= normal[0].h * 1.2 && large[0].h >= 15, `${normal[0].h} → ${large[0].h}`);
  await axeClean(page);
  await assertClean(context);
  await context.close();
});
