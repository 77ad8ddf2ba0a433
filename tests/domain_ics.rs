//! The `.ics` export, read back by an independent iCalendar parser (the `icalendar` crate).

use attache::domain::ics::{calendar, civil_from_days, fold, utc_stamp};
use attache::domain::network::Network;
use attache::domain::post::{Post, Variant};
use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};

fn post(id: &str, text: &str, due: Option<f64>) -> Post {
    let mut p = Post::new(id.into(), "w".into(), 0.0);
    p.base_text = text.into();
    p.variants = vec![Variant::new(Network::Mastodon), Variant::new(Network::X)];
    p.due_at = due;
    p
}

#[test]
fn dates_are_written_in_utc_basic_format() {
    assert_eq!(utc_stamp(0.0), "19700101T000000Z");
    assert_eq!(utc_stamp(1_796_459_400_000.0), "20261205T083000Z");
    assert_eq!(utc_stamp(951_782_400_000.0), "20000229T000000Z"); // leap day
    assert_eq!(civil_from_days(-1), (1969, 12, 31));
}

#[test]
fn long_lines_fold_at_75_octets_without_splitting_a_character() {
    let folded = fold(&format!("SUMMARY:{}", "é".repeat(60)));
    for line in folded.trim_end_matches("\r\n").split("\r\n") {
        assert!(line.len() <= 75, "{} octets", line.len());
    }
    let unfolded = folded.replace("\r\n ", "");
    assert_eq!(unfolded.trim_end(), format!("SUMMARY:{}", "é".repeat(60)));
}

#[test]
fn an_independent_parser_reads_every_scheduled_post_back() {
    let posts = [
        post(
            "p1",
            "Atelier latte art, jeudi; inscrivez-vous\nLien en bio",
            Some(1_796_459_400_000.0),
        ),
        post("p2", "Not scheduled", None),
        post(
            "p3",
            &"Très long texte avec des accents é à ü ".repeat(5),
            Some(1_796_545_800_000.0),
        ),
    ];
    let text = calendar(&posts, 1_790_000_000_000.0, "Café Lumière, posts");
    let parsed: Calendar = text.parse().expect("valid iCalendar");
    let events: Vec<_> = parsed
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].get_uid(), Some("p1@attache"));
    assert_eq!(
        events[0].get_summary(),
        Some("[Mastodon, X] Atelier latte art, jeudi; inscrivez-vous")
    );
    assert_eq!(
        events[0].get_description(),
        Some("Atelier latte art, jeudi; inscrivez-vous\nLien en bio")
    );
    match events[0].get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(utc))) => {
            assert_eq!(utc.to_rfc3339(), "2026-12-05T08:30:00+00:00");
        }
        other => panic!("start: {other:?}"),
    }
    assert_eq!(events[1].get_uid(), Some("p3@attache"));
    assert_eq!(
        events[1].get_description(),
        Some(posts[2].base_text.as_str())
    );
}
