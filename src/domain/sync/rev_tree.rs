//! A document's revision tree as CouchDB's replication protocol keeps it: revisions written
//! `N-hash` (N the edit's depth), each leaf with its ancestry (what `_revisions` carries), a
//! path from a replica merged in without losing any branch, the winning revision picked as
//! CouchDB picks it (a live leaf before a deleted one, then the deepest, then the greater
//! hash — so every replica agrees without talking), the conflicts (the other live leaves),
//! and which revisions a replica lacks (`_revs_diff`). Pure: no storage, no network.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A revision id, `N-hash`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rev {
    pub pos: u64,
    pub hash: String,
}

impl Rev {
    /// Reads `N-hash` (N ≥ 1, a non-empty hash of letters and digits).
    pub fn parse(s: &str) -> Option<Rev> {
        let (pos, hash) = s.split_once('-')?;
        let pos: u64 = pos.parse().ok().filter(|p| *p >= 1)?;
        let ok = !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_alphanumeric());
        ok.then(|| Rev {
            pos,
            hash: hash.to_string(),
        })
    }

    /// The revision an edit on top of `parent` (none for a new document) makes of `body`
    /// (its canonical JSON) and whether it deletes: the same edit gives the same id on every
    /// device, a different one a different id.
    pub fn next(parent: Option<&Rev>, body: &str, deleted: bool) -> Rev {
        let mut h = Sha256::new();
        h.update(parent.map(|p| p.to_string()).unwrap_or_default());
        h.update([0, u8::from(deleted)]);
        h.update(body.as_bytes());
        let hash: String = h.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Rev {
            pos: parent.map_or(1, |p| p.pos + 1),
            hash,
        }
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.pos, self.hash)
    }
}

impl TryFrom<String> for Rev {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Rev::parse(&s).ok_or_else(|| format!("not a revision: {s}"))
    }
}

impl From<Rev> for String {
    fn from(r: Rev) -> String {
        r.to_string()
    }
}

/// `_revisions` as the protocol carries them: the newest revision's depth and the hashes
/// from the newest back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisions {
    pub start: u64,
    pub ids: Vec<String>,
}

/// One leaf and the revisions above it, oldest first (as far back as kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    /// Oldest first; the last is the leaf.
    pub path: Vec<Rev>,
    /// The leaf deletes the document.
    #[serde(default)]
    pub deleted: bool,
}

impl Branch {
    pub fn leaf(&self) -> &Rev {
        self.path.last().expect("a branch has a leaf")
    }

    /// The branch as `_revisions`.
    pub fn revisions(&self) -> Revisions {
        Revisions {
            start: self.leaf().pos,
            ids: self.path.iter().rev().map(|r| r.hash.clone()).collect(),
        }
    }

    /// A branch from `_revisions` (`None` when they do not make one: empty, or deeper than
    /// their start).
    pub fn from_revisions(r: &Revisions, deleted: bool) -> Option<Branch> {
        let n = r.ids.len() as u64;
        if n == 0 || n > r.start {
            return None;
        }
        let path = r
            .ids
            .iter()
            .rev()
            .enumerate()
            .map(|(i, h)| Rev {
                pos: r.start + 1 - n + i as u64,
                hash: h.clone(),
            })
            .collect();
        Some(Branch { path, deleted })
    }
}

/// How many ancestors a branch keeps (CouchDB's default `_revs_limit`).
pub const REVS_LIMIT: usize = 1000;

/// A document's known revisions: its leaves with their paths.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevTree {
    pub branches: Vec<Branch>,
}

/// CouchDB's order of leaves: live before deleted, then deeper, then the greater hash.
fn beats(a: &Branch, b: &Branch) -> Ordering {
    (!a.deleted, a.leaf().pos, &a.leaf().hash).cmp(&(!b.deleted, b.leaf().pos, &b.leaf().hash))
}

impl RevTree {
    /// Whether the revision is known here (a leaf or an ancestor kept).
    pub fn knows(&self, rev: &Rev) -> bool {
        self.branches.iter().any(|b| b.path.contains(rev))
    }

    /// Merges a branch (a local edit, or one from a replica): a branch extending a leaf
    /// replaces it; one whose leaf is already known changes nothing; any other is a new leaf
    /// (a conflict), nothing dropped. Branches longer than [`REVS_LIMIT`] keep their newest.
    pub fn merge(&mut self, mut incoming: Branch) {
        if incoming.path.is_empty() || self.knows(incoming.leaf()) {
            return;
        }
        // Join the incoming path onto what is known of its ancestors (kept longest).
        let known = incoming.path.first().and_then(|first| {
            self.branches
                .iter()
                .filter_map(|b| {
                    let at = b.path.iter().position(|r| r == first)?;
                    Some(b.path[..at].to_vec())
                })
                .max_by_key(|p| p.len())
        });
        if let Some(mut path) = known {
            path.append(&mut incoming.path);
            incoming.path = path;
        }
        // Leaves the incoming branch continues are no longer leaves.
        self.branches.retain(|b| !incoming.path.contains(b.leaf()));
        if incoming.path.len() > REVS_LIMIT {
            incoming.path.drain(..incoming.path.len() - REVS_LIMIT);
        }
        self.branches.push(incoming);
        self.branches.sort_by(|a, b| beats(b, a));
    }

    /// The winning leaf, as every replica picks it.
    pub fn winner(&self) -> Option<&Branch> {
        self.branches.iter().max_by(|a, b| beats(a, b))
    }

    /// The live leaves that did not win (the document's `_conflicts`), best first.
    pub fn conflicts(&self) -> Vec<&Branch> {
        let winner = self.winner();
        let mut out: Vec<&Branch> = self
            .branches
            .iter()
            .filter(|b| !b.deleted && Some(*b) != winner)
            .collect();
        out.sort_by(|a, b| beats(b, a));
        out
    }

    /// Of `revs` (what a replica has of this document), those not known here: what
    /// `_revs_diff` answers as missing.
    pub fn missing<'a>(&self, revs: &'a [Rev]) -> Vec<&'a Rev> {
        revs.iter().filter(|r| !self.knows(r)).collect()
    }

    /// Ends a conflict: every live leaf but `keep` gets a deleting revision on top (what
    /// "keep mine / keep theirs" writes), so no replica shows it again; the tombstones keep
    /// the history. Returns the branches written.
    pub fn resolve(&mut self, keep: &Rev) -> Vec<Branch> {
        let losers: Vec<Branch> = self
            .branches
            .iter()
            .filter(|b| !b.deleted && b.leaf() != keep)
            .cloned()
            .collect();
        let mut written = vec![];
        for mut b in losers {
            let tomb = Rev::next(Some(b.leaf()), "", true);
            b.path.push(tomb);
            b.deleted = true;
            self.merge(b.clone());
            written.push(b);
        }
        written
    }
}
