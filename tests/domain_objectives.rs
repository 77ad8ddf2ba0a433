//! Objectives computed from measured figures: followers from the last sync, posts per week
//! per network, "no data yet", reached / on track / at risk, and the checks on what is typed.

use attache::domain::network::Network;
use attache::domain::objectives::{
    check, current, median, progress, Figures, Metric, Objective, ObjectiveError, Progress,
    Standing,
};

const DAY: f64 = 86_400_000.0;
const NOW: f64 = 1_800_000_000_000.0;

fn objective(
    metric: Metric,
    target: f64,
    created_days_ago: f64,
    deadline_in_days: f64,
) -> Objective {
    Objective {
        id: "o".into(),
        metric,
        target,
        deadline: NOW + deadline_in_days * DAY,
        owner: "Léa".into(),
        created_at: NOW - created_days_ago * DAY,
    }
}

fn standing(p: Progress) -> Option<Standing> {
    match p {
        Progress::Value { standing, .. } => Some(standing),
        Progress::NoData => None,
    }
}

#[test]
fn followers_come_from_the_last_sync_or_say_there_is_no_data() {
    let o = objective(
        Metric::Followers {
            network: Network::Mastodon,
        },
        2000.0,
        10.0,
        20.0,
    );
    assert_eq!(progress(&o, &Figures::default(), NOW), Progress::NoData);
    let f = Figures {
        followers: vec![(Network::Mastodon, 1500)],
        ..Default::default()
    };
    match progress(&o, &f, NOW) {
        Progress::Value { current, share, .. } => {
            assert_eq!(current, 1500.0);
            assert_eq!(share, 0.75);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn posts_per_week_count_the_last_seven_days_on_that_network_only() {
    let mastodon = Metric::PostsPerWeek {
        network: Network::Mastodon,
    };
    let f = Figures {
        publications: vec![
            (Network::Mastodon, NOW - 1.0 * DAY),
            (Network::Mastodon, NOW - 6.9 * DAY),
            (Network::Mastodon, NOW - 7.1 * DAY), // older than a week
            (Network::Mastodon, NOW + DAY),       // not yet
            (Network::Bluesky, NOW - DAY),        // another network
        ],
        measured: vec![Network::Mastodon],
        ..Default::default()
    };
    assert_eq!(current(mastodon, &f, NOW), Some(2.0));
    // a network never measured has no data; a measured one with nothing this week has 0
    let x = Metric::PostsPerWeek {
        network: Network::X,
    };
    assert_eq!(current(x, &f, NOW), None);
    let quiet = Figures {
        measured: vec![Network::Mastodon],
        ..Default::default()
    };
    assert_eq!(current(mastodon, &quiet, NOW), Some(0.0));
}

#[test]
fn an_objective_is_reached_on_track_or_at_risk() {
    let f = |n: u64| Figures {
        followers: vec![(Network::Mastodon, n)],
        ..Default::default()
    };
    // halfway through the time
    let o = objective(
        Metric::Followers {
            network: Network::Mastodon,
        },
        1000.0,
        10.0,
        10.0,
    );
    assert_eq!(
        standing(progress(&o, &f(1000), NOW)),
        Some(Standing::Reached)
    );
    assert_eq!(
        standing(progress(&o, &f(1200), NOW)),
        Some(Standing::Reached)
    );
    assert_eq!(
        standing(progress(&o, &f(450), NOW)),
        Some(Standing::OnTrack)
    );
    assert_eq!(standing(progress(&o, &f(300), NOW)), Some(Standing::AtRisk));
    // the deadline passed without reaching it
    let late = objective(
        Metric::Followers {
            network: Network::Mastodon,
        },
        1000.0,
        30.0,
        -1.0,
    );
    assert_eq!(
        standing(progress(&late, &f(990), NOW)),
        Some(Standing::AtRisk)
    );
    // just created: nothing expected yet
    let fresh = objective(
        Metric::Followers {
            network: Network::Mastodon,
        },
        1000.0,
        0.0,
        30.0,
    );
    assert_eq!(
        standing(progress(&fresh, &f(0), NOW)),
        Some(Standing::OnTrack)
    );
}

#[test]
fn the_share_is_capped_at_the_target() {
    let o = objective(
        Metric::Followers {
            network: Network::Mastodon,
        },
        100.0,
        1.0,
        1.0,
    );
    let f = Figures {
        followers: vec![(Network::Mastodon, 250)],
        ..Default::default()
    };
    assert!(matches!(progress(&o, &f, NOW), Progress::Value { share, .. } if share == 1.0));
}

#[test]
fn what_is_typed_is_checked() {
    assert_eq!(check(3.0, NOW + DAY, NOW), Ok(()));
    assert_eq!(check(0.0, NOW + DAY, NOW), Err(ObjectiveError::Target));
    assert_eq!(check(-5.0, NOW + DAY, NOW), Err(ObjectiveError::Target));
    assert_eq!(check(f64::NAN, NOW + DAY, NOW), Err(ObjectiveError::Target));
    assert_eq!(check(3.0, NOW, NOW), Err(ObjectiveError::Deadline));
    assert_eq!(check(3.0, f64::NAN, NOW), Err(ObjectiveError::Deadline));
}

#[test]
fn objectives_are_kept_in_the_strategy_and_read_back() {
    let o = objective(
        Metric::PostsPerWeek {
            network: Network::Bluesky,
        },
        3.0,
        1.0,
        30.0,
    );
    let json = serde_json::to_string(&o).unwrap();
    assert!(
        json.contains(r#""metric":{"kind":"posts_per_week","network":"bluesky"}"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Objective>(&json).unwrap(), o);
}

#[test]
fn the_median_of_an_odd_and_an_even_count_and_of_nothing() {
    assert_eq!(median(&mut [3.0, 1.0]), Some(2.0));
    assert_eq!(median(&mut [5.0, 1.0, 9.0]), Some(5.0));
    assert_eq!(median(&mut []), None);
}

#[test]
fn time_to_answer_is_reached_by_going_under_the_target() {
    let f = |hours: Vec<f64>| Figures {
        conversations: hours.len(),
        answer_hours: hours,
        ..Default::default()
    };
    let o = objective(Metric::MedianAnswerHours, 4.0, 10.0, 20.0);
    assert_eq!(
        progress(&o, &Figures::default(), NOW),
        Progress::NoData,
        "no answered message yet"
    );
    assert_eq!(
        current(Metric::MedianAnswerHours, &f(vec![2.0, 6.0, 3.0]), NOW),
        Some(3.0)
    );
    assert_eq!(
        standing(progress(&o, &f(vec![2.0, 6.0, 3.0]), NOW)),
        Some(Standing::Reached)
    );
    // 8 hours against 4: half way, a third of the time gone: on track
    let Progress::Value {
        share, standing: s, ..
    } = progress(&o, &f(vec![8.0]), NOW)
    else {
        panic!("a value");
    };
    assert_eq!((share, s), (0.5, Standing::OnTrack));
    // 40 hours against 4 with most of the time gone: at risk
    let late = objective(Metric::MedianAnswerHours, 4.0, 90.0, 5.0);
    assert_eq!(
        standing(progress(&late, &f(vec![40.0]), NOW)),
        Some(Standing::AtRisk)
    );
}

#[test]
fn share_answered_is_a_percentage_of_the_conversations() {
    let figures = Figures {
        conversations: 4,
        answer_hours: vec![1.0, 2.0, 3.0],
        ..Default::default()
    };
    assert_eq!(current(Metric::AnsweredShare, &figures, NOW), Some(75.0));
    assert_eq!(
        current(Metric::AnsweredShare, &Figures::default(), NOW),
        None
    );
    let o = objective(Metric::AnsweredShare, 90.0, 10.0, 20.0);
    assert_eq!(
        standing(progress(&o, &figures, NOW)),
        Some(Standing::OnTrack)
    );
}

#[test]
fn reply_share_weighs_answers_against_posts_published() {
    let figures = |answers: usize, posts: usize| Figures {
        answer_hours: vec![1.0; answers],
        conversations: answers + 3,
        posts_published_30d: posts,
        ..Default::default()
    };
    assert_eq!(
        current(Metric::ReplyShare, &Figures::default(), NOW),
        None,
        "nothing done yet"
    );
    assert_eq!(current(Metric::ReplyShare, &figures(1, 3), NOW), Some(25.0));
    assert_eq!(
        current(Metric::ReplyShare, &figures(0, 4), NOW),
        Some(0.0),
        "only creating"
    );
    assert_eq!(
        current(Metric::ReplyShare, &figures(2, 0), NOW),
        Some(100.0)
    );
    let o = objective(Metric::ReplyShare, 30.0, 25.0, 5.0);
    assert_eq!(
        standing(progress(&o, &figures(1, 9), NOW)),
        Some(Standing::AtRisk),
        "10 % of 30 with most of the time gone"
    );
    assert_eq!(
        standing(progress(&o, &figures(1, 1), NOW)),
        Some(Standing::Reached)
    );
}

#[test]
fn each_followers_objective_reads_its_own_networks_figure() {
    // Mastodon 1,280 followers and Bluesky 2, as a user saw: each objective its own figure.
    let f = Figures {
        followers: vec![(Network::Bluesky, 2), (Network::Mastodon, 1280)],
        ..Default::default()
    };
    let on = |network| objective(Metric::Followers { network }, 1500.0, 10.0, 20.0);
    match progress(&on(Network::Mastodon), &f, NOW) {
        Progress::Value { current, .. } => assert_eq!(current, 1280.0),
        other => panic!("{other:?}"),
    }
    match progress(&on(Network::Bluesky), &f, NOW) {
        Progress::Value { current, .. } => assert_eq!(current, 2.0),
        other => panic!("{other:?}"),
    }
    // A network never synced has no figure, whatever the others say.
    assert_eq!(progress(&on(Network::Threads), &f, NOW), Progress::NoData);
}

#[test]
fn a_followers_objective_saved_before_networks_were_named_is_mastodons() {
    let old = r#"{"id":"o","metric":{"kind":"followers"},"target":1500.0,"deadline":1.0,"owner":"","created_at":0.0}"#;
    let o: Objective = serde_json::from_str(old).unwrap();
    assert_eq!(
        o.metric,
        Metric::Followers {
            network: Network::Mastodon
        }
    );
    let json = serde_json::to_string(&objective(
        Metric::Followers {
            network: Network::Bluesky,
        },
        1.0,
        1.0,
        1.0,
    ))
    .unwrap();
    assert!(
        json.contains(r#""metric":{"kind":"followers","network":"bluesky"}"#),
        "{json}"
    );
}
