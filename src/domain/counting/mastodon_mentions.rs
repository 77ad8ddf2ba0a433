//! The mentions Mastodon's counter shortens (`Account::MENTION_RE`): `@user@domain` counts as
//! `@user`. A mention is not right after `=`, `/` or a word character (a letter, mark,
//! number or `_`); the user is ASCII letters, digits and `_` (`.` and `-` inside); the
//! domain is word characters, `.` and `-`, ending on a word character.

use unicode_normalization::char::is_combining_mark;

/// A letter, mark, number or `_` (`[\p{L}\p{M}\p{N}_]`). Rust's "alphabetic" is letters and
/// some marks and symbols: the circled and squared Latin letters are symbols, not letters.
fn is_word(c: char) -> bool {
    let symbol_letters = matches!(c as u32,
        0x24B6..=0x24E9 | 0x1F130..=0x1F149 | 0x1F150..=0x1F169 | 0x1F170..=0x1F189);
    c == '_' || (c.is_alphanumeric() && !symbol_letters) || is_combining_mark(c)
}

/// `[a-z0-9_]` without case (also K and ſ, which fold to ASCII letters).
fn is_user(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '\u{212A}' || c == '\u{17F}'
}

/// How a stretch of characters is made.
struct Stretch<P, C> {
    /// its characters
    part: P,
    /// the characters it ends with (and starts with, if `starts_core`)
    core: C,
    starts_core: bool,
    min: usize,
}

/// The end of the longest stretch of `s` from `from`.
fn longest(
    text: &str,
    from: usize,
    s: Stretch<impl Fn(char) -> bool, impl Fn(char) -> bool>,
) -> Option<usize> {
    let (part, core) = (s.part, s.core);
    let mut end = None;
    for (n, (i, c)) in text[from..].char_indices().enumerate() {
        if !part(c) || (n == 0 && s.starts_core && !core(c)) {
            break;
        }
        if core(c) && n + 1 >= s.min {
            end = Some(from + i + c.len_utf8());
        }
    }
    end
}

/// A mention, in bytes: from its `@` to the end of the user, then of the domain (the same
/// when it has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub user_end: usize,
    pub end: usize,
}

/// The mentions in `text`, left to right.
pub fn find(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut from = 0;
    for (i, c) in text.char_indices() {
        let before = prev;
        prev = Some(c);
        if c != '@' || i < from || before.is_some_and(|p| p == '=' || p == '/' || is_word(p)) {
            continue;
        }
        let user = Stretch {
            part: |c: char| is_user(c) || c == '.' || c == '-',
            core: is_user,
            starts_core: true,
            min: 1,
        };
        let Some(user_end) = longest(text, i + 1, user) else {
            continue;
        };
        from = user_end;
        let mut mention = Mention {
            start: i,
            user_end,
            end: user_end,
        };
        if text[user_end..].starts_with('@') {
            let domain = Stretch {
                part: |c: char| is_word(c) || c == '.' || c == '-',
                core: is_word,
                starts_core: false,
                min: 2,
            };
            if let Some(end) = longest(text, user_end + 1, domain) {
                mention.end = end;
                from = end;
            }
        }
        out.push(mention);
    }
    out
}
