//! Segments of members: filters by level, tag, network, when last seen and the tone of their
//! recent messages; three presets
//! ("slipping away": levels 1–2 idle over a month; "new and active": first seen and active in
//! the last 7 days; "most engaged": the most love first); saved by name per workspace; a
//! segment written as CSV (RFC 4180, cells that a spreadsheet would run as a formula made
//! inert).

use super::sorting;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::member::{Member, Moment};
use super::member_level::{Level, DAY_MS};
use super::member_record::MemberRecord;
use super::network::Network;
use super::queue::{local_parts, Zone};
use super::relationship_map::seems_detractor;
use super::sentiment::Sentiment;

pub use super::csv::cell;

/// When a member was last seen, as a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Seen {
    /// Within the last `n` days.
    Within(u16),
    /// Not in the last `n` days.
    IdleOver(u16),
}

/// The tone of a member's messages of the last 90 days (`member_record::DETRACTOR_DAYS`), as
/// a filter: each message's tone is the user's word, else the hint of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tone {
    /// One of them counts as negative, or an interaction was marked negative: the map's
    /// detractors.
    Negative,
    /// One of them counts as positive, and none as negative.
    Positive,
}

/// The presets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    SlippingAway,
    NewAndActive,
    MostEngaged,
}

impl Preset {
    pub const ALL: [Preset; 3] = [
        Preset::SlippingAway,
        Preset::NewAndActive,
        Preset::MostEngaged,
    ];
}

/// What a segment keeps. Every field left empty keeps everyone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    /// Orbit numbers (1 Leading … 4 Exploring); empty: any.
    #[serde(default)]
    pub levels: Vec<u8>,
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub network: Option<Network>,
    #[serde(default)]
    pub seen: Option<Seen>,
    /// First seen within the last `n` days.
    #[serde(default)]
    pub new_within: Option<u16>,
    /// The most love first (else the list's own order).
    #[serde(default)]
    pub by_love: bool,
    #[serde(default)]
    pub tone: Option<Tone>,
}

impl Filter {
    pub fn preset(p: Preset) -> Filter {
        match p {
            Preset::SlippingAway => Filter {
                levels: vec![1, 2],
                seen: Some(Seen::IdleOver(30)),
                ..Filter::default()
            },
            Preset::NewAndActive => Filter {
                new_within: Some(7),
                seen: Some(Seen::Within(7)),
                ..Filter::default()
            },
            Preset::MostEngaged => Filter {
                by_love: true,
                ..Filter::default()
            },
        }
    }

    /// Whether `m` (with the user's record of them) is in the segment at `now`; `tone` says
    /// how a message counts (asked only when the segment filters by tone).
    pub fn keeps(
        &self,
        m: &Member,
        record: Option<&MemberRecord>,
        now: f64,
        tone: impl Fn(&Moment) -> Sentiment,
    ) -> bool {
        let days = |n: u16| f64::from(n) * DAY_MS;
        (self.levels.is_empty() || self.levels.contains(&m.level.number()))
            && self.tag.as_ref().is_none_or(|t| {
                record.is_some_and(|r| r.tags.iter().any(|x| x.to_lowercase() == t.to_lowercase()))
            })
            && self
                .network
                .is_none_or(|n| m.network == n || m.identities.iter().any(|i| i.network == n))
            && self.seen.is_none_or(|s| match s {
                Seen::Within(n) => m.last_seen >= now - days(n),
                Seen::IdleOver(n) => m.last_seen < now - days(n),
            })
            && self
                .new_within
                .is_none_or(|n| m.first_seen >= now - days(n))
            && (!self.by_love || m.love > 0)
            && self.tone.is_none_or(|want| {
                let negative =
                    record.is_some_and(|r| r.is_detractor(now)) || seems_detractor(m, now, &tone);
                match want {
                    Tone::Negative => negative,
                    Tone::Positive => !negative && seems_glad(m, now, &tone),
                }
            })
    }

    /// The members of the segment, in the list's order or by love.
    pub fn apply<'a>(
        &self,
        members: &'a [Member],
        records: &HashMap<String, MemberRecord>,
        now: f64,
        tone: impl Fn(&Moment) -> Sentiment,
    ) -> Vec<&'a Member> {
        self.positions(members, records, now, tone)
            .into_iter()
            .map(|i| &members[i])
            .collect()
    }

    /// Where the segment's members are in `members`, in the list's order or by love: what a
    /// page keeps of a hundred thousand members without copying them.
    pub fn positions(
        &self,
        members: &[Member],
        records: &HashMap<String, MemberRecord>,
        now: f64,
        tone: impl Fn(&Moment) -> Sentiment,
    ) -> Vec<usize> {
        // The user's record is asked only by a filter that reads it (a tag, a tone).
        let reads_records = self.tag.is_some() || self.tone.is_some();
        let mut kept: Vec<usize> = members
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                let record = if reads_records {
                    records.get(&m.key)
                } else {
                    None
                };
                self.keeps(m, record, now, &tone)
            })
            .map(|(i, _)| i)
            .collect();
        if self.by_love {
            sorting::sort_by(&mut kept[..], |&a, &b| {
                let (a, b) = (&members[a], &members[b]);
                b.love
                    .cmp(&a.love)
                    .then(b.last_seen.total_cmp(&a.last_seen))
            });
        }
        kept
    }
}

/// Whether one of `m`'s messages of the last 90 days counts as positive.
fn seems_glad(m: &Member, now: f64, tone: impl Fn(&Moment) -> Sentiment) -> bool {
    let since = now - super::member_record::DETRACTOR_DAYS * DAY_MS;
    m.timeline
        .iter()
        .filter(|mo| mo.at >= since && !mo.text().is_empty())
        .any(|mo| tone(mo) == Sentiment::Positive)
}

/// A segment the user saved under a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub name: String,
    pub filter: Filter,
}

/// The longest a segment's name may be.
pub const MAX_NAME: usize = 60;

/// Saves `filter` as `name` in `list` (replacing a segment of that name, any case); `None`
/// when the name is empty or too long. The list stays in name order.
pub fn save(list: &mut Vec<Segment>, name: &str, filter: Filter) -> Option<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return None;
    }
    match list
        .iter_mut()
        .find(|s| s.name.to_lowercase() == name.to_lowercase())
    {
        Some(s) => {
            s.name = name.to_string();
            s.filter = filter;
        }
        None => list.push(Segment {
            name: name.to_string(),
            filter,
        }),
    }
    sorting::sort_by_key(&mut list[..], |s| s.name.to_lowercase());
    Some(name.to_string())
}

fn day(zone: &impl Zone, at: f64) -> String {
    local_parts(zone, at).0.format("%Y-%m-%d").to_string()
}

/// The CSV of a segment: a header row, then one row per member (lines end with CRLF).
pub fn csv(
    members: &[&Member],
    records: &HashMap<String, MemberRecord>,
    level_name: impl Fn(Level) -> String,
    zone: &impl Zone,
) -> String {
    let mut out = String::from(
        "name,handle,network,other identities,level,love,first seen,last seen,tags,profile\r\n",
    );
    for m in members {
        let others: Vec<&str> = m
            .identities
            .iter()
            .filter(|i| i.key != m.key)
            .map(|i| i.handle.as_str())
            .collect();
        let tags = records
            .get(&m.key)
            .map(|r| r.tags.join("; "))
            .unwrap_or_default();
        let row = [
            cell(&m.name),
            cell(&m.handle),
            cell(m.network.name()),
            cell(&others.join("; ")),
            cell(&level_name(m.level)),
            m.love.to_string(),
            day(zone, m.first_seen),
            day(zone, m.last_seen),
            cell(&tags),
            cell(&m.url),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
