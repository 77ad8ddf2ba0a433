//! Character references and the characters text and links may keep, as browsers decode
//! them. Used by the tokenizer and the tree builder in `rich_text.rs`.

use super::*;

pub(super) const NAMED: &[(&str, char)] = &[
    ("amp;", '&'),
    ("lt;", '<'),
    ("gt;", '>'),
    ("quot;", '"'),
    ("apos;", '\''),
    ("nbsp;", '\u{A0}'),
    ("AMP;", '&'),
    ("LT;", '<'),
    ("GT;", '>'),
    ("QUOT;", '"'),
];

pub(super) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        match decode_one(after) {
            Some((ch, used)) => {
                out.push(ch);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character of the reference that starts `after` (just after `&`), and its length.
pub(super) fn decode_one(after: &str) -> Option<(char, usize)> {
    let b = after.as_bytes();
    if b.first() == Some(&b'#') {
        let (radix, start) = match b.get(1) {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let mut j = start;
        let mut value: u32 = 0;
        while let Some(d) = b.get(j).and_then(|&c| (c as char).to_digit(radix)) {
            value = value.saturating_mul(radix).saturating_add(d);
            j += 1;
        }
        if j == start {
            return None;
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        let ch = char::from_u32(value)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}');
        return Some((ch, j));
    }
    NAMED
        .iter()
        .find(|(name, _)| after.starts_with(name))
        .map(|&(name, ch)| (ch, name.len()))
}

pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

pub(super) fn is_dropped_control(c: char) -> bool {
    c < ' ' && c != '\n' && c != '\t'
}

/// Text without C0 controls (but `\n`, `\t`), and without bidi controls in links.
pub(super) fn clean_text(s: &str, in_link: bool) -> Cow<'_, str> {
    let drop = |c: char| is_dropped_control(c) || (in_link && is_bidi_control(c));
    if s.chars().any(drop) {
        Cow::Owned(s.chars().filter(|&c| !drop(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}
