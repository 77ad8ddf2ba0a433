//! Members gathered from messages and signs: one per handle and network (any case), the
//! account itself left out, the kind of each message, first and last seen, love, the newest
//! name, and the list's order.

mod domain_support;

use attache::domain::inbox::InboxItem;
use attache::domain::interaction::{Interaction, InteractionKind};
use attache::domain::member::{gather, kind_of, order};
use attache::domain::member_level::{ActivityKind, Level, Weights, DAY_MS};
use attache::domain::queue::Zone;

struct Utc;
impl Zone for Utc {
    fn offset_minutes(&self, _: f64) -> i32 {
        0
    }
}

const NOW: f64 = 20_000.0 * DAY_MS + 12.0 * 3_600_000.0;

fn item(id: &str, handle: &str, name: &str, at: f64) -> InboxItem {
    let mut i: InboxItem = serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": name, "author_handle": handle, "author_url": "https://x.test/@h",
        "html": "<p>Bonjour <b>!</b></p>", "at": at, "url": format!("https://x.test/{id}"),
        "remote_id": id,
    }))
    .unwrap();
    i.in_reply_to = None;
    i
}

fn sign(id: &str, handle: &str, kind: InteractionKind, at: f64) -> Interaction {
    Interaction {
        kind,
        who_name: "Bob".into(),
        who_url: "https://x.test/@bob".into(),
        ..domain_support::favourite(id, handle, at)
    }
}

#[test]
fn a_message_is_a_reply_a_conversation_started_or_a_mention() {
    let mut i = item("1", "@bob@x.test", "Bob", NOW);
    assert_eq!(kind_of(&i), ActivityKind::ConversationStarted);
    i.in_reply_to = Some("0".into());
    assert_eq!(kind_of(&i), ActivityKind::Mention);
    i.post_id = Some("p".into());
    assert_eq!(kind_of(&i), ActivityKind::Reply);
}

#[test]
fn one_member_per_handle_the_account_itself_left_out() {
    let items = [
        item("1", "@Bob@x.test", "Bob", NOW - 3.0 * DAY_MS),
        item("2", "@bob@x.test", "Bob B.", NOW - DAY_MS),
        item("3", "@alice@x.test", "Alice", NOW),
    ];
    let signs = [
        sign(
            "s1",
            "@bob@x.test",
            InteractionKind::Favourite,
            NOW - 2.0 * DAY_MS,
        ),
        sign(
            "s2",
            "@carol@x.test",
            InteractionKind::Follow,
            NOW - 400.0 * DAY_MS,
        ),
    ];
    let mut members = gather(
        &items,
        &signs,
        &["@alice@x.test".into()],
        &Weights::default(),
        &Utc,
        NOW,
    );
    members.sort_by(order);
    let handles: Vec<&str> = members.iter().map(|m| m.handle.as_str()).collect();
    assert_eq!(handles, ["@Bob@x.test", "@carol@x.test"]);
    let bob = &members[0];
    assert_eq!(bob.name, "Bob B.", "the newest name");
    assert_eq!(bob.timeline.len(), 3);
    assert_eq!(bob.timeline[0].at, NOW - DAY_MS, "newest first");
    assert_eq!(bob.timeline[0].text(), "Bonjour !");
    assert_eq!(
        (bob.first_seen, bob.last_seen),
        (NOW - 3.0 * DAY_MS, NOW - DAY_MS)
    );
    assert_eq!(bob.level, Level::Participating);
    assert_eq!(bob.love, 7 + 7 + 2);
    let carol = &members[1];
    assert_eq!(carol.level, Level::Exploring);
    assert_eq!(carol.love, 0, "a follow over a year ago weighs nothing now");
}
