//! A finished index as bytes, and back, a few thousand documents at a time: what the device
//! keeps so that the next session's search box answers from the start, while everything is
//! read again (`services::search::head_start`). The bytes are checked as they are read:
//! anything short, too long, not UTF-8 or pointing outside the index is refused, never
//! trusted (a damaged copy is read again from the records).
//!
//! Layout, little-endian: `ATSI`, the version; the documents (their count, then each one's
//! kind, time and four texts, a text being its length and its bytes); the terms (their
//! count, then each text); the starts (terms + 1 numbers); the postings (their count, then
//! each number).

use rustc_hash::FxHashMap;

use super::{Doc, Index, Kind, TITLE};

const MAGIC: &[u8; 4] = b"ATSI";
const VERSION: u32 = 1;

/// Why kept bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged(pub &'static str);

fn kind_byte(k: Kind) -> u8 {
    match k {
        Kind::Member => 0,
        Kind::Conversation => 1,
        Kind::Post => 2,
        Kind::Note => 3,
        Kind::Snippet => 4,
        Kind::Strategy => 5,
    }
}

fn kind_of(b: u8) -> Option<Kind> {
    Kind::ALL.get(usize::from(b)).copied()
}

fn put_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_text(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// An index being written as bytes ([`Freezing::new`], then [`Freezing::step`]).
pub struct Freezing<'a> {
    index: &'a Index,
    out: Vec<u8>,
    /// The next document, then the next term.
    next: usize,
    stage: u8,
}

impl<'a> Freezing<'a> {
    /// `None` for an index changed since it was built (documents put or removed since are
    /// not kept: the copy is only ever a whole build).
    pub fn new(index: &'a Index) -> Option<Freezing<'a>> {
        if !index.fresh.is_empty() || index.hidden.iter().any(|h| *h) {
            return None;
        }
        // Its whole length first: a vector that grows would move every byte written so far
        // in one go, a pause of its own.
        let texts: usize = index
            .docs
            .iter()
            .map(|d| d.id.len() + d.title.len() + d.body.len() + d.handle.len())
            .sum();
        let terms: usize = index.terms.iter().map(|t| t.len()).sum();
        let numbers = index.starts.len() + 1 + index.postings.len();
        let length = 12
            + index.docs.len() * (1 + 8 + 16)
            + texts
            + 4
            + index.terms.len() * 4
            + terms
            + numbers * 4;
        let mut out = Vec::with_capacity(length);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, VERSION);
        put_u32(&mut out, index.docs.len() as u32);
        Some(Freezing {
            index,
            out,
            next: 0,
            stage: 0,
        })
    }

    /// Writes about `budget` documents or terms; true when everything is written.
    pub fn step(&mut self, budget: usize) -> bool {
        let mut done = 0usize;
        while done < budget {
            match self.stage {
                0 => match self.index.docs.get(self.next) {
                    Some(d) => {
                        self.out.push(kind_byte(d.kind));
                        self.out.extend_from_slice(&d.at.to_le_bytes());
                        for t in [&d.id, &d.title, &d.body, &d.handle] {
                            put_text(&mut self.out, t);
                        }
                        self.next += 1;
                        done += 1;
                    }
                    None => {
                        put_u32(&mut self.out, self.index.terms.len() as u32);
                        self.next = 0;
                        self.stage = 1;
                    }
                },
                1 => match self.index.terms.get(self.next) {
                    Some(t) => {
                        put_text(&mut self.out, t);
                        self.next += 1;
                        done += 1;
                    }
                    None => {
                        self.next = 0;
                        self.stage = 2;
                    }
                },
                2 => {
                    // The numbers, many per step (a copy each).
                    let starts = &self.index.starts;
                    let postings = &self.index.postings;
                    let all = starts.len() + 1 + postings.len();
                    let to = (self.next + budget.saturating_mul(64)).min(all);
                    for i in self.next..to {
                        let n = if i < starts.len() {
                            starts[i]
                        } else if i == starts.len() {
                            postings.len() as u32
                        } else {
                            postings[i - starts.len() - 1]
                        };
                        put_u32(&mut self.out, n);
                    }
                    self.next = to;
                    if to == all {
                        self.stage = 3;
                    }
                    return self.stage == 3;
                }
                _ => return true,
            }
        }
        false
    }

    /// The bytes (every step taken first).
    pub fn bytes(mut self) -> Vec<u8> {
        while !self.step(usize::MAX / 128) {}
        self.out
    }
}

/// The bytes of `index`, at once (`None` as [`Freezing::new`]).
pub fn freeze(index: &Index) -> Option<Vec<u8>> {
    Freezing::new(index).map(Freezing::bytes)
}

/// Kept bytes being read back into an index ([`Thawing::new`], then [`Thawing::step`]).
pub struct Thawing {
    bytes: Vec<u8>,
    at: usize,
    docs: Vec<Doc>,
    doc_count: usize,
    by_id: FxHashMap<(Kind, String), u32>,
    terms: Vec<Box<str>>,
    term_count: usize,
    starts: Vec<u32>,
    postings: Vec<u32>,
    posting_count: usize,
    stage: u8,
}

impl Thawing {
    pub fn new(bytes: Vec<u8>) -> Result<Thawing, Damaged> {
        let mut t = Thawing {
            bytes,
            at: 0,
            docs: Vec::new(),
            doc_count: 0,
            by_id: FxHashMap::default(),
            terms: Vec::new(),
            term_count: 0,
            starts: Vec::new(),
            postings: Vec::new(),
            posting_count: 0,
            stage: 0,
        };
        if t.take(4)? != MAGIC {
            return Err(Damaged("not a kept index"));
        }
        if t.u32()? != VERSION {
            return Err(Damaged("another version"));
        }
        t.doc_count = t.count(1 + 8 + 16)?;
        t.docs.reserve(t.doc_count);
        t.by_id.reserve(t.doc_count);
        Ok(t)
    }

    /// Where the next `n` bytes are, then past them.
    fn span(&mut self, n: usize) -> Result<std::ops::Range<usize>, Damaged> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len());
        let end = end.ok_or(Damaged("cut short"))?;
        let from = std::mem::replace(&mut self.at, end);
        Ok(from..end)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], Damaged> {
        let span = self.span(n)?;
        Ok(&self.bytes[span])
    }

    fn u32(&mut self) -> Result<u32, Damaged> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A count of things at least `each` bytes long, no more than the bytes left can hold.
    fn count(&mut self, each: usize) -> Result<usize, Damaged> {
        let n = self.u32()? as usize;
        if n.saturating_mul(each) > self.bytes.len() - self.at {
            return Err(Damaged("a count larger than the bytes"));
        }
        Ok(n)
    }

    fn text(&mut self) -> Result<String, Damaged> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| Damaged("a text not UTF-8"))
    }

    /// Reads about `budget` documents or terms; true when everything is read.
    pub fn step(&mut self, budget: usize) -> Result<bool, Damaged> {
        let mut done = 0usize;
        while done < budget {
            match self.stage {
                0 if self.docs.len() < self.doc_count => {
                    let kind = kind_of(self.take(1)?[0]).ok_or(Damaged("an unknown kind"))?;
                    let b = self.take(8)?;
                    let at = f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                    let (id, title, body, handle) =
                        (self.text()?, self.text()?, self.text()?, self.text()?);
                    let n = self.docs.len() as u32;
                    if self.by_id.insert((kind, id.clone()), n).is_some() {
                        return Err(Damaged("a document twice"));
                    }
                    self.docs.push(Doc {
                        kind,
                        id,
                        title,
                        body,
                        at,
                        handle,
                    });
                    done += 1;
                }
                0 => {
                    self.term_count = self.count(4)?;
                    self.terms.reserve(self.term_count);
                    self.stage = 1;
                }
                1 if self.terms.len() < self.term_count => {
                    let term = self.text()?;
                    if self.terms.last().is_some_and(|l| **l >= *term) {
                        return Err(Damaged("terms out of order"));
                    }
                    self.terms.push(term.into_boxed_str());
                    done += 1;
                }
                1 => {
                    let n = self.term_count + 1;
                    let b = self.take(n.checked_mul(4).ok_or(Damaged("cut short"))?)?;
                    let starts: Vec<u32> = b
                        .chunks_exact(4)
                        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                        .collect();
                    self.posting_count = self.count(4)?;
                    let in_order = starts.windows(2).all(|w| w[0] <= w[1]);
                    if !in_order || starts.last().map(|l| *l as usize) != Some(self.posting_count) {
                        return Err(Damaged("starts out of order"));
                    }
                    self.starts = starts;
                    self.postings.reserve(self.posting_count);
                    self.stage = 2;
                }
                2 if self.postings.len() < self.posting_count => {
                    let n =
                        (self.posting_count - self.postings.len()).min(budget.saturating_mul(64));
                    let docs = self.docs.len() as u32;
                    let span = self.span(n * 4)?;
                    for c in self.bytes[span].chunks_exact(4) {
                        let p = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                        if p & !TITLE >= docs {
                            return Err(Damaged("a posting outside the documents"));
                        }
                        self.postings.push(p);
                    }
                    return Ok(false);
                }
                2 => {
                    if self.at != self.bytes.len() {
                        return Err(Damaged("bytes after the end"));
                    }
                    self.stage = 3;
                    return Ok(true);
                }
                _ => return Ok(true),
            }
        }
        Ok(false)
    }

    /// The index (every step taken first).
    pub fn index(mut self) -> Result<Index, Damaged> {
        while !self.step(usize::MAX / 128)? {}
        Ok(Index {
            hidden: vec![false; self.docs.len()],
            docs: self.docs,
            terms: self.terms,
            starts: self.starts,
            postings: self.postings,
            fresh: vec![],
            by_id: self.by_id,
        })
    }
}

/// The index of kept `bytes`, at once.
pub fn thaw(bytes: Vec<u8>) -> Result<Index, Damaged> {
    Thawing::new(bytes)?.index()
}
