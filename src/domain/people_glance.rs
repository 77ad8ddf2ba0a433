//! The People list as it was last worked out, kept on the device so that a new session
//! paints the first members at once while every message and sign is read again: the first
//! [`ROWS`] members in the list's order (name, handle, networks, level, last seen, tags), the
//! count per level and the total, and when it was made. A glance names people, so it goes
//! with them: forgetting a member takes their row out, and a row of someone forgotten after
//! the glance was worked out is never kept (see [`Glance::without_forgotten`]).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::inbox::InboxItem;
use super::interaction::Interaction;
use super::member::Member;
use super::member_gather::{named, Gatherer};
use super::member_level::Level;
use super::member_record::{merge_map, MemberRecord};
use super::network::Network;

/// How many members a glance keeps: the page's first screenful and more.
pub const ROWS: usize = 200;

/// One member as the list shows them closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlanceRow {
    pub key: String,
    /// The keys of all their identities (the member's own first).
    pub keys: Vec<String>,
    pub name: String,
    pub handle: String,
    /// The network that names them, then the others merged in.
    pub networks: Vec<Network>,
    /// Unknown in a first look ([`first_look`]): a level takes every activity of a year.
    pub level: Option<Level>,
    /// UTC ms.
    pub first_seen: f64,
    /// UTC ms.
    pub last_seen: f64,
    pub tags: Vec<String>,
}

impl GlanceRow {
    /// Whether `needle` (lower case) is in their name, handle or a tag.
    pub fn matches(&self, needle: &str) -> bool {
        needle.is_empty()
            || self.name.to_lowercase().contains(needle)
            || self.handle.to_lowercase().contains(needle)
            || self.tags.iter().any(|t| t.to_lowercase().contains(needle))
    }
}

/// A member's row, with what the user keeps about them (tags).
fn row(m: &Member, records: &HashMap<String, MemberRecord>, level: Option<Level>) -> GlanceRow {
    let mut keys = vec![m.key.clone()];
    keys.extend(
        m.identities
            .iter()
            .map(|i| i.key.clone())
            .filter(|k| *k != m.key),
    );
    GlanceRow {
        key: m.key.clone(),
        keys,
        name: m.name.clone(),
        handle: m.handle.clone(),
        networks: std::iter::once(m.network)
            .chain(m.identities.iter().skip(1).map(|i| i.network))
            .collect(),
        level,
        first_seen: m.first_seen,
        last_seen: m.last_seen,
        tags: records
            .get(&m.key)
            .map(|r| r.tags.clone())
            .unwrap_or_default(),
    }
}

/// After which instant (UTC ms) newest-first reads are all whole, each given as how many
/// records it asked for and the times of those it got (newest first): a read that came back
/// full may have left out records at or before its oldest, one that did not has them all.
pub fn whole_after(reads: &[(u32, &[f64])]) -> f64 {
    reads
        .iter()
        .filter(|(asked, got)| got.len() >= *asked as usize)
        .filter_map(|(_, got)| got.last().copied())
        .fold(f64::NEG_INFINITY, f64::max)
}

/// A first visit's first rows, before everything is read: the people of the newest
/// `items` and `signs` (each read newest first, `asked` of them at most), merged as `list`
/// says, the workspace's `own` accounts and teammates left out, the most recently seen first,
/// at most [`ROWS`]. Only the span in which both reads are whole counts ([`whole_after`]),
/// so each row's last sighting is the member's own. Levels are not given: a level takes a
/// year of activity, and none is better than a wrong one.
pub fn first_look(
    items: &[InboxItem],
    signs: &[Interaction],
    asked: u32,
    own: &[String],
    list: &[MemberRecord],
) -> Vec<GlanceRow> {
    let item_times: Vec<f64> = items.iter().map(|i| i.at).collect();
    let sign_times: Vec<f64> = signs.iter().map(|s| s.at).collect();
    let since = whole_after(&[(asked, &item_times), (asked, &sign_times)]);
    let whole: Vec<&InboxItem> = items.iter().filter(|i| i.at > since).collect();
    let merged = merge_map(list);
    let records: HashMap<String, MemberRecord> =
        list.iter().map(|r| (r.key.clone(), r.clone())).collect();
    let mut g = Gatherer::new(items, own, &merged);
    whole.iter().for_each(|i| g.item(i));
    signs
        .iter()
        .filter(|s| s.at > since)
        .for_each(|s| g.sign(s));
    let mut members = g.members();
    members.iter_mut().for_each(named);
    members.retain(|m| !records.get(&m.key).is_some_and(|r| r.teammate));
    super::sorting::sort_by(&mut members[..], |a, b| {
        b.last_seen
            .total_cmp(&a.last_seen)
            .then_with(|| a.key.cmp(&b.key))
    });
    members
        .iter()
        .take(ROWS)
        .map(|m| row(m, &records, None))
        .collect()
}

/// The list's first rows, its counts and when it was worked out.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Glance {
    /// UTC ms.
    pub made_at: f64,
    /// Every member (teammates aside).
    pub total: u32,
    /// How many on each level, in `Level::ALL`'s order (Leading first).
    pub by_level: [u32; 4],
    pub rows: Vec<GlanceRow>,
}

fn slot(level: Level) -> usize {
    usize::from(level.number()) - 1
}

impl Glance {
    /// The glance of `members` (already in the list's order, teammates aside) at `now`.
    pub fn of(members: &[Member], records: &HashMap<String, MemberRecord>, now: f64) -> Glance {
        let mut by_level = [0u32; 4];
        for m in members {
            by_level[slot(m.level)] += 1;
        }
        let rows = members
            .iter()
            .take(ROWS)
            .map(|m| row(m, records, Some(m.level)))
            .collect();
        Glance {
            made_at: now,
            total: u32::try_from(members.len()).unwrap_or(u32::MAX),
            by_level,
            rows,
        }
    }

    /// How many members are on `level`.
    pub fn on_level(&self, level: Level) -> u32 {
        self.by_level[slot(level)]
    }

    /// Takes out the member with any of `keys` and counts them no more. (Someone beyond
    /// the kept rows stays in the counts, which are those of the day the glance was made.)
    pub fn forget(&mut self, keys: &[String]) {
        let mut gone = vec![];
        self.rows.retain(|r| {
            let hit = r.keys.iter().any(|k| keys.contains(k));
            if hit {
                gone.push(r.level);
            }
            !hit
        });
        for level in gone {
            self.total = self.total.saturating_sub(1);
            if let Some(level) = level {
                self.by_level[slot(level)] = self.by_level[slot(level)].saturating_sub(1);
            }
        }
    }

    /// Takes out every row for which `forgotten_since(key)` gives a time of forgetting at
    /// or after the row's first sighting: someone forgotten while the list was being worked
    /// out. (Someone forgotten who came back later is a new member, first seen after.)
    pub fn without_forgotten(&mut self, forgotten_since: impl Fn(&str) -> Option<f64>) {
        let gone: Vec<String> = self
            .rows
            .iter()
            .filter(|r| {
                r.keys
                    .iter()
                    .any(|k| forgotten_since(k).is_some_and(|at| at >= r.first_seen))
            })
            .map(|r| r.key.clone())
            .collect();
        for key in gone {
            self.forget(&[key]);
        }
    }
}
