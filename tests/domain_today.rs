//! The Today screen's figures: today's posts by network and state, posts to publish by hand
//! that fell due, failed posts, the conversations waiting with the oldest one's age, and
//! the snoozed ones coming back today.

use attache::domain::network::Network;
use attache::domain::post::{Post, PostState, Publication, Variant};
use attache::domain::today::{compute, Count};

const DAY: f64 = 86_400_000.0;
const START: f64 = 1_780_000_000_000.0; // a local midnight, as UTC ms
const NOW: f64 = START + 10.0 * 3_600_000.0; // 10:00 that day

fn post(id: &str, state: PostState, due: Option<f64>, networks: &[Network]) -> Post {
    let mut p = Post::new(id.into(), "ws".into(), START - DAY);
    p.state = state;
    p.due_at = due;
    p.variants = networks.iter().map(|n| Variant::new(*n)).collect();
    p
}

#[test]
fn an_empty_workspace_has_nothing_to_do() {
    let t = compute(&[], &[], &[], START, START + DAY, NOW);
    assert!(t.scheduled.is_empty());
    assert_eq!((t.by_hand_due, t.failed, t.unanswered), (0, 0, 0));
    assert_eq!(t.oldest_unanswered, None);
}

#[test]
fn todays_posts_are_counted_by_network_and_state_and_other_days_are_not() {
    let mut published = post(
        "p3",
        PostState::Scheduled,
        Some(START + 8.0 * 3_600_000.0),
        &[Network::Mastodon, Network::Bluesky],
    );
    published.variants[0].published = Some(Publication {
        at: START + 8.0 * 3_600_000.0,
        url: String::new(),
    });
    let posts = vec![
        post(
            "p1",
            PostState::Scheduled,
            Some(START + 14.0 * 3_600_000.0),
            &[Network::Mastodon, Network::Bluesky],
        ),
        post(
            "p2",
            PostState::Scheduled,
            Some(START + 18.0 * 3_600_000.0),
            &[Network::Mastodon],
        ),
        published,
        post(
            "tomorrow",
            PostState::Scheduled,
            Some(START + DAY),
            &[Network::Mastodon],
        ),
        post(
            "yesterday",
            PostState::Scheduled,
            Some(START - 1.0),
            &[Network::Mastodon],
        ),
        post("undated", PostState::Draft, None, &[Network::Mastodon]),
    ];
    let t = compute(&posts, &[], &[], START, START + DAY, NOW);
    assert_eq!(
        t.scheduled,
        vec![
            Count {
                network: Network::Mastodon,
                state: PostState::Scheduled,
                posts: 2
            },
            Count {
                network: Network::Mastodon,
                state: PostState::Published,
                posts: 1
            },
            Count {
                network: Network::Bluesky,
                state: PostState::Scheduled,
                posts: 2
            },
        ]
    );
}

#[test]
fn posts_to_publish_by_hand_count_once_due_and_until_published() {
    let mut done = post(
        "done",
        PostState::Scheduled,
        Some(NOW - 60_000.0),
        &[Network::X],
    );
    done.variants[0].published = Some(Publication {
        at: NOW,
        url: String::new(),
    });
    let posts = vec![
        post(
            "due",
            PostState::Scheduled,
            Some(NOW - 60_000.0),
            &[Network::X, Network::LinkedIn, Network::Mastodon],
        ),
        post(
            "overdue",
            PostState::Scheduled,
            Some(NOW - 3.0 * DAY),
            &[Network::Facebook],
        ),
        post(
            "later",
            PostState::Scheduled,
            Some(NOW + 60_000.0),
            &[Network::X],
        ),
        post(
            "cancelled",
            PostState::Cancelled,
            Some(NOW - 60_000.0),
            &[Network::X],
        ),
        done,
    ];
    let t = compute(&posts, &[], &[], START, START + DAY, NOW);
    assert_eq!(
        t.by_hand_due, 3,
        "X and LinkedIn of `due`, Facebook of `overdue`"
    );
}

#[test]
fn failed_posts_are_counted_whatever_their_date() {
    let posts = vec![
        post(
            "f1",
            PostState::Failed,
            Some(START - 5.0 * DAY),
            &[Network::Mastodon],
        ),
        post("f2", PostState::Failed, None, &[Network::Bluesky]),
        post("ok", PostState::Published, Some(START), &[Network::Bluesky]),
    ];
    assert_eq!(compute(&posts, &[], &[], START, START + DAY, NOW).failed, 2);
}

#[test]
fn waiting_conversations_the_oldest_one_and_snoozes_back_today() {
    let waiting = [NOW - 3_600_000.0, NOW - 2.0 * DAY, NOW - 60_000.0];
    let snoozed = [
        NOW + 3_600_000.0,
        START + DAY - 1.0,
        START + DAY,
        NOW + 3.0 * DAY,
    ];
    let t = compute(&[], &waiting, &snoozed, START, START + DAY, NOW);
    assert_eq!(t.unanswered, 3);
    assert_eq!(t.oldest_unanswered, Some(NOW - 2.0 * DAY));
    assert_eq!(t.snoozed_today, 2, "back before midnight, not at it");
}

#[test]
fn ten_thousand_posts_and_twenty_five_thousand_waiting_conversations_in_one_pass() {
    let posts: Vec<Post> = (0..10_000)
        .map(|i| {
            post(
                &format!("p{i}"),
                PostState::Scheduled,
                Some(START + (i % 48) as f64 * 1_800_000.0),
                &[Network::Mastodon, Network::X],
            )
        })
        .collect();
    let waiting: Vec<f64> = (0..25_000).map(|i| NOW - i as f64 * 1000.0).collect();
    let t = compute(&posts, &waiting, &[], START, START + DAY, NOW);
    let today: usize = t.scheduled.iter().map(|c| c.posts).sum();
    assert_eq!(
        today, 20_000,
        "every post of the 48 half-hours is today, on both networks"
    );
    assert_eq!(t.unanswered, 25_000);
    assert_eq!(t.oldest_unanswered, Some(NOW - 24_999.0 * 1000.0));
    // X variants due by 10:00: half-hours 0..=20 → 21 of every 48 posts
    assert_eq!(t.by_hand_due, (0..10_000).filter(|i| i % 48 <= 20).count());
}

#[test]
fn posts_published_at_once_today_count_for_today_though_never_scheduled() {
    let mut now_post = post("a", PostState::Published, None, &[Network::Mastodon]);
    now_post.variants[0].published = Some(Publication {
        at: START + 9.0 * 3_600_000.0,
        url: "https://social.test/@alice/1".into(),
    });
    let mut yesterday = post("b", PostState::Published, None, &[Network::Bluesky]);
    yesterday.variants[0].published = Some(Publication {
        at: START - 3_600_000.0,
        url: String::new(),
    });
    // scheduled for yesterday, sent this morning: today's
    let mut late = post(
        "c",
        PostState::Published,
        Some(START - 2.0 * 3_600_000.0),
        &[Network::Mastodon],
    );
    late.variants[0].published = Some(Publication {
        at: START + 3_600_000.0,
        url: String::new(),
    });
    let t = compute(
        &[now_post, yesterday, late],
        &[],
        &[],
        START,
        START + DAY,
        NOW,
    );
    assert_eq!(
        t.scheduled,
        vec![Count {
            network: Network::Mastodon,
            state: PostState::Published,
            posts: 2
        }]
    );
}
