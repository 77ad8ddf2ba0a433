//! How fast the brand answers, with the definitions support tools use (Chatwoot's):
//! - first response time: our first reply − the later of the conversation's arrival and its
//!   last reopening before that reply;
//! - reply time: each of our replies − the moment the conversation started waiting on us
//!   (a message of theirs after our last reply, or a reopening);
//! - resolution time: done − arrival.
//!
//! With working hours, only the time inside them counts (a message at 23:00 answered at 9:05
//! the next morning took 5 minutes of a 9:00 start). Summaries give the median, the 90th
//! percentile, the share answered within an hour and the usual buckets.

use super::queue::Zone;
use super::sorting;

const MINUTE_MS: f64 = 60_000.0;
const HOUR_MS: f64 = 60.0 * MINUTE_MS;
const DAY_MS: f64 = 24.0 * HOUR_MS;

/// What happened in a conversation, at a UTC instant (ms).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    /// A message of theirs (the first one opens the conversation).
    Theirs(f64),
    /// A reply of ours.
    Ours(f64),
    /// Marked done.
    Done(f64),
    /// Opened again after done (by us, or by a message of theirs after done).
    Reopened(f64),
}

impl Event {
    fn at(self) -> f64 {
        match self {
            Event::Theirs(t) | Event::Ours(t) | Event::Done(t) | Event::Reopened(t) => t,
        }
    }
}

/// The days and hours someone answers: for each weekday (Monday first), the local minutes
/// `[start, end)` from midnight, or `None` for a day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WorkingHours {
    pub days: [Option<(u16, u16)>; 7],
}

impl WorkingHours {
    /// Monday to Friday, `start`–`end` (local minutes).
    pub fn weekdays(start: u16, end: u16) -> Self {
        let mut days = [None; 7];
        for d in days.iter_mut().take(5) {
            *d = Some((start, end));
        }
        WorkingHours { days }
    }

    /// The same hours `[start, end)` on each ticked day (Monday first); `None` when the
    /// hours are empty or reversed, or no day is ticked.
    pub fn on_days(start: u16, end: u16, ticked: [bool; 7]) -> Option<Self> {
        if end <= start || end > 24 * 60 || !ticked.contains(&true) {
            return None;
        }
        Some(WorkingHours {
            days: ticked.map(|on| on.then_some((start, end))),
        })
    }
}

/// The time between `from` and `to` (UTC ms) that counts: all of it without working hours,
/// else only what falls inside them, in the zone's local time.
pub fn counted_ms(from: f64, to: f64, hours: Option<&WorkingHours>, zone: &impl Zone) -> f64 {
    if to <= from {
        return 0.0;
    }
    let Some(hours) = hours else {
        return to - from;
    };
    let local = |utc: f64| utc + f64::from(zone.offset_minutes(utc)) * MINUTE_MS;
    let (a, b) = (local(from), local(to));
    let mut day = (a / DAY_MS).floor();
    let mut total = 0.0;
    while day * DAY_MS < b {
        // 1970-01-01 was a Thursday: weekday 3 with Monday as 0.
        let weekday = ((day as i64 + 3).rem_euclid(7)) as usize;
        if let Some((start, end)) = hours.days[weekday] {
            let open = day * DAY_MS + f64::from(start) * MINUTE_MS;
            let close = day * DAY_MS + f64::from(end) * MINUTE_MS;
            let (s, e) = (open.max(a), close.min(b));
            if e > s {
                total += e - s;
            }
        }
        day += 1.0;
    }
    total
}

/// The figures of one conversation (ms of counted time).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Times {
    pub first_response: Option<f64>,
    pub replies: Vec<f64>,
    pub resolution: Option<f64>,
    /// When each figure above was reached (UTC ms): the reply, or the moment marked done.
    pub first_response_at: Option<f64>,
    pub replies_at: Vec<f64>,
    pub resolution_at: Option<f64>,
}

/// The figures of one conversation from its events (in any order).
pub fn times(events: &[Event], hours: Option<&WorkingHours>, zone: &impl Zone) -> Times {
    let mut events = events.to_vec();
    sorting::sort_by(&mut events[..], |x, y| x.at().total_cmp(&y.at()));
    let mut out = Times::default();
    let Some(arrival) = events.iter().find_map(|e| match e {
        Event::Theirs(t) => Some(*t),
        _ => None,
    }) else {
        return out;
    };
    // Since when the conversation waits on us (None: it does not).
    let mut waiting: Option<f64> = None;
    let mut first_from = arrival;
    let mut done = false;
    for e in events {
        match e {
            Event::Theirs(t) => {
                if done {
                    done = false;
                    first_from = first_from.max(t);
                }
                waiting.get_or_insert(t);
            }
            Event::Reopened(t) => {
                done = false;
                if out.first_response.is_none() {
                    first_from = first_from.max(t);
                }
                waiting.get_or_insert(t);
            }
            Event::Ours(t) => {
                if t < arrival {
                    continue; // our post that started it
                }
                if out.first_response.is_none() {
                    out.first_response = Some(counted_ms(first_from, t, hours, zone));
                    out.first_response_at = Some(t);
                }
                if let Some(since) = waiting.take() {
                    out.replies.push(counted_ms(since, t, hours, zone));
                    out.replies_at.push(t);
                }
            }
            Event::Done(t) => {
                done = true;
                waiting = None;
                out.resolution = Some(counted_ms(arrival, t, hours, zone));
                out.resolution_at = Some(t);
            }
        }
    }
    out
}

/// Buckets of answer times: 0–1 h, 1–4 h, 4–8 h, 8–24 h, over 24 h.
pub const BUCKETS_H: [f64; 4] = [1.0, 4.0, 8.0, 24.0];

/// Median, 90th percentile, share within an hour and bucket counts of some durations (ms).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub count: usize,
    pub median: Option<f64>,
    pub p90: Option<f64>,
    /// Between 0 and 1; `None` with no duration.
    pub within_hour: Option<f64>,
    pub buckets: [usize; 5],
}

/// The summary of `durations` (ms). Percentiles by the nearest-rank method.
pub fn summarize(durations: &[f64]) -> Summary {
    let mut d: Vec<f64> = durations
        .iter()
        .copied()
        .filter(|x| x.is_finite())
        .collect();
    sorting::sort_numbers(&mut d[..]);
    let n = d.len();
    let rank = |p: f64| d[((p * n as f64).ceil() as usize).clamp(1, n) - 1];
    let mut buckets = [0; 5];
    for x in &d {
        let i = BUCKETS_H
            .iter()
            .position(|h| *x < h * HOUR_MS)
            .unwrap_or(BUCKETS_H.len());
        buckets[i] += 1;
    }
    Summary {
        count: n,
        median: (n > 0).then(|| rank(0.5)),
        p90: (n > 0).then(|| rank(0.9)),
        within_hour: (n > 0).then(|| buckets[0] as f64 / n as f64),
        buckets,
    }
}
