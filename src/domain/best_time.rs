//! The best time to post: from an account's own posts published in the last 16 weeks, the
//! mean engagement rate of each weekday × hour of the user's week; a slot with fewer than
//! [`MIN_POSTS`] posts has no figure ("not enough data"), and the best slots are chosen only
//! among those with enough.

use super::queue::{local_parts, Zone};
use super::report::PostFigures;

use chrono::Datelike;

/// How many posts a slot needs before its figure means something.
pub const MIN_POSTS: u32 = 3;
/// How far back the posts are taken.
pub const WEEKS: u32 = 16;
/// How many best slots are named.
pub const TOP: usize = 3;

/// One hour of one weekday.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Slot {
    /// Posts published in it with an engagement rate.
    pub posts: u32,
    /// Their mean engagement rate (percent), once there are [`MIN_POSTS`].
    pub rate: Option<f64>,
    sum: f64,
}

/// The week's slots: `slots[weekday][hour]`, Monday first.
#[derive(Debug, Clone, PartialEq)]
pub struct BestTimes {
    pub slots: [[Slot; 24]; 7],
    /// How many posts it was worked out from.
    pub sample: u32,
    /// The best slots with enough posts, best first: (weekday from Monday, hour).
    pub top: Vec<(u8, u8)>,
    /// The highest mean rate of a slot with enough posts (for the colour scale).
    pub highest: f64,
}

/// The best times of `account_id` from `figures` (any order) published in the
/// [`WEEKS`] weeks before `now`.
pub fn best_times(
    figures: &[PostFigures],
    account_id: &str,
    zone: &impl Zone,
    now: f64,
) -> BestTimes {
    let since = now - f64::from(WEEKS) * 7.0 * 86_400_000.0;
    let mut slots = [[Slot::default(); 24]; 7];
    let mut sample = 0;
    for f in figures {
        if f.post.account_id != account_id || f.post.at < since || f.post.at > now {
            continue;
        }
        let Some(rate) = f.rate() else {
            continue;
        };
        let (date, minute) = local_parts(zone, f.post.at);
        let day = date.weekday().num_days_from_monday() as usize;
        let slot = &mut slots[day][usize::from(minute / 60)];
        slot.posts += 1;
        slot.sum += rate;
        sample += 1;
    }
    let mut ranked = vec![];
    let mut highest: f64 = 0.0;
    for (d, hours) in slots.iter_mut().enumerate() {
        for (h, slot) in hours.iter_mut().enumerate() {
            if slot.posts >= MIN_POSTS {
                let rate = slot.sum / f64::from(slot.posts);
                slot.rate = Some(rate);
                highest = highest.max(rate);
                ranked.push((rate, d as u8, h as u8));
            }
        }
    }
    // Best first; between equals, the earlier in the week.
    super::sorting::sort_by(&mut ranked, |a, b| {
        b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2)))
    });
    BestTimes {
        slots,
        sample,
        top: ranked
            .into_iter()
            .take(TOP)
            .map(|(_, d, h)| (d, h))
            .collect(),
        highest,
    }
}
