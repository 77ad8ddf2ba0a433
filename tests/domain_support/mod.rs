//! Shared by the native tests: the records they make again and again, and a seeded
//! generator (each test file uses some of them).
#![allow(dead_code)]

use attache::domain::interaction::{Interaction, InteractionKind};
use attache::domain::network::Network;
use attache::domain::search::{Doc, Kind};

/// A favourite by `handle` (named by it) on Mastodon, in workspace `w` through account `a`,
/// at `at` (UTC ms); change what a test needs with `Interaction { …, ..favourite(…) }`.
pub fn favourite(id: &str, handle: &str, at: f64) -> Interaction {
    Interaction {
        id: id.into(),
        workspace_id: "w".into(),
        account_id: "a".into(),
        network: Network::Mastodon,
        kind: InteractionKind::Favourite,
        who_name: handle.into(),
        who_handle: handle.into(),
        who_url: String::new(),
        subject: None,
        at,
        profile: Default::default(),
    }
}

/// A search document of `kind`, no handle; change what a test needs with
/// `Doc { …, ..doc(…) }`.
pub fn doc(kind: Kind, id: &str, title: &str, body: &str, at: f64) -> Doc {
    Doc {
        kind,
        id: id.into(),
        title: title.into(),
        body: body.into(),
        at,
        handle: String::new(),
    }
}

/// A small deterministic generator (xorshift), so a failing generated case can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
