//! The workspace's gravity by month (love weighted by reach) and the moves between levels:
//! up (or new), held, down at the monthly review; a report's period read the same way, and
//! its CSV.

mod domain_support;

use attache::domain::gravity::{by_month, month_starts, over, reach_factor};
use attache::domain::inbox::InboxItem;
use attache::domain::interaction::Interaction;
use attache::domain::member::gather;
use attache::domain::member_level::Weights;
use attache::domain::queue::Zone;
use attache::domain::report::levels_csv;
use chrono::NaiveDate;

struct Utc;
impl Zone for Utc {
    fn offset_minutes(&self, _: f64) -> i32 {
        0
    }
}

fn ms(y: i32, m: u32, d: u32) -> f64 {
    let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
    (day.and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()) as f64
}

fn start(y: i32, m: u32) -> f64 {
    ms(y, m, 1) - 12.0 * 3_600_000.0
}

fn started(id: &str, handle: &str, at: f64, followers: Option<u64>) -> InboxItem {
    let mut i: InboxItem = serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": handle, "author_handle": handle, "author_url": "",
        "html": "<p>hi</p>", "at": at, "url": "", "remote_id": id,
    }))
    .unwrap();
    i.profile.followers = followers;
    i
}

fn liked(id: &str, handle: &str, at: f64) -> Interaction {
    domain_support::favourite(id, handle, at)
}

#[test]
fn months_start_on_the_first_of_the_users_calendar() {
    assert_eq!(
        month_starts(&Utc, ms(2024, 10, 4), 3),
        vec![start(2024, 8), start(2024, 9), start(2024, 10)]
    );
    assert_eq!(
        month_starts(&Utc, ms(2025, 1, 31), 2),
        vec![start(2024, 12), start(2025, 1)]
    );
}

#[test]
fn reach_weighs_without_letting_one_account_outweigh_all() {
    assert_eq!(reach_factor(None), 1.0);
    assert_eq!(reach_factor(Some(0)), 1.0);
    assert!((reach_factor(Some(999)) - 4.0).abs() < 1e-9);
}

#[test]
fn each_month_says_who_moved_up_held_or_moved_down_and_the_gravity() {
    let now = ms(2024, 10, 15);
    // ann starts a conversation in September (weight 7: Participating for a year); cid liked
    // on two days in a row thirteen months ago (presence: Participating for a year, kept
    // until the monthly review after it runs out: down in October); bob likes once in
    // October (new: Exploring).
    let items = [started("1", "@ann@x.test", ms(2024, 9, 10), None)];
    let signs = [
        liked("s1", "@cid@x.test", ms(2023, 9, 20)),
        liked("s2", "@cid@x.test", ms(2023, 9, 21)),
        liked("s3", "@bob@x.test", ms(2024, 10, 5)),
    ];
    let members = gather(&items, &signs, &[], &Weights::default(), &Utc, now);
    let months = by_month(
        &members,
        &Weights::default(),
        &Utc,
        &month_starts(&Utc, now, 2),
        now,
    );
    assert_eq!(months.len(), 2);
    let (sep, oct) = (&months[0], &months[1]);
    assert_eq!(sep.start, start(2024, 9));
    let at = |m: &attache::domain::gravity::Month, level: usize| {
        (
            m.moves[level - 1].up,
            m.moves[level - 1].held,
            m.moves[level - 1].down,
        )
    };
    assert_eq!(at(sep, 3), (1, 1, 0), "ann arrives at 3, cid holds it");
    assert_eq!(at(sep, 4), (0, 0, 0));
    assert_eq!(
        sep.gravity, 7.0,
        "cid's likes are more than a year old: no love"
    );
    assert_eq!(at(oct, 3), (0, 1, 0), "ann holds 3");
    assert_eq!(
        at(oct, 4),
        (1, 0, 1),
        "bob new at 4, cid down to 4 at the October review"
    );
    assert_eq!(oct.gravity, 7.0 + 2.0);

    // ann followed by 999: her love counts four times.
    let items = [started("1", "@ann@x.test", ms(2024, 9, 10), Some(999))];
    let members = gather(&items, &[], &[], &Weights::default(), &Utc, now);
    let months = by_month(
        &members,
        &Weights::default(),
        &Utc,
        &month_starts(&Utc, now, 1),
        now,
    );
    assert!((months[0].gravity - 28.0).abs() < 1e-9);
}

#[test]
fn a_period_counts_each_level_and_its_moves_from_its_start_to_its_end() {
    // The same three as above, over 15 September to 15 October: ann arrives (up at 3), cid
    // is at 3 on the 15th of September and at 4 after the October review (down), bob arrives
    // at 4 (up).
    let items = [started("1", "@ann@x.test", ms(2024, 9, 20), None)];
    let signs = [
        liked("s1", "@cid@x.test", ms(2023, 9, 20)),
        liked("s2", "@cid@x.test", ms(2023, 9, 21)),
        liked("s3", "@bob@x.test", ms(2024, 10, 5)),
    ];
    let now = ms(2024, 10, 15);
    let members = gather(&items, &signs, &[], &Weights::default(), &Utc, now);
    let period = over(&members, &Weights::default(), &Utc, ms(2024, 9, 15), now);
    let moves: Vec<_> = period
        .moves
        .iter()
        .map(|m| (m.members(), m.up, m.held, m.down))
        .collect();
    assert_eq!(
        moves,
        [(0, 0, 0, 0), (0, 0, 0, 0), (1, 1, 0, 0), (2, 1, 0, 1)]
    );
    // A period ending before bob came: cid and ann held or arrived at 3, nobody at 4.
    let before = over(
        &members,
        &Weights::default(),
        &Utc,
        ms(2024, 9, 1),
        ms(2024, 9, 30),
    );
    let moves: Vec<_> = before.moves.iter().map(|m| m.members()).collect();
    assert_eq!(moves, [0, 0, 2, 0]);

    let file = levels_csv(&period, &before, |l| format!("{} · {l:?}", l.number()));
    assert_eq!(
        file,
        "\u{feff}level,members,moved up or new,held,moved down,members the period before\r\n\
         1 · Leading,0,0,0,0,0\r\n\
         2 · Contributing,0,0,0,0,0\r\n\
         3 · Participating,1,1,0,0,2\r\n\
         4 · Exploring,2,1,0,1,0\r\n"
    );
}
