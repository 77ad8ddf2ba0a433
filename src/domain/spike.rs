//! A spike: a day whose volume stands out from the days before it. Listening counts each
//! search's posts per day of the user's week and warns when today's count exceeds the mean
//! plus three standard deviations (at least 1) of the last 14 days, once at least 7 days are
//! known.

use chrono::NaiveDate;

use super::queue::{local_parts, Zone};
use super::report::Period;

/// Days looked back, and the fewest that must be known before a spike is said.
pub const LOOK_BACK_DAYS: u32 = 14;
pub const FEWEST_DAYS: usize = 7;

/// The smallest standard deviation the threshold is worked out with.
pub const MIN_DEVIATION: f64 = 1.0;

/// Today's count against the days before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spike {
    pub today: u32,
    pub mean: f64,
    pub deviation: f64,
    /// Mean plus three standard deviations: today's count is above it.
    pub threshold: f64,
    /// How many earlier days were counted.
    pub days: usize,
}

/// Whether `today` stands out from `before` (each earlier day's count, the days that were
/// watched only; at most the last [`LOOK_BACK_DAYS`] are used): a count above the mean
/// plus three (population) standard deviations — [`MIN_DEVIATION`] at least —, with at
/// least [`FEWEST_DAYS`] days known.
pub fn spike(before: &[u32], today: u32) -> Option<Spike> {
    let days = &before[before.len().saturating_sub(LOOK_BACK_DAYS as usize)..];
    if days.len() < FEWEST_DAYS {
        return None;
    }
    let n = days.len() as f64;
    let mean = days.iter().map(|&d| f64::from(d)).sum::<f64>() / n;
    let variance = days
        .iter()
        .map(|&d| (f64::from(d) - mean).powi(2))
        .sum::<f64>()
        / n;
    let deviation = variance.sqrt();
    // A deviation of at least 1: after quiet days (all alike, often all zero) a single
    // post or message is not a spike; at least mean + 3 is.
    let threshold = mean + 3.0 * deviation.max(MIN_DEVIATION);
    (f64::from(today) > threshold).then_some(Spike {
        today,
        mean,
        deviation,
        threshold,
        days: days.len(),
    })
}

/// One day's count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayVolume {
    pub day: NaiveDate,
    pub count: u32,
}

/// The count per day of `period` of the instants `times` (UTC ms) in the user's days;
/// instants outside the period are left out.
pub fn per_day(
    times: impl IntoIterator<Item = f64>,
    period: Period,
    zone: &impl Zone,
) -> Vec<DayVolume> {
    let mut out: Vec<DayVolume> = period
        .each_day()
        .map(|day| DayVolume { day, count: 0 })
        .collect();
    for t in times {
        let day = local_parts(zone, t).0;
        if day < period.first || day > period.last {
            continue;
        }
        let i = (day - period.first).num_days() as usize;
        out[i].count += 1;
    }
    out
}

/// Whether the last day of `days` (today) is a spike against the days before it that were
/// watched (on or after `watched_from`, the day the search was saved).
pub fn last_day_spike(days: &[DayVolume], watched_from: NaiveDate) -> Option<Spike> {
    let (today, before) = days.split_last()?;
    let known: Vec<u32> = before
        .iter()
        .filter(|d| d.day >= watched_from)
        .map(|d| d.count)
        .collect();
    spike(&known, today.count)
}

const HOUR: f64 = 3_600_000.0;
const DAY: f64 = 24.0 * HOUR;

/// A crisis: more negative messages in the hour before `now` than the mean plus three
/// standard deviations of the same hour on each of the last 14 days that were watched
/// (from `watched_from`, UTC ms: the first message kept), once 7 are known. `negative` are
/// the times (UTC ms) of the messages that count as negative.
pub fn crisis(negative: &[f64], now: f64, watched_from: f64) -> Option<Spike> {
    let count = |end: f64| {
        negative
            .iter()
            .filter(|&&t| t >= end - HOUR && t < end)
            .count() as u32
    };
    let before: Vec<u32> = (1..=LOOK_BACK_DAYS)
        .rev()
        .map(|d| now - f64::from(d) * DAY)
        .filter(|end| end - HOUR >= watched_from)
        .map(count)
        .collect();
    // The hour that ends now includes a message written this very instant.
    let last = negative
        .iter()
        .filter(|&&t| t > now - HOUR && t <= now)
        .count() as u32;
    spike(&before, last)
}
