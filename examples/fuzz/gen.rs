//! The inputs: a small seeded generator (xorshift, so a run is repeatable from its seed),
//! text made of the pieces that break text code (combining marks, joiners, flags, right-to-
//! left marks, full-width signs, links, entities, tags), seeds mutated piece by piece, and
//! JSON seeds whose values are swapped for odd ones (extreme numbers, wrong types, strange
//! strings, keys dropped, arrays emptied or repeated) or whose text is cut and spliced.

use serde_json::Value;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    pub fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

/// Pieces of text that text code gets wrong.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "é",
    "e\u{301}",
    "1",
    "0",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "#",
    "＃",
    "@",
    "@@",
    "http://",
    "https://",
    "www.",
    ".com",
    ".fr",
    ".co.uk",
    ".xn--p1ai",
    "/",
    "//",
    "?",
    "&",
    "=",
    ":",
    ".",
    "..",
    "-",
    "_",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    "\"",
    "'",
    "`",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "🇫🇷",
    "👍🏽",
    "\u{fe0f}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "\u{2028}",
    "\u{85}",
    "\u{0}",
    "\u{7f}",
    "ß",
    "İ",
    "ǅ",
    "日本語",
    "한국어",
    "مرحبا",
    "xn--",
    "münchen.de",
    "localhost",
    ":8080",
    "127.0.0.1",
    "bsky.app",
    "@alice.bsky.social",
    "@bob@mastodon.social",
    "#café",
    "#1",
    "#tag",
    "…",
    "!",
    "?!",
    "!!!",
    "😡",
    "pas",
    "not",
    "very",
    "très",
    "but",
    "mais",
    "GREAT",
    "nul",
    "love",
    "hate",
    "https://example.com/a(b)c",
    "example.com",
    "&amp;",
    "&lt;",
    "&#x27;",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&",
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<a href=\"",
    "\">",
    "</a>",
    "<span class=\"h-card\">",
    "</span>",
    "<span class=\"invisible\">",
    "<script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<img src=x onerror=alert(1)>",
    "javascript:",
    "data:",
    "\\",
    "%",
    "%20",
    "%ZZ",
    "+",
    "-#",
    "+#",
    "\"quoted phrase\"",
    "-word",
    "\u{10ffff}",
    "\u{e000}",
];

/// A random character anywhere in Unicode (surrogates skipped).
fn any_char(rng: &mut Rng) -> char {
    loop {
        let range = match rng.below(4) {
            0 => 0x80,
            1 => 0x800,
            2 => 0x10000,
            _ => 0x110000,
        };
        if let Some(c) = char::from_u32(rng.below(range) as u32) {
            return c;
        }
    }
}

/// Text of up to `max` pieces.
pub fn text(rng: &mut Rng, max: usize) -> String {
    let mut out = String::new();
    for _ in 0..rng.below(max + 1) {
        if rng.chance(6) {
            out.push(any_char(rng));
        } else {
            out.push_str(rng.pick::<&str>(PIECES));
        }
    }
    out
}

/// A seed changed a few times: pieces put in, taken out, replaced, the text cut or doubled.
pub fn mutated(rng: &mut Rng, seed: &str) -> String {
    let mut s = seed.to_string();
    for _ in 0..1 + rng.below(4) {
        let at = boundary(&s, rng.below(s.len() + 1));
        match rng.below(6) {
            0 | 1 => s.insert_str(at, &text(rng, 3)),
            2 => {
                let end = boundary(&s, at + rng.below(8));
                s.replace_range(at..end, "");
            }
            3 => {
                let end = boundary(&s, at + rng.below(8));
                s.replace_range(at..end, &text(rng, 2));
            }
            4 => s.truncate(at),
            _ => {
                let copy = s[at..].to_string();
                s.push_str(&copy);
            }
        }
    }
    s
}

fn boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// An odd value in place of another.
fn odd_value(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => serde_json::json!(0),
        3 => serde_json::json!(-1),
        4 => serde_json::json!(u64::MAX),
        5 => serde_json::json!(i64::MIN),
        6 => serde_json::json!(1e308),
        7 => serde_json::json!(-0.5),
        8 => Value::Array(vec![]),
        9 => serde_json::json!({}),
        _ => Value::String(text(rng, 6)),
    }
}

/// A JSON seed with some of its values, keys or arrays changed.
pub fn json(rng: &mut Rng, seed: &Value) -> String {
    let mut v = seed.clone();
    for _ in 0..1 + rng.below(5) {
        mutate_value(rng, &mut v, 0);
    }
    let text = v.to_string();
    if rng.chance(10) {
        mutated(rng, &text)
    } else {
        text
    }
}

fn mutate_value(rng: &mut Rng, v: &mut Value, depth: usize) {
    let descend = depth < 8 && rng.below(3) != 0;
    match v {
        Value::Object(map) if descend && !map.is_empty() => {
            let key = map
                .keys()
                .nth(rng.below(map.len()))
                .cloned()
                .unwrap_or_default();
            match rng.below(8) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    let copy = map.get(&key).cloned().unwrap_or(Value::Null);
                    map.insert(text(rng, 2), copy);
                }
                _ => {
                    if let Some(inner) = map.get_mut(&key) {
                        mutate_value(rng, inner, depth + 1);
                    }
                }
            }
        }
        Value::Array(items) if descend && !items.is_empty() => match rng.below(6) {
            0 => items.clear(),
            1 => {
                let copy = items[rng.below(items.len())].clone();
                for _ in 0..rng.below(50) {
                    items.push(copy.clone());
                }
            }
            _ => {
                let at = rng.below(items.len());
                mutate_value(rng, &mut items[at], depth + 1);
            }
        },
        Value::String(s) if rng.chance(2) => *s = mutated(rng, s),
        _ => *v = odd_value(rng),
    }
}
