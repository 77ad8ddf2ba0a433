// Listening: a saved search over the loopback Mastodon's hashtag timelines (any/all/none,
// the three `timelines_access` modes) and over the real local Bluesky network's
// `searchPosts`; what it found shown with its matches marked, kept once however often it
// runs; a find turned into a reply in the composer, a conversation in the Inbox and a
// member in People; a saved search changed in place, the change kept through a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, axeClean, launch, newContext, open } from './support/app.mjs';
import { serveDist } from './support/server.mjs';
import { startMastodon } from '../servers/mastodon.mjs';
import { connectMastodon } from './support/mastodon.mjs';
import { signInBluesky } from './support/bluesky.mjs';
import { requirePds, login, createPost, listRecords, waitFor, xrpc } from './support/pds.mjs';

let server, browser, mastodon;
before(async () => { server = await serveDist(); browser = await launch(); mastodon = await startMastodon(); });
after(async () => { await browser?.close(); await server?.close(); await mastodon?.close(); });

const section = (page, name) => page.getByRole('region', { name });

async function saveSearch(page, name, query) {
  await page.locator('.app-nav').getByRole('link', { name: 'Listening' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Words and hashtags').fill(query);
  await page.getByRole('button', { name: 'Save the search' }).click();
  await page.getByRole('status').filter({ hasText: `Search “${name}” saved` }).waitFor();
}

test('a Mastodon search finds by hashtag, keeps a post once, and says how the server opens its feeds', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  mastodon.addTagged({ html: '<p>J\'adore le café <a href="https://social.test/tags/cafelumiere" class="mention hashtag">#<span>CafeLumiere</span></a> de Lyon</p>', tags: ['CafeLumiere', 'lyon'], from: 'dana' });
  mastodon.addTagged({ html: '<p>Achetez ! spam #cafelumiere</p>', tags: ['cafelumiere'], from: 'spammer' });
  mastodon.addTagged({ html: '<p>Publicité #cafelumiere #ad</p>', tags: ['cafelumiere', 'ad'], from: 'adman' });
  mastodon.addTagged({ html: '<p>Rien à voir #autre</p>', tags: ['autre'], from: 'eve' });

  // Words alone cannot be asked of Mastodon: said, nothing else asked.
  await saveSearch(page, 'Words only', 'lumière');
  const words = section(page, 'Words only');
  await words.getByText('Mastodon: finds posts by hashtag only').waitFor();
  assert.ok(!mastodon.state.log.some((l) => l.startsWith('GET /api/v1/timelines/tag/')), 'no hashtag timeline asked');
  await words.getByRole('button', { name: 'Delete the search' }).click();
  await page.getByRole('status').filter({ hasText: 'Search “Words only” deleted.' }).waitFor();
  await words.waitFor({ state: 'detached' });

  await saveSearch(page, 'Brand', '#cafelumiere lumière -spam -#ad');
  const brand = section(page, 'Brand');
  await brand.getByText('Mastodon: 1 post found.').waitFor();
  const asked = mastodon.state.log.filter((l) => l.startsWith('GET /api/v1/timelines/tag/'));
  assert.deepEqual(asked, ['GET /api/v1/timelines/tag/cafelumiere']);
  const hits = brand.locator('li.hit');
  await hits.first().waitFor();
  assert.equal(await hits.count(), 1, 'the excluded word and the excluded tag leave their posts out');
  assert.match(await hits.first().innerText(), /Dana @dana@elsewhere\.test · Mastodon/);
  assert.deepEqual(await hits.first().locator('mark').allInnerTexts(), ['#CafeLumiere']);
  await brand.getByRole('heading', { name: '1 post found' }).waitFor();

  // Run again: the same post is one hit; a new one comes.
  mastodon.addTagged({ html: '<p>Le #cafelumiere ouvre tôt</p>', tags: ['cafelumiere'], from: 'finn' });
  await brand.getByRole('button', { name: 'Search now' }).click();
  await brand.getByRole('heading', { name: '2 posts found' }).waitFor();
  assert.equal(await brand.locator('li.hit').count(), 2);
  // The second run asked only what is newer than the newest status the first one saw.
  const first = mastodon.state.tagged.find((s) => s.account.username === 'spammer').id;
  assert.ok(!mastodon.state.tagQueries[0].includes('min_id'), mastodon.state.tagQueries[0]);
  assert.match(mastodon.state.tagQueries[1], new RegExp(`&min_id=(\\d+)$`));
  assert.ok(BigInt(mastodon.state.tagQueries[1].split('min_id=')[1]) >= BigInt(first), mastodon.state.tagQueries[1]);
  assert.match(mastodon.state.tagQueries[0], /any%5B%5D|none%5B%5D=ad/);

  // The server's feeds switched off: said plainly, what was found stays.
  mastodon.state.mode.hashtagFeeds = { local: 'disabled', remote: 'disabled' };
  await brand.getByRole('button', { name: 'Search now' }).click();
  await brand.getByText('this server has switched its hashtag feeds off').waitFor();
  assert.equal(await brand.locator('li.hit').count(), 2);

  // For signed-in users only: read as the account, and said.
  mastodon.state.mode.hashtagFeeds = { local: 'authenticated', remote: 'authenticated' };
  mastodon.addTagged({ html: '<p>Encore le #cafelumiere</p>', tags: ['cafelumiere'], from: 'gus' });
  await brand.getByRole('button', { name: 'Search now' }).click();
  await brand.getByText('signed-in users only: Attaché reads them as your account').waitFor();
  await brand.getByRole('heading', { name: '3 posts found' }).waitFor();

  // Only the server's own posts: asked with local=true, and said.
  mastodon.state.mode.hashtagFeeds = { local: 'public', remote: 'disabled' };
  mastodon.addTagged({ html: '<p>Du serveur #cafelumiere</p>', tags: ['cafelumiere'], from: 'hana', local: true });
  mastodon.addTagged({ html: '<p>D\'ailleurs #cafelumiere</p>', tags: ['cafelumiere'], from: 'ivan' });
  await brand.getByRole('button', { name: 'Search now' }).click();
  await brand.getByText('shows only its own posts in hashtag feeds').waitFor();
  await brand.getByRole('heading', { name: '4 posts found' }).waitFor();
  assert.match(await brand.locator('li.hit').first().innerText(), /Hana/);
  assert.equal(await brand.getByText('Ivan').count(), 0, "another server's post is not asked");

  // A busy day: 90 new posts between two runs, more than a page of 40. The run reads page
  // after page just above the newest it saw (min_id), and every one of them is found.
  mastodon.state.mode.hashtagFeeds = { local: 'public', remote: 'public' };
  for (let i = 0; i < 90; i++) mastodon.addTagged({ html: `<p>Foule au #cafelumiere ${i}</p>`, tags: ['cafelumiere'], from: 'kim' });
  const before = mastodon.state.tagQueries.length;
  await brand.getByRole('button', { name: 'Search now' }).click();
  await brand.getByRole('heading', { name: '95 posts found' }).waitFor();
  const pages = mastodon.state.tagQueries.slice(before).map((q) => BigInt(q.split('min_id=')[1]));
  assert.equal(pages.length, 3, 'three pages: 40, 40 and 10');
  assert.ok(pages[0] < pages[1] && pages[1] < pages[2], 'each page just above the one before');

  // Changing the search in place: it comes into the form (the name focused), what it found
  // stays; what is typed survives a reload; saved, it is the same search with its new name,
  // words and interval, run again at once.
  await brand.getByRole('button', { name: 'Change the search' }).click();
  const form = page.locator('form.listening-form');
  await form.getByRole('heading', { name: 'Change a saved search' }).waitFor();
  assert.equal(await form.getByLabel('Name', { exact: true }).inputValue(), 'Brand');
  assert.equal(await form.getByLabel('Words and hashtags').inputValue(), '#cafelumiere lumière -spam -#ad');
  assert.ok(await page.evaluate(() => document.activeElement === document.querySelector('form.listening-form input')), 'the name is focused');
  await form.getByLabel('Name', { exact: true }).fill('Brand and shop');
  await form.getByLabel('Words and hashtags').fill('#cafelumiere #boutiquelumiere -spam -#ad');
  await form.getByLabel('Look every').selectOption('60');
  await page.reload();
  await form.getByRole('heading', { name: 'Change a saved search' }).waitFor();
  await page.waitForFunction(() => document.querySelector('form.listening-form input')?.value === 'Brand and shop');
  assert.equal(await form.getByLabel('Words and hashtags').inputValue(), '#cafelumiere #boutiquelumiere -spam -#ad');
  assert.equal(await form.getByLabel('Look every').inputValue(), '60');
  mastodon.addTagged({ html: '<p>La #boutiquelumiere ouvre</p>', tags: ['boutiquelumiere'], from: 'lea' });
  await form.getByRole('button', { name: 'Save the changes' }).click();
  await page.getByRole('status').filter({ hasText: 'Search “Brand and shop” saved: it runs now, then every 60 minutes' }).waitFor();
  const changed = section(page, 'Brand and shop');
  await changed.getByRole('heading', { name: '96 posts found' }).waitFor();
  await changed.getByText('#cafelumiere #boutiquelumiere -spam -#ad').waitFor();
  assert.equal(await page.locator('section.listening-search').count(), 1, 'the same search, not a second one');
  await form.getByRole('heading', { name: 'New search' }).waitFor();
  assert.equal(await form.getByLabel('Name', { exact: true }).inputValue(), '');

  await axeClean(page);
  await assertClean(context);
  await context.close();
});

test('a found post becomes a member, a conversation and a reply in the composer', async () => {
  const context = await newContext(browser);
  const page = await connectMastodon(await open(context, server.url), mastodon.url);
  mastodon.state.mode.hashtagFeeds = { local: 'public', remote: 'public' };
  mastodon.addTagged({ html: '<p>Meilleur croissant de Lyon #boulangerielumiere</p>', tags: ['boulangerielumiere'], from: 'jules', language: 'fr' });
  await saveSearch(page, 'Bakery', '#boulangerielumiere');
  const bakery = section(page, 'Bakery');
  const hit = bakery.locator('li.hit').first();
  await hit.waitFor();

  await hit.getByRole('button', { name: 'Add to People' }).click();
  await page.getByRole('status').filter({ hasText: 'Jules is in People, with this post as writing about the brand.' }).waitFor();
  await hit.getByRole('button', { name: 'In People' }).waitFor();
  assert.ok(await hit.getByRole('button', { name: 'In People' }).isDisabled());

  const openJules = async () => {
    await page.locator('.app-nav').getByRole('link', { name: 'People' }).click();
    const jules = page.locator('.member', { hasText: '@jules@elsewhere.test' });
    await jules.getByRole('button').first().click();
    await jules.getByText('What they did').waitFor();
    return jules;
  };
  let jules = await openJules();
  await jules.getByText('At this level for a post about the brand').waitFor();
  await jules.locator('li', { hasText: 'a post about the brand' }).waitFor();

  await page.locator('.app-nav').getByRole('link', { name: 'Listening' }).click();
  const again = section(page, 'Bakery').locator('li.hit').first();
  await again.getByRole('button', { name: 'Add to the Inbox' }).click();
  await page.getByRole('status').filter({ hasText: 'Added to the Inbox as a conversation.' }).waitFor();
  await again.getByRole('button', { name: 'In the Inbox' }).waitFor();

  // What was done stays after a reload.
  await page.reload();
  await section(page, 'Bakery').getByRole('button', { name: 'In People' }).waitFor();
  await section(page, 'Bakery').getByRole('button', { name: 'In the Inbox' }).waitFor();

  // Now a conversation: the post counts once, as the conversation it started.
  jules = await openJules();
  await jules.locator('li', { hasText: 'a conversation started' }).waitFor();
  assert.equal(await jules.locator('li', { hasText: 'a post about the brand' }).count(), 0);

  // The tone is a hint the user corrects; the correction holds for the same post everywhere.
  await page.locator('.app-nav').getByRole('link', { name: 'Listening' }).click();
  const found = section(page, 'Bakery').locator('li.hit').first();
  await found.getByText('Seems positive (a guess from its words)').waitFor();
  await found.getByLabel('Tone').selectOption('negative');
  await found.getByText('Tone: negative (your word)').waitFor();
  await page.reload();
  await section(page, 'Bakery').locator('li.hit').first().getByText('Tone: negative (your word)').waitFor();

  await page.locator('.app-nav').getByRole('link', { name: 'Inbox' }).click();
  await page.getByText('Meilleur croissant de Lyon').first().click();
  await page.locator('.inbox-item', { hasText: 'Meilleur croissant de Lyon' }).getByText('Tone: negative (your word)').waitFor();
  // And in their timeline in People.
  jules = await openJules();
  await jules.locator('li', { hasText: 'a conversation started' }).getByText('Tone: negative (your word)').waitFor();

  await page.locator('.app-nav').getByRole('link', { name: 'Listening' }).click();
  await section(page, 'Bakery').locator('li.hit').first().getByRole('button', { name: 'Reply in the composer' }).click();
  await page.waitForURL(/\/compose\?post=/);
  // The composer reads the draft after it opens: wait for its text, then read it.
  const field = page.getByLabel('Text of the post');
  await page.waitForFunction((el) => el.value.length > 0, await field.elementHandle());
  assert.match(await field.inputValue(), /^@jules@elsewhere\.test /);
  await assertClean(context);
  await context.close();
});

test('a Bluesky search finds a post of the local network by its word, and a quote of it is a quote embed', async () => {
  await requirePds();
  const bob = await login('bob.test');
  const word = `lumiere${Date.now().toString(36)}`;
  await createPost(bob, `Le café ${word} est ouvert dimanche`);
  // The AppView indexes a new post within about a second: the search is saved once it can
  // find it, so the app's first run is the one asserted.
  await waitFor(async () => (await xrpc('app.bsky.feed.searchPosts', { params: { q: word }, token: bob.accessJwt })).posts.length > 0,
    { message: 'the AppView indexed the post' });
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Écoute Bluesky');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  await signInBluesky(page);
  await saveSearch(page, 'Sky', word);
  const sky = section(page, 'Sky');
  const hit = sky.locator('li.hit').first();
  await hit.waitFor();
  assert.match(await hit.innerText(), /@bob\.test · Bluesky/);
  assert.deepEqual(await hit.locator('mark').allInnerTexts(), [word]);
  await sky.getByText(/Bluesky: 1 post found\./).waitFor();
  // Quoted: the composer names the post; published, the record quotes it (uri and cid).
  const [found] = (await xrpc('app.bsky.feed.searchPosts', { params: { q: word }, token: bob.accessJwt })).posts;
  await hit.getByRole('button', { name: 'Quote in the composer' }).click();
  await page.getByRole('heading', { name: 'Compose', level: 1 }).waitFor();
  await page.locator('.quote-note').getByText('This post quotes:').waitFor();
  const comment = `Merci pour le mot ${word}-quote`;
  await page.locator('#post-text').fill(comment);
  await page.getByRole('button', { name: 'Publish now on Bluesky' }).click();
  await page.getByRole('status').filter({ hasText: 'Published on Bluesky.' }).waitFor();
  const alice = await login('alice.test');
  const [quote] = (await listRecords(alice.did, 'app.bsky.feed.post')).filter((r) => r.value.text === comment);
  assert.deepEqual(quote.value.embed, { $type: 'app.bsky.embed.record', record: { uri: found.uri, cid: found.cid } });
  await assertClean(context);
  await context.close();
});

test("a day far busier than a search's last two weeks is said on Today and on Listening", async () => {
  const context = await newContext(browser);
  const page = await open(context, server.url);
  await page.locator('#new-workspace-name').fill('Pic');
  await page.keyboard.press('Enter');
  await page.locator('.workspace-name').first().waitFor();
  // A search saved 20 days ago that found one post a day for two weeks, then 9 today
  // (written straight into IndexedDB, as its runs would have kept them).
  await page.evaluate(() => new Promise((done, fail) => {
    const DAY = 86_400_000;
    const r = indexedDB.open('attache');
    r.onerror = fail;
    r.onsuccess = () => {
      const db = r.result;
      const ws = db.transaction('workspaces').objectStore('workspaces').getAll();
      ws.onsuccess = () => {
        const id = ws.result[0].id;
        const now = Date.now();
        const noon = new Date(); noon.setHours(12, 0, 0, 0);
        const tx = db.transaction(['settings', 'hits'], 'readwrite');
        tx.objectStore('settings').put([{ id: 's1', name: 'Marque', query: '#marque', lang: '', every_minutes: 60, created_at: now - 20 * DAY }], `listening:${id}`);
        const times = [];
        for (let d = 1; d <= 14; d++) times.push(noon.getTime() - d * DAY);
        for (let i = 0; i < 9; i++) times.push(now - i * 1000);
        times.forEach((at, n) => {
          const uri = `at://did:plc:x/app.bsky.feed.post/${n}`;
          tx.objectStore('hits').put({
            id: `${id}:${uri}`, workspace_id: id, uri, at, found_at: at, searches: ['s1'], tags: ['marque'], taken: [],
            item: { id: `bluesky:did:plc:me:${uri}`, workspace_id: id, account_id: 'a', network: 'bluesky', author_name: `P${n}`,
              author_handle: `@p${n}.test`, author_url: '', html: '', text: `Post ${n} #marque`, at, url: 'https://bsky.app/' },
          });
        });
        tx.oncomplete = () => { db.close(); done(); };
        tx.onerror = fail;
      };
    };
  }));
  await page.locator('.app-nav').getByRole('link', { name: 'Today' }).click();
  const block = page.getByRole('region', { name: 'Listening' });
  await block.getByText('More than usual is said: Marque — Today: 9 posts, far above the usual 1 a day (more than 4, over the last 14 days).').waitFor();
  await block.getByRole('link', { name: 'Open Listening' }).click();
  const marque = section(page, 'Marque');
  await marque.getByRole('status').filter({ hasText: 'Today: 9 posts' }).waitFor();
  await marque.getByRole('img', { name: 'Posts per day over the last 15 days: 9 today, 9 at most in a day.' }).waitFor();
  await marque.getByRole('heading', { name: '23 posts found' }).waitFor();
  await axeClean(page);
  await assertClean(context);
  await context.close();
});
