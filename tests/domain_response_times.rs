//! Response times as support tools define them: first response from the later of arrival and
//! reopening, each reply from when the conversation started waiting on us, resolution from
//! arrival; working hours count only the time inside them; medians, p90 and buckets.

use attache::domain::queue::Zone;
use attache::domain::response_times::{counted_ms, summarize, times, Event, WorkingHours};

const M: f64 = 60_000.0;
const H: f64 = 60.0 * M;

/// Paris in winter: UTC+1.
struct Paris;
impl Zone for Paris {
    fn offset_minutes(&self, _utc_ms: f64) -> i32 {
        60
    }
}

/// Monday 2026-11-30 00:00 in Paris (2026-11-29T23:00Z), as UTC ms.
const MONDAY: f64 = 1_795_993_200_000.0;

#[test]
fn first_response_reply_times_and_resolution() {
    let t0 = MONDAY + 10.0 * H;
    let e = [
        Event::Theirs(t0),
        Event::Ours(t0 + 30.0 * M),
        Event::Theirs(t0 + 2.0 * H),
        Event::Theirs(t0 + 2.5 * H), // still the same wait
        Event::Ours(t0 + 3.0 * H),
        Event::Done(t0 + 4.0 * H),
    ];
    let t = times(&e, None, &Paris);
    assert_eq!(t.first_response, Some(30.0 * M));
    assert_eq!(t.replies, vec![30.0 * M, 60.0 * M]);
    assert_eq!(t.resolution, Some(4.0 * H));
}

#[test]
fn a_reopening_restarts_the_first_response_clock() {
    let t0 = MONDAY + 9.0 * H;
    let e = [
        Event::Theirs(t0),
        Event::Done(t0 + H), // closed without an answer
        Event::Reopened(t0 + 5.0 * H),
        Event::Ours(t0 + 5.5 * H),
    ];
    let t = times(&e, None, &Paris);
    assert_eq!(t.first_response, Some(30.0 * M));
    assert_eq!(t.replies, vec![30.0 * M]);
}

#[test]
fn our_own_post_before_their_message_is_not_an_answer() {
    let t0 = MONDAY + 9.0 * H;
    let e = [
        Event::Ours(t0 - H),
        Event::Theirs(t0),
        Event::Ours(t0 + 10.0 * M),
    ];
    assert_eq!(times(&e, None, &Paris).first_response, Some(10.0 * M));
    assert_eq!(times(&[Event::Ours(t0)], None, &Paris), Default::default());
}

#[test]
fn working_hours_count_only_the_time_inside_them() {
    let hours = WorkingHours::weekdays(9 * 60, 18 * 60);
    // Monday 23:00 to Tuesday 9:05: five minutes.
    let from = MONDAY + 23.0 * H;
    let to = MONDAY + 24.0 * H + 9.0 * H + 5.0 * M;
    assert_eq!(counted_ms(from, to, Some(&hours), &Paris), 5.0 * M);
    assert_eq!(counted_ms(from, to, None, &Paris), 10.0 * H + 5.0 * M);
    // Friday 17:00 to Monday 10:00: one hour on Friday, one on Monday.
    let friday = MONDAY + 4.0 * 24.0 * H;
    let next_monday = MONDAY + 7.0 * 24.0 * H;
    assert_eq!(
        counted_ms(
            friday + 17.0 * H,
            next_monday + 10.0 * H,
            Some(&hours),
            &Paris
        ),
        2.0 * H
    );
    // Saturday alone counts nothing.
    let saturday = MONDAY + 5.0 * 24.0 * H;
    assert_eq!(
        counted_ms(
            saturday + 10.0 * H,
            saturday + 12.0 * H,
            Some(&hours),
            &Paris
        ),
        0.0
    );
    // Backwards or empty: nothing.
    assert_eq!(counted_ms(to, from, Some(&hours), &Paris), 0.0);
    let t = times(
        &[Event::Theirs(from), Event::Ours(to)],
        Some(&hours),
        &Paris,
    );
    assert_eq!(t.first_response, Some(5.0 * M));
}

#[test]
fn summaries_give_median_p90_share_and_buckets() {
    let d: Vec<f64> = [0.5, 0.75, 2.0, 5.0, 10.0, 30.0, 0.1, 0.2, 0.3, 48.0]
        .iter()
        .map(|h| h * H)
        .collect();
    let s = summarize(&d);
    assert_eq!(s.count, 10);
    assert_eq!(s.median, Some(0.75 * H)); // 5th of 10 by nearest rank
    assert_eq!(s.p90, Some(30.0 * H)); // 9th of 10
    assert_eq!(s.within_hour, Some(0.5));
    assert_eq!(s.buckets, [5, 1, 1, 1, 2]);
    let empty = summarize(&[]);
    assert_eq!(
        (empty.median, empty.p90, empty.within_hour),
        (None, None, None)
    );
}
