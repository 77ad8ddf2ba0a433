// Writes src/domain/counting/emoji_list.rs: every emoji sequence X's counter knows (npm
// `twemoji-parser`, the one `twitter-text`'s parseTweet uses; the Unicode emoji of its
// version). Its pattern is a finite set of alternatives: this script lists them, checks
// that the pattern picks the longest one that fits (so a longest match reproduces it), and
// writes them grouped: a sequence written with U+E000 stands for the five with a skin tone.
// `node scripts/gen_emoji.mjs`; run again when the test's twemoji-parser changes.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pattern = require('twemoji-parser/dist/lib/regex').default;
const src = pattern.source;
const NOT_BEFORE_FE0E = 0; // stands for (?!\ufe0e) while listing

// A parser for the constructs the pattern uses: \uXXXX and plain units, [classes with
// ranges], (groups), (?:groups), (?!lookahead), alternation and `?`.
let at = 0;
function unit() {
  if (src[at] === '\\') {
    if (src[at + 1] === 'u') { const v = parseInt(src.slice(at + 2, at + 6), 16); at += 6; return v; }
    const c = src.charCodeAt(at + 1); at += 2; return c;
  }
  return src.charCodeAt(at++);
}
function close() { if (src[at++] !== ')') throw new Error(`expected ) at ${at}`); }
function alternatives() {
  const items = [sequence()];
  while (src[at] === '|') { at++; items.push(sequence()); }
  return { alt: items };
}
function sequence() {
  const items = [];
  while (at < src.length && src[at] !== '|' && src[at] !== ')') {
    let atom;
    if (src.startsWith('(?!\\ufe0e)', at)) { at += '(?!\\ufe0e)'.length; atom = { u: NOT_BEFORE_FE0E }; }
    else if (src.startsWith('(?', at) && !src.startsWith('(?:', at)) throw new Error(`unknown group at ${at}`);
    else if (src[at] === '(') { at += src.startsWith('(?:', at) ? 3 : 1; atom = alternatives(); close(); }
    else if (src[at] === '[') {
      at++;
      const set = [];
      while (src[at] !== ']') {
        const a = unit();
        if (src[at] === '-' && src[at + 1] !== ']') { at++; const b = unit(); for (let c = a; c <= b; c++) set.push(c); } else set.push(a);
      }
      at++;
      atom = { alt: set.map((c) => ({ seq: [{ u: c }] })) };
    } else if ('*+{}.^$'.includes(src[at])) throw new Error(`unexpected ${src[at]} at ${at}`);
    else atom = { u: unit() };
    if (src[at] === '?') { at++; atom = { alt: [atom, { seq: [] }] }; }
    items.push(atom);
  }
  return { seq: items };
}
const tree = alternatives();
if (at !== src.length) throw new Error('pattern not read to its end');

function* strings(node) {
  if (node.u !== undefined) { yield [node.u]; return; }
  if (node.alt) { for (const a of node.alt) yield* strings(a); return; }
  function* from(k) {
    if (k === node.seq.length) { yield []; return; }
    for (const head of strings(node.seq[k])) for (const tail of from(k + 1)) yield [...head, ...tail];
  }
  yield* from(0);
}
// (?!\ufe0e) before another unit (never U+FE0E) always holds: only a last one is a condition
const listed = [...strings(tree)].map((units) => {
  const last = units.at(-1) === NOT_BEFORE_FE0E;
  return { text: String.fromCharCode(...units.filter((u) => u !== NOT_BEFORE_FE0E)), last };
});
for (const { text } of listed) {
  pattern.lastIndex = 0;
  const m = pattern.exec(text + 'x');
  if (!m || m.index !== 0 || m[0] !== text) throw new Error(`the pattern does not pick the longest for ${JSON.stringify(text)}`);
}
const TONES = ['🏻', '🏼', '🏽', '🏾', '🏿'];
function group(list) {
  const all = new Set(list);
  const out = [];
  const done = new Set();
  for (const s of list) {
    if (done.has(s)) continue;
    const tone = TONES.find((t) => s.includes(t));
    const family = tone && s.split(tone).length === 2 ? TONES.map((t) => s.replace(tone, t)) : null;
    if (family && family.every((f) => all.has(f))) {
      family.forEach((f) => done.add(f));
      out.push(s.replace(tone, '\ue000'));
    } else {
      done.add(s);
      out.push(s);
    }
  }
  return out;
}
const plain = group(listed.filter((s) => !s.last).map((s) => s.text));
const conditional = group(listed.filter((s) => s.last).map((s) => s.text));
const version = require('twemoji-parser/package.json').version;
const rust = `//! The emoji sequences X's counter knows (npm \`twemoji-parser\` ${version}, which \`twitter-text\`
//! uses), ${listed.length} in all: X counts the longest one that fits as 2. Written by
//! \`node scripts/gen_emoji.mjs\`; do not edit by hand. U+E000 stands for each of the five
//! skin tones (U+1F3FB to U+1F3FF).

/// Sequences separated by \`|\`.
pub const SEQUENCES: &str = ${JSON.stringify(plain.join('|'))};

/// Sequences that count only when no U+FE0E (text style) follows, separated by \`|\`.
pub const UNLESS_TEXT_STYLE: &str = ${JSON.stringify(conditional.join('|'))};
`;
writeFileSync(new URL('../src/domain/counting/emoji_list.rs', import.meta.url), rust);
console.log(`${listed.length} sequences, written as ${plain.length + conditional.length}`);
