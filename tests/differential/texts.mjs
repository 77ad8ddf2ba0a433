// Texts a user might type, generated from a seed: ordinary words mixed with the contexts
// where link, mention and tag detection is hard (a link right after a full stop or followed
// by "(", "—" or a letter; hosts without a public suffix; internationalised hosts after
// punctuation; what may precede a link, mention or tag; trailing characters), with emoji,
// CJK, right-to-left text and marks, combining characters and punctuation.

/** A small seeded generator (mulberry32): the same seed gives the same texts. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Bonjour', 'la', 'fin', 'voir', 'see', 'the', 'new', 'menu', 'café', 'été', 'naïve', 'Noël', 'déjà', 'ok', 'A', 'x', '2026', '42', 'v2.0', 'e.g', 'etc.', 'Mr.', 'U.S.A.'];
const SCRIPTS = ['日本語のテキスト', '中文', '한국어', 'مرحبا بالعالم', 'שלום', 'Привет', 'Ελλάδα', 'हिन्दी', 'ไทย'];
const EMOJI = ['👍', '👍🏽', '👨‍👩‍👧', '🇫🇷', '❤️', '☕', '🏳️‍🌈', '1️⃣', '🫶', '©', '™', '✔︎', '🫶🏽', '❤️‍🔥', '☺︎', '\ufe0f',
  '™️', '#️⃣', '🧑🏽‍💻', '👩🏻‍🤝‍👩🏼', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '⛹🏾‍♀️', '🕴️', '👁️‍🗨️', '🇺', '\ue50a', '↔️', '⌚', '👍\u0301'];
const MARKS = ['\u200f', '\u200e', '\u202e', '\u2066', '\u2069', '\u00a0', '\u202f', '\u200b', '\u200d', '\u00ad', 'e\u0301', '\ufe0f'];
const PUNCT = ['.', ',', ';', ':', '!', '?', '…', '(', ')', '[', ']', '"', "'", '«', '»', '“', '”', '’', '—', '–', '-', '/', '|', '*', '_', '~', '&', '=', '+', '%', '#', '@', '$', '¡', '¿', '。', '、', '！', '（', '）'];
const SCHEMES = ['https://', 'http://', 'HTTPS://', 'Http://', ''];
const HOSTS = [
  'example.com', 'www.example.org', 'sub.domain.co.uk', 'bsky.app', 'mastodon.social', 'a.b', 'localhost', 'localhost:8080',
  '127.0.0.1', '127.0.0.1:3000', 'example.test', 'example.invalid', 'example.local', 'example.xyz', 'example.museum',
  'café.fr', 'bücher.de', 'пример.рф', '例え.テスト', 'xn--bcher-kva.de', 'example.COM', 'EXAMPLE.com', 'ex-ample.io',
  '-bad.com', 'bad-.com', 'a.co', 't.co', 'x.com', 'ex_ample.com', 'exa mple.com', 'example.com.', 'example..com', 'xn--p1ai',
  '123.com', 'example.c', 'example.photography', 'example.ninja', 'example.travel', 'ex.am.ple.fr',
  't.co', 'T.CO', 'example.com:8080', 'a_b.example.com', 'xn--p1ai.xn--p1ai', 'ab.com。cd.com', 'example.みんな', 'εxample.com',
  'example.com+', 'example.com@x', 'example.comx', 'sub-.example.com', 'ex--ample.co.uk', 'a'.repeat(64) + '.com',
];
const PATHS = ['', '/', '/path', '/abc123XYZ', '/' + 'a'.repeat(41), '/x?q=1', '/path,(abc)', '/p(a.b)x', '/a(b)(c)', '/a((b))', '/a(b(c)d)e',
  '/ιota', '/путь', '/a–b', '/@user/', '/a?', '/?q=(x)', '/a.b?c=d.',  '/a/b/c', '/path?q=1', '/path?q=1&r=2', '/#frag', '/page#section', '/wiki/Foo_(bar)', '/a(b)c', '/é/ü',
  ':8080/x', '/path.', '/path,', '/path!', '/path)', '/path?', '/~user', '/@user', '/%20x', "/it's", '/a;b', '/a:b', '/x.html', '/café'];
const HANDLES = ['alice.test', 'bob.bsky.social', 'carla.example.com', 'Alice.Test', 'a', 'x.y', 'user@mastodon.social', 'user@sub.example.org',
  'user_name', 'user.name@example.com', 'very-long-handle-name.bsky.social', 'ali.ce.', 'handle-', '-bad.test', 'a.b.c.d.e.test', 'bob@localhost', 'émile.fr'];
const TAGS = ['café', 'Été2026', '2026', 'a_b', 'tag', 'TAG', '日本', 'with-dash', 'tag.', 'tag!', 'tag...', '👍', 'a👍', 'x'.repeat(70), '1a', 'a1', 'über'];

function pick(r, list) { return list[Math.floor(r() * list.length)]; }

function link(r) {
  return pick(r, SCHEMES) + pick(r, HOSTS) + pick(r, PATHS);
}

function piece(r) {
  const k = r();
  if (k < 0.25) return pick(r, WORDS);
  if (k < 0.45) return link(r);
  if (k < 0.55) return '@' + pick(r, HANDLES);
  if (k < 0.62) return pick(r, ['#', '#', '＃']) + pick(r, TAGS);
  if (k < 0.67) return '$' + pick(r, ['AAPL', 'btc', 'A', 'TOOLONG', 'x1', 'EUR']);
  if (k < 0.75) return pick(r, EMOJI);
  if (k < 0.82) return pick(r, SCRIPTS);
  if (k < 0.88) return pick(r, MARKS);
  return pick(r, PUNCT);
}

const GLUE = [' ', ' ', ' ', ' ', '', '\n', '  ', '.', ',', '(', ')', '—', ' — ', '«\u00a0', '\u00a0»', '"', "'", ':', '/', '\t', '\u3000', '。'];

/** `n` texts from `seed`. */
export function texts(n, seed = 1) {
  const r = random(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    // now and then a long text, over X's limit
    const parts = r() < 0.05 ? 40 + Math.floor(r() * 40) : 1 + Math.floor(r() * 8);
    let text = '';
    for (let p = 0; p < parts; p++) text += (p ? pick(r, GLUE) : '') + piece(r);
    out.push(text);
  }
  return out;
}
