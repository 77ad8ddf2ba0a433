// The networks' own libraries as the reference for our counting and facets:
// - X: npm `twitter-text` 3.1.0 (published by X), `parseTweet(text).weightedLength`;
// - Mastodon: its status length as Mastodon computes it (StatusLengthValidator): URLs found by
//   the same twitter-text extraction without protocol-less URLs weigh 23 each, a mention
//   `@user@domain` (Mastodon's Account::MENTION_RE) counts as `@user`, overlapping entities
//   dropped after the first, then grapheme clusters (Intl.Segmenter);
// - Bluesky: `RichText.detectFacetsWithoutResolution()` of npm `@atproto/api`, the version the
//   local network (tests/servers/atproto) runs.
import twitter from 'twitter-text';
import { RichText } from '../servers/atproto/node_modules/@atproto/api/dist/rich-text/rich-text.js';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const count = (s) => [...graphemes.segment(s)].length;

export function xLength(text) {
  return twitter.parseTweet(text).weightedLength;
}

// Account::MENTION_RE: not after `=`, `/` or a word character; a username, then maybe
// `@domain` of word characters, dots and hyphens ending with a word character.
const MENTION = /(?<![=/\p{L}\p{M}\p{N}_])@(([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\p{L}\p{M}\p{N}_.-]+[\p{L}\p{M}\p{N}_]+)?)/giu;

export function mastodonLength(text) {
  const urls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false })
    .map((u) => ({ start: u.indices[0], end: u.indices[1], put: 'x'.repeat(23) }));
  const mentions = [...text.matchAll(MENTION)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, put: '@' + m[2] }));
  const all = [...urls, ...mentions].sort((a, b) => a.start - b.start);
  const kept = [];
  for (const e of all) if (!kept.length || e.start >= kept.at(-1).end) kept.push(e);
  let out = '';
  let at = 0;
  for (const e of kept) { out += text.slice(at, e.start) + e.put; at = e.end; }
  return count(out + text.slice(at));
}

export function blueskyFacets(text) {
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  return (rt.facets ?? []).map((f) => {
    const feature = f.features[0];
    const kind = feature.$type.split('#')[1];
    const value = kind === 'link' ? feature.uri : kind === 'mention' ? feature.did.toLowerCase() : feature.tag;
    return [f.index.byteStart, f.index.byteEnd, kind, value];
  }).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
