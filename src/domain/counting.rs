//! Exact counting and validation per network, on the text a user types. Each network's
//! rule becomes a list of weighted spans; the total and the overflow position (where the
//! text starts to be too long) come from that list, so the counter and the mark agree.

mod emoji;
mod emoji_list;
mod mastodon_mentions;
pub mod nfc;
mod punycode;
mod tlds;
mod url_chars;
pub mod url_extract;
pub mod urls;
mod x;
mod x_emoji;

use unicode_segmentation::UnicodeSegmentation;

use super::network::Network;
use emoji::is_emoji_grapheme;
use url_extract::Link;
use urls::Utf16;

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
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MastodonRules {
    pub max_characters: usize,
    pub characters_reserved_per_url: usize,
    /// Images per status (`configuration.statuses.max_media_attachments`).
    #[serde(default = "default_max_media")]
    pub max_media: usize,
}

fn default_max_media() -> usize {
    4
}

impl Default for MastodonRules {
    fn default() -> Self {
        MastodonRules {
            max_characters: MASTODON_DEFAULT_LIMIT,
            characters_reserved_per_url: LINK_WEIGHT,
            max_media: default_max_media(),
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

/// A text segmented once, for counting it on every network at each keystroke.
pub struct Prepared<'a> {
    pub text: &'a str,
    graphemes: Vec<(usize, &'a str)>,
    utf16: Utf16,
    /// Links with or without a scheme, in UTF-16 (X, Threads).
    links: Vec<Link>,
    /// Links with a scheme only, as byte ranges (Mastodon).
    scheme_links: Vec<(usize, usize)>,
}

impl<'a> Prepared<'a> {
    pub fn new(text: &'a str) -> Self {
        let utf16 = Utf16::new(text);
        let (links, with_scheme) = utf16.links_both();
        let scheme_links = with_scheme
            .into_iter()
            .map(|l| (utf16.byte(l.start), utf16.byte(l.end)))
            .collect();
        Prepared {
            text,
            graphemes: text.grapheme_indices(true).collect(),
            utf16,
            links,
            scheme_links,
        }
    }
}

/// The total weight of a text and where it passes `limit`, in one pass over its graphemes:
/// links weigh `link_weight`, graphemes inside `skip` ranges weigh nothing, the others
/// `weigh(grapheme)`. No allocation: this runs on every keystroke for every network.
fn measure(
    graphemes: &[(usize, &str)],
    links: &[(usize, usize)],
    link_weight: usize,
    skip: &[(usize, usize)],
    limit: usize,
    weigh: impl Fn(&str) -> usize,
) -> (usize, Option<usize>) {
    let (mut total, mut overflow) = (0, None);
    let (mut li, mut si) = (0, 0);
    for &(start, g) in graphemes {
        while li < links.len() && links[li].1 <= start {
            li += 1;
        }
        while si < skip.len() && skip[si].1 <= start {
            si += 1;
        }
        let w = match links.get(li) {
            Some(&(ls, _)) if ls == start => link_weight,
            Some(&(ls, le)) if ls < start && start < le => continue,
            _ if skip.get(si).is_some_and(|&(a, b)| a <= start && start < b) => continue,
            _ => weigh(g),
        };
        total += w;
        if overflow.is_none() && total > limit {
            overflow = Some(start);
        }
    }
    (total, overflow)
}

pub fn count_x(text: &str) -> Count {
    x_in(&Prepared::new(text))
}

fn x_in(p: &Prepared) -> Count {
    let text = p.text;
    // Most text is already NFC: then the prepared segments serve as they are.
    let (used, overflow_at) = match nfc::changed(text) {
        None => x::weigh(&p.utf16, &p.links, X_LIMIT),
        Some(nfc) => {
            let utf16 = Utf16::new(&nfc);
            let (used, at) = x::weigh(&utf16, &utf16.links(true), X_LIMIT);
            // The overflow offset is in the NFC text; map it back through the original graphemes.
            (used, at.map(|at| map_offset(text, &nfc, at)))
        }
    };
    Count {
        network: Network::X,
        used,
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

/// A byte range of a text.
type Span = (usize, usize);

/// Mastodon's links and mentions as it replaces them before counting: by where they start,
/// one that starts inside an earlier one is left out. The links kept, and the mentions'
/// domain parts (which do not count).
fn mastodon_entities(links: &[(usize, usize)], text: &str) -> (Vec<Span>, Vec<Span>) {
    let mentions = mastodon_mentions::find(text);
    let mut all: Vec<(usize, usize, Option<usize>)> =
        links.iter().map(|&(a, b)| (a, b, None)).collect();
    all.extend(mentions.iter().map(|m| (m.start, m.end, Some(m.user_end))));
    all.sort_by_key(|e| e.0);
    let (mut kept_links, mut domains, mut end) = (vec![], vec![], 0);
    for (start, stop, user_end) in all {
        if start < end {
            continue;
        }
        end = stop;
        match user_end {
            None => kept_links.push((start, stop)),
            Some(user_end) if user_end < stop => domains.push((user_end, stop)),
            Some(_) => {}
        }
    }
    (kept_links, domains)
}

/// Mastodon: grapheme clusters; links with a scheme weigh the instance's reserved length;
/// `@user@domain` counts as `@user`; the content warning counts too.
pub fn count_mastodon(text: &str, content_warning: &str, rules: MastodonRules) -> Count {
    mastodon_in(&Prepared::new(text), content_warning, rules)
}

fn mastodon_in(p: &Prepared, content_warning: &str, rules: MastodonRules) -> Count {
    let (links, domains) = mastodon_entities(&p.scheme_links, p.text);
    let warning = content_warning.graphemes(true).count();
    let limit = rules.max_characters;
    // The warning comes first in Mastodon's count: the text overflows that much sooner.
    let room = limit.saturating_sub(warning);
    let (used, at) = measure(
        &p.graphemes,
        &links,
        rules.characters_reserved_per_url,
        &domains,
        room,
        |_| 1,
    );
    let overflow_at = at.or_else(|| (warning > limit).then_some(0));
    Count {
        network: Network::Mastodon,
        used: used + warning,
        limit,
        overflow_at,
        excess: vec![],
    }
}

/// Bluesky: at most 300 grapheme clusters and 3,000 UTF-8 bytes.
pub fn count_bluesky(text: &str) -> Count {
    bluesky_in(&Prepared::new(text))
}

fn bluesky_in(p: &Prepared) -> Count {
    let text = p.text;
    let used = p.graphemes.len();
    let by_graphemes = p.graphemes.get(BLUESKY_GRAPHEMES).map(|&(i, _)| i);
    let mut excess = vec![];
    let mut by_bytes = None;
    if text.len() > BLUESKY_BYTES {
        excess.push(Excess::Bytes(text.len()));
        by_bytes = p
            .graphemes
            .iter()
            .find(|(i, g)| i + g.len() > BLUESKY_BYTES)
            .map(|&(i, _)| i);
    }
    let overflow_at = match (by_graphemes, by_bytes) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Count {
        network: Network::Bluesky,
        used,
        limit: BLUESKY_GRAPHEMES,
        overflow_at,
        excess,
    }
}

/// Threads: 500, an emoji weighing its UTF-8 byte length (Meta's documentation), at most
/// five links.
pub fn count_threads(text: &str) -> Count {
    threads_in(&Prepared::new(text))
}

fn threads_in(p: &Prepared) -> Count {
    let weigh = |g: &str| if is_emoji_grapheme(g) { g.len() } else { 1 };
    let (used, overflow_at) = measure(&p.graphemes, &[], 0, &[], THREADS_LIMIT, weigh);
    let links = p.links.len();
    let excess = if links > THREADS_MAX_LINKS {
        vec![Excess::Links(links)]
    } else {
        vec![]
    };
    Count {
        network: Network::Threads,
        used,
        limit: THREADS_LIMIT,
        overflow_at,
        excess,
    }
}

/// LinkedIn, Instagram and Facebook count as their web composers do: UTF-16 code units.
fn count_utf16(network: Network, text: &str, limit: usize) -> Count {
    let (mut used, mut overflow_at) = (0, None);
    for (i, c) in text.char_indices() {
        used += c.len_utf16();
        if overflow_at.is_none() && used > limit {
            overflow_at = Some(i);
        }
    }
    Count {
        network,
        used,
        limit,
        overflow_at,
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
    count_prepared(network, &Prepared::new(text), content_warning, mastodon)
}

/// Counts one text for several networks, segmenting it once (the composer, per keystroke).
pub fn count_all(
    networks: &[Network],
    text: &str,
    content_warning: &str,
    mastodon: MastodonRules,
) -> Vec<Count> {
    let prepared = Prepared::new(text);
    networks
        .iter()
        .map(|n| count_prepared(*n, &prepared, content_warning, mastodon))
        .collect()
}

/// Counts an already segmented text for `network`.
pub fn count_prepared(
    network: Network,
    p: &Prepared,
    content_warning: &str,
    mastodon: MastodonRules,
) -> Count {
    let text = p.text;
    match network {
        Network::X => x_in(p),
        Network::Mastodon => mastodon_in(p, content_warning, mastodon),
        Network::Bluesky => bluesky_in(p),
        Network::Threads => threads_in(p),
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
