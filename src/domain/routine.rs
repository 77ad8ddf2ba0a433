//! The community manager's daily routine for one workspace: a short checklist with times,
//! what was ticked on each local day, the history and the streak, and which items are due a
//! gentle reminder. Ticks are keyed by the local date ([`local_day`]), so the list starts
//! fresh at local midnight by construction. Pure: the zone comes in as a [`Zone`] and the
//! clock as UTC ms; nothing here reads either, stores or notifies.
//!
//! Days are judged against the current list: an item counts from the local day it was added
//! (`since`), so a new item leaves the days already done complete; a removed item stops
//! counting on every day, and its ticks go with it.
//!
//! An item's reminder on a day is the first instant whose wall clock shows its time or later
//! ([`reminder_at`]), so it fires once even when DST changes the clock that day: in the
//! spring-forward gap (02:30 in Paris on 29 March 2026 does not exist) it fires when the gap
//! ends, at 03:00; in the autumn overlap (02:30 happens twice on 25 October 2026) it fires at
//! the first 02:30 only. A reminder more than a day late is dropped, not caught up.
//!
//! The "Today" screen calls these on each render: each is linear in the items and in the
//! ticks of the days it looks at, with a binary search in `days` (kept in order) per day.

use super::sorting;
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

use super::queue::{local_parts, local_to_utc, Zone, MINUTES_PER_DAY};

/// The longest label, in characters.
pub const LABEL_MAX_CHARS: usize = 120;
/// How many days of ticks the app keeps, and the history shows.
pub const KEEP_DAYS: u32 = 30;

const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_DAY: f64 = 86_400_000.0;

/// One step of the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutineItem {
    pub id: String,
    pub label: String,
    /// Minutes after local midnight (below 1440) for the reminder; `None`: no reminder.
    #[serde(default)]
    pub time: Option<u16>,
    /// The local day (`YYYY-MM-DD`) the item joined the routine: it counts from that day on.
    /// `None` for the default items, which count on every day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
}

/// The items ticked on one local day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayDone {
    /// The local date, `YYYY-MM-DD` ([`day_key`]).
    pub day: String,
    /// Item ids, in the order they were ticked.
    pub done: Vec<String>,
}

/// One record per workspace, stored under [`routine_id`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Routine {
    pub workspace_id: String,
    /// In the order the checklist shows them.
    #[serde(default)]
    pub items: Vec<RoutineItem>,
    /// Oldest first, one record per day, none empty. [`Routine::toggle`] and
    /// [`Routine::prune`] keep it so, and reading a stored routine puts it back in order.
    #[serde(default, deserialize_with = "days_in_order")]
    pub days: Vec<DayDone>,
    /// When the routine was last saved (UTC ms); the screen sets it when it saves.
    #[serde(default)]
    pub updated_at: f64,
}

pub fn routine_id(workspace_id: &str) -> String {
    format!("routine:{workspace_id}")
}

/// Why an edit was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutineError {
    /// The label is empty once trimmed.
    Empty,
    /// The label is longer than [`LABEL_MAX_CHARS`].
    TooLong,
    /// The time is not below [`MINUTES_PER_DAY`].
    Time,
    /// The new item's id is empty or already used.
    Id,
    /// No item has this id.
    NotFound,
}

/// A step of the default day, after the seed's "8.00am: I check my work emails, hoping there
/// won't have been some major catastrophe overnight". Its words are the UI's, in the user's
/// language: [`default_routine`] takes them as a function of the step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultStep {
    /// Check what happened overnight: mentions, messages, emails.
    Overnight,
    /// Answer mentions and messages, the quick ones first.
    Answer,
    /// Publish the posts planned for today.
    Publish,
    /// Listen to the conversation: keywords, the brand's name, competitors.
    Listen,
    /// Note the day's figures for the report.
    Report,
}

impl DefaultStep {
    /// In the order of the day.
    pub const ALL: [DefaultStep; 5] = [
        DefaultStep::Overnight,
        DefaultStep::Answer,
        DefaultStep::Publish,
        DefaultStep::Listen,
        DefaultStep::Report,
    ];

    /// The item's id in a new routine.
    pub fn id(self) -> &'static str {
        match self {
            DefaultStep::Overnight => "overnight",
            DefaultStep::Answer => "answer",
            DefaultStep::Publish => "publish",
            DefaultStep::Listen => "listen",
            DefaultStep::Report => "report",
        }
    }

    /// Its reminder, in minutes after local midnight.
    pub fn time(self) -> u16 {
        match self {
            DefaultStep::Overnight => 8 * 60,
            DefaultStep::Answer => 8 * 60 + 30,
            DefaultStep::Publish => 10 * 60,
            DefaultStep::Listen => 14 * 60,
            DefaultStep::Report => 17 * 60 + 30,
        }
    }
}

/// A new workspace's routine: check overnight, answer, publish, listen, report, each labelled
/// by `label` (the UI's words in the user's language).
pub fn default_routine(
    workspace_id: &str,
    label: impl Fn(DefaultStep) -> String,
    now: f64,
) -> Routine {
    let items = DefaultStep::ALL
        .iter()
        .map(|&step| RoutineItem {
            id: step.id().to_string(),
            label: label(step),
            time: Some(step.time()),
            since: None,
        })
        .collect();
    Routine {
        workspace_id: workspace_id.to_string(),
        items,
        days: Vec::new(),
        updated_at: now,
    }
}

/// A label tidied and checked: trimmed, each run of inner white space made one space (a
/// no-break space when the run holds one, so French typography survives).
pub fn check_label(label: &str) -> Result<String, RoutineError> {
    let mut tidy = String::with_capacity(label.len());
    let mut gap: Option<char> = None;
    for c in label.trim().chars() {
        if c.is_whitespace() {
            // A run becomes one space, or the first no-break space in it.
            gap = match gap {
                Some(g) if g != ' ' => Some(g),
                _ if matches!(c, '\u{a0}' | '\u{202f}') => Some(c),
                _ => Some(' '),
            };
        } else {
            tidy.extend(gap.take());
            tidy.push(c);
        }
    }
    if tidy.is_empty() {
        Err(RoutineError::Empty)
    } else if tidy.chars().count() > LABEL_MAX_CHARS {
        Err(RoutineError::TooLong)
    } else {
        Ok(tidy)
    }
}

fn check_time(time: Option<u16>) -> Result<(), RoutineError> {
    match time {
        Some(t) if t >= MINUTES_PER_DAY => Err(RoutineError::Time),
        _ => Ok(()),
    }
}

/// The local date at an instant: the day whose checklist is showing.
pub fn local_day(zone: &impl Zone, now_ms: f64) -> NaiveDate {
    local_parts(zone, now_ms).0
}

/// `YYYY-MM-DD`, the key of a day's ticks.
pub fn day_key(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// The date of a key written by [`day_key`]; `None` for anything else.
pub fn parse_day_key(key: &str) -> Option<NaiveDate> {
    let b = key.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// When an item set at `minute` reminds on `date`: the first instant whose wall clock shows
/// that time or later. A time the clock skips (the spring-forward gap) reminds when the gap
/// ends; a time the clock shows twice (the autumn overlap) reminds the first time.
pub fn reminder_at(zone: &impl Zone, date: NaiveDate, minute: u16) -> f64 {
    let at = local_to_utc(zone, date, minute);
    if local_parts(zone, at) == (date, minute) {
        return at;
    }
    // In the gap, local_to_utc reads the time with the offset before the change, which lands
    // past the gap by its length (02:30 → 03:30). The gap ends at the change itself: find it,
    // to the minute, within the day before (offsets change less often than daily).
    let new_offset = zone.offset_minutes(at);
    let (mut old, mut new) = (at - MS_PER_DAY, at);
    while new - old > MS_PER_MINUTE {
        let mid = old + ((new - old) / MS_PER_MINUTE / 2.0).floor() * MS_PER_MINUTE;
        if zone.offset_minutes(mid) == new_offset {
            new = mid;
        } else {
            old = mid;
        }
    }
    new
}

impl Routine {
    /// Adds an item on `today` (the local day, so it does not count on the days before). A
    /// timed item goes after the last item set at or before its time; an untimed one, last.
    pub fn add_item(
        &mut self,
        id: &str,
        label: &str,
        time: Option<u16>,
        today: NaiveDate,
    ) -> Result<(), RoutineError> {
        if id.is_empty() || self.position(id).is_some() {
            return Err(RoutineError::Id);
        }
        let label = check_label(label)?;
        check_time(time)?;
        let at = match time {
            Some(t) => self
                .items
                .iter()
                .rposition(|i| i.time.is_some_and(|it| it <= t))
                .map_or(0, |p| p + 1),
            None => self.items.len(),
        };
        self.items.insert(
            at,
            RoutineItem {
                id: id.to_string(),
                label,
                time,
                since: Some(day_key(today)),
            },
        );
        Ok(())
    }

    pub fn rename(&mut self, id: &str, label: &str) -> Result<(), RoutineError> {
        let at = self.position(id).ok_or(RoutineError::NotFound)?;
        self.items[at].label = check_label(label)?;
        Ok(())
    }

    /// Changes or clears the reminder time; the item keeps its place in the list.
    pub fn set_time(&mut self, id: &str, time: Option<u16>) -> Result<(), RoutineError> {
        let at = self.position(id).ok_or(RoutineError::NotFound)?;
        check_time(time)?;
        self.items[at].time = time;
        Ok(())
    }

    /// Removes an item and its ticks on every day; `false` when it was not there.
    pub fn remove_item(&mut self, id: &str) -> bool {
        let Some(at) = self.position(id) else {
            return false;
        };
        self.items.remove(at);
        for record in &mut self.days {
            record.done.retain(|d| d != id);
        }
        self.days.retain(|r| !r.done.is_empty());
        true
    }

    /// Moves an item one place up or down; `false` when it is not there or already at that end.
    pub fn move_item(&mut self, id: &str, up: bool) -> bool {
        let Some(at) = self.position(id) else {
            return false;
        };
        let to = if up { at.checked_sub(1) } else { Some(at + 1) };
        match to.filter(|&to| to < self.items.len()) {
            Some(to) => {
                self.items.swap(at, to);
                true
            }
            None => false,
        }
    }

    /// The ids ticked on `day`, in the list's order, among the items counting that day.
    pub fn done_on(&self, day: NaiveDate) -> Vec<&str> {
        let key = day_key(day);
        let record = self.record(&key);
        self.items
            .iter()
            .filter(|i| counts_on(i, &key) && is_ticked(record, &i.id))
            .map(|i| i.id.as_str())
            .collect()
    }

    /// Ticks or unticks an item on `day`; returns whether it is now ticked. An unknown item,
    /// or a day before the item was added, changes nothing (and returns `false`).
    pub fn toggle(&mut self, item_id: &str, day: NaiveDate) -> bool {
        let key = day_key(day);
        if !self
            .items
            .iter()
            .any(|i| i.id == item_id && counts_on(i, &key))
        {
            return false;
        }
        match self.days.binary_search_by(|r| r.day.as_str().cmp(&key)) {
            Ok(at) => {
                let done = &mut self.days[at].done;
                if done.iter().any(|d| d == item_id) {
                    done.retain(|d| d != item_id);
                    if done.is_empty() {
                        self.days.remove(at);
                    }
                    false
                } else {
                    done.push(item_id.to_string());
                    true
                }
            }
            Err(at) => {
                let done = vec![item_id.to_string()];
                self.days.insert(at, DayDone { day: key, done });
                true
            }
        }
    }

    /// Every item counting on `day` is ticked. A day without items is never complete.
    pub fn is_complete(&self, day: NaiveDate) -> bool {
        let (done, total) = self.counts(day);
        total > 0 && done == total
    }

    /// `(day, ticked, items counting that day)` for the `days` days ending `today`, oldest
    /// first.
    pub fn history(&self, today: NaiveDate, days: u32) -> Vec<(NaiveDate, usize, usize)> {
        (0..days)
            .rev()
            .filter_map(|back| today.checked_sub_days(Days::new(back.into())))
            .map(|day| {
                let (done, total) = self.counts(day);
                (day, done, total)
            })
            .collect()
    }

    /// [`Routine::history`] without the days before `first` (the day the workspace was
    /// created: there was no routine to keep then).
    pub fn history_since(
        &self,
        today: NaiveDate,
        days: u32,
        first: NaiveDate,
    ) -> Vec<(NaiveDate, usize, usize)> {
        let mut h = self.history(today, days);
        h.retain(|(day, _, _)| *day >= first);
        h
    }

    /// Complete days in a row, ending today, or yesterday while today is still in progress.
    pub fn streak(&self, today: NaiveDate) -> u32 {
        let mut day = if self.is_complete(today) {
            Some(today)
        } else {
            today.pred_opt()
        };
        let mut streak = 0;
        // A complete day has a record, so this stops within `days.len()` steps.
        while let Some(d) = day.filter(|&d| self.is_complete(d)) {
            streak += 1;
            day = d.pred_opt();
        }
        streak
    }

    /// Drops the ticks of days before the last `keep_days` ending `today` (the days
    /// [`Routine::history`] shows), except those of the current streak, so a streak longer
    /// than the window still counts in full. Later days (a clock set back) are kept.
    pub fn prune(&mut self, today: NaiveDate, keep_days: u32) {
        let window = match keep_days.checked_sub(1) {
            Some(back) => today.checked_sub_days(Days::new(back.into())),
            None => today.succ_opt(),
        };
        let streak = self.streak(today);
        let end = if self.is_complete(today) {
            Some(today)
        } else {
            today.pred_opt()
        };
        let streak_start = end
            .filter(|_| streak > 0)
            .and_then(|e| e.checked_sub_days(Days::new(u64::from(streak) - 1)));
        let first = match (window, streak_start) {
            (Some(w), Some(s)) => w.min(s),
            (w, s) => w.or(s).unwrap_or(today),
        };
        let first = day_key(first);
        self.days
            .retain(|r| r.day.as_str() >= first.as_str() && !r.done.is_empty());
    }

    /// The items whose reminder ([`reminder_at`]) falls in `(from_ms, to_ms]` and that are
    /// not ticked on the local day of that reminder, in the list's order, each once. A window
    /// longer than a day is read as its last day: a reminder a day late is no use.
    pub fn due_items(&self, zone: &impl Zone, from_ms: f64, to_ms: f64) -> Vec<&RoutineItem> {
        let mut due: Vec<&RoutineItem> = Vec::new();
        if from_ms.is_nan() || to_ms.is_nan() || to_ms <= from_ms {
            return due;
        }
        let from_ms = from_ms.max(to_ms - MS_PER_DAY);
        let last = local_day(zone, to_ms);
        let mut day = Some(local_day(zone, from_ms));
        while let Some(d) = day.filter(|&d| d <= last) {
            let key = day_key(d);
            let record = self.record(&key);
            for item in &self.items {
                let Some(minute) = item.time.filter(|&t| t < MINUTES_PER_DAY) else {
                    continue;
                };
                if !counts_on(item, &key)
                    || is_ticked(record, &item.id)
                    || due.iter().any(|d| d.id == item.id)
                {
                    continue;
                }
                let at = reminder_at(zone, d, minute);
                if from_ms < at && at <= to_ms {
                    due.push(item);
                }
            }
            day = d.succ_opt();
        }
        sorting::sort_by_key(&mut due[..], |i| self.position(&i.id));
        due
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    fn record(&self, key: &str) -> Option<&DayDone> {
        self.days
            .binary_search_by(|r| r.day.as_str().cmp(key))
            .ok()
            .map(|at| &self.days[at])
    }

    /// (ticked, counting) on `day`.
    fn counts(&self, day: NaiveDate) -> (usize, usize) {
        let key = day_key(day);
        let record = self.record(&key);
        self.items
            .iter()
            .filter(|i| counts_on(i, &key))
            .fold((0, 0), |(done, total), i| {
                (done + usize::from(is_ticked(record, &i.id)), total + 1)
            })
    }
}

fn counts_on(item: &RoutineItem, key: &str) -> bool {
    item.since.as_deref().is_none_or(|since| since <= key)
}

fn is_ticked(record: Option<&DayDone>, id: &str) -> bool {
    record.is_some_and(|r| r.done.iter().any(|d| d == id))
}

/// Stored days back in order: unreadable dates and empty records dropped, two records for
/// one day (an import merged by hand) merged.
fn days_in_order<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<DayDone>, D::Error> {
    let mut days = Vec::<DayDone>::deserialize(d)?;
    days.retain(|r| parse_day_key(&r.day).is_some() && !r.done.is_empty());
    sorting::sort_by(&mut days[..], |a, b| a.day.cmp(&b.day));
    days.dedup_by(|later, kept| {
        if later.day != kept.day {
            return false;
        }
        for id in later.done.drain(..) {
            if !kept.done.contains(&id) {
                kept.done.push(id);
            }
        }
        true
    });
    Ok(days)
}
