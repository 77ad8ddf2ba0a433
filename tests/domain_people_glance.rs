//! The People list's glance: the first rows in the list's order with their tags, the counts
//! per level, a forgotten member taken out of rows and counts, and a row of someone forgotten
//! while the list was worked out dropped (someone who came back after is kept); a first visit's
//! first look: the newest people, merged, without teammates or levels, only where both reads
//! are whole.

mod domain_support;

use std::collections::HashMap;

use attache::domain::inbox::InboxItem;
use attache::domain::interaction::Interaction;
use attache::domain::member::{gather, order, Member};
use attache::domain::member_level::{Level, Weights, DAY_MS};
use attache::domain::member_record::MemberRecord;
use attache::domain::network::Network;
use attache::domain::people_glance::{first_look, whole_after, Glance, ROWS};
use attache::domain::queue::Zone;

struct Utc;
impl Zone for Utc {
    fn offset_minutes(&self, _: f64) -> i32 {
        0
    }
}

const NOW: f64 = 20_000.0 * DAY_MS + 12.0 * 3_600_000.0;

fn said(id: &str, handle: &str, name: &str, days_ago: f64) -> InboxItem {
    serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": name, "author_handle": handle, "author_url": format!("https://x.test/{handle}"),
        "html": "<p>hi</p>", "at": NOW - days_ago * DAY_MS, "url": format!("https://x.test/{id}"), "remote_id": id,
    }))
    .unwrap()
}

fn liked(id: &str, handle: &str, days_ago: f64) -> Interaction {
    Interaction {
        network: Network::Bluesky,
        who_name: handle.trim_start_matches('@').into(),
        ..domain_support::favourite(id, handle, NOW - days_ago * DAY_MS)
    }
}

/// Ann and Béa started conversations (Participating); `likers` people liked once (Exploring).
fn people(likers: usize) -> Vec<Member> {
    let items = [
        said("1", "@ann@x.test", "Ann", 3.0),
        said("2", "@bea@x.test", "Béa", 1.0),
    ];
    let signs: Vec<Interaction> = (0..likers)
        .map(|i| {
            liked(
                &format!("s{i}"),
                &format!("@p{i}.test"),
                1.0 + i as f64 / 1000.0,
            )
        })
        .collect();
    let mut all = gather(&items, &signs, &[], &Weights::default(), &Utc, NOW);
    all.sort_by(order);
    all
}

#[test]
fn a_glance_keeps_the_first_rows_in_order_with_their_tags_and_every_count() {
    let all = people(300);
    let mut records = HashMap::new();
    let mut r = MemberRecord::new("w", "mastodon:@bea@x.test", 0.0);
    r.tags = vec!["Ambassador".into()];
    records.insert(r.key.clone(), r);
    let g = Glance::of(&all, &records, NOW);
    assert_eq!(g.total, 302);
    assert_eq!(g.on_level(Level::Participating), 2);
    assert_eq!(g.on_level(Level::Exploring), 300);
    assert_eq!(g.on_level(Level::Leading), 0);
    assert_eq!(g.rows.len(), ROWS);
    assert_eq!(g.made_at, NOW);
    let names: Vec<&str> = g.rows.iter().take(3).map(|r| r.name.as_str()).collect();
    // The inner orbit first (the most recently seen first), then the likers, newest first.
    assert_eq!(names, ["Béa", "Ann", "p0.test"]);
    assert_eq!(g.rows[0].tags, ["Ambassador"]);
    assert!(g.rows[1].tags.is_empty());
    assert_eq!(g.rows[0].networks, [Network::Mastodon]);
    assert_eq!(g.rows[2].networks, [Network::Bluesky]);
    assert!(g.rows[0].matches("ambass"));
    assert!(g.rows[0].matches("@bea"));
    assert!(!g.rows[1].matches("ambass"));
    // What the page keeps survives its way through the store.
    let back: Glance = serde_json::from_str(&serde_json::to_string(&g).unwrap()).unwrap();
    assert_eq!(back, g);
}

#[test]
fn forgetting_takes_the_row_out_and_counts_them_no_more() {
    let all = people(3);
    let mut g = Glance::of(&all, &HashMap::new(), NOW);
    assert_eq!((g.total, g.rows.len()), (5, 5));
    g.forget(&["mastodon:@ann@x.test".to_string()]);
    assert_eq!(g.total, 4);
    assert_eq!(g.on_level(Level::Participating), 1);
    assert!(g.rows.iter().all(|r| r.name != "Ann"));
    // Someone not among the rows: nothing to take out, the counts stay those of the day.
    g.forget(&["mastodon:@nobody@x.test".to_string()]);
    assert_eq!((g.total, g.rows.len()), (4, 4));
}

#[test]
fn someone_forgotten_while_the_list_was_worked_out_is_dropped_and_someone_who_came_back_kept() {
    let all = people(2);
    let mut g = Glance::of(&all, &HashMap::new(), NOW);
    let ann_first = g.rows.iter().find(|r| r.name == "Ann").unwrap().first_seen;
    let forgotten = |key: &str| match key {
        // Ann forgotten after she was first seen: the glance was made before the erasure.
        "mastodon:@ann@x.test" => Some(ann_first + 1.0),
        // p0 forgotten before they were first seen: they came back, a new member.
        "bluesky:@p0.test" => Some(NOW - 30.0 * DAY_MS),
        _ => None,
    };
    g.without_forgotten(forgotten);
    let names: Vec<&str> = g.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Béa", "p0.test", "p1.test"]);
    assert_eq!(g.total, 3);
    assert_eq!(g.on_level(Level::Participating), 1);
}

fn names(rows: &[attache::domain::people_glance::GlanceRow]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn a_first_look_shows_the_newest_people_merged_without_teammates_own_accounts_or_levels() {
    let items = [
        said("1", "@ann@x.test", "Ann", 0.5),
        said("2", "@me@x.test", "Me", 0.6),
        said("3", "@tom@x.test", "Tom", 0.7),
        said("4", "@bea@x.test", "Béa", 3.0),
    ];
    // Newest first, as the store gives them.
    let signs = [
        liked("s1", "@bea.test", 1.0),
        liked("s2", "@cid.test", 2.0),
        liked("s3", "@ann.test", 4.0),
    ];
    let mut tom = MemberRecord::new("w", "mastodon:@tom@x.test", 0.0);
    tom.teammate = true;
    // Béa's Bluesky identity merged into her Mastodon one; tagged.
    let mut bea = MemberRecord::new("w", "mastodon:@bea@x.test", 0.0);
    bea.merged = vec!["bluesky:@bea.test".into()];
    bea.tags = vec!["fan".into()];
    let rows = first_look(&items, &signs, 600, &["@me@x.test".into()], &[tom, bea]);
    // Béa is one row, named as in the whole list: by her newest name, the handle merged into.
    assert_eq!(names(&rows), ["Ann", "bea.test", "cid.test", "ann.test"]);
    let bea = &rows[1];
    assert_eq!(bea.handle, "@bea@x.test");
    assert_eq!(bea.networks, [Network::Mastodon, Network::Bluesky]);
    assert_eq!(
        bea.last_seen,
        NOW - DAY_MS,
        "her newest sighting, on Bluesky"
    );
    assert_eq!(bea.tags, ["fan"]);
    assert!(
        rows.iter().all(|r| r.level.is_none()),
        "no level is guessed"
    );
    // Never more than a glance's rows.
    let many: Vec<Interaction> = (0..ROWS + 50)
        .map(|i| liked(&format!("m{i}"), &format!("@p{i}.test"), i as f64 / 100.0))
        .collect();
    let rows = first_look(&[], &many, 600, &[], &[]);
    assert_eq!(rows.len(), ROWS);
    assert_eq!(rows[0].handle, "@p0.test");
}

#[test]
fn a_first_look_keeps_only_the_span_where_both_reads_are_whole() {
    // Two signs asked, two came: carl's older sign (2.5 days) may not have been read, so his
    // message of 4 days ago would give him a wrong last sighting: he is left out.
    let items = [
        said("1", "@ann@x.test", "Ann", 0.5),
        said("2", "@carl@x.test", "Carl", 4.0),
    ];
    let signs = [liked("s1", "@bea.test", 1.0), liked("s2", "@cid.test", 2.0)];
    let rows = first_look(&items, &signs, 2, &[], &[]);
    assert_eq!(
        names(&rows),
        ["Ann", "bea.test"],
        "cid's sign is at the edge: not whole"
    );
    // Asked for more than there are: both reads whole, everyone counts.
    let rows = first_look(&items, &signs, 3, &[], &[]);
    assert_eq!(names(&rows), ["Ann", "bea.test", "cid.test", "Carl"]);
    assert_eq!(whole_after(&[(3, &[5.0, 4.0]), (2, &[9.0, 7.0])]), 7.0);
    assert_eq!(whole_after(&[(2, &[5.0, 4.0]), (2, &[9.0, 7.0])]), 7.0);
    assert_eq!(whole_after(&[(2, &[5.0, 4.0]), (3, &[9.0])]), 4.0);
    assert_eq!(whole_after(&[(3, &[]), (3, &[9.0])]), f64::NEG_INFINITY);
}
