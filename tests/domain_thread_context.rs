//! The thread around a conversation: merged with the inbox's messages once each, oldest
//! first, ours marked, our replies left to their own line; and when a kept thread is fresh.

use attache::domain::inbox::InboxItem;
use attache::domain::thread_context::{merged, ContextMessage, ThreadContext, FRESH_MS};
use serde_json::json;

fn message(remote: &str, at: f64, who: &str) -> InboxItem {
    serde_json::from_value(json!({
        "id": format!("mastodon:x:{remote}"), "workspace_id": "w", "account_id": "a",
        "network": "mastodon", "author_name": who, "author_handle": format!("@{who}@x.test"),
        "author_url": "", "html": format!("<p>{who}</p>"), "at": at, "url": "",
        "remote_id": remote,
    }))
    .expect("an inbox item")
}

fn thread(messages: Vec<(InboxItem, bool)>) -> ThreadContext {
    ThreadContext {
        id: "w:a:1".into(),
        workspace_id: "w".into(),
        key: "a:1".into(),
        fetched_at: 1_000.0,
        messages: messages
            .into_iter()
            .map(|(item, ours)| ContextMessage { item, ours })
            .collect(),
    }
}

fn summary(items: &[InboxItem], c: Option<&ThreadContext>, skip: &[String]) -> Vec<String> {
    merged(items, c, skip)
        .iter()
        .map(|s| {
            format!(
                "{}{}{}",
                s.item.remote_id,
                if s.ours { " ours" } else { "" },
                if s.received { "" } else { " around" }
            )
        })
        .collect()
}

#[test]
fn the_thread_adds_what_never_reached_the_inbox_once_oldest_first() {
    let inbox = vec![message("3", 30.0, "bob"), message("5", 50.0, "carol")];
    let around = thread(vec![
        (message("1", 10.0, "alice"), true),
        (message("3", 30.0, "bob"), false),
        (message("4", 40.0, "dan"), false),
        (message("5", 50.0, "carol"), false),
        (message("6", 60.0, "alice"), true),
    ]);
    assert_eq!(
        summary(&inbox, Some(&around), &[]),
        ["1 ours around", "3", "4 around", "5", "6 ours around"]
    );
}

#[test]
fn our_replies_shown_with_their_state_are_not_repeated_from_the_thread() {
    let inbox = vec![message("3", 30.0, "bob")];
    let around = thread(vec![
        (message("1", 10.0, "alice"), true),
        (message("7", 70.0, "alice"), true),
    ]);
    assert_eq!(
        summary(&inbox, Some(&around), &["7".to_string()]),
        ["1 ours around", "3"]
    );
}

#[test]
fn without_a_thread_the_inbox_messages_alone_in_time_order() {
    let inbox = vec![message("5", 50.0, "carol"), message("3", 30.0, "bob")];
    assert_eq!(summary(&inbox, None, &[]), ["3", "5"]);
}

#[test]
fn a_kept_thread_is_read_again_after_two_minutes_or_when_the_clock_went_back() {
    let t = thread(vec![]);
    assert!(t.is_fresh(1_000.0 + FRESH_MS - 1.0));
    assert!(!t.is_fresh(1_000.0 + FRESH_MS));
    assert!(!t.is_fresh(500.0));
}
