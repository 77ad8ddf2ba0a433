//! Links in a text as byte ranges, found exactly as X's own library finds them
//! (`url_extract`): with `http(s)://`, and with `schemeless` also `example.com/path`.

use super::url_extract::{extract, extract_both, Link};

/// A text as UTF-16 code units, with the byte offset where each unit's character starts.
pub struct Utf16 {
    pub units: Vec<u16>,
    /// `bytes[i]`: the byte offset of unit `i` (the second unit of a pair: its character's
    /// start); `bytes[units.len()]` is the text's length.
    bytes: Vec<usize>,
}

impl Utf16 {
    pub fn new(text: &str) -> Self {
        let mut units = Vec::with_capacity(text.len());
        let mut bytes = Vec::with_capacity(text.len() + 1);
        let mut pair = [0u16; 2];
        for (i, c) in text.char_indices() {
            for &u in c.encode_utf16(&mut pair).iter() {
                units.push(u);
                bytes.push(i);
            }
        }
        bytes.push(text.len());
        Utf16 { units, bytes }
    }

    /// The byte offset of code unit `i`.
    pub fn byte(&self, i: usize) -> usize {
        self.bytes[i]
    }

    /// The links in this text (UTF-16 positions).
    pub fn links(&self, schemeless: bool) -> Vec<Link> {
        extract(&self.units, schemeless)
    }

    /// All the links, and those with a scheme, from one pass.
    pub fn links_both(&self) -> (Vec<Link>, Vec<Link>) {
        extract_both(&self.units)
    }
}

/// Byte ranges of the links in `text`. With `schemeless`, `domain.tld` forms count too.
pub fn find_links(text: &str, schemeless: bool) -> Vec<(usize, usize)> {
    let utf16 = Utf16::new(text);
    utf16
        .links(schemeless)
        .into_iter()
        .map(|l| (utf16.byte(l.start), utf16.byte(l.end)))
        .collect()
}
