//! The search box's index, in memory: every record's words folded (accents and case
//! aside: "Éloïse" is found by "eloise"), kept as a sorted list of terms each with the
//! documents it appears in, so the words typed are found by prefix in a binary search.
//! Every word typed must start a word of the document; a whole word ranks above a
//! beginning, a word of the title above one of the body, then the most recent first.
//! Records changed since the build are kept apart (read in full at each search) until the
//! next build; a removed one is hidden at once.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

pub mod kept;

/// What a result is, in the order the box groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Member,
    Conversation,
    Post,
    Note,
    Snippet,
    Strategy,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Member,
        Kind::Conversation,
        Kind::Post,
        Kind::Note,
        Kind::Snippet,
        Kind::Strategy,
    ];
}

/// One record as the box shows it and searches it.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub kind: Kind,
    /// The record's own id (the post's, the member's key, the conversation's key…).
    pub id: String,
    /// Shown first; its words weigh more.
    pub title: String,
    /// Searched and shown shortened under the title.
    pub body: String,
    /// When it last changed or happened (UTC ms): the newest first among equals.
    pub at: f64,
    /// Whose it is, for a member or a conversation (the handle that narrows a list to
    /// it); empty otherwise.
    pub handle: String,
}

/// Lower case without accents, for comparing words: each character's canonical
/// decomposition (NFD, character by character) without its combining marks, lower-cased.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !unicode_normalization::char::is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            });
        }
    }
    out
}

/// The folded words of `text` (letters and digits; everything else separates).
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How many words an index being finished sorts in one step ([`Finishing::step`]) between
/// two turns of the screen.
pub const FINISH_STEP: usize = 4_000;

/// A posting: the document's number, with the title's words marked by the top bit.
const TITLE: u32 = 1 << 31;

/// The index. Build it with [`Index::build`]; keep it current with [`Index::put`] and
/// [`Index::remove`].
#[derive(Debug, Default)]
pub struct Index {
    docs: Vec<Doc>,
    /// Sorted, each once.
    terms: Vec<Box<str>>,
    /// `postings[starts[t]..starts[t + 1]]` are term `t`'s documents.
    starts: Vec<u32>,
    postings: Vec<u32>,
    /// Documents put since the build, searched word by word.
    fresh: Vec<(u32, Vec<String>, usize)>,
    hidden: Vec<bool>,
    by_id: FxHashMap<(Kind, String), u32>,
}

/// An index being built, a few documents at a time (so a long build can give way to the
/// screen between slices).
#[derive(Debug)]
pub struct Builder {
    /// Each word's documents, the words spread over [`SHARDS`] maps by their hash: a map
    /// that grows copies only its share, never every word at once (a pause of its own).
    shards: Vec<FxHashMap<String, Vec<u32>>>,
    by_id: FxHashMap<(Kind, String), u32>,
    docs: Vec<Doc>,
    replaced: bool,
}

/// How many maps hold the words while an index is built.
const SHARDS: usize = 64;

/// Which map holds `word`: FNV-1a of its bytes, folded, so that the words spread evenly
/// (the maps' own hash, Fx, leaves short words' top bits alike: one map held nearly all).
fn shard_of(word: &str) -> usize {
    let h = super::fnv::fnv1a(word.bytes());
    ((h >> 16) ^ h) as usize % SHARDS
}

impl Default for Builder {
    fn default() -> Builder {
        Builder {
            shards: (0..SHARDS).map(|_| FxHashMap::default()).collect(),
            by_id: FxHashMap::default(),
            docs: Vec::new(),
            replaced: false,
        }
    }
}

impl Builder {
    pub fn add(&mut self, doc: Doc) {
        let n = self.docs.len() as u32;
        match self.by_id.entry((doc.kind, doc.id.clone())) {
            std::collections::hash_map::Entry::Occupied(was) => {
                // Its old words stay in the postings: cleaned at `finish`.
                self.docs[*was.get() as usize] = doc;
                self.replaced = true;
                return;
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(n);
            }
        }
        for (text, mark) in [(&doc.title, TITLE), (&doc.body, 0)] {
            let folded = fold(text);
            for w in folded.split(|c: char| !c.is_alphanumeric()) {
                if w.is_empty() {
                    continue;
                }
                // Looked up first: most words are already there, and need no copy.
                let map = &mut self.shards[shard_of(w)];
                match map.get_mut(w) {
                    Some(list) => push_once(list, n | mark),
                    None => {
                        map.insert(w.to_string(), vec![n | mark]);
                    }
                }
            }
        }
        self.docs.push(doc);
    }

    /// Makes room for `more` documents at once, so that adding them never stops to move
    /// every one added before.
    pub fn reserve(&mut self, more: usize) {
        self.docs.reserve(more);
        self.by_id.reserve(more);
    }

    /// How many documents were added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The index, at once (see [`Builder::finishing`] for one made in steps).
    pub fn finish(self) -> Index {
        let mut f = self.finishing();
        while !f.step(usize::MAX) {}
        f.index()
    }

    /// The index made in steps: the words are put in buckets of the same first two bytes
    /// a map at a time, then sorted a bucket at a time, so a large index's sort never
    /// holds the screen for long.
    pub fn finishing(self) -> Finishing {
        if self.replaced {
            // Rare (a record given twice): built again from the documents kept.
            let mut again = Builder::default();
            for d in self.docs {
                again.add(d);
            }
            return again.finishing();
        }
        let mut buckets: Vec<Vec<(String, Vec<u32>)>> = Vec::new();
        buckets.resize_with(256 * 257, Vec::new);
        Finishing {
            shards: self.shards,
            buckets,
            next: 0,
            terms: Vec::new(),
            starts: Vec::new(),
            postings: Vec::new(),
            docs: self.docs,
            by_id: self.by_id,
        }
    }
}

/// Where a term goes so that the buckets, in order, hold the terms in byte order: its first
/// byte, then its second (none before any).
fn bucket_of(term: &str) -> usize {
    let b = term.as_bytes();
    let first = usize::from(b.first().copied().unwrap_or(0));
    let second = b.get(1).map_or(0, |&x| usize::from(x) + 1);
    first * 257 + second
}

/// An index being finished ([`Builder::finishing`]).
#[derive(Debug)]
pub struct Finishing {
    /// The maps not yet put in buckets.
    shards: Vec<FxHashMap<String, Vec<u32>>>,
    buckets: Vec<Vec<(String, Vec<u32>)>>,
    next: usize,
    terms: Vec<Box<str>>,
    starts: Vec<u32>,
    postings: Vec<u32>,
    docs: Vec<Doc>,
    by_id: FxHashMap<(Kind, String), u32>,
}

impl Finishing {
    /// Sorts and lays out buckets until about `budget` terms were handled; true when all
    /// are.
    pub fn step(&mut self, budget: usize) -> bool {
        let mut done = 0usize;
        while done < budget {
            let Some(map) = self.shards.pop() else { break };
            done += map.len().max(1);
            for (term, docs) in map {
                self.buckets[bucket_of(&term)].push((term, docs));
            }
        }
        while self.next < self.buckets.len() && done < budget {
            let mut bucket = std::mem::take(&mut self.buckets[self.next]);
            self.next += 1;
            bucket.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            done += bucket.len().max(1);
            for (term, docs) in bucket {
                self.starts.push(self.postings.len() as u32);
                self.postings.extend(docs);
                self.terms.push(term.into_boxed_str());
            }
        }
        self.next >= self.buckets.len()
    }

    /// The index (every step taken first).
    pub fn index(mut self) -> Index {
        while !self.step(usize::MAX) {}
        let mut starts = self.starts;
        starts.push(self.postings.len() as u32);
        Index {
            hidden: vec![false; self.docs.len()],
            docs: self.docs,
            terms: self.terms,
            starts,
            postings: self.postings,
            fresh: vec![],
            by_id: self.by_id,
        }
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a> {
    pub doc: &'a Doc,
    pub score: u32,
}

impl Index {
    /// The index of `docs` (a later document with the same kind and id replaces an earlier).
    pub fn build(docs: Vec<Doc>) -> Index {
        let mut b = Builder::default();
        for d in docs {
            b.add(d);
        }
        b.finish()
    }

    /// How many documents it holds (removed ones aside).
    pub fn len(&self) -> usize {
        self.hidden.iter().filter(|h| !**h).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a document, or replaces the one of the same kind and id.
    pub fn put(&mut self, doc: Doc) {
        self.remove(doc.kind, &doc.id);
        let n = self.docs.len() as u32;
        let title = words(&doc.title);
        let title_len = title.len();
        let mut all = title;
        all.extend(words(&doc.body));
        self.by_id.insert((doc.kind, doc.id.clone()), n);
        self.docs.push(doc);
        self.hidden.push(false);
        self.fresh.push((n, all, title_len));
    }

    /// Hides a document from every later search.
    pub fn remove(&mut self, kind: Kind, id: &str) {
        if let Some(n) = self.by_id.remove(&(kind, id.to_string())) {
            self.hidden[n as usize] = true;
            self.fresh.retain(|(f, _, _)| *f != n);
        }
    }

    /// Hides every document of `kinds` (those read again apart, then [`Index::put`] back).
    pub fn remove_kinds(&mut self, kinds: &[Kind]) {
        for (n, d) in self.docs.iter().enumerate() {
            if !self.hidden[n] && kinds.contains(&d.kind) {
                self.hidden[n] = true;
                self.by_id.remove(&(d.kind, d.id.clone()));
            }
        }
        let hidden = &self.hidden;
        self.fresh.retain(|(f, _, _)| !hidden[*f as usize]);
    }

    /// The terms starting with `prefix`: their positions in `terms`.
    fn range(&self, prefix: &str) -> std::ops::Range<usize> {
        let from = self.terms.partition_point(|t| &**t < prefix);
        let to = from + self.terms[from..].partition_point(|t| t.starts_with(prefix));
        from..to
    }

    /// The documents holding every word of `query` (as a word or the start of one), best
    /// first, at most `per_kind` of each kind, grouped in [`Kind::ALL`]'s order.
    pub fn search(&self, query: &str, per_kind: usize) -> Vec<Hit<'_>> {
        let wanted = words(query);
        if wanted.is_empty() {
            return vec![];
        }
        // For each document: how many words it matched so far, and its score.
        let mut matched = vec![0u8; self.docs.len()];
        let mut score = vec![0u32; self.docs.len()];
        // The points given for the current word, so a better match of it replaces them.
        let mut given = vec![0u8; self.docs.len()];
        for (i, w) in wanted.iter().enumerate() {
            let i = i as u8;
            for t in self.range(w) {
                let whole = &*self.terms[t] == w.as_str();
                let list = &self.postings[self.starts[t] as usize..self.starts[t + 1] as usize];
                for &p in list {
                    let n = (p & !TITLE) as usize;
                    let got = points(whole, p & TITLE != 0);
                    if matched[n] == i + 1 {
                        // Already matched this word: keep the better of the two.
                        if got > given[n] as u32 {
                            score[n] += got - given[n] as u32;
                            given[n] = got as u8;
                        }
                        continue;
                    }
                    if matched[n] != i {
                        // Missed an earlier word.
                        continue;
                    }
                    matched[n] = i + 1;
                    given[n] = got as u8;
                    score[n] += got;
                }
            }
            for (n, doc_words, title_len) in &self.fresh {
                let n = *n as usize;
                if matched[n] != i {
                    continue;
                }
                let best = doc_words
                    .iter()
                    .enumerate()
                    .filter(|(_, dw)| dw.starts_with(w.as_str()))
                    .map(|(k, dw)| points(dw == w, k < *title_len))
                    .max();
                if let Some(p) = best {
                    matched[n] = i + 1;
                    score[n] += p;
                }
            }
        }
        let all = wanted.len() as u8;
        let mut hits: Vec<Hit<'_>> = matched
            .iter()
            .enumerate()
            .filter(|(n, m)| **m == all && !self.hidden[*n])
            .map(|(n, _)| Hit {
                doc: &self.docs[n],
                score: score[n],
            })
            .collect();
        hits.sort_by(|a, b| {
            a.doc
                .kind
                .cmp(&b.doc.kind)
                .then(b.score.cmp(&a.score))
                .then(b.doc.at.total_cmp(&a.doc.at))
        });
        let mut out = Vec::new();
        let mut count: HashMap<Kind, usize> = HashMap::new();
        for h in hits {
            let c = count.entry(h.doc.kind).or_default();
            if *c < per_kind {
                *c += 1;
                out.push(h);
            }
        }
        out
    }
}

/// A word's points: whole or a beginning, in the title or the body.
fn points(whole: bool, title: bool) -> u32 {
    (if whole { 3 } else { 1 }) * (if title { 2 } else { 1 })
}

/// Adds `n` unless it is the list's last (a word twice in a document counts once; a title
/// word also in the body keeps the title's mark, pushed first).
fn push_once(list: &mut Vec<u32>, n: u32) {
    if list.last().is_some_and(|&l| l & !TITLE == n & !TITLE) {
        return;
    }
    list.push(n);
}
