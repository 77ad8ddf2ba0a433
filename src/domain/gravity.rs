//! The workspace's gravity month by month (the Orbit model: the pull of a community is the
//! love of its members weighted by their reach) and, for each month, how many members moved
//! up to each level, held it, or moved down to it since the month before.
//!
//! A member's weight in the gravity is their love at the month's end (the weights of their
//! activities over the year before) times `1 + log10(1 + followers)`: someone with no known
//! followers counts their love once, someone followed by 1,000 about four times — reach
//! matters without one famous account outweighing the whole community.

use chrono::Datelike;

use super::member::{review_start, Member};
use super::member_level::{placed, Level, Weights, LOOK_BACK_MS};
use super::queue::{local_parts, local_to_utc, Zone};

/// How a level's members moved during a month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moves {
    /// At this level now, at a lower one (a higher number) or not yet a member before.
    pub up: u32,
    /// At this level before and now.
    pub held: u32,
    /// At this level now, at a higher one before.
    pub down: u32,
}

impl Moves {
    /// The level's members at the end: up, held and down together.
    pub fn members(&self) -> u32 {
        self.up + self.held + self.down
    }
}

/// One month's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Month {
    /// The first instant of the month (UTC ms, the user's calendar).
    pub start: f64,
    pub gravity: f64,
    /// By level, 1 Leading first.
    pub moves: [Moves; 4],
}

/// A member's reach factor: `1 + log10(1 + followers)`.
pub fn reach_factor(followers: Option<u64>) -> f64 {
    1.0 + (1.0 + followers.unwrap_or(0) as f64).log10()
}

/// The starts of the `count` months up to the one around `now`, oldest first.
pub fn month_starts(zone: &impl Zone, now: f64, count: usize) -> Vec<f64> {
    let mut starts = vec![];
    let mut at = review_start(zone, now);
    for _ in 0..count {
        starts.push(at);
        // The day before this month's start is in the month before.
        let (day, _) = local_parts(zone, at - 1.0);
        at = local_to_utc(zone, day.with_day0(0).unwrap_or(day), 0);
    }
    starts.reverse();
    starts
}

/// The gravity and the moves of the months starting at `starts` (oldest first; each ends where
/// the next starts, the last at `now`).
pub fn by_month(
    members: &[Member],
    weights: &Weights,
    zone: &impl Zone,
    starts: &[f64],
    now: f64,
) -> Vec<Month> {
    let acts: Vec<_> = members.iter().map(|m| m.activities(zone)).collect();
    // Where each member stood at an instant (None: not yet seen).
    let level_at = |i: usize, at: f64| -> Option<Level> {
        (members[i].first_seen <= at)
            .then(|| placed(&acts[i], weights, at, review_start(zone, at)).0)
    };
    let ends: Vec<f64> = starts
        .iter()
        .skip(1)
        .map(|s| s - 1.0)
        .chain(std::iter::once(now))
        .collect();
    starts
        .iter()
        .zip(&ends)
        .map(|(&start, &end)| {
            let mut moves = [Moves::default(); 4];
            let mut gravity = 0.0;
            for (i, m) in members.iter().enumerate() {
                let Some(now_level) = level_at(i, end) else {
                    continue;
                };
                let love: u32 = acts[i]
                    .iter()
                    .filter(|a| a.at > end - LOOK_BACK_MS && a.at <= end)
                    .map(|a| weights.of(a.kind))
                    .sum();
                gravity += f64::from(love) * reach_factor(m.reach);
                let slot = &mut moves[usize::from(now_level.number()) - 1];
                match level_at(i, start - 1.0) {
                    Some(before) if before == now_level => slot.held += 1,
                    Some(before) if before > now_level => slot.down += 1,
                    _ => slot.up += 1,
                }
            }
            Month {
                start,
                gravity,
                moves,
            }
        })
        .collect()
}

/// The figures of any stretch of time, from `start` to `end` (UTC ms, the last instant it
/// holds): the gravity at its end, each level's members then, and how they moved since its
/// start — a report's period read as one month is.
pub fn over(
    members: &[Member],
    weights: &Weights,
    zone: &impl Zone,
    start: f64,
    end: f64,
) -> Month {
    by_month(members, weights, zone, &[start], end)
        .pop()
        .unwrap_or(Month {
            start,
            gravity: 0.0,
            moves: [Moves::default(); 4],
        })
}
