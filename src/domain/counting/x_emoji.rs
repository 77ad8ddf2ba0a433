//! Finding emoji as X's counter does: from left to right, the longest sequence it knows
//! (`emoji_list`) that fits at each position; a sequence is passed over whole.

use std::sync::LazyLock;

use super::emoji_list::{SEQUENCES, UNLESS_TEXT_STYLE};

const TEXT_STYLE: u16 = 0xFE0E;
const ANY_TONE: char = '\u{E000}';
const TONES: [char; 5] = [
    '\u{1F3FB}',
    '\u{1F3FC}',
    '\u{1F3FD}',
    '\u{1F3FE}',
    '\u{1F3FF}',
];

/// Every sequence by its first character, the longest first: (first character, units, counts
/// only when no U+FE0E follows).
static KNOWN: LazyLock<Vec<(u32, Vec<u16>, bool)>> = LazyLock::new(|| {
    let listed = |list: &'static str, conditional: bool| {
        list.split('|').flat_map(move |s| {
            let forms: Vec<String> = if s.contains(ANY_TONE) {
                TONES
                    .iter()
                    .map(|t| s.replace(ANY_TONE, &t.to_string()))
                    .collect()
            } else {
                vec![s.to_string()]
            };
            forms.into_iter().map(move |f| {
                let units: Vec<u16> = f.encode_utf16().collect();
                (first_char(&units, 0), units, conditional)
            })
        })
    };
    let mut all: Vec<_> = listed(SEQUENCES, false)
        .chain(listed(UNLESS_TEXT_STYLE, true))
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
    all
});

/// Which code units an emoji starts with (bit per unit: a BMP character or a high
/// surrogate), to pass over the others without a search.
static STARTS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 1 << 10];
    for (_, seq, _) in KNOWN.iter() {
        bits[usize::from(seq[0] >> 6)] |= 1 << (seq[0] & 63);
    }
    bits
});

/// The character at `at` (a lone surrogate: its own value).
fn first_char(units: &[u16], at: usize) -> u32 {
    char::decode_utf16(units[at..].iter().copied())
        .next()
        .map_or(0, |c| {
            c.map_or_else(|e| u32::from(e.unpaired_surrogate()), u32::from)
        })
}

/// The length (in code units) of the emoji at `at`, if one starts there.
fn emoji_at(units: &[u16], at: usize) -> Option<usize> {
    let unit = units[at];
    if STARTS[usize::from(unit >> 6)] & (1 << (unit & 63)) == 0 {
        return None;
    }
    let first = first_char(units, at);
    let known = &*KNOWN;
    let from = known.partition_point(|e| e.0 < first);
    known[from..]
        .iter()
        .take_while(|e| e.0 == first)
        .find(|(_, seq, conditional)| {
            units[at..].starts_with(seq)
                && !(*conditional && units.get(at + seq.len()) == Some(&TEXT_STYLE))
        })
        .map(|(_, seq, _)| seq.len())
}

/// The emoji of `units` as (first code unit, length), left to right.
pub fn find(units: &[u16]) -> Vec<(usize, usize)> {
    let mut out = vec![];
    let mut i = 0;
    while i < units.len() {
        match emoji_at(units, i) {
            Some(len) => {
                out.push((i, len));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}
