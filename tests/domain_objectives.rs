//! Objectives computed from measured figures: followers from the last sync, posts per week
//! per network, "no data yet", reached / on track / at risk, and the checks on what is typed.

use attache::domain::network::Network;
use attache::domain::objectives::{
    check, current, progress, Figures, Metric, Objective, ObjectiveError, Progress, Standing,
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
    let o = objective(Metric::Followers, 2000.0, 10.0, 20.0);
    assert_eq!(progress(&o, &Figures::default(), NOW), Progress::NoData);
    let f = Figures {
        followers: Some(1500),
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
        followers: Some(n),
        ..Default::default()
    };
    // halfway through the time
    let o = objective(Metric::Followers, 1000.0, 10.0, 10.0);
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
    let late = objective(Metric::Followers, 1000.0, 30.0, -1.0);
    assert_eq!(
        standing(progress(&late, &f(990), NOW)),
        Some(Standing::AtRisk)
    );
    // just created: nothing expected yet
    let fresh = objective(Metric::Followers, 1000.0, 0.0, 30.0);
    assert_eq!(
        standing(progress(&fresh, &f(0), NOW)),
        Some(Standing::OnTrack)
    );
}

#[test]
fn the_share_is_capped_at_the_target() {
    let o = objective(Metric::Followers, 100.0, 1.0, 1.0);
    let f = Figures {
        followers: Some(250),
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
