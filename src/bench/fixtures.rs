//! The workspaces the benchmarks measure, made in memory: conversations of three messages
//! from 5,000 people, and a crowd of members giving favourites, boosts and follows. Pure
//! (no browser), so `examples/people_scale.rs` measures the same data natively.

use crate::domain::interaction::{Interaction, InteractionKind};
use std::collections::HashMap;

use crate::domain::member_record::MemberRecord;
use crate::domain::network::Network;

const FIRST: [&str; 10] = [
    "Camille", "Éloïse", "Marc", "Zoé", "Hugo", "Léa", "Noah", "Chloé", "Jules", "Inès",
];
const LAST: [&str; 10] = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau",
];

/// `members` people, each giving `signs / members` signs (favourites, boosts, follows).
pub fn signs_fixture(workspace_id: &str, members: u32, signs: u32, now: f64) -> Vec<Interaction> {
    let kinds = [
        InteractionKind::Favourite,
        InteractionKind::Boost,
        InteractionKind::Follow,
    ];
    (0..signs)
        .map(|i| {
            let m = i % members;
            Interaction {
                id: format!("i{i}"),
                workspace_id: workspace_id.into(),
                account_id: "a".into(),
                network: if m.is_multiple_of(3) {
                    Network::Bluesky
                } else {
                    Network::Mastodon
                },
                kind: kinds[(i % 3) as usize],
                who_name: format!(
                    "{} {} {m}",
                    FIRST[(m % 10) as usize],
                    LAST[(m / 10 % 10) as usize]
                ),
                who_handle: format!("p{m}@piaille.fr"),
                // As the networks give it: each sign points at the profile.
                who_url: format!("https://piaille.fr/@p{m}"),
                subject: None,
                at: now - (signs - i) as f64 * 1_000.0,
                profile: Default::default(),
            }
        })
        .collect()
}

/// `conversations` threads of three messages from members, each answering a post of ours
/// (Mastodon), one every 20 s up to `now`; a fifth triaged (answered, half of them done).
pub fn inbox_fixture(
    workspace: &str,
    conversations: u32,
    now: f64,
) -> (
    Vec<crate::domain::inbox::InboxItem>,
    Vec<crate::domain::conversation::Triage>,
) {
    use crate::domain::conversation::{Change, Triage, TriageState};
    use crate::domain::inbox::InboxItem;
    use crate::domain::network::Network;
    let items: Vec<InboxItem> = (0..conversations * 3)
        .map(|i| {
            let root = i - i % 3;
            InboxItem {
                id: format!("mastodon:x:{i}"),
                workspace_id: workspace.into(),
                account_id: "a".into(),
                network: Network::Mastodon,
                author_name: format!("Membre {}", i % 5_000),
                author_handle: format!("@membre{}@piaille.fr", i % 5_000),
                author_url: String::new(),
                html: format!("<p>Bonjour, une question sur la commande n°{i} ?</p>"),
                text: String::new(),
                links: vec![],
                spoiler: String::new(),
                at: now - (conversations * 3 - i) as f64 * 20_000.0,
                url: String::new(),
                in_reply_to: Some(if i == root {
                    format!("our{root}")
                } else {
                    format!("s{}", i - 1)
                }),
                post_id: None,
                remote_id: format!("s{i}"),
                cid: String::new(),
                thread_root: None,
                thread_root_cid: None,
                visibility: "public".into(),
                mentions: vec![],
                answered_at: None,
                profile: Default::default(),
            }
        })
        .collect();
    let triage: Vec<Triage> = (0..conversations)
        .filter(|c| c % 5 == 0)
        .map(|c| {
            let mut t = Triage::new(workspace, &format!("a:our{}", c * 3));
            let at = now - (conversations * 3 - c * 3) as f64 * 20_000.0 + 3_600_000.0;
            t.replied(at);
            if c % 10 == 0 {
                Change::State(TriageState::Done).apply(&mut t, at + 60_000.0);
            }
            t
        })
        .collect();
    (items, triage)
}

/// A tenth of the `members` of [`signs_fixture`] with a record: a tag and a note.
pub fn records_fixture(workspace: &str, members: u32, now: f64) -> HashMap<String, MemberRecord> {
    (0..members / 10)
        .map(|m| {
            let key = crate::domain::member::key_of(
                Network::Mastodon,
                &format!("p{}@piaille.fr", m * 10 + 1),
            );
            let mut r = MemberRecord::new(workspace, &key, now);
            r.tags = vec!["ambassadeur".into()];
            r.notes = vec![crate::domain::member_record::MemberNote {
                id: "n".into(),
                at: now,
                by: "Camille".into(),
                text: format!("Rappeler au sujet de la livraison {m}"),
            }];
            (key, r)
        })
        .collect()
}
