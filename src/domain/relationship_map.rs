//! The relationship map: members placed by reach (their followers, across the x axis) and
//! love (their weighted activity, up the y axis), both on a log scale so a handful of big
//! accounts do not crush everyone else against the axes; coloured by level. Ambassadors
//! (Leading, or tagged ambassador) and detractors (an interaction of the last 90 days the
//! user marked negative) are named on it. Large workspaces show the members with the most
//! love, the named ones first.

use super::sorting;
use std::collections::HashMap;

use super::member::Member;
use super::member_level::Level;
use super::member_record::MemberRecord;
use super::search::fold;

/// What the map names a member for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Ambassador,
    Detractor,
}

/// One member on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub key: String,
    pub name: String,
    pub handle: String,
    pub level: Level,
    pub love: u32,
    pub reach: Option<u64>,
    /// 0 (no followers) to 1 (the most followed), log scale.
    pub x: f64,
    /// 0 (no love) to 1 (the most loved), log scale.
    pub y: f64,
    pub mark: Option<Mark>,
}

/// The tags that make an ambassador, folded.
const AMBASSADOR_TAGS: [&str; 3] = ["ambassador", "ambassadeur", "ambassadrice"];

/// Whether one of `m`'s messages of the last [`DETRACTOR_DAYS`] counts as negative, by
/// `tone` (the user's correction, else the hint of its words).
pub fn seems_detractor(
    m: &Member,
    now: f64,
    tone: impl Fn(&super::member::Moment) -> super::sentiment::Sentiment,
) -> bool {
    let since = now - super::member_record::DETRACTOR_DAYS * 86_400_000.0;
    m.timeline
        .iter()
        .filter(|mo| mo.at >= since && !mo.text().is_empty())
        .any(|mo| tone(mo) == super::sentiment::Sentiment::Negative)
}

/// What the map names `m` for at `now` (a detractor before an ambassador); `flagged`: one
/// of their recent messages counts as negative ([`seems_detractor`]).
pub fn mark_of(m: &Member, record: Option<&MemberRecord>, flagged: bool, now: f64) -> Option<Mark> {
    if flagged || record.is_some_and(|r| r.is_detractor(now)) {
        return Some(Mark::Detractor);
    }
    let tagged = record.is_some_and(|r| {
        r.tags
            .iter()
            .any(|t| AMBASSADOR_TAGS.contains(&fold(t.trim()).as_str()))
    });
    (m.level == Level::Leading || tagged).then_some(Mark::Ambassador)
}

fn log_scale(v: f64, max: f64) -> f64 {
    if max <= 0.0 {
        0.0
    } else {
        (1.0 + v).log10() / (1.0 + max).log10()
    }
}

/// At most `limit` members placed (the named ones first, then the most love), ordered
/// left to right, then bottom to top (the order the keyboard goes through them); `flagged`
/// says which members' recent messages count as negative.
pub fn place(
    members: &[Member],
    records: &HashMap<String, MemberRecord>,
    flagged: impl Fn(&Member) -> bool,
    now: f64,
    limit: usize,
) -> Vec<Point> {
    let mut chosen: Vec<(&Member, Option<Mark>)> = members
        .iter()
        .map(|m| (m, mark_of(m, records.get(&m.key), flagged(m), now)))
        .collect();
    sorting::sort_by(&mut chosen[..], |a, b| {
        b.1.is_some()
            .cmp(&a.1.is_some())
            .then(b.0.love.cmp(&a.0.love))
            .then(a.0.key.cmp(&b.0.key))
    });
    chosen.truncate(limit);
    let max_reach = chosen
        .iter()
        .filter_map(|(m, _)| m.reach)
        .max()
        .unwrap_or(0) as f64;
    let max_love = chosen.iter().map(|(m, _)| m.love).max().unwrap_or(0) as f64;
    let mut points: Vec<Point> = chosen
        .into_iter()
        .map(|(m, mark)| Point {
            key: m.key.clone(),
            name: m.name.clone(),
            handle: m.handle.clone(),
            level: m.level,
            love: m.love,
            reach: m.reach,
            x: log_scale(m.reach.unwrap_or(0) as f64, max_reach),
            y: log_scale(m.love as f64, max_love),
            mark,
        })
        .collect();
    sorting::sort_by(&mut points[..], |a, b| {
        a.x.total_cmp(&b.x)
            .then(a.y.total_cmp(&b.y))
            .then(a.key.cmp(&b.key))
    });
    points
}
