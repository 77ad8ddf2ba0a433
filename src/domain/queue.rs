//! The posting queue: a workspace's weekly slots, the next free slot after an instant, and
//! the occurrences of an evergreen post, all in the user's local wall-clock time through a
//! [`Zone`] (the browser's in the app, `chrono-tz` in tests).

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Minutes in a civil day; a slot's minute is below this.
pub const MINUTES_PER_DAY: u16 = 1440;
/// Two instants closer than this are the same slot.
pub const SAME_SLOT_MS: f64 = 60_000.0;
/// How far [`next_free_slot`] looks ahead.
pub const LOOK_AHEAD_DAYS: u32 = 366;
/// The most occurrences [`evergreen_occurrences`] returns.
pub const MAX_OCCURRENCES: usize = 1_000;

const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_DAY: f64 = 86_400_000.0;

/// Why a slot or a recurrence was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueError {
    /// The weekday is not 0 (Monday) to 6 (Sunday).
    Weekday,
    /// The minute is not below [`MINUTES_PER_DAY`].
    Minute,
    /// A recurrence must repeat at least every day.
    EveryDays,
}

/// A weekly posting time. Orders by weekday, then minute. Read from storage or a file
/// through [`Slot::new`], so an out-of-range slot never gets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawSlot")]
pub struct Slot {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Minutes after local midnight, below [`MINUTES_PER_DAY`].
    pub minute: u16,
}

#[derive(Deserialize)]
struct RawSlot {
    weekday: u8,
    minute: u16,
}

impl TryFrom<RawSlot> for Slot {
    type Error = String;
    fn try_from(raw: RawSlot) -> Result<Slot, String> {
        Slot::new(raw.weekday, raw.minute).map_err(|e| format!("bad slot: {e:?}"))
    }
}

impl Slot {
    pub fn new(weekday: u8, minute: u16) -> Result<Slot, QueueError> {
        if weekday > 6 {
            return Err(QueueError::Weekday);
        }
        if minute >= MINUTES_PER_DAY {
            return Err(QueueError::Minute);
        }
        Ok(Slot { weekday, minute })
    }

    /// The time of day as `HH:MM`, e.g. `09:30`.
    pub fn label_hhmm(&self) -> String {
        format!("{:02}:{:02}", self.minute / 60, self.minute % 60)
    }
}

/// A workspace's weekly slots, sorted and without duplicates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueSettings {
    pub workspace_id: String,
    #[serde(default)]
    pub slots: Vec<Slot>,
}

impl QueueSettings {
    pub fn new(workspace_id: String) -> QueueSettings {
        QueueSettings {
            workspace_id,
            slots: Vec::new(),
        }
    }

    /// Adds a slot in its place; `false` when it was already there.
    pub fn add_slot(&mut self, slot: Slot) -> bool {
        match self.slots.binary_search(&slot) {
            Ok(_) => false,
            Err(at) => {
                self.slots.insert(at, slot);
                true
            }
        }
    }

    /// Removes a slot; `false` when it was not there.
    pub fn remove_slot(&mut self, slot: &Slot) -> bool {
        let before = self.slots.len();
        self.slots.retain(|s| s != slot);
        self.slots.len() != before
    }
}

/// How an evergreen post comes back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recurrence {
    /// At least 1.
    pub every_days: u32,
    /// The last instant an occurrence may have, UTC ms, inclusive.
    pub until: f64,
}

impl Recurrence {
    pub fn new(every_days: u32, until: f64) -> Result<Recurrence, QueueError> {
        if every_days == 0 {
            return Err(QueueError::EveryDays);
        }
        Ok(Recurrence { every_days, until })
    }
}

/// A time zone: how far the local wall clock is ahead of UTC at an instant.
pub trait Zone {
    /// Local wall clock = UTC + this many minutes (Paris in summer: +120; New York in
    /// winter: -300). Note the sign is the opposite of JavaScript's `getTimezoneOffset()`.
    fn offset_minutes(&self, utc_ms: f64) -> i32;
}

/// The local date and minute of the day at an instant.
pub fn local_parts(zone: &impl Zone, utc_ms: f64) -> (NaiveDate, u16) {
    let local_ms = utc_ms + f64::from(zone.offset_minutes(utc_ms)) * MS_PER_MINUTE;
    let days = (local_ms / MS_PER_DAY).floor();
    let minute = ((local_ms - days * MS_PER_DAY) / MS_PER_MINUTE).floor() as u16;
    (
        date_from_epoch_days(days as i64),
        minute.min(MINUTES_PER_DAY - 1),
    )
}

/// The instant of a local date and minute of the day, resolved like JavaScript's
/// `new Date(y, m, d, h, min)`:
/// - a wall-clock time that does not exist (the spring-forward gap, e.g. 02:30 on the last
///   Sunday of March in Paris) is read with the offset in force before the gap, which lands
///   it forward by the gap's length (03:30 local);
/// - an ambiguous wall-clock time (the autumn overlap) is the earlier instant, the first
///   time the clock shows it.
///
/// Assumes offset changes are more than a day apart, as in every real zone.
pub fn local_to_utc(zone: &impl Zone, date: NaiveDate, minute: u16) -> f64 {
    let local_ms = epoch_days(date) as f64 * MS_PER_DAY
        + f64::from(minute.min(MINUTES_PER_DAY - 1)) * MS_PER_MINUTE;
    let before = zone.offset_minutes(local_ms - MS_PER_DAY);
    let here = zone.offset_minutes(local_ms);
    let after = zone.offset_minutes(local_ms + MS_PER_DAY);
    [before, here, after]
        .into_iter()
        .map(|offset| local_ms - f64::from(offset) * MS_PER_MINUTE)
        .filter(|&utc| utc + f64::from(zone.offset_minutes(utc)) * MS_PER_MINUTE == local_ms)
        .min_by(f64::total_cmp)
        .unwrap_or(local_ms - f64::from(before) * MS_PER_MINUTE)
}

/// The earliest slot instant strictly after `after_utc_ms` that no instant of `taken` (the
/// due times of the workspace's other scheduled posts) occupies, within
/// [`LOOK_AHEAD_DAYS`]. `None` when there are no slots or every one is taken.
pub fn next_free_slot(
    settings: &QueueSettings,
    zone: &impl Zone,
    after_utc_ms: f64,
    taken: &[f64],
) -> Option<f64> {
    free_slot_from(settings, zone, after_utc_ms, false, taken)
}

/// The occurrences of an evergreen post: `first_utc_ms` itself, then one every
/// `recurrence.every_days` local days at the first one's wall-clock time (09:00 stays 09:00
/// across a change of offset). The schedule is anchored on the first occurrence, so a moved
/// occurrence does not shift the later ones. An aimed instant that is taken, or that is not
/// on a slot when the workspace has slots, moves to the next free slot at or after it (with
/// no slots, a taken aim is skipped). Each occurrence is taken in turn, so no two share a
/// slot. Stops after `recurrence.until` (inclusive) or at [`MAX_OCCURRENCES`].
pub fn evergreen_occurrences(
    settings: &QueueSettings,
    zone: &impl Zone,
    first_utc_ms: f64,
    recurrence: &Recurrence,
    taken: &[f64],
) -> Vec<f64> {
    if first_utc_ms > recurrence.until {
        return Vec::new();
    }
    let mut out = vec![first_utc_ms];
    if recurrence.every_days == 0 {
        return out;
    }
    let mut taken = taken.to_vec();
    taken.push(first_utc_ms);
    let (first_date, minute) = local_parts(zone, first_utc_ms);
    for k in 1u64.. {
        if out.len() >= MAX_OCCURRENCES {
            break;
        }
        let Some(date) = u64::from(recurrence.every_days)
            .checked_mul(k)
            .and_then(|n| first_date.checked_add_days(Days::new(n)))
        else {
            break;
        };
        let aim = local_to_utc(zone, date, minute);
        if aim > recurrence.until {
            break;
        }
        let last = out[out.len() - 1];
        let chosen = if !settings.slots.is_empty() {
            match free_slot_from(settings, zone, aim.max(last), aim > last, &taken) {
                Some(at) => at,
                None => break,
            }
        } else if aim > last && !is_taken(aim, &taken) {
            aim
        } else {
            continue;
        };
        if chosen > recurrence.until {
            break;
        }
        taken.push(chosen);
        out.push(chosen);
    }
    out
}

fn free_slot_from(
    settings: &QueueSettings,
    zone: &impl Zone,
    from_utc_ms: f64,
    inclusive: bool,
    taken: &[f64],
) -> Option<f64> {
    if settings.slots.is_empty() {
        return None;
    }
    let limit = from_utc_ms + f64::from(LOOK_AHEAD_DAYS) * MS_PER_DAY;
    let (start, _) = local_parts(zone, from_utc_ms);
    let mut best: Option<f64> = None;
    // From the day before, in case a gap pushes a late slot past midnight.
    let mut date = start.pred_opt()?;
    for _ in 0..=LOOK_AHEAD_DAYS + 1 {
        let weekday = date.weekday().num_days_from_monday() as u8;
        for slot in settings.slots.iter().filter(|s| s.weekday == weekday) {
            let at = local_to_utc(zone, date, slot.minute);
            let late_enough = if inclusive {
                at >= from_utc_ms
            } else {
                at > from_utc_ms
            };
            if late_enough && at <= limit && !is_taken(at, taken) && best.is_none_or(|b| at < b) {
                best = Some(at);
            }
        }
        // A slot on a later date is never earlier than one found two days before.
        if best.is_some_and(|b| local_to_utc(zone, date, 0) > b + MS_PER_DAY) {
            break;
        }
        date = date.succ_opt()?;
    }
    best
}

fn is_taken(at: f64, taken: &[f64]) -> bool {
    taken.iter().any(|t| (t - at).abs() < SAME_SLOT_MS)
}

fn epoch_days(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - i64::from(UNIX_EPOCH_DAYS_FROM_CE)
}

fn date_from_epoch_days(days: i64) -> NaiveDate {
    i32::try_from(days + i64::from(UNIX_EPOCH_DAYS_FROM_CE))
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(NaiveDate::MIN)
}

/// 1970-01-01 as counted by `NaiveDate::num_days_from_ce`.
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;
