//! A sender's record brought onto a post another tab changed meanwhile
//! (`Post::with_sends_of`): the person's edits stay, the sender's state, history, sends and
//! publications are taken, nothing else of the sender's older copy.

use attache::domain::network::Network;
use attache::domain::post::{Post, PostState, Publication, RemoteSend, Variant};

/// The post as both read it: version 4, Mastodon and Bluesky variants, scheduled.
fn read() -> Post {
    let mut p = Post::new("p1".into(), "w1".into(), 0.0);
    p.base_text = "Atelier latte samedi".into();
    p.variants = vec![
        Variant::new(Network::Mastodon),
        Variant::new(Network::Bluesky),
    ];
    p.due_at = Some(1_000.0);
    p.transition(PostState::Scheduled, "me", 1.0).unwrap();
    p.version = 4;
    p
}

#[test]
fn the_person_s_edit_stays_and_the_send_is_recorded() {
    // another tab edits the text, the due time and the Bluesky variant's text
    let mut stored = read();
    stored.base_text = "Atelier latte dimanche".into();
    stored.due_at = Some(2_000.0);
    stored.variants[1].text = Some("Dimanche !".into());
    stored.edited_in = Some("tab-a".into());
    stored.version = 5;
    // the outbox, from its copy of version 4, publishes on Mastodon
    let mut sent = read();
    sent.transition(PostState::Publishing, "app", 10.0).unwrap();
    sent.variants[0].remote = Some(RemoteSend::new("k1".into(), "acct".into()));
    sent.variants[0].published = Some(Publication {
        at: 11.0,
        url: "https://piaille.fr/@cafe/1".into(),
    });
    sent.updated_at = 11.0;

    let merged = stored.with_sends_of(&sent, false);
    assert_eq!(merged.base_text, "Atelier latte dimanche");
    assert_eq!(merged.due_at, Some(2_000.0), "the due time is the person's");
    assert_eq!(merged.variants[1].text.as_deref(), Some("Dimanche !"));
    assert_eq!(merged.edited_in.as_deref(), Some("tab-a"));
    assert_eq!(merged.state, PostState::Publishing);
    assert_eq!(merged.history, sent.history);
    assert_eq!(merged.variants[0].remote, sent.variants[0].remote);
    assert_eq!(merged.variants[0].published, sent.variants[0].published);
    assert_eq!(merged.updated_at, 11.0);
    assert_eq!(merged.version, 6, "one version up from the stored one");
    // the tab that edited is not told its own copy was changed by someone else
    let mut tab_a_copy = stored.clone();
    tab_a_copy.base_text = "Atelier latte dimanche 10 h".into();
    assert!(!tab_a_copy.edited_elsewhere(&merged));
}

#[test]
fn a_server_s_due_time_is_taken_only_when_asked() {
    let stored = read();
    let mut moved = read();
    moved.due_at = Some(5_000.0);
    assert_eq!(stored.with_sends_of(&moved, false).due_at, Some(1_000.0));
    assert_eq!(stored.with_sends_of(&moved, true).due_at, Some(5_000.0));
}

#[test]
fn a_variant_removed_meanwhile_comes_back_when_it_was_sent() {
    let mut stored = read();
    stored.variants.retain(|v| v.network != Network::Mastodon);
    let mut sent = read();
    sent.variants[0].remote = Some(RemoteSend::new("k1".into(), "acct".into()));
    let merged = stored.with_sends_of(&sent, false);
    let networks: Vec<Network> = merged.variants.iter().map(|v| v.network).collect();
    assert_eq!(networks, [Network::Bluesky, Network::Mastodon]);
    // a removed variant with nothing sent stays removed
    let merged = stored.with_sends_of(&read(), false);
    assert_eq!(merged.variants.len(), 1);
}

#[test]
fn counts_a_sync_wrote_do_not_make_another_tab_s_copy_stale() {
    // tab A edited last; tab B holds version 4; a sync records the counts (version 5)
    let mut stored = read();
    stored.edited_in = Some("tab-a".into());
    let mut counted = stored.clone();
    counted.variants[0].remote = Some(RemoteSend::new("k1".into(), "acct".into()));
    let stored = stored.with_sends_of(&counted, false);
    assert_eq!(stored.version, 5);
    let mut b = read();
    b.edited_in = Some("tab-b".into());
    assert!(
        !b.edited_elsewhere(&stored),
        "only a sender's record changed"
    );
    // but a move the sender made (to publishing) is a change B did not see
    let mut publishing = stored.clone();
    publishing
        .transition(PostState::Publishing, "app", 20.0)
        .unwrap();
    let stored = stored.with_sends_of(&publishing, false);
    assert!(b.edited_elsewhere(&stored));
}
