//! The best time to post: slots of the user's week from the account's posts of the last 16
//! weeks, a slot's mean engagement rate only from 3 posts up, the best slots among those,
//! other accounts, older posts and posts without a rate left out.

use attache::domain::best_time::{best_times, MIN_POSTS};
use attache::domain::network::Network;
use attache::domain::queue::Zone;
use attache::domain::report::{PostFigures, Published};

/// Paris in winter: UTC+1.
struct Paris;
impl Zone for Paris {
    fn offset_minutes(&self, _: f64) -> i32 {
        60
    }
}

const HOUR: f64 = 3_600_000.0;
const DAY: f64 = 24.0 * HOUR;
/// Monday 2026-11-30, 00:00 in Paris.
fn monday() -> f64 {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis() as f64
        - HOUR
}

/// A post of `account` at `at` with `interactions` likes for 100 followers.
fn post(account: &str, at: f64, interactions: u64) -> PostFigures {
    PostFigures {
        post: Published {
            remote_id: format!("{at}"),
            account_id: account.into(),
            network: Network::Mastodon,
            at,
            text: String::new(),
            url: String::new(),
        },
        favourites: interactions,
        boosts: 0,
        replies: 0,
        quotes: 0,
        followers_then: Some(100),
        counted_at: Some(at + HOUR),
    }
}

#[test]
fn slots_need_three_posts_and_the_best_are_chosen_among_those() {
    let now = monday() + 7.0 * DAY;
    let mut figures = vec![];
    // Tuesdays at 9:xx: 3 posts, 4 % on average.
    for week in 1..=3 {
        figures.push(post(
            "a",
            monday() + DAY + 9.0 * HOUR + 600_000.0 - f64::from(week) * 7.0 * DAY,
            3 + week as u64,
        ));
    }
    // Fridays at 18:xx: 2 posts at 50 %: not enough to count.
    for week in 1..=2 {
        figures.push(post(
            "a",
            monday() + 4.0 * DAY + 18.5 * HOUR - f64::from(week) * 7.0 * DAY,
            50,
        ));
    }
    // Sundays at 20:xx: 4 posts, 2 %.
    for week in 1..=4 {
        figures.push(post(
            "a",
            monday() + 6.0 * DAY + 20.0 * HOUR - f64::from(week) * 7.0 * DAY,
            2,
        ));
    }
    // Left out: another account, a post 17 weeks old, a post never counted.
    figures.push(post("b", monday() + DAY + 9.0 * HOUR, 90));
    figures.push(post("a", now - 17.0 * 7.0 * DAY, 90));
    let mut uncounted = post("a", monday() + DAY + 9.0 * HOUR - 7.0 * DAY, 90);
    uncounted.counted_at = None;
    figures.push(uncounted);

    let best = best_times(&figures, "a", &Paris, now);
    assert_eq!(best.sample, 9);
    let tuesday_9 = best.slots[1][9];
    assert_eq!(tuesday_9.posts, 3);
    assert_eq!(tuesday_9.rate, Some(5.0));
    let friday_18 = best.slots[4][18];
    assert_eq!(friday_18.posts, MIN_POSTS - 1);
    assert_eq!(friday_18.rate, None, "not enough data");
    assert_eq!(best.slots[6][20].rate, Some(2.0));
    assert_eq!(best.top, [(1, 9), (6, 20)]);
    assert_eq!(best.highest, 5.0);
}
