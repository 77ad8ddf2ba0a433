//! Members gathered from messages and signs: one per handle and network (any case), the
//! account itself left out, the kind of each message, first and last seen, love, the newest
//! name, and the list's order; a member of one identity comes out the same whatever the
//! order of their signs.

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

/// Signs of several people over time, names, profile addresses, links and follower counts
/// changing: the newest decides, in whatever order they are given (the People page reads
/// them a page at a time, oldest first; `gather` was fed them newest first).
fn changing_signs() -> Vec<Interaction> {
    (0..240u32)
        .map(|n| {
            let who = n % 7;
            let era = n / 80;
            let mut s = sign(
                &format!("s{n}"),
                &format!("@p{who}@x.test"),
                [
                    InteractionKind::Favourite,
                    InteractionKind::Boost,
                    InteractionKind::Follow,
                ][(n % 3) as usize],
                NOW - f64::from(240 - n) * 3_600_000.0,
            );
            s.who_name = format!("Person {who} ({era})");
            s.who_url = format!("https://x.test/@p{who}/{era}");
            s.profile.links = vec![format!("https://site{}.test", n % 4)];
            s.profile.followers = Some(u64::from(n));
            s
        })
        .collect()
}

/// What a user sees of a member, links as a set.
fn seen(m: &attache::domain::member::Member) -> String {
    let mut links = m.profile.links.clone();
    links.sort();
    let identities: Vec<_> = m
        .identities
        .iter()
        .map(|i| (&i.key, &i.handle, &i.name, &i.url, i.followers))
        .collect();
    let timeline: Vec<f64> = m.timeline.iter().map(|t| t.at).collect();
    format!(
        "{} {} {} {} {:?} {} {} {:?} {:?} {} {:?} {links:?} {identities:?} {timeline:?}",
        m.key,
        m.name,
        m.handle,
        m.url,
        m.level,
        m.first_seen,
        m.last_seen,
        m.reach,
        m.love,
        m.handles.join(","),
        m.langs,
    )
}

#[test]
fn signs_given_oldest_or_newest_first_make_the_same_members_the_newest_deciding() {
    let items = [item(
        "1",
        "@p3@x.test",
        "Person 3 (message)",
        NOW - 500.0 * 3_600_000.0,
    )];
    let newest_first: Vec<Interaction> = changing_signs().into_iter().rev().collect();
    let oldest_first = changing_signs();
    let members = |signs: &[Interaction]| {
        let mut m = gather(&items, signs, &[], &Weights::default(), &Utc, NOW);
        m.sort_by(|a, b| a.key.cmp(&b.key));
        m
    };
    let (a, b) = (members(&newest_first), members(&oldest_first));
    assert_eq!(a.len(), 7);
    let a_seen: Vec<String> = a.iter().map(seen).collect();
    let b_seen: Vec<String> = b.iter().map(seen).collect();
    assert_eq!(a_seen, b_seen);
    let p3 = &b[3];
    assert_eq!(p3.name, "Person 3 (2)", "the newest name");
    assert_eq!(p3.url, "https://x.test/@p3/2", "the newest profile address");
    assert_eq!(
        p3.identities[0].followers.map(|f| f.0),
        Some(234),
        "the newest count"
    );
    assert_eq!(p3.first_seen, NOW - 500.0 * 3_600_000.0, "their message");
}
