//! X's weighted length exactly as its library computes it (`parseTweet` of npm
//! `twitter-text` 3.1, default configuration), on a text already in NFC: from left to right
//! over UTF-16 code units, a link weighs 23 and its URL text is passed over, an emoji weighs 2
//! and is passed over, any other character weighs 1 in the listed ranges and 2 elsewhere (a
//! character outside the BMP: 2).

use super::url_extract::Link;
use super::urls::Utf16;
use super::x_emoji;
use super::LINK_WEIGHT;

/// The weight of a code unit outside links and emoji.
fn unit_weight(unit: u16) -> usize {
    match unit {
        0x0000..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037 => 1,
        _ => 2,
    }
}

/// The weighted length of a text (in NFC, as UTF-16) whose links are `links`, and the byte offset
/// where it first passes `limit`.
pub fn weigh(utf16: &Utf16, links: &[Link], limit: usize) -> (usize, Option<usize>) {
    let units = &utf16.units;
    let emoji = x_emoji::find(units);
    let (mut li, mut ei) = (0, 0);
    let (mut total, mut overflow) = (0, None);
    let mut i = 0;
    while i < units.len() {
        while li < links.len() && links[li].start < i {
            li += 1;
        }
        while ei < emoji.len() && emoji[ei].0 < i {
            ei += 1;
        }
        let (weight, step) = if links.get(li).is_some_and(|l| l.start == i) {
            (LINK_WEIGHT, links[li].len.max(1))
        } else if emoji.get(ei).is_some_and(|e| e.0 == i) {
            (2, emoji[ei].1)
        } else {
            let pair = (0xD800..=0xDBFF).contains(&units[i])
                && units
                    .get(i + 1)
                    .is_some_and(|u| (0xDC00..=0xDFFF).contains(u));
            let at = if pair { i + 1 } else { i };
            (unit_weight(units[at]), at - i + 1)
        };
        total += weight;
        if overflow.is_none() && total > limit {
            overflow = Some(utf16.byte(i));
        }
        i += step;
    }
    (total, overflow)
}
