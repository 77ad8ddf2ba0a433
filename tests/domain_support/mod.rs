//! Shared by the native tests: the records they make again and again (each test file
//! uses some of them).
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
