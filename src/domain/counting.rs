//! Exact counting and validation per network, on the text a user types. Each network's
//! rule becomes a list of weighted spans; the total and the overflow position (where the
//! text starts to be too long) come from that list, so the counter and the mark agree.

mod emoji;
pub mod urls;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::network::Network;
use emoji::is_emoji_grapheme;
use urls::find_links;

/// Every link weighs this on X and (by default) on Mastodon.
pub const LINK_WEIGHT: usize = 23;
pub const X_LIMIT: usize = 280;
pub const MASTODON_DEFAULT_LIMIT: usize = 500;
pub const BLUESKY_GRAPHEMES: usize = 300;
pub const BLUESKY_BYTES: usize = 3000;
pub const THREADS_LIMIT: usize = 500;
pub const THREADS_MAX_LINKS: usize = 5;
pub const LINKEDIN_LIMIT: usize = 3000;
pub const INSTAGRAM_LIMIT: usize = 2200;
pub const INSTAGRAM_MAX_HASHTAGS: usize = 30;
pub const FACEBOOK_LIMIT: usize = 63_206;

/// What a connected Mastodon instance says (defaults until one is connected).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MastodonRules {
    pub max_characters: usize,
    pub characters_reserved_per_url: usize,
}

impl Default for MastodonRules {
    fn default() -> Self {
        MastodonRules {
            max_characters: MASTODON_DEFAULT_LIMIT,
            characters_reserved_per_url: LINK_WEIGHT,
        }
    }
}

/// A rule other than length that the text breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excess {
    /// Bluesky: more than 3,000 UTF-8 bytes (the number of bytes).
    Bytes(usize),
    /// Threads: more than 5 links (the number of links).
    Links(usize),
    /// Instagram: more than 30 hashtags (the number of hashtags).
    Hashtags(usize),
}

/// The result of counting a text for one network.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub network: Network,
    pub used: usize,
    pub limit: usize,
    /// Byte offset in the text where it starts to exceed the limit.
    pub overflow_at: Option<usize>,
    pub excess: Vec<Excess>,
}

impl Count {
    /// What remains (negative when over).
    pub fn remaining(&self) -> i64 {
        self.limit as i64 - self.used as i64
    }

    pub fn is_valid(&self) -> bool {
        self.used <= self.limit && self.excess.is_empty()
    }
}

/// A part of the text and its weight.
struct Span {
    start: usize,
    weight: usize,
}

fn total(spans: &[Span]) -> usize {
    spans.iter().map(|s| s.weight).sum()
}

fn overflow(spans: &[Span], limit: usize) -> Option<usize> {
    let mut sum = 0;
    for s in spans {
        sum += s.weight;
        if sum > limit {
            return Some(s.start);
        }
    }
    None
}

/// Splits `text` into links (weighing `link_weight`) and graphemes weighed by `weigh`.
fn spans(
    text: &str,
    links: &[(usize, usize)],
    link_weight: usize,
    weigh: impl Fn(&str) -> usize,
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut links = links.iter().peekable();
    for (start, g) in text.grapheme_indices(true) {
        while links.peek().is_some_and(|(_, end)| *end <= start) {
            links.next();
        }
        match links.peek() {
            Some((ls, _)) if *ls == start => out.push(Span {
                start,
                weight: link_weight,
            }),
            Some((ls, le)) if *ls < start && start < *le => {}
            _ => out.push(Span {
                start,
                weight: weigh(g),
            }),
        }
    }
    out
}

/// X (twitter-text v3 configuration): weight 1 for the listed ranges, 2 otherwise; an
/// emoji sequence weighs 2 once; every link weighs 23. Counted on the NFC form of the text.
fn x_weight(grapheme: &str) -> usize {
    if is_emoji_grapheme(grapheme) {
        return 2;
    }
    grapheme
        .chars()
        .map(|c| match c as u32 {
            0x0000..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037 => 1,
            _ => 2,
        })
        .sum()
}

pub fn count_x(text: &str) -> Count {
    let nfc: String = text.nfc().collect();
    let links = find_links(&nfc, true);
    let sp = spans(&nfc, &links, LINK_WEIGHT, x_weight);
    // The overflow offset is in the NFC text; map it back through the original graphemes.
    let overflow_at = overflow(&sp, X_LIMIT).map(|at| map_offset(text, &nfc, at));
    Count {
        network: Network::X,
        used: total(&sp),
        limit: X_LIMIT,
        overflow_at,
        excess: vec![],
    }
}

/// Maps a byte offset in `nfc` to the offset of the same grapheme in `original`.
fn map_offset(original: &str, nfc: &str, at: usize) -> usize {
    let index = nfc
        .grapheme_indices(true)
        .take_while(|(i, _)| *i < at)
        .count();
    original
        .grapheme_indices(true)
        .nth(index)
        .map_or(original.len(), |(i, _)| i)
}

/// Byte ranges of `@user@domain` mentions' domain parts (`@domain`), which Mastodon does
/// not count.
fn mastodon_mention_domains(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let word_start =
            i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'/');
        if b[i] == b'@' && word_start {
            let user_len = b[i + 1..]
                .iter()
                .take_while(|c| {
                    c.is_ascii_alphanumeric() || **c == b'_' || **c == b'.' || **c == b'-'
                })
                .count();
            let at2 = i + 1 + user_len;
            if user_len > 0 && at2 < b.len() && b[at2] == b'@' {
                let dom_len = b[at2 + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == b'.' || **c == b'-')
                    .count();
                let mut end = at2 + 1 + dom_len;
                while end > at2 + 1 && (b[end - 1] == b'.' || b[end - 1] == b'-') {
                    end -= 1;
                }
                if text[at2 + 1..end].contains('.') {
                    out.push((at2, end));
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// Mastodon: grapheme clusters; links with a scheme weigh the instance's reserved length;
/// `@user@domain` counts as `@user`; the content warning counts too.
pub fn count_mastodon(text: &str, content_warning: &str, rules: MastodonRules) -> Count {
    let links = find_links(text, false);
    let domains = mastodon_mention_domains(text);
    let mut sp = spans(text, &links, rules.characters_reserved_per_url, |_| 1);
    sp.retain(|s| !domains.iter().any(|(a, b)| *a <= s.start && s.start < *b));
    let warning = content_warning.graphemes(true).count();
    let limit = rules.max_characters;
    // The warning comes first in Mastodon's count: the text overflows that much sooner.
    let overflow_at =
        overflow(&sp, limit.saturating_sub(warning)).or_else(|| (warning > limit).then_some(0));
    Count {
        network: Network::Mastodon,
        used: total(&sp) + warning,
        limit,
        overflow_at,
        excess: vec![],
    }
}

/// Bluesky: at most 300 grapheme clusters and 3,000 UTF-8 bytes.
pub fn count_bluesky(text: &str) -> Count {
    let sp = spans(text, &[], 0, |_| 1);
    let mut excess = vec![];
    if text.len() > BLUESKY_BYTES {
        excess.push(Excess::Bytes(text.len()));
    }
    let by_bytes = (text.len() > BLUESKY_BYTES).then(|| {
        text.grapheme_indices(true)
            .find(|(i, g)| i + g.len() > BLUESKY_BYTES)
            .map_or(text.len(), |(i, _)| i)
    });
    let by_graphemes = overflow(&sp, BLUESKY_GRAPHEMES);
    let overflow_at = match (by_graphemes, by_bytes) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Count {
        network: Network::Bluesky,
        used: total(&sp),
        limit: BLUESKY_GRAPHEMES,
        overflow_at,
        excess,
    }
}

/// Threads: 500, an emoji weighing its UTF-8 byte length (Meta's documentation), at most
/// five links.
pub fn count_threads(text: &str) -> Count {
    let sp = spans(
        text,
        &[],
        0,
        |g| if is_emoji_grapheme(g) { g.len() } else { 1 },
    );
    let links = find_links(text, true).len();
    let excess = if links > THREADS_MAX_LINKS {
        vec![Excess::Links(links)]
    } else {
        vec![]
    };
    Count {
        network: Network::Threads,
        used: total(&sp),
        limit: THREADS_LIMIT,
        overflow_at: overflow(&sp, THREADS_LIMIT),
        excess,
    }
}

/// LinkedIn, Instagram and Facebook count as their web composers do: UTF-16 code units.
fn count_utf16(network: Network, text: &str, limit: usize) -> Count {
    let sp: Vec<Span> = text
        .char_indices()
        .map(|(i, c)| Span {
            start: i,
            weight: c.len_utf16(),
        })
        .collect();
    Count {
        network,
        used: total(&sp),
        limit,
        overflow_at: overflow(&sp, limit),
        excess: vec![],
    }
}

/// Hashtags (`#word`, letters, digits and `_`), as Instagram counts them.
pub fn hashtags(text: &str) -> usize {
    let mut n = 0;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '#'
            && prev.is_none_or(|p| !p.is_alphanumeric() && p != '&')
            && chars
                .peek()
                .is_some_and(|d| d.is_alphanumeric() || *d == '_')
        {
            n += 1;
        }
        prev = Some(c);
    }
    n
}

/// Counts `text` for `network`.
pub fn count(
    network: Network,
    text: &str,
    content_warning: &str,
    mastodon: MastodonRules,
) -> Count {
    match network {
        Network::X => count_x(text),
        Network::Mastodon => count_mastodon(text, content_warning, mastodon),
        Network::Bluesky => count_bluesky(text),
        Network::Threads => count_threads(text),
        Network::LinkedIn => count_utf16(network, text, LINKEDIN_LIMIT),
        Network::Facebook => count_utf16(network, text, FACEBOOK_LIMIT),
        Network::Instagram => {
            let mut c = count_utf16(network, text, INSTAGRAM_LIMIT);
            let tags = hashtags(text);
            if tags > INSTAGRAM_MAX_HASHTAGS {
                c.excess.push(Excess::Hashtags(tags));
            }
            c
        }
    }
}
