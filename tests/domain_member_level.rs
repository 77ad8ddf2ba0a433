//! The Orbit levels: placement by weight and by presence, the one-year look-back, promotion
//! at once and demotion at the monthly review, editable weights, and what moves a member up.

use attache::domain::member_level::{
    earned, earned_until, next_step, placed, Activity, ActivityKind as K, Basis, Level, Weights,
    DAY_MS, LOOK_BACK_MS,
};

/// Day 20_000 (2024-10-04) at noon UTC, as the origin of every test.
const T0: f64 = 20_000.0 * DAY_MS + 12.0 * 3_600_000.0;

fn act(kind: K, day_offset: i64) -> Activity {
    Activity {
        kind,
        at: T0 + day_offset as f64 * DAY_MS,
        day: 20_000 + day_offset,
    }
}

fn level_now(acts: &[Activity], now_offset: i64) -> Level {
    let now = T0 + now_offset as f64 * DAY_MS;
    placed(acts, &Weights::default(), now, now).0
}

#[test]
fn one_activity_of_a_levels_weight_places_a_member_there() {
    let w = Weights::default();
    for (kind, level) in [
        (K::Follow, Level::Exploring),
        (K::Favourite, Level::Exploring),
        (K::Boost, Level::Exploring),
        (K::Mention, Level::Participating),
        (K::Reply, Level::Participating),
        (K::ConversationStarted, Level::Participating),
        (K::ContentAboutBrand, Level::Contributing),
        (K::EventHosted, Level::Leading),
    ] {
        let (got, basis) = earned(&[act(kind, 0)], &w, T0);
        assert_eq!(got, level, "{kind:?}");
        if level != Level::Exploring {
            assert_eq!(basis, Basis::Weight { kind, at: T0 });
        }
    }
    assert_eq!(Level::Participating.number(), 3);
}

#[test]
fn presence_places_too_two_days_in_a_week_seven_in_a_month_thirty_in_a_quarter() {
    // Favourites only (weight 2): presence alone moves them.
    assert_eq!(
        level_now(&[act(K::Favourite, 0), act(K::Favourite, 6)], 6),
        Level::Participating
    );
    assert_eq!(
        level_now(&[act(K::Favourite, 0), act(K::Favourite, 7)], 7),
        Level::Exploring
    );
    // Twice the same day is one active day.
    let same_day = [
        act(K::Favourite, 0),
        Activity {
            at: T0 + 3_600_000.0,
            ..act(K::Favourite, 0)
        },
    ];
    assert_eq!(level_now(&same_day, 0), Level::Exploring);
    let month: Vec<Activity> = (0..7).map(|d| act(K::Favourite, d * 4)).collect();
    assert_eq!(level_now(&month, 24), Level::Contributing);
    let spread: Vec<Activity> = (0..7).map(|d| act(K::Favourite, d * 5)).collect();
    assert_eq!(
        level_now(&spread, 30),
        Level::Participating,
        "7 days over 31 days is not a month"
    );
    let quarter: Vec<Activity> = (0..30).map(|d| act(K::Boost, d * 3)).collect();
    assert_eq!(level_now(&quarter, 87), Level::Leading);
    match earned(&quarter, &Weights::default(), T0 + 87.0 * DAY_MS).1 {
        Basis::Presence {
            days,
            window,
            first,
            at,
        } => {
            assert_eq!((days, window), (30, 91));
            assert_eq!(first, T0);
            assert_eq!(at, T0 + 87.0 * DAY_MS);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn only_the_last_year_counts() {
    let acts = [act(K::Mention, 0)];
    assert_eq!(
        earned(&acts, &Weights::default(), T0 + 364.0 * DAY_MS).0,
        Level::Participating
    );
    let (level, basis) = earned(&acts, &Weights::default(), T0 + 366.0 * DAY_MS);
    assert_eq!((level, basis), (Level::Exploring, Basis::Nothing));
    assert_eq!(
        earned_until(Basis::Weight {
            kind: K::Mention,
            at: T0
        }),
        Some(T0 + LOOK_BACK_MS)
    );
}

#[test]
fn a_promotion_is_at_once_a_demotion_waits_for_the_monthly_review() {
    let w = Weights::default();
    let acts = [act(K::Favourite, 0), act(K::Reply, 10)];
    // The reply promotes the same day, whatever the review.
    let review = T0 - 5.0 * DAY_MS;
    assert_eq!(
        placed(&acts, &w, T0 + 10.0 * DAY_MS, review).0,
        Level::Participating
    );
    // A year and a day after the reply it is no longer earned…
    let expired = T0 + 376.0 * DAY_MS;
    assert_eq!(earned(&acts, &w, expired).0, Level::Exploring);
    // …but the month's review was held before: they stay until the next one.
    let before = T0 + 370.0 * DAY_MS;
    assert_eq!(placed(&acts, &w, expired, before).0, Level::Participating);
    // The next review, after it expired, moves them down.
    let after = T0 + 376.0 * DAY_MS - 3_600_000.0;
    assert_eq!(placed(&acts, &w, expired, after).0, Level::Exploring);
    // Promoted mid-month by a reply that then expires before the review: kept till the review.
    let old_reply = [act(K::Reply, -364)];
    let review = T0 - 2.0 * DAY_MS;
    assert_eq!(
        placed(&old_reply, &w, T0 + 3.0 * DAY_MS, review).0,
        Level::Participating
    );
}

#[test]
fn weights_are_the_workspaces_to_change() {
    let heavy_likes = Weights {
        favourite: 8,
        ..Weights::default()
    };
    assert_eq!(
        earned(&[act(K::Favourite, 0)], &heavy_likes, T0).0,
        Level::Contributing
    );
    let light_mentions = Weights {
        mention: 2,
        ..Weights::default()
    };
    assert_eq!(
        earned(&[act(K::Mention, 0)], &light_mentions, T0).0,
        Level::Exploring
    );
}

#[test]
fn the_next_step_names_the_heavy_enough_kinds_and_the_days_needed() {
    let acts = [act(K::Favourite, -1), act(K::Favourite, -30)];
    let step = next_step(&acts, &Weights::default(), Level::Exploring, 20_000).unwrap();
    assert_eq!(step.level, Level::Participating);
    assert_eq!(step.weight, 5);
    assert_eq!(
        step.kinds,
        vec![
            K::Mention,
            K::Reply,
            K::Quote,
            K::ConversationStarted,
            K::ContentAboutBrand,
            K::EventHosted
        ]
    );
    assert_eq!(step.presence, Some((2, 7)));
    assert_eq!(step.have, 1, "one active day in the last 7");
    assert!(next_step(&acts, &Weights::default(), Level::Leading, 20_000).is_none());
}

#[test]
fn each_kinds_weight_is_set_on_its_own() {
    let mut w = Weights::default();
    for (i, k) in K::ALL.into_iter().enumerate() {
        w.set(k, 20 + i as u32);
    }
    for (i, k) in K::ALL.into_iter().enumerate() {
        assert_eq!(w.of(k), 20 + i as u32, "{k:?}");
    }
}

/// The placement as the rule says it, asked at every moment that could matter: the level
/// earned at the review, at each activity since and now; today's if it is as good.
fn placed_by_the_rule(acts: &[Activity], w: &Weights, now: f64, review: f64) -> (Level, Basis) {
    let review = review.min(now);
    let mut best = earned(acts, w, review);
    for a in acts.iter().filter(|a| a.at > review && a.at <= now) {
        let e = earned(acts, w, a.at);
        if e.0 > best.0 {
            best = e;
        }
    }
    let today = earned(acts, w, now);
    if today.0 >= best.0 {
        today
    } else {
        best
    }
}

#[test]
fn placing_asks_once_when_nothing_left_the_year_since_the_review_and_agrees_with_the_rule() {
    // 20,000 generated members: a few activities each, some around the year's edge, some
    // after `now`, reviews from the same day to two months back.
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let kinds = K::ALL;
    let (mut left_the_year, mut demoted_since) = (0, 0);
    for _ in 0..20_000 {
        let now_day = 400 + next(40) as i64;
        let now = T0 + now_day as f64 * DAY_MS;
        let review = now - next(60) as f64 * DAY_MS - next(24) as f64 * 3_600_000.0;
        let acts: Vec<Activity> = (0..1 + next(12))
            .map(|_| {
                let day = next(now_day as u64 + 5) as i64;
                let mut a = act(kinds[next(kinds.len() as u64) as usize], day);
                a.at += next(86_400_000) as f64 - 43_200_000.0;
                a
            })
            .collect();
        let w = Weights::default();
        let got = placed(&acts, &w, now, review);
        assert_eq!(
            got,
            placed_by_the_rule(&acts, &w, now, review),
            "{acts:?} now {now} review {review}"
        );
        if acts
            .iter()
            .any(|a| a.at > review.min(now) - LOOK_BACK_MS && a.at <= now - LOOK_BACK_MS)
        {
            left_the_year += 1;
            if got.0 > earned(&acts, &w, now).0 {
                demoted_since += 1;
            }
        }
    }
    // The generated members take the long way too, and some of them are held up by the review.
    assert!(left_the_year > 1_000, "{left_the_year}");
    assert!(demoted_since > 100, "{demoted_since}");
}
