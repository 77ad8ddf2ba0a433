//! What a post's text looks like in each network's feed, as pieces the composer draws: the
//! part shown at once, the part behind the network's "see more" fold, and the part over the
//! limit (refused); links, mentions and hashtags as the network shows them. Where the feed
//! folds a long text is each network's own choice, measured in its feed on a computer and
//! kept here as approximations (they change without notice).

use super::sorting;
use unicode_segmentation::UnicodeSegmentation;

use super::counting::urls::find_links;
use super::facets::{detect, Facet, FacetKind};
use super::network::Network;

/// Where a feed stops showing a long text: after `chars` characters or `lines` lines,
/// whichever comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    pub chars: usize,
    pub lines: usize,
}

/// The feed's fold: LinkedIn's "…see more" after about three lines (≈ 210 characters),
/// Instagram's "… more" after about two (≈ 125), Facebook's "See more" after about five
/// (≈ 480). Mastodon, Bluesky, Threads and X show the whole post (X's cut is its limit).
pub fn fold(network: Network) -> Option<Fold> {
    match network {
        Network::LinkedIn => Some(Fold {
            chars: 210,
            lines: 3,
        }),
        Network::Instagram => Some(Fold {
            chars: 125,
            lines: 2,
        }),
        Network::Facebook => Some(Fold {
            chars: 480,
            lines: 5,
        }),
        Network::Mastodon | Network::Bluesky | Network::Threads | Network::X => None,
    }
}

/// How far a fold looks back for a space, so a word is not cut in two.
const WORD_BACKOFF: usize = 20;

/// The byte offset where `fold` hides the rest of `text`, or `None` when it all shows.
/// Cut after the last whole word that fits (or at the line break), never inside a
/// character; trailing white space alone is not worth a fold.
pub fn fold_at(text: &str, fold: Fold) -> Option<usize> {
    let mut lines = 1;
    let mut cut = None;
    for (n, (at, g)) in text.grapheme_indices(true).enumerate() {
        if g == "\n" || g == "\r\n" {
            if lines == fold.lines {
                cut = Some(at);
                break;
            }
            lines += 1;
        }
        if n == fold.chars {
            let before = &text[..at];
            let space = before
                .grapheme_indices(true)
                .rev()
                .take(WORD_BACKOFF)
                .find(|(_, g)| g.trim().is_empty())
                .map(|(i, _)| i);
            cut = Some(space.unwrap_or(at));
            break;
        }
    }
    let cut = cut?;
    (!text[cut..].trim().is_empty()).then_some(cut)
}

/// Which part of the feed a piece of text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Shown,
    /// Behind the network's "see more".
    Folded,
    /// Over the network's limit: it will not be published.
    Over,
}

/// How a piece of text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Plain,
    Link,
    Mention,
    Tag,
}

/// A run of text drawn the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub look: Look,
    pub part: Part,
}

/// The post's `text` as `network` shows it, given where it goes over the limit
/// (`overflow_at`, a byte offset from the counter). Instagram does not turn links of a
/// caption into links; Mastodon, Bluesky and X show a link shortened
/// ([`short_link`]). The pieces put together give the text back, except shortened links.
pub fn pieces(network: Network, text: &str, overflow_at: Option<usize>) -> Vec<Piece> {
    let over = overflow_at.filter(|&o| o < text.len());
    let folded = fold(network)
        .and_then(|f| fold_at(text, f))
        .filter(|&f| over.is_none_or(|o| f < o));
    let facets = facets_as_shown(network, text);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(folded);
    cuts.extend(over);
    for f in &facets {
        cuts.push(f.start);
        cuts.push(f.end);
    }
    sorting::sort(&mut cuts[..]);
    cuts.dedup();
    let part_at = |at: usize| match (over, folded) {
        (Some(o), _) if at >= o => Part::Over,
        (_, Some(f)) if at >= f => Part::Folded,
        _ => Part::Shown,
    };
    let mut out: Vec<Piece> = Vec::new();
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        if start == end {
            continue;
        }
        let facet = facets.iter().find(|f| f.start <= start && end <= f.end);
        let look = match facet.map(|f| &f.kind) {
            None => Look::Plain,
            Some(FacetKind::Link { .. }) => Look::Link,
            Some(FacetKind::Mention { .. }) => Look::Mention,
            Some(FacetKind::Tag { .. }) => Look::Tag,
        };
        let part = part_at(start);
        let whole_link = facet.is_some_and(|f| f.start == start && f.end == end);
        let shown = if look == Look::Link && whole_link && shortens_links(network) {
            short_link(&text[start..end])
        } else {
            text[start..end].to_string()
        };
        match out.last_mut() {
            Some(last) if last.look == look && last.part == part && look == Look::Plain => {
                last.text.push_str(&shown)
            }
            _ => out.push(Piece {
                text: shown,
                look,
                part,
            }),
        }
    }
    out
}

/// The links X finds (Threads too); Mastodon's, with a scheme only (it links through the
/// same extraction); `None` for the networks whose links follow Bluesky's detection here.
fn extracted_links(network: Network, text: &str) -> Option<Vec<(usize, usize)>> {
    match network {
        Network::X | Network::Threads => Some(find_links(text, true)),
        Network::Mastodon => Some(find_links(text, false)),
        _ => None,
    }
}

/// Links, mentions and tags as `network` draws them: Bluesky's detection, with X's and
/// Mastodon's own links in their place (a mention or tag inside one is part of the link);
/// Instagram draws no links in a caption.
fn facets_as_shown(network: Network, text: &str) -> Vec<Facet> {
    let detected = detect(text);
    let Some(links) = extracted_links(network, text) else {
        return detected
            .into_iter()
            .filter(|f| {
                !(network == Network::Instagram && matches!(f.kind, FacetKind::Link { .. }))
            })
            .collect();
    };
    let overlaps = |f: &Facet| links.iter().any(|&(a, b)| f.start < b && a < f.end);
    let mut out: Vec<Facet> = detected
        .into_iter()
        .filter(|f| !matches!(f.kind, FacetKind::Link { .. }) && !overlaps(f))
        .collect();
    out.extend(links.iter().map(|&(start, end)| Facet {
        start,
        end,
        kind: FacetKind::Link {
            uri: with_scheme(&text[start..end]),
        },
    }));
    sorting::sort_by_key(&mut out[..], |f| f.start);
    out
}

/// A link as an address: `https://` added when it was typed without a scheme.
fn with_scheme(link: &str) -> String {
    if link
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("http"))
    {
        link.to_string()
    } else {
        format!("https://{link}")
    }
}

/// Whether the network shows a link shorter than it was typed.
fn shortens_links(network: Network) -> bool {
    matches!(network, Network::Mastodon | Network::Bluesky | Network::X)
}

/// Characters of a shortened link before its "…".
const SHORT_LINK: usize = 30;

/// A link as Mastodon, Bluesky and X show it: without `https://` nor `www.`, and cut after
/// 30 characters with "…".
pub fn short_link(link: &str) -> String {
    let bare = ["https://", "http://"]
        .iter()
        .find_map(|s| {
            link.get(..s.len())
                .filter(|p| p.eq_ignore_ascii_case(s))
                .map(|_| &link[s.len()..])
        })
        .unwrap_or(link);
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    let graphemes: Vec<&str> = bare.graphemes(true).collect();
    if graphemes.len() <= SHORT_LINK {
        bare.to_string()
    } else {
        format!("{}…", graphemes[..SHORT_LINK].concat())
    }
}

/// The site a link card names: the host of `uri`, without `www.`.
pub fn link_host(uri: &str) -> String {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.strip_prefix("www.").unwrap_or(host).to_lowercase()
}

/// The first link of `text` as `network` finds it, the one the networks that draw a card
/// pick.
pub fn first_link(network: Network, text: &str) -> Option<String> {
    facets_as_shown(network, text)
        .into_iter()
        .find_map(|f| match f.kind {
            FacetKind::Link { uri } => Some(uri),
            _ => None,
        })
}

/// Whether the network draws a card for the post's first link: never on Instagram (links in
/// captions are not links), and elsewhere only when the post carries no image.
pub fn draws_link_card(network: Network, has_media: bool) -> bool {
    network != Network::Instagram && !has_media
}

/// Images a feed shows in the post's grid before "+N": four on Mastodon, Bluesky and X (all
/// a post may carry), one at a time on Instagram (a carousel), and a first image with up to
/// four on LinkedIn, Facebook and Threads.
pub fn images_shown(network: Network, count: usize) -> usize {
    match network {
        Network::Instagram => count.min(1),
        _ => count.min(4),
    }
}
