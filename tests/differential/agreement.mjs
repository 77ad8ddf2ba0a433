// How far our X and Mastodon counters agree with the networks' own rules on generated texts
// (`node tests/differential/agreement.mjs [texts] [seed]`, run by scripts/bench.sh): X's
// weighted length by npm `twitter-text` (parseTweet), Mastodon's length as Mastodon computes it
// (references.mjs). A measurement, not a test: the counters do not agree yet in the hard link
// contexts (issue 20); Bluesky's facets, which do, are tested in bluesky_facets.test.mjs.
import { writeFileSync, mkdirSync } from 'node:fs';
import { mastodonLength, xLength } from './references.mjs';
import { ours } from './oracle.mjs';
import { texts } from './texts.mjs';

const n = Number(process.argv[2] ?? 5000);
const seed = Number(process.argv[3] ?? 1);
const all = texts(n, seed);
const mine = ours(all);
const result = { texts: n, seed };
for (const [name, reference] of [['x', xLength], ['mastodon', mastodonLength]]) {
  const differ = all.map((t, i) => ({ t, want: reference(t), got: mine[i][name] })).filter((d) => d.want !== d.got);
  result[name] = { differ: differ.length, agree: n - differ.length, examples: differ.slice(0, 5) };
  console.log(`${name}: ${n - differ.length}/${n} texts agree with the reference (${(100 * (n - differ.length) / n).toFixed(1)} %)`);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/counting-agreement.json', JSON.stringify(result, null, 2));
