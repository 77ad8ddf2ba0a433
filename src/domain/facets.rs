//! Rich-text facets of a Bluesky post (`app.bsky.richtext.facet`): which byte ranges of the
//! text are links, mentions and hashtags, as the official app detects them. Offsets are UTF-8
//! bytes (the lexicon's `byteStart`/`byteEnd`), never chars or UTF-16 units. Detection only:
//! turning a handle into a DID is I/O and belongs to the platform layer.

use super::sorting;
use unicode_segmentation::UnicodeSegmentation;

mod tlds;

/// The longest hashtag Bluesky accepts, in grapheme clusters, without the `#`.
pub const MAX_TAG_GRAPHEMES: usize = 64;

/// What a facet points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FacetKind {
    /// The address to open: as typed, with `https://` added to a bare domain and the scheme
    /// in lower case.
    Link { uri: String },
    /// The handle, lower case, without the `@` (still to be resolved to a DID).
    Mention { handle: String },
    /// The tag as typed, without the `#`.
    Tag { tag: String },
}

/// One facet: `text[start..end]` is the part shown as a link, mention or tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    pub start: usize,
    pub end: usize,
    pub kind: FacetKind,
}

/// The facets of `text` as the official app finds them (`detectFacets` of npm `@atproto/api`,
/// the reference of `tests/differential/`), sorted by `start` (mentions, then links, tags and
/// cashtags at the same start). As there, a facet may overlap another in rare texts
/// (`https://x.org/(@a.test`): readers of the facets take the first that covers a place.
///
/// ```
/// use attache::domain::facets::{detect, FacetKind};
/// let text = "Voilà l’été #café @Bob.test";
/// let found = detect(text);
/// assert_eq!(&text[found[0].start..found[0].end], "#café");
/// assert_eq!(found[1].kind, FacetKind::Mention { handle: "bob.test".into() });
/// ```
pub fn detect(text: &str) -> Vec<Facet> {
    let mut facets = mentions(text);
    facets.extend(links(text));
    facets.extend(tags(text));
    facets.extend(cashtags(text));
    sorting::sort_by_key(&mut facets[..], |f| f.start);
    facets
}

/// Runs `found` at each place a match may start (the official patterns' `(^|\s|\()`-style
/// prefixes), left to right as a global regular expression does: `found(at, body)` gets the
/// place and where the match's body starts (after the prefix character, if any) and returns
/// where the match ended, or `None` when nothing matches there. `at_line_start` says whether
/// `^` also matches after a line break (the link pattern's `m` flag).
fn scan(
    text: &str,
    opens: impl Fn(char) -> bool,
    at_line_start: bool,
    mut found: impl FnMut(usize) -> Option<usize>,
) {
    let mut at = 0;
    let mut prev: Option<char> = None;
    while at < text.len() {
        let c = text[at..].chars().next().unwrap_or_default();
        let line_start = prev.is_none() || (at_line_start && prev.is_some_and(is_js_line_break));
        let ended = line_start
            .then(|| found(at))
            .flatten()
            .or_else(|| opens(c).then(|| found(at + c.len_utf8())).flatten());
        match ended {
            Some(end) if end > at => {
                prev = text[..end].chars().next_back();
                at = end;
            }
            _ => {
                prev = Some(c);
                at += c.len_utf8();
            }
        }
    }
}

/// The prefix `(^|\s|\()` of the mention, link and cashtag patterns (besides the start).
fn space_or_paren(c: char) -> bool {
    is_js_space(c) || c == '('
}

/// A character of `\w` in a JavaScript pattern without the `u` flag.
fn is_js_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The official `isValidDomain`: the part after the last `.` is a top-level domain, with the
/// case as typed (`example.COM` is not).
fn is_valid_domain(domain: &str) -> bool {
    domain
        .rsplit_once('.')
        .is_some_and(|(_, tld)| tlds::TLDS.binary_search(&tld).is_ok())
}

/// `@handle` (`MENTION_REGEX`): `@` at the start, after white space or `(`; the handle is the
/// longest run of ASCII letters, digits, `.` and `-` that ends on a word boundary; it counts
/// when its domain is valid or it ends with `.test`.
fn mentions(text: &str) -> Vec<Facet> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    scan(text, space_or_paren, false, |body| {
        if bytes.get(body) != Some(&b'@') {
            return None;
        }
        let from = body + 1;
        let run = bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'.' || **b == b'-')
            .count();
        // `\b` after the run, giving back characters until it holds.
        let next_is_word = |end: usize| text[end..].chars().next().is_some_and(is_js_word);
        let len = (1..=run)
            .rev()
            .find(|&len| is_js_word(bytes[from + len - 1] as char) != next_is_word(from + len))?;
        let handle = &text[from..from + len];
        if is_valid_domain(handle) || handle.ends_with(".test") {
            out.push(Facet {
                start: body,
                end: from + len,
                kind: FacetKind::Mention {
                    handle: handle.to_ascii_lowercase(),
                },
            });
        }
        Some(from + len)
    });
    out
}

/// Links (`URL_REGEX`): at the start of a line, after white space or `(`, either
/// `http(s)://` (any case) and everything up to the next white space, or a bare ASCII domain
/// (`[a-z][a-z0-9]*` labels) and what follows it up to white space. A bare domain needs a
/// valid top-level domain and becomes `https://…`; a link whose text does not start with
/// `http` in lower case but has a scheme (`HTTPS://…`) is left out, as the official app does.
/// One trailing `.,;:!?` is left out, then a `)` when the link holds no `(`.
fn links(text: &str) -> Vec<Facet> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    scan(text, space_or_paren, true, |body| {
        let rest = &bytes[body..];
        let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        let scheme = if starts(b"https://") {
            8
        } else if starts(b"http://") {
            7
        } else {
            0
        };
        let run_end =
            |from: usize| from + text[from..].find(is_js_space).unwrap_or(text.len() - from);
        let (end, domain) = if scheme > 0 && run_end(body + scheme) > body + scheme {
            (run_end(body + scheme), None)
        } else {
            let label = |from: usize| {
                bytes[from..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count()
            };
            if !rest.first()?.is_ascii_alphabetic() {
                return None;
            }
            let mut domain_end = body + label(body);
            let mut dots = 0;
            while bytes.get(domain_end) == Some(&b'.') && label(domain_end + 1) > 0 {
                domain_end += 1 + label(domain_end + 1);
                dots += 1;
            }
            if dots == 0 {
                return None;
            }
            (run_end(domain_end), Some(&text[body..domain_end]))
        };
        let typed = &text[body..end];
        let mut uri = if typed.starts_with("http") {
            typed.to_string()
        } else {
            match domain {
                Some(d) if is_valid_domain(d) => format!("https://{typed}"),
                _ => return Some(end),
            }
        };
        let mut facet_end = end;
        if uri.ends_with(['.', ',', ';', ':', '!', '?']) {
            uri.pop();
            facet_end -= 1;
        }
        if uri.ends_with(')') && !uri.contains('(') {
            uri.pop();
            facet_end -= 1;
        }
        out.push(Facet {
            start: body,
            end: facet_end,
            kind: FacetKind::Link { uri },
        });
        Some(end)
    });
    out
}

/// Hashtags (`TAG_REGEX`): `#` or `＃` at the start or after white space; the tag runs to
/// the next white space or zero-width character and must hold something other than ASCII
/// digits and punctuation (`#2026` is not a tag); it loses its trailing punctuation and may
/// be 64 grapheme clusters long. `#` directly followed by U+FE0F is the keycap emoji `#️⃣`.
fn tags(text: &str) -> Vec<Facet> {
    let mut out = Vec::new();
    scan(text, is_js_space, false, |body| {
        let hash = text[body..]
            .chars()
            .next()
            .filter(|c| *c == '#' || *c == '＃')?;
        let from = body + hash.len_utf8();
        let rest = &text[from..];
        let run = &rest[..rest.find(ends_tag).unwrap_or(rest.len())];
        let counts = !run.starts_with('\u{FE0F}')
            && run
                .chars()
                .any(|c| !c.is_ascii_digit() && !is_punctuation(c));
        if !counts {
            return Some(from);
        }
        let tag = run.trim_end_matches(is_punctuation);
        if tag.encode_utf16().count() <= MAX_TAG_GRAPHEMES
            || tag.graphemes(true).count() <= MAX_TAG_GRAPHEMES
        {
            out.push(Facet {
                start: body,
                end: from + tag.len(),
                kind: FacetKind::Tag {
                    tag: tag.to_string(),
                },
            });
        }
        Some(from + run.len())
    });
    out
}

/// Cashtags (`CASHTAG_REGEX`): `$` at the start, after white space or `(`, then a letter and
/// up to four letters or digits, followed by white space, the end or `.,;:!?)"'’`; the tag is
/// `$` and the ticker in capitals.
fn cashtags(text: &str) -> Vec<Facet> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    scan(text, space_or_paren, false, |body| {
        if bytes.get(body) != Some(&b'$') || !bytes.get(body + 1)?.is_ascii_alphabetic() {
            return None;
        }
        let from = body + 1;
        let run = bytes[from..]
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let closes = |end: usize| {
            text[end..]
                .chars()
                .next()
                .is_none_or(|c| is_js_space(c) || ".,;:!?)\"'\u{2019}".contains(c))
        };
        let len = (1..=run).rev().find(|&len| closes(from + len))?;
        out.push(Facet {
            start: body,
            end: from + len,
            kind: FacetKind::Tag {
                tag: format!("${}", text[from..from + len].to_ascii_uppercase()),
            },
        });
        Some(from + len)
    });
    out
}

/// A line terminator (where `^` matches in a multi-line JavaScript pattern).
fn is_js_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// White space as JavaScript's `\s` knows it (which the official app's regex uses).
fn is_js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{FEFF}'
}

/// Zero-width characters that end a tag, as the official regex lists them.
const TAG_BREAKERS: &str = "\u{AD}\u{2060}\u{200A}\u{200B}\u{200C}\u{200D}\u{20E2}";

fn ends_tag(c: char) -> bool {
    is_js_space(c) || TAG_BREAKERS.contains(c)
}

/// Unicode general category P (`\p{P}`): Pc, Pd, Ps, Pe, Pi, Pf, Po.
fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        // These nine are symbols (S*) in Unicode, not punctuation.
        return c.is_ascii_punctuation()
            && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
    }
    let c = c as u32;
    PUNCTUATION
        .as_chunks::<2>()
        .0
        .binary_search_by(|&[start, end]| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Inclusive ranges (start, end, start, end, …) of the non-ASCII code points of general
/// category P, from the Unicode 16.0 character database.
#[rustfmt::skip]
const PUNCTUATION: &[u32] = &[
    0xA1, 0xA1, 0xA7, 0xA7, 0xAB, 0xAB, 0xB6, 0xB7, 0xBB, 0xBB, 0xBF, 0xBF, 0x37E, 0x37E,
    0x387, 0x387, 0x55A, 0x55F, 0x589, 0x58A, 0x5BE, 0x5BE, 0x5C0, 0x5C0, 0x5C3, 0x5C3,
    0x5C6, 0x5C6, 0x5F3, 0x5F4, 0x609, 0x60A, 0x60C, 0x60D, 0x61B, 0x61B, 0x61D, 0x61F,
    0x66A, 0x66D, 0x6D4, 0x6D4, 0x700, 0x70D, 0x7F7, 0x7F9, 0x830, 0x83E, 0x85E, 0x85E,
    0x964, 0x965, 0x970, 0x970, 0x9FD, 0x9FD, 0xA76, 0xA76, 0xAF0, 0xAF0, 0xC77, 0xC77,
    0xC84, 0xC84, 0xDF4, 0xDF4, 0xE4F, 0xE4F, 0xE5A, 0xE5B, 0xF04, 0xF12, 0xF14, 0xF14,
    0xF3A, 0xF3D, 0xF85, 0xF85, 0xFD0, 0xFD4, 0xFD9, 0xFDA, 0x104A, 0x104F, 0x10FB, 0x10FB,
    0x1360, 0x1368, 0x1400, 0x1400, 0x166E, 0x166E, 0x169B, 0x169C, 0x16EB, 0x16ED, 0x1735, 0x1736,
    0x17D4, 0x17D6, 0x17D8, 0x17DA, 0x1800, 0x180A, 0x1944, 0x1945, 0x1A1E, 0x1A1F, 0x1AA0, 0x1AA6,
    0x1AA8, 0x1AAD, 0x1B4E, 0x1B4F, 0x1B5A, 0x1B60, 0x1B7D, 0x1B7F, 0x1BFC, 0x1BFF, 0x1C3B, 0x1C3F,
    0x1C7E, 0x1C7F, 0x1CC0, 0x1CC7, 0x1CD3, 0x1CD3, 0x2010, 0x2027, 0x2030, 0x2043, 0x2045, 0x2051,
    0x2053, 0x205E, 0x207D, 0x207E, 0x208D, 0x208E, 0x2308, 0x230B, 0x2329, 0x232A, 0x2768, 0x2775,
    0x27C5, 0x27C6, 0x27E6, 0x27EF, 0x2983, 0x2998, 0x29D8, 0x29DB, 0x29FC, 0x29FD, 0x2CF9, 0x2CFC,
    0x2CFE, 0x2CFF, 0x2D70, 0x2D70, 0x2E00, 0x2E2E, 0x2E30, 0x2E4F, 0x2E52, 0x2E5D, 0x3001, 0x3003,
    0x3008, 0x3011, 0x3014, 0x301F, 0x3030, 0x3030, 0x303D, 0x303D, 0x30A0, 0x30A0, 0x30FB, 0x30FB,
    0xA4FE, 0xA4FF, 0xA60D, 0xA60F, 0xA673, 0xA673, 0xA67E, 0xA67E, 0xA6F2, 0xA6F7, 0xA874, 0xA877,
    0xA8CE, 0xA8CF, 0xA8F8, 0xA8FA, 0xA8FC, 0xA8FC, 0xA92E, 0xA92F, 0xA95F, 0xA95F, 0xA9C1, 0xA9CD,
    0xA9DE, 0xA9DF, 0xAA5C, 0xAA5F, 0xAADE, 0xAADF, 0xAAF0, 0xAAF1, 0xABEB, 0xABEB, 0xFD3E, 0xFD3F,
    0xFE10, 0xFE19, 0xFE30, 0xFE52, 0xFE54, 0xFE61, 0xFE63, 0xFE63, 0xFE68, 0xFE68, 0xFE6A, 0xFE6B,
    0xFF01, 0xFF03, 0xFF05, 0xFF0A, 0xFF0C, 0xFF0F, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF20, 0xFF3B, 0xFF3D,
    0xFF3F, 0xFF3F, 0xFF5B, 0xFF5B, 0xFF5D, 0xFF5D, 0xFF5F, 0xFF65, 0x10100, 0x10102,
    0x1039F, 0x1039F, 0x103D0, 0x103D0, 0x1056F, 0x1056F, 0x10857, 0x10857, 0x1091F, 0x1091F,
    0x1093F, 0x1093F, 0x10A50, 0x10A58, 0x10A7F, 0x10A7F, 0x10AF0, 0x10AF6, 0x10B39, 0x10B3F,
    0x10B99, 0x10B9C, 0x10D6E, 0x10D6E, 0x10EAD, 0x10EAD, 0x10F55, 0x10F59, 0x10F86, 0x10F89,
    0x11047, 0x1104D, 0x110BB, 0x110BC, 0x110BE, 0x110C1, 0x11140, 0x11143, 0x11174, 0x11175,
    0x111C5, 0x111C8, 0x111CD, 0x111CD, 0x111DB, 0x111DB, 0x111DD, 0x111DF, 0x11238, 0x1123D,
    0x112A9, 0x112A9, 0x113D4, 0x113D5, 0x113D7, 0x113D8, 0x1144B, 0x1144F, 0x1145A, 0x1145B,
    0x1145D, 0x1145D, 0x114C6, 0x114C6, 0x115C1, 0x115D7, 0x11641, 0x11643, 0x11660, 0x1166C,
    0x116B9, 0x116B9, 0x1173C, 0x1173E, 0x1183B, 0x1183B, 0x11944, 0x11946, 0x119E2, 0x119E2,
    0x11A3F, 0x11A46, 0x11A9A, 0x11A9C, 0x11A9E, 0x11AA2, 0x11B00, 0x11B09, 0x11BE1, 0x11BE1,
    0x11C41, 0x11C45, 0x11C70, 0x11C71, 0x11EF7, 0x11EF8, 0x11F43, 0x11F4F, 0x11FFF, 0x11FFF,
    0x12470, 0x12474, 0x12FF1, 0x12FF2, 0x16A6E, 0x16A6F, 0x16AF5, 0x16AF5, 0x16B37, 0x16B3B,
    0x16B44, 0x16B44, 0x16D6D, 0x16D6F, 0x16E97, 0x16E9A, 0x16FE2, 0x16FE2, 0x1BC9F, 0x1BC9F,
    0x1DA87, 0x1DA8B, 0x1E5FF, 0x1E5FF, 0x1E95E, 0x1E95F,
];
