// X's and Mastodon's lengths exactly as the networks compute them (issue 20): 20,000 texts
// generated from fixed seeds (tests/differential/texts.mjs: links after a full stop or
// followed by "(", "—" or a letter, hosts without a public suffix, internationalised hosts
// after punctuation, ports, paths with parentheses, queries, t.co links; mentions with and
// without a domain; emoji sequences, text-style and newer emoji, CJK, right-to-left text and
// marks) go through npm `twitter-text`'s parseTweet (weighted length) and Mastodon's rules
// (references.mjs: twitter-text's URL extraction without protocol-less URLs, each URL 23,
// `@user@domain` as `@user`, grapheme clusters) and through our `domain::counting`; every
// length must be equal. No deliberate difference is allowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import twitter from 'twitter-text';
import { mastodonLength, xLength } from './references.mjs';
import { ours } from './oracle.mjs';
import { texts } from './texts.mjs';

const SEEDS = [1, 2, 3, 4];
const PER_SEED = 5000;

test(`X's weighted length and Mastodon's length agree with the references on ${SEEDS.length * PER_SEED} generated texts`, () => {
  const all = SEEDS.flatMap((seed) => texts(PER_SEED, seed));
  const mine = ours(all);
  assert.equal(mine.length, all.length);
  for (const [name, reference] of [['x', xLength], ['mastodon', mastodonLength]]) {
    const differ = [];
    all.forEach((text, i) => {
      const want = reference(text);
      if (want !== mine[i][name]) differ.push({ text, want, got: mine[i][name] });
    });
    console.log(`${name}: ${all.length - differ.length}/${all.length} texts agree`);
    assert.deepEqual(differ.slice(0, 5), [], `${name}: ${differ.length} texts differ`);
  }
  // where a text passes X's limit, as parseTweet says (the character after its valid range),
  // for texts already in NFC (X maps other texts back by the difference in length only)
  const over = [];
  let long = 0;
  all.forEach((text, i) => {
    const parsed = twitter.parseTweet(text);
    if (parsed.weightedLength <= 280 || text !== text.normalize()) return;
    long++;
    if (parsed.validRangeEnd + 1 !== mine[i].x_over) over.push({ text, want: parsed.validRangeEnd + 1, got: mine[i].x_over });
  });
  console.log(`x: ${long - over.length}/${long} texts over the limit agree on where`);
  assert.deepEqual(over.slice(0, 3), [], `${over.length} texts differ on where they pass X's limit`);
  // the texts reach what makes the lengths hard: links with and without a scheme, links
  // cut short of their ending, t.co links, emoji, and texts over X's limit
  const urls = all.flatMap((t) => twitter.extractUrlsWithIndices(t.normalize()));
  assert.ok(urls.some((u) => !/^https?:\/\//i.test(u.url)), 'a link without a scheme');
  assert.ok(urls.some((u) => /^https?:\/\/t\.co\//i.test(u.url)), 'a t.co link');
  assert.ok(urls.some((u) => u.url.includes('(')), 'a link with parentheses');
  assert.ok(all.some((t) => twitter.parseTweet(t).weightedLength > 280), 'a text over 280');
});
