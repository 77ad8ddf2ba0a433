// Bluesky facets exactly as the official library finds them (issue 20): 20,000 texts generated
// from fixed seeds (tests/differential/texts.mjs: links after a full stop or followed by "(",
// "—" or a letter, hosts without a public suffix, internationalised hosts after punctuation,
// what may precede a link, mention, tag or cashtag, trailing characters; with emoji, CJK,
// right-to-left text and marks) go through `RichText.detectFacetsWithoutResolution()` of npm
// `@atproto/api` (the version the local network runs) and through our `domain::facets::detect`;
// every facet must agree: UTF-8 byte range, kind and value (handles compared in lower case,
// as we resolve them). No deliberate difference is allowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blueskyFacets } from './references.mjs';
import { ours } from './oracle.mjs';
import { texts } from './texts.mjs';

const SEEDS = [1, 2, 3, 4];
const PER_SEED = 5000;

test(`Bluesky facets agree with @atproto/api on ${SEEDS.length * PER_SEED} generated texts`, () => {
  const all = SEEDS.flatMap((seed) => texts(PER_SEED, seed));
  const mine = ours(all);
  assert.equal(mine.length, all.length);
  const differ = [];
  let facets = 0;
  all.forEach((text, i) => {
    const want = blueskyFacets(text);
    facets += want.length;
    if (JSON.stringify(want) !== JSON.stringify(mine[i].facets)) differ.push({ text, want, got: mine[i].facets });
  });
  console.log(`${all.length} texts, ${facets} facets from the reference, ${differ.length} texts differ`);
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} texts differ`);
  // the generator reaches every kind, so the agreement covers them all
  const kinds = new Set(all.flatMap((t) => blueskyFacets(t).map((f) => f[2])));
  assert.deepEqual([...kinds].sort(), ['link', 'mention', 'tag']);
});
