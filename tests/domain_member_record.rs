//! What the user keeps about members (tags, fields, notes) and how a member is forgotten:
//! their messages and signs erased but kept, the one-way mark that says nothing of who, and
//! the sync's scrub that keeps them forgotten unless they come back after.

mod domain_support;

use attache::domain::inbox::InboxItem;
use attache::domain::interaction::Interaction;
use attache::domain::member::gather;
use attache::domain::member_level::{Weights, DAY_MS};
use attache::domain::member_record::{
    erase_item, mark_of, note_text, parse_tags, scrub, set_field, Field, Forgotten, RecordError,
    MAX_NOTE,
};
use attache::domain::queue::Zone;

struct Utc;
impl Zone for Utc {
    fn offset_minutes(&self, _: f64) -> i32 {
        0
    }
}

const NOW: f64 = 20_000.0 * DAY_MS;

fn item(id: &str, handle: &str, at: f64) -> InboxItem {
    serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": "Bob Martin", "author_handle": handle, "author_url": "https://x.test/@bob",
        "html": "<p>Mon numéro : 06 12 34 56 78</p>", "at": at, "url": format!("https://x.test/{id}"),
        "remote_id": id, "mentions": ["carla@x.test"],
    }))
    .unwrap()
}

fn sign(id: &str, handle: &str, at: f64) -> Interaction {
    Interaction {
        who_name: "Bob Martin".into(),
        who_url: "https://x.test/@bob".into(),
        ..domain_support::favourite(id, handle, at)
    }
}

#[test]
fn tags_are_trimmed_once_each_whatever_their_case() {
    assert_eq!(
        parse_tags(" ambassador, #Lyon ,, lyon, Ambassador, café ").unwrap(),
        vec!["ambassador", "Lyon", "café"]
    );
    assert_eq!(parse_tags("").unwrap(), Vec::<String>::new());
    assert_eq!(parse_tags(&"x".repeat(61)), Err(RecordError::TooLong));
}

#[test]
fn a_field_is_set_replaced_by_name_in_any_case_and_removed_when_emptied() {
    let mut fields = vec![];
    set_field(&mut fields, " Company ", " Acme ").unwrap();
    set_field(&mut fields, "city", "Lyon").unwrap();
    set_field(&mut fields, "COMPANY", "Globex").unwrap();
    assert_eq!(
        fields,
        vec![
            Field {
                name: "Company".into(),
                value: "Globex".into()
            },
            Field {
                name: "city".into(),
                value: "Lyon".into()
            },
        ]
    );
    set_field(&mut fields, "City", "").unwrap();
    assert_eq!(fields.len(), 1);
    assert_eq!(set_field(&mut fields, "  ", "x"), Err(RecordError::Empty));
}

#[test]
fn a_note_needs_words_and_has_a_limit() {
    assert_eq!(
        note_text("  Met at the meetup  ").unwrap(),
        "Met at the meetup"
    );
    assert_eq!(note_text(" \n "), Err(RecordError::Empty));
    assert_eq!(
        note_text(&"é".repeat(MAX_NOTE)).unwrap().chars().count(),
        MAX_NOTE
    );
    assert_eq!(
        note_text(&"é".repeat(MAX_NOTE + 1)),
        Err(RecordError::TooLong)
    );
}

#[test]
fn an_erased_message_keeps_its_place_but_not_who_or_what() {
    let mut i = item("1", "@bob@x.test", NOW);
    erase_item(&mut i);
    assert!(i.is_erased());
    let json = serde_json::to_string(&i).unwrap();
    for gone in ["Bob", "bob", "06 12", "carla"] {
        assert!(!json.contains(gone), "{gone} is still in {json}");
    }
    assert_eq!((i.id.as_str(), i.at), ("1", NOW));
    // An erased message makes no member.
    let members = gather(&[i], &[], &[], &Weights::default(), &Utc, NOW);
    assert!(members.is_empty());
}

#[test]
fn the_mark_says_nothing_of_who_and_differs_per_workspace() {
    let mark = mark_of("w", "mastodon:@bob@x.test");
    assert_eq!(mark.len(), 64);
    assert!(!mark.contains("bob"));
    assert_ne!(mark, mark_of("w2", "mastodon:@bob@x.test"));
    let f = Forgotten::new("w", "mastodon:@bob@x.test", NOW);
    assert!(!serde_json::to_string(&f).unwrap().contains("bob"));
}

#[test]
fn a_page_read_again_is_scrubbed_but_what_they_write_after_is_kept() {
    let forgotten = [Forgotten::new("w", "mastodon:@bob@x.test", NOW)];
    let mut items = vec![
        item("old", "@Bob@x.test", NOW - DAY_MS),
        item("new", "@bob@x.test", NOW + DAY_MS),
        item("alice", "@alice@x.test", NOW - DAY_MS),
    ];
    let mut signs = vec![
        sign("s-old", "@bob@x.test", NOW - 1.0),
        sign("s-new", "@bob@x.test", NOW + 1.0),
    ];
    assert_eq!(scrub("w", &forgotten, &mut items, &mut signs), 2);
    assert!(items[0].is_erased());
    assert!(!items[1].is_erased(), "written after: a new member");
    assert!(!items[2].is_erased(), "someone else");
    assert!(signs[0].who_handle.is_empty());
    assert_eq!(signs[1].who_handle, "@bob@x.test");
    // Another workspace's forgetting does not touch this one.
    let mut again = vec![item("old", "@bob@x.test", NOW - DAY_MS)];
    assert_eq!(scrub("w2", &forgotten, &mut again, &mut []), 0);
}
