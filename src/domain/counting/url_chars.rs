//! The character classes of X's link grammar, tested on UTF-16 code units the way a
//! case-insensitive JavaScript pattern without the `u` flag tests them: two characters match
//! when their simple upper-case forms are the same code unit (`canon`), and an astral
//! character is two code units, each tested alone.

use std::sync::LazyLock;

/// JavaScript's case-insensitive comparison key for one code unit (ECMA-262 Canonicalize,
/// non-Unicode mode): the upper-case form when it is one code unit, unless that would take a
/// non-ASCII character to ASCII.
pub fn canon(unit: u16) -> u16 {
    if unit < 0x80 {
        return u16::from((unit as u8).to_ascii_uppercase());
    }
    // CJK, Hangul and the other blocks without case (the test checks every code unit)
    if (0x3000..0xA640).contains(&unit) || (0xAC00..0xFF00).contains(&unit) {
        return unit;
    }
    by_case_tables(unit)
}

fn by_case_tables(unit: u16) -> u16 {
    let Some(c) = char::from_u32(u32::from(unit)) else {
        return unit; // a surrogate
    };
    let mut upper = c.to_uppercase();
    let (Some(first), None) = (upper.next(), upper.next()) else {
        return unit;
    };
    let first = first as u32;
    if first > 0xFFFF || (unit >= 0x80 && first < 0x80) {
        return unit;
    }
    first as u16
}

fn within(unit: u16, ranges: &[(u16, u16)]) -> bool {
    ranges.iter().any(|&(a, b)| a <= unit && unit <= b)
}

/// Latin letters with accents and the combining marks (twitter-text's `latinAccentChars`).
const LATIN: &[(u16, u16)] = &[
    (0xC0, 0xD6),
    (0xD8, 0xF6),
    (0xF8, 0xFF),
    (0x100, 0x24F),
    (0x253, 0x254),
    (0x256, 0x257),
    (0x259, 0x259),
    (0x25B, 0x25B),
    (0x263, 0x263),
    (0x268, 0x268),
    (0x26F, 0x26F),
    (0x272, 0x272),
    (0x289, 0x289),
    (0x28B, 0x28B),
    (0x2BB, 0x2BB),
    (0x300, 0x36F),
    (0x1E00, 0x1EFF),
];

const CYRILLIC: &[(u16, u16)] = &[(0x400, 0x4FF)];

/// The comparison keys of every member of `ranges`, sorted, for case-insensitive tests.
fn keys(ranges: &[(u16, u16)]) -> Vec<u16> {
    let mut out: Vec<u16> = ranges.iter().flat_map(|&(a, b)| a..=b).map(canon).collect();
    out.sort_unstable();
    out.dedup();
    out
}

static LATIN_KEYS: LazyLock<Vec<u16>> = LazyLock::new(|| keys(LATIN));
static CYRILLIC_KEYS: LazyLock<Vec<u16>> = LazyLock::new(|| keys(CYRILLIC));

/// Whether a non-ASCII `unit` matches `ranges` case-insensitively.
fn folds_into(unit: u16, ranges: &[(u16, u16)], keys: &LazyLock<Vec<u16>>) -> bool {
    unit >= 0x80 && (within(unit, ranges) || keys.binary_search(&canon(unit)).is_ok())
}

fn latin(unit: u16) -> bool {
    folds_into(unit, LATIN, &LATIN_KEYS)
}

fn cyrillic(unit: u16) -> bool {
    folds_into(unit, CYRILLIC, &CYRILLIC_KEYS)
}

/// An ASCII set as a bitmap (bit `b` for byte `b`), made at compile time.
const fn ascii_set(bytes: &[u8]) -> u128 {
    let mut set = 0u128;
    let mut i = 0;
    while i < bytes.len() {
        set |= 1 << bytes[i];
        i += 1;
    }
    set
}

fn ascii_in(unit: u16, set: u128) -> bool {
    // two 64-bit halves: a 128-bit shift is a call in wasm
    match unit {
        0..=63 => (set as u64) & (1 << unit) != 0,
        64..=127 => ((set >> 64) as u64) & (1 << (unit - 64)) != 0,
        _ => false,
    }
}

fn ascii_alnum(unit: u16) -> bool {
    unit < 0x80 && (unit as u8).is_ascii_alphanumeric()
}

/// What may come right before a link: anything but a letter or digit of ASCII, `@`, `$`,
/// `#` (and their full-width forms) and the non-characters.
pub fn precedes(unit: u16) -> bool {
    !(ascii_alnum(unit)
        || ascii_in(unit, const { ascii_set(b"@$#") })
        || matches!(unit, 0xFF20 | 0xFF03 | 0xFFFE | 0xFEFF | 0xFFFF))
}

/// The characters that may not be in a domain: ASCII punctuation, white space, the
/// non-characters and the direction marks.
fn not_in_domain(unit: u16) -> bool {
    ascii_in(
        unit,
        const { ascii_set(b"!'#%&()*+,\\-./:;<=>?@[]^_{|}~$") },
    ) || matches!(unit,
            0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x180E | 0x2000..=0x200A | 0x2028 | 0x2029
            | 0x202F | 0x205F | 0x3000 | 0xFFFE | 0xFEFF | 0xFFFF
            | 0x202A..=0x202E | 0x061C | 0x200E | 0x200F | 0x2066..=0x2069)
}

/// A character of a domain label (any other than those above: letters of every script,
/// digits, emoji halves…).
pub fn domain_char(unit: u16) -> bool {
    !not_in_domain(unit)
}

/// A character of a label of an ASCII domain (letters with Latin accents allowed).
pub fn ascii_label_char(unit: u16) -> bool {
    ascii_alnum(unit) || unit == u16::from(b'-') || latin(unit)
}

/// What may not follow a top-level domain: an ASCII letter or digit, `@`, `+` or `-`.
pub fn continues_domain(unit: u16) -> bool {
    ascii_alnum(unit) || ascii_in(unit, const { ascii_set(b"@+-") })
}

/// A character of a link's path.
pub fn path_char(unit: u16) -> bool {
    ascii_alnum(unit)
        || ascii_in(unit, const { ascii_set(b"!*';:=+,.$/%#[]-_~@|&") })
        || unit == 0x2013
        || cyrillic(unit)
        || latin(unit)
}

/// A character a path may end with (the other way to end one is balanced parentheses).
pub fn path_end_char(unit: u16) -> bool {
    ascii_alnum(unit)
        || ascii_in(unit, const { ascii_set(b"+-=_#/") })
        || cyrillic(unit)
        || latin(unit)
}

/// A character of a query string.
pub fn query_char(unit: u16) -> bool {
    ascii_alnum(unit) || ascii_in(unit, const { ascii_set(b"!?*'@();:&=+$/%#[]-_.,~|") })
}

/// A character a query string may end with.
pub fn query_end_char(unit: u16) -> bool {
    ascii_alnum(unit) || ascii_in(unit, const { ascii_set(b"-_&=#/") })
}

/// A character of a punycode top-level domain after `xn--`.
pub fn punycode_char(unit: u16) -> bool {
    ascii_alnum(unit) || unit == u16::from(b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shortcut_for_blocks_without_case_changes_nothing() {
        for unit in 0x80..=u16::MAX {
            assert_eq!(canon(unit), by_case_tables(unit), "{unit:#x}");
        }
    }

    #[test]
    fn case_insensitive_as_javascript_without_the_u_flag() {
        assert_eq!(canon(u16::from(b'a')), u16::from(b'A'));
        assert_eq!(canon(0x17F), 0x17F); // ſ would become ASCII S: kept
        assert_eq!(canon(0xDF), 0xDF); // ß becomes two letters: kept
        assert_eq!(canon(0xE9), 0xC9);
        // Greek iota matches the Latin ranges through U+0345, whose upper case it is
        assert!(path_char(0x3B9));
        assert!(!path_char(0x3B1));
    }
}
