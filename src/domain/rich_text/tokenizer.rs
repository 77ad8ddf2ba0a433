//! The status HTML tokenizer: tags, their two attributes we read, comments and dropped
//! content, found as browsers find them. Used by the tree builder in `rich_text.rs`.

use super::*;

/// What a `<` that is not text starts.
pub(super) enum Step {
    Start,
    End,
    /// A comment or something read as one: resume at this index.
    Skip(usize),
}

/// A start or end tag: its lower-case name, the two attributes we read, and where it ends.
pub(super) struct RawTag {
    pub(super) name: String,
    pub(super) href: Option<String>,
    pub(super) class: Option<String>,
    pub(super) end: usize,
}

pub(super) fn is_tag_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// The index just past the next `byte` at or after `from`, or the end of the input.
pub(super) fn skip_past(bytes: &[u8], from: usize, byte: u8) -> usize {
    match bytes
        .get(from..)
        .and_then(|r| r.iter().position(|&c| c == byte))
    {
        Some(p) => from + p + 1,
        None => bytes.len(),
    }
}

/// The end of a comment whose body starts at `from` (just after `<!--`): `<!-->` and `<!--->`
/// end at once; otherwise at `-->` or `--!>`; never closed = the end of the input.
pub(super) fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut k = from;
    while let Some(p) = bytes
        .get(k..)
        .and_then(|r| r.iter().position(|&c| c == b'-'))
    {
        let at = k + p;
        if bytes[at..].starts_with(b"-->") {
            return at + 3;
        }
        if bytes[at..].starts_with(b"--!>") {
            return at + 4;
        }
        k = at + 1;
    }
    bytes.len()
}

/// Reads a tag whose name starts at `from` (just after `<` or `</`), up to its `>`.
/// `None` when the input ends inside the tag (the tag is then dropped, as in browsers).
pub(super) fn read_tag(html: &str, from: usize) -> Option<RawTag> {
    let bytes = html.as_bytes();
    let mut i = from;
    while i < bytes.len() && !is_tag_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let mut tag = RawTag {
        name: html[from..i].to_ascii_lowercase(),
        href: None,
        class: None,
        end: 0,
    };
    loop {
        // Before an attribute name.
        while i < bytes.len() && (is_tag_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => return None,
            Some(b'>') => {
                tag.end = i + 1;
                return Some(tag);
            }
            Some(_) => {}
        }
        // The name; a leading `=` belongs to it.
        let name_start = i;
        i += 1;
        while i < bytes.len() && !is_tag_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=')
        {
            i += 1;
        }
        let name = &html[name_start..i];
        while i < bytes.len() && is_tag_space(bytes[i]) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue; // no value; `/`, `>` or the next name follow
        }
        i += 1;
        while i < bytes.len() && is_tag_space(bytes[i]) {
            i += 1;
        }
        let value = match bytes.get(i) {
            None => return None,
            Some(b'>') => "", // `a=>`: an empty value, and the tag ends
            Some(&q @ (b'"' | b'\'')) => {
                let start = i + 1;
                let p = bytes[start..].iter().position(|&c| c == q)?;
                i = start + p + 1;
                &html[start..start + p]
            }
            Some(_) => {
                let start = i;
                while i < bytes.len() && !is_tag_space(bytes[i]) && bytes[i] != b'>' {
                    i += 1;
                }
                &html[start..i]
            }
        };
        if name.eq_ignore_ascii_case("href") && tag.href.is_none() {
            tag.href = Some(decode_entities(value).into_owned());
        } else if name.eq_ignore_ascii_case("class") && tag.class.is_none() {
            tag.class = Some(decode_entities(value).into_owned());
        }
    }
}

/// Where the content of a dropped-content element that starts at `from` ends: just past its
/// end tag, or the end of the input.
pub(super) fn dropped_content_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut k = from;
    while let Some(p) = bytes
        .get(k..)
        .and_then(|r| r.windows(2).position(|w| w == b"</"))
    {
        let at = k + p;
        let name_start = at + 2;
        let name_end = name_start + name.len();
        let same_name = bytes
            .get(name_start..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let ends = match bytes.get(name_end) {
            None => true,
            Some(&c) => is_tag_space(c) || c == b'/' || c == b'>',
        };
        if same_name && ends {
            return read_tag(html, name_start).map_or(bytes.len(), |t| t.end);
        }
        k = at + 1;
    }
    bytes.len()
}
