//! The response-time report: figures go to the local week they were reached in (an empty
//! week is still listed), to their network and to their teammate; what falls outside the
//! period is left out.

use attache::domain::network::Network;
use attache::domain::queue::Zone;
use attache::domain::response_report::{report, week_of, Sample};
use attache::domain::response_times::{times, Event, WorkingHours};
use chrono::NaiveDate;

const M: f64 = 60_000.0;
const H: f64 = 60.0 * M;
const D: f64 = 24.0 * H;

struct Paris;
impl Zone for Paris {
    fn offset_minutes(&self, _utc_ms: f64) -> i32 {
        60
    }
}

/// Monday 2026-11-30 00:00 in Paris, as UTC ms.
const MONDAY: f64 = 1_795_993_200_000.0;

fn sample(network: Network, who: Option<&str>, events: &[Event]) -> Sample {
    Sample {
        network,
        assignee: who.map(str::to_string),
        times: times(events, None, &Paris),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_week_is_the_local_monday() {
    assert_eq!(week_of(&Paris, MONDAY), date(2026, 11, 30));
    // Sunday 23:30 in Paris is still the week before.
    assert_eq!(week_of(&Paris, MONDAY - 30.0 * M), date(2026, 11, 23));
    assert_eq!(
        week_of(&Paris, MONDAY + 6.0 * D + 23.0 * H),
        date(2026, 11, 30)
    );
}

#[test]
fn figures_go_to_their_week_network_and_teammate() {
    let t = MONDAY + 9.0 * H;
    let samples = [
        // Week 1, Mastodon, Léa: answered in 30 min, closed after 2 h.
        sample(
            Network::Mastodon,
            Some("Léa"),
            &[
                Event::Theirs(t),
                Event::Ours(t + 30.0 * M),
                Event::Done(t + 2.0 * H),
            ],
        ),
        // Week 1, Bluesky, nobody: answered in 5 h.
        sample(
            Network::Bluesky,
            None,
            &[Event::Theirs(t), Event::Ours(t + 5.0 * H)],
        ),
        // Week 3, Bluesky, Léa: answered in 2 h, then a second wait answered in 10 min.
        sample(
            Network::Bluesky,
            Some(" Léa "),
            &[
                Event::Theirs(t + 14.0 * D),
                Event::Ours(t + 14.0 * D + 2.0 * H),
                Event::Theirs(t + 14.0 * D + 3.0 * H),
                Event::Ours(t + 14.0 * D + 3.0 * H + 10.0 * M),
            ],
        ),
        // Not answered: no figure at all.
        sample(Network::Mastodon, Some("Sam"), &[Event::Theirs(t)]),
    ];
    let r = report(&samples, MONDAY, MONDAY + 21.0 * D, &Paris);
    assert_eq!(r.total.first_response.count, 3);
    assert_eq!(r.total.first_response.median, Some(2.0 * H));
    assert_eq!(r.total.first_response.buckets, [1, 1, 1, 0, 0]);
    assert_eq!(r.total.reply.count, 4);
    assert_eq!(r.total.resolution.count, 1);
    let weeks: Vec<(NaiveDate, usize)> = r
        .weeks
        .iter()
        .map(|(w, row)| (*w, row.first_response.count))
        .collect();
    assert_eq!(
        weeks,
        vec![
            (date(2026, 11, 30), 2),
            (date(2026, 12, 7), 0),
            (date(2026, 12, 14), 1)
        ]
    );
    let networks: Vec<(Network, usize)> = r
        .networks
        .iter()
        .map(|(n, row)| (*n, row.reply.count))
        .collect();
    assert_eq!(
        networks,
        vec![(Network::Mastodon, 1), (Network::Bluesky, 3)]
    );
    let people: Vec<(Option<String>, usize, Option<f64>)> = r
        .assignees
        .iter()
        .map(|(n, row)| {
            (
                n.clone(),
                row.first_response.count,
                row.first_response.within_hour,
            )
        })
        .collect();
    assert_eq!(
        people,
        vec![
            (Some("Léa".to_string()), 2, Some(0.5)),
            (None, 1, Some(0.0)),
        ]
    );
}

#[test]
fn what_falls_outside_the_period_is_left_out() {
    let t = MONDAY - 2.0 * D;
    let samples = [sample(
        Network::Mastodon,
        None,
        // Answered before the period, closed inside it.
        &[
            Event::Theirs(t),
            Event::Ours(t + H),
            Event::Done(MONDAY + H),
        ],
    )];
    let r = report(&samples, MONDAY, MONDAY + 7.0 * D, &Paris);
    assert_eq!(r.total.first_response.count, 0);
    assert_eq!(r.total.resolution.count, 1);
    assert_eq!(r.total.resolution.median, Some(2.0 * D + H));
    assert_eq!(r.weeks.len(), 1);
}

#[test]
fn working_hours_shorten_an_answer_given_the_next_morning() {
    // Friday 17:30 in Paris, answered Monday 9:15: with office hours 9–18 on weekdays, 45 min.
    let friday = MONDAY + 4.0 * D + 17.5 * H;
    let e = [
        Event::Theirs(friday),
        Event::Ours(MONDAY + 7.0 * D + 9.25 * H),
    ];
    let office = WorkingHours::weekdays(9 * 60, 18 * 60);
    let counted = times(&e, Some(&office), &Paris);
    assert_eq!(counted.first_response, Some(45.0 * M));
    let all = times(&e, None, &Paris);
    assert_eq!(all.first_response, Some(2.0 * D + 15.75 * H));
    let r = report(
        &[Sample {
            network: Network::Bluesky,
            assignee: None,
            times: counted,
        }],
        MONDAY,
        MONDAY + 14.0 * D,
        &Paris,
    );
    assert_eq!(r.total.first_response.within_hour, Some(1.0));
    assert_eq!(r.weeks[1].1.first_response.count, 1);
}
