//! The relationship map: members placed by reach and love on log scales, ambassadors and
//! detractors named (a negative mark only counts for 90 days), the named ones kept first
//! when the map is full, and the keyboard's order left to right.

mod domain_support;

use std::collections::HashMap;

use attache::domain::inbox::InboxItem;
use attache::domain::interaction::Interaction;
use attache::domain::member::{gather, Member};
use attache::domain::member_level::{Level, Weights, DAY_MS};
use attache::domain::member_record::MemberRecord;
use attache::domain::queue::Zone;
use attache::domain::relationship_map::{mark_of, place, Mark};

struct Utc;
impl Zone for Utc {
    fn offset_minutes(&self, _: f64) -> i32 {
        0
    }
}

const NOW: f64 = 20_000.0 * DAY_MS;

fn wrote(id: &str, handle: &str, at: f64, followers: Option<u64>) -> InboxItem {
    let mut i: InboxItem = serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": handle, "author_handle": handle, "author_url": "",
        "html": "<p>hi</p>", "at": at, "url": format!("https://x.test/{id}"), "remote_id": id,
    }))
    .unwrap();
    i.profile.followers = followers;
    i
}

fn liked(id: &str, handle: &str, at: f64) -> Interaction {
    domain_support::favourite(id, handle, at)
}

fn members() -> Vec<Member> {
    let items = vec![
        wrote("1", "big", NOW - DAY_MS, Some(99_999)),
        wrote("2", "small", NOW - DAY_MS, Some(9)),
        wrote("3", "small", NOW - 2.0 * DAY_MS, Some(9)),
    ];
    let signs = vec![liked("s1", "quiet", NOW - DAY_MS)];
    gather(&items, &signs, &[], &Weights::default(), &Utc, NOW)
}

fn by_name<'a>(
    points: &'a [attache::domain::relationship_map::Point],
    name: &str,
) -> &'a attache::domain::relationship_map::Point {
    points.iter().find(|p| p.name == name).unwrap()
}

#[test]
fn members_are_placed_by_reach_and_love_on_log_scales() {
    let points = place(&members(), &HashMap::new(), |_| false, NOW, 100);
    assert_eq!(points.len(), 3);
    let (big, small, quiet) = (
        by_name(&points, "big"),
        by_name(&points, "small"),
        by_name(&points, "quiet"),
    );
    // The most followed at the right edge; 9 followers of 99,999 a fifth of the way.
    assert_eq!(big.x, 1.0);
    assert!((small.x - 0.2).abs() < 1e-9, "{}", small.x);
    assert_eq!(quiet.x, 0.0, "no followers known: on the left");
    // Two conversations are the most love; one like is log(3)/log(15) of it.
    assert_eq!(small.love, 14);
    assert_eq!(small.y, 1.0);
    assert!((quiet.y - 3f64.log10() / 15f64.log10()).abs() < 1e-9);
    // Left to right for the keyboard.
    let order: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(order, vec!["quiet", "small", "big"]);
}

#[test]
fn ambassadors_and_detractors_are_named_and_a_negative_mark_lasts_ninety_days() {
    let all = members();
    let small = all.iter().find(|m| m.name == "small").unwrap();
    let mut record = MemberRecord::new("w", &small.key, NOW);
    assert_eq!(mark_of(small, Some(&record), false, NOW), None);
    record.tags = vec!["Ambassadrice".into()];
    assert_eq!(
        mark_of(small, Some(&record), false, NOW),
        Some(Mark::Ambassador)
    );
    // A detractor first, whatever the tag.
    record.set_negative("https://x.test/2", NOW - 89.0 * DAY_MS, true);
    assert!(record.is_negative("https://x.test/2"));
    assert_eq!(
        mark_of(small, Some(&record), false, NOW),
        Some(Mark::Detractor)
    );
    assert_eq!(
        mark_of(small, Some(&record), false, NOW + 2.0 * DAY_MS),
        Some(Mark::Ambassador),
        "more than 90 days on"
    );
    record.set_negative("https://x.test/2", 0.0, false);
    assert!(record.negative.is_empty());
    // A member at level 1 is an ambassador without a tag.
    let mut leading = all[0].clone();
    leading.level = Level::Leading;
    assert_eq!(mark_of(&leading, None, false, NOW), Some(Mark::Ambassador));
}

#[test]
fn a_full_map_keeps_the_named_members_then_the_most_love() {
    let all = members();
    let quiet = all.iter().find(|m| m.name == "quiet").unwrap();
    let mut record = MemberRecord::new("w", &quiet.key, NOW);
    record.set_negative("https://x.test/s1", NOW - DAY_MS, true);
    let records = HashMap::from([(quiet.key.clone(), record)]);
    let points = place(&all, &records, |_| false, NOW, 2);
    let mut names: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    assert_eq!(names, vec!["quiet", "small"]);
    assert_eq!(by_name(&points, "quiet").mark, Some(Mark::Detractor));
    // Scaled among those shown: "small" is now the most followed.
    assert_eq!(by_name(&points, "small").x, 1.0);
}

#[test]
fn a_recent_message_that_seems_negative_names_a_detractor_unless_corrected() {
    use attache::domain::relationship_map::seems_detractor;
    use attache::domain::sentiment::{hint, Sentiment};
    let mut items = vec![
        wrote("1", "angry", NOW - DAY_MS, None),
        wrote("2", "old", NOW - 100.0 * DAY_MS, None),
    ];
    items[0].html = "<p>Awful service, never again 😡</p>".into();
    items[1].html = "<p>Awful service, never again 😡</p>".into();
    let all = gather(&items, &[], &[], &Weights::default(), &Utc, NOW);
    let angry = all.iter().find(|m| m.name == "angry").unwrap();
    let old = all.iter().find(|m| m.name == "old").unwrap();
    let guessed = |mo: &attache::domain::member::Moment| hint(mo.text(), "en");
    assert!(seems_detractor(angry, NOW, guessed));
    assert!(!seems_detractor(old, NOW, guessed), "more than 90 days ago");
    // The user said it was not negative: their word counts.
    let corrected = |mo: &attache::domain::member::Moment| {
        if &*mo.url == "https://x.test/1" {
            Sentiment::Neutral
        } else {
            hint(mo.text(), "en")
        }
    };
    assert!(!seems_detractor(angry, NOW, corrected));
    let points = place(
        &all,
        &HashMap::new(),
        |m| seems_detractor(m, NOW, guessed),
        NOW,
        10,
    );
    assert_eq!(by_name(&points, "angry").mark, Some(Mark::Detractor));
    assert_eq!(by_name(&points, "old").mark, None);
}

#[test]
fn the_tone_is_read_from_the_whole_message_in_its_language_as_the_inbox_reads_it() {
    use attache::domain::relationship_map::seems_detractor;
    use attache::domain::sentiment::{hint, Sentiment};
    // A long message whose anger comes after its first 140 characters, said to be French.
    let mut items = vec![wrote("1", "long", NOW - DAY_MS, None)];
    let words = format!(
        "{} Franchement, c'est nul, je suis très déçue et je ne reviendrai jamais.",
        "Je suis passée samedi matin à la boutique de la rue Mercière pour récupérer ma commande de pains et de viennoiseries, comme chaque semaine depuis deux ans."
    );
    items[0].html = format!("<p>{words}</p>");
    items[0].profile.lang = "fr-FR".into();
    let all = gather(&items, &[], &[], &Weights::default(), &Utc, NOW);
    let moment = &all[0].timeline[0];
    assert_eq!(moment.text(), words, "the whole message");
    assert_eq!(moment.lang(), "fr");
    assert_eq!(hint(&words, "fr"), Sentiment::Negative);
    assert!(seems_detractor(&all[0], NOW, |mo| hint(
        mo.text(),
        mo.lang()
    )));
}
