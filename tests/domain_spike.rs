//! A spike: today's count above the mean plus three standard deviations of the last 14
//! watched days, once 7 are known; counts per day of the user's days.

use attache::domain::queue::Zone;
use attache::domain::report::Period;
use attache::domain::spike::{last_day_spike, per_day, spike, DayVolume};
use chrono::NaiveDate;

struct Paris;
impl Zone for Paris {
    fn offset_minutes(&self, _: f64) -> i32 {
        60
    }
}

#[test]
fn a_spike_needs_seven_days_and_three_deviations() {
    // Six days known: never a spike, however high today is.
    assert_eq!(spike(&[1, 1, 1, 1, 1, 1], 100), None);
    // Mean 2, population deviation 1 (1,3 alternating): threshold 5.
    let week = [1, 3, 1, 3, 1, 3, 1, 3];
    let s = spike(&week, 6).expect("6 > 5");
    assert_eq!(
        (s.mean, s.deviation, s.threshold, s.days),
        (2.0, 1.0, 5.0, 8)
    );
    assert_eq!(
        spike(&week, 5),
        None,
        "equal to the threshold is not above it"
    );
    // Only the last 14 days count: an old burst does not raise the bar.
    let mut days = vec![50, 50, 50];
    days.extend([2; 14]);
    let s = spike(&days, 6).expect("flat history: 3 above the mean is a spike");
    assert_eq!((s.mean, s.threshold, s.days), (2.0, 5.0, 14));
    // After quiet days one more post is not a spike (the deviation counts as 1 at least).
    assert_eq!(spike(&days[3..], 3), None);
    assert_eq!(spike(&[0; 14], 1), None);
    assert_eq!(spike(&[0; 14], 4).map(|s| s.threshold), Some(3.0));
}

#[test]
fn counts_per_day_follow_the_users_days() {
    let first = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let period = Period {
        first,
        last: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
    };
    let (start, _) = period.bounds(&Paris);
    let hour = 3_600_000.0;
    // 23:30 UTC on 30 Nov is 00:30 on 1 Dec in Paris; before the period: left out.
    let times = [
        start + 0.5 * hour,
        start + 23.0 * hour,
        start + 25.0 * hour,
        start - hour,
    ];
    let v = per_day(times, period, &Paris);
    assert_eq!(v.iter().map(|d| d.count).collect::<Vec<_>>(), vec![2, 1, 0]);
    assert_eq!(v[0].day, first);
}

#[test]
fn the_days_before_a_search_was_saved_are_not_counted() {
    let day = |d: u32, count: u32| DayVolume {
        day: NaiveDate::from_ymd_opt(2026, 12, d).unwrap(),
        count,
    };
    let days: Vec<DayVolume> = (1..=15)
        .map(|d| day(d, if d == 15 { 9 } else { 0 }))
        .collect();
    // Saved on the 10th: 5 days known before today, not enough.
    assert_eq!(
        last_day_spike(&days, NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()),
        None
    );
    // Saved on the 1st: 14 quiet days, then 9.
    let s = last_day_spike(&days, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
    assert_eq!((s.today, s.days), (9, 14));
}

#[test]
fn a_crisis_is_an_hour_far_more_negative_than_the_same_hour_before() {
    use attache::domain::spike::crisis;
    const HOUR: f64 = 3_600_000.0;
    const DAY: f64 = 24.0 * HOUR;
    let now = 100.0 * DAY;
    // One negative message in that hour on each of the last 14 days, then 5 in the last hour.
    let mut times: Vec<f64> = (1..=14)
        .map(|d| now - f64::from(d) * DAY - HOUR / 2.0)
        .collect();
    let quiet = times.clone();
    times.extend((0..5).map(|i| now - f64::from(i) * 60_000.0));
    let s = crisis(&times, now, 0.0).expect("5 against a steady 1");
    assert_eq!((s.today, s.days, s.mean), (5, 14, 1.0));
    // Messages at other hours of those days do not count.
    let mut other_hours = times.clone();
    other_hours.extend((1..=14).map(|d| now - f64::from(d) * DAY - 5.0 * HOUR));
    assert_eq!(crisis(&other_hours, now, 0.0).map(|s| s.mean), Some(1.0));
    // The usual hour: no crisis.
    let mut usual = quiet.clone();
    usual.push(now - 10.0);
    assert_eq!(crisis(&usual, now, 0.0), None);
    // Watched for 6 days only: not enough to say.
    assert_eq!(crisis(&times, now, now - 6.5 * DAY), None);
}
