//! The report's figures: periods of the user's days and the one before; followers per day
//! from the last count of each local day, gaps left empty; growth and its percentage; a
//! post's engagement rate from its latest counts and the followers counted before it went
//! out; the order of posts; and both CSVs (byte-order mark, ISO dates, quoting, formulas
//! made inert, negative numbers left numbers).

use attache::domain::csv::{cell, line, BOM};
use attache::domain::inbox::MetricSnapshot;
use attache::domain::network::Network;
use attache::domain::queue::Zone;
use attache::domain::report::{
    follower_days, followers_csv, growth, post_figures, posts_csv, posts_per_week, Period,
    Published, RangeError,
};
use chrono::NaiveDate;

/// Paris in winter: UTC+1.
struct Paris;
impl Zone for Paris {
    fn offset_minutes(&self, _: f64) -> i32 {
        60
    }
}

const HOUR: f64 = 3_600_000.0;

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// UTC ms of 2026-11-`d` at `h` o'clock in Paris.
fn at(d: u32, h: f64) -> f64 {
    date(d)
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis() as f64
        + (h - 1.0) * HOUR
}

fn followers(account: &str, when: f64, n: u64) -> MetricSnapshot {
    MetricSnapshot {
        followers: n,
        ..MetricSnapshot::account("w", account, when)
    }
}

fn counts(account: &str, status: &str, when: f64, likes: u64, boosts: u64) -> MetricSnapshot {
    MetricSnapshot {
        favourites: likes,
        boosts,
        replies: 1,
        ..MetricSnapshot::post("w", account, status, when)
    }
}

#[test]
fn a_period_is_whole_local_days_and_the_one_before_is_as_long() {
    let p = Period::last_days(&Paris, at(30, 0.5), 7);
    assert_eq!((p.first, p.last, p.days()), (date(24), date(30), 7));
    let before = p.previous();
    assert_eq!((before.first, before.last), (date(17), date(23)));
    // Midnight in Paris is 23:00 UTC the day before.
    let (start, end) = p.bounds(&Paris);
    assert_eq!(start, at(24, 0.0));
    assert_eq!(end, at(30, 0.0) + 24.0 * HOUR);
    assert_eq!(p.each_day().count(), 7);
}

#[test]
fn followers_per_day_keep_each_days_last_count_and_leave_gaps_empty() {
    let p = Period {
        first: date(1),
        last: date(4),
    };
    let snaps = [
        followers("a", at(1, 9.0), 100),
        followers("a", at(1, 18.0), 104),
        // 23:30 in Paris (22:30 UTC) is still the 2nd; 00:30 on the 4th is 23:30 UTC the 3rd.
        followers("a", at(2, 23.5), 110),
        followers("b", at(3, 12.0), 999),
        counts("a", "s1", at(3, 12.0), 5, 1),
        followers("a", at(4, 0.5), 108),
        followers("a", at(5, 9.0), 200),
    ];
    let days = follower_days(&snaps, "a", p, &Paris);
    let got: Vec<Option<u64>> = days.iter().map(|d| d.followers).collect();
    assert_eq!(got, [Some(104), Some(110), None, Some(108)]);
    let g = growth(&days).unwrap();
    assert_eq!((g.from, g.to, g.change, g.days_counted), (104, 108, 4, 3));
    assert!((g.percent.unwrap() - 3.846).abs() < 0.001);

    let down = growth(&follower_days(&snaps[2..4], "a", p, &Paris)).unwrap();
    assert_eq!((down.from, down.to, down.change), (110, 110, 0));
    assert!(growth(&follower_days(&[], "a", p, &Paris)).is_none());
    let from_zero = growth(&[
        attache::domain::report::DayCount {
            day: date(1),
            followers: Some(0),
        },
        attache::domain::report::DayCount {
            day: date(2),
            followers: Some(3),
        },
    ])
    .unwrap();
    assert_eq!((from_zero.change, from_zero.percent), (3, None));
}

fn post(id: &str, account: &str, when: f64, text: &str) -> Published {
    Published {
        remote_id: id.into(),
        account_id: account.into(),
        network: Network::Mastodon,
        at: when,
        text: text.into(),
        url: format!("https://social.test/@a/{id}"),
    }
}

#[test]
fn the_engagement_rate_divides_the_latest_counts_by_the_followers_before_posting() {
    let snaps = [
        followers("a", at(1, 8.0), 200),
        followers("a", at(1, 11.0), 250),
        followers("a", at(2, 8.0), 400),
        counts("a", "s1", at(1, 12.0), 3, 0),
        counts("a", "s1", at(2, 12.0), 9, 2),
        counts("a", "s2", at(2, 12.0), 1, 0),
        // Another account's counts for a status of the same id are not this post's.
        counts("b", "s1", at(2, 13.0), 500, 500),
    ];
    let published = [
        post("s1", "a", at(1, 10.0), "Atelier samedi"),
        post("s2", "a", at(1, 7.0), "Avant tout comptage"),
        post("s3", "a", at(2, 10.0), "Jamais compté"),
        post("s0", "a", at(9, 10.0), "Hors période"),
    ];
    let figures = post_figures(&snaps, &published, (at(1, 0.0), at(3, 0.0)));
    let ids: Vec<&str> = figures.iter().map(|f| f.post.remote_id.as_str()).collect();
    // s1 has a rate; s2 has no count of followers before it; s3 was never counted.
    assert_eq!(ids, ["s1", "s3", "s2"]);
    let s1 = &figures[0];
    assert_eq!((s1.favourites, s1.boosts, s1.replies), (9, 2, 1));
    assert_eq!(s1.interactions(), 12);
    assert_eq!(
        s1.followers_then,
        Some(200),
        "the count before 10:00, not after"
    );
    assert_eq!(s1.rate(), Some(6.0));
    assert_eq!(figures[2].rate(), None);
    assert_eq!(figures[1].counted_at, None);
    assert_eq!(figures[1].rate(), None, "never counted: no rate, not zero");
}

#[test]
fn csv_cells_are_quoted_formulas_made_inert_and_numbers_left_numbers() {
    assert_eq!(cell("plain"), "plain");
    assert_eq!(cell("a, b"), "\"a, b\"");
    assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    for formula in ["=1+1", "+33 6", "-2", "@SUM(A1)"] {
        assert_eq!(cell(formula), format!("'{formula}"));
    }
    assert_eq!(
        cell("=HYPERLINK(\"x\",\"y\")"),
        "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
    );
    assert_eq!(line(&["a".into(), "-3".into()]), "a,-3\r\n");
}

#[test]
fn both_csvs_start_with_a_bom_and_write_iso_dates_and_empty_gaps() {
    let days = vec![
        attache::domain::report::DayCount {
            day: date(1),
            followers: Some(104),
        },
        attache::domain::report::DayCount {
            day: date(2),
            followers: None,
        },
    ];
    let text = followers_csv(&[("=Boulangerie, Lyon".into(), days)]);
    assert!(text.starts_with(BOM));
    assert_eq!(
        &text[BOM.len()..],
        "account,day,followers\r\n\"'=Boulangerie, Lyon\",2026-11-01,104\r\n\"'=Boulangerie, Lyon\",2026-11-02,\r\n"
    );
    let snaps = [
        followers("a", at(1, 8.0), 200),
        counts("a", "s1", at(2, 12.0), 9, 2),
    ];
    let published = [post("s1", "a", at(1, 10.0), "Atelier \"pain\", samedi")];
    let text = posts_csv(&post_figures(&snaps, &published, (at(1, 0.0), at(3, 0.0))));
    let rows: Vec<&str> = text[BOM.len()..].split("\r\n").collect();
    assert_eq!(rows[0], "published,network,text,likes,boosts,replies,quotes,interactions,followers when posted,engagement rate (%),address");
    assert_eq!(
        rows[1],
        "2026-11-01T09:00:00Z,Mastodon,\"Atelier \"\"pain\"\", samedi\",9,2,1,0,12,200,6.00,https://social.test/@a/s1"
    );
    assert_eq!(rows[2], "");
}

#[test]
fn a_range_chosen_needs_both_days_in_order_and_two_years_at_most() {
    let p = Period::between("2026-11-01", "2026-11-10").unwrap();
    assert_eq!((p.first, p.last, p.days()), (date(1), date(10), 10));
    assert_eq!(
        Period::between("2026-11-05", "2026-11-05").unwrap().days(),
        1
    );
    assert_eq!(Period::between("", "2026-11-10"), Err(RangeError::Missing));
    assert_eq!(
        Period::between("2026-11-31", "2026-12-01"),
        Err(RangeError::Missing)
    );
    assert_eq!(
        Period::between("2026-11-10", "2026-11-01"),
        Err(RangeError::Reversed)
    );
    assert_eq!(
        Period::between("2024-11-01", "2026-11-01").unwrap().days(),
        731
    );
    assert_eq!(
        Period::between("2024-11-01", "2026-11-02"),
        Err(RangeError::TooLong)
    );
}

#[test]
fn posts_are_counted_per_week_from_monday_and_per_network() {
    // Sunday 1st to Wednesday 11th: the weeks of Monday Oct 26, Nov 2 and Nov 9.
    let p = Period {
        first: date(1),
        last: date(11),
    };
    let mut bluesky = post("b1", "b", at(3, 9.0), "");
    bluesky.network = Network::Bluesky;
    let published = [
        post("s1", "a", at(1, 20.0), ""),
        post("s2", "a", at(2, 0.5), ""),
        post("s3", "a", at(3, 9.0), ""),
        bluesky,
        post("s4", "a", at(12, 9.0), ""),
        post("s5", "a", at(1, 0.0) - 1.0, ""),
    ];
    let weeks = posts_per_week(&published, p, &Paris);
    let mondays: Vec<NaiveDate> = weeks.iter().map(|w| w.monday).collect();
    assert_eq!(
        mondays,
        [
            NaiveDate::from_ymd_opt(2026, 10, 26).unwrap(),
            date(2),
            date(9)
        ]
    );
    assert_eq!(weeks[0].on(Network::Mastodon), 1);
    assert_eq!(weeks[1].on(Network::Mastodon), 2);
    assert_eq!(weeks[1].on(Network::Bluesky), 1);
    assert_eq!(
        weeks[2].on(Network::Mastodon),
        0,
        "the 12th is after the period"
    );
}

#[test]
fn the_best_and_least_received_posts_are_the_ends_of_the_rated_ones() {
    use attache::domain::report::top_and_bottom;
    let mut snaps = vec![followers("a", at(1, 0.0), 100)];
    let mut published = vec![];
    for (n, favs) in [5u64, 1, 9, 3, 7].into_iter().enumerate() {
        let id = format!("s{n}");
        snaps.push(counts("a", &id, at(2, 12.0), favs, 0));
        published.push(post(&id, "a", at(1, 10.0 + n as f64), "p"));
    }
    published.push(post("never", "a", at(1, 9.0), "jamais compté"));
    let figures = post_figures(&snaps, &published, (at(1, 0.0), at(3, 0.0)));
    let ids = |l: Vec<&attache::domain::report::PostFigures>| -> Vec<String> {
        l.iter().map(|f| f.post.remote_id.clone()).collect()
    };
    let (top, bottom) = top_and_bottom(&figures, 2);
    assert_eq!(ids(top), ["s2", "s4"]);
    assert_eq!(
        ids(bottom),
        ["s1", "s3"],
        "the lowest first; an uncounted post in neither"
    );
    // Fewer rated posts than both lists: none is in both.
    let (top, bottom) = top_and_bottom(&figures, 3);
    assert_eq!(ids(top), ["s2", "s4", "s0"]);
    assert_eq!(ids(bottom), ["s1", "s3"]);
}
