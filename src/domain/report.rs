//! The workspace's report over a period: each account's followers day by day (the last
//! count of each of the user's days; a day without a count is a gap, never filled in), the
//! growth over the period and the period before, and each post published with Attaché in
//! the period with its latest likes, boosts, replies and quotes and its engagement rate
//! (interactions ÷ the account's followers when it was posted); both as CSV; and the posts
//! that went out each week on each network.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::csv::{cell, line, BOM};
use super::inbox::MetricSnapshot;
use super::network::Network;
use super::queue::{local_parts, local_to_utc, Zone};

/// The most days a range chosen may hold (two years).
pub const LONGEST_DAYS: u32 = 731;

/// Why a range chosen was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeError {
    /// A day is missing or not a date.
    Missing,
    /// The first day comes after the last.
    Reversed,
    /// More than [`LONGEST_DAYS`].
    TooLong,
}

/// A span of the user's days: from the start of `first` to the end of `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Period {
    /// The `days` days ending with the user's today at `now`.
    pub fn last_days(zone: &impl Zone, now: f64, days: u32) -> Period {
        let today = local_parts(zone, now).0;
        Period {
            first: today - chrono::Days::new(u64::from(days.max(1) - 1)),
            last: today,
        }
    }

    /// The days from `first` to `last` (`YYYY-MM-DD`, as a date field gives them), at most
    /// [`LONGEST_DAYS`].
    pub fn between(first: &str, last: &str) -> Result<Period, RangeError> {
        let parse = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let (Some(first), Some(last)) = (parse(first), parse(last)) else {
            return Err(RangeError::Missing);
        };
        if first > last {
            return Err(RangeError::Reversed);
        }
        let period = Period { first, last };
        if period.days() > LONGEST_DAYS {
            return Err(RangeError::TooLong);
        }
        Ok(period)
    }

    /// How many days it holds.
    pub fn days(&self) -> u32 {
        u32::try_from((self.last - self.first).num_days() + 1).unwrap_or(0)
    }

    /// The same number of days just before.
    pub fn previous(&self) -> Period {
        let n = u64::from(self.days());
        Period {
            first: self.first - chrono::Days::new(n),
            last: self.first - chrono::Days::new(1),
        }
    }

    /// Its first and last instants (UTC ms; the end excluded).
    pub fn bounds(&self, zone: &impl Zone) -> (f64, f64) {
        (
            local_to_utc(zone, self.first, 0),
            local_to_utc(zone, self.last + chrono::Days::new(1), 0),
        )
    }

    /// Its days, in order.
    pub fn each_day(&self) -> impl Iterator<Item = NaiveDate> {
        self.first.iter_days().take(self.days() as usize)
    }
}

/// One day's followers of an account: the last count read that day, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCount {
    pub day: NaiveDate,
    pub followers: Option<u64>,
}

/// The account's followers on each day of `period` (the account's own snapshots).
pub fn follower_days(
    snapshots: &[MetricSnapshot],
    account_id: &str,
    period: Period,
    zone: &impl Zone,
) -> Vec<DayCount> {
    let mut days: Vec<DayCount> = period
        .each_day()
        .map(|day| DayCount {
            day,
            followers: None,
        })
        .collect();
    let mut latest: Vec<f64> = vec![f64::NEG_INFINITY; days.len()];
    for s in snapshots {
        if s.status_id.is_some() || s.account_id != account_id {
            continue;
        }
        let day = local_parts(zone, s.at).0;
        let Ok(i) = usize::try_from((day - period.first).num_days()) else {
            continue;
        };
        if i < days.len() && s.at >= latest[i] {
            latest[i] = s.at;
            days[i].followers = Some(s.followers);
        }
    }
    days
}

/// How the followers moved between the first and the last day with a count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Growth {
    pub from: u64,
    pub to: u64,
    /// `to - from`.
    pub change: i64,
    /// The change as a share of `from` (none when `from` is 0).
    pub percent: Option<f64>,
    /// How many days had a count.
    pub days_counted: usize,
}

/// The growth over `days`, if at least one day had a count.
pub fn growth(days: &[DayCount]) -> Option<Growth> {
    let mut counted = days.iter().filter_map(|d| d.followers);
    let from = counted.next()?;
    let to = days.iter().rev().find_map(|d| d.followers).unwrap_or(from);
    let change = i64::try_from(to).unwrap_or(i64::MAX) - i64::try_from(from).unwrap_or(i64::MAX);
    Some(Growth {
        from,
        to,
        change,
        percent: (from > 0).then(|| change as f64 * 100.0 / from as f64),
        days_counted: days.iter().filter(|d| d.followers.is_some()).count(),
    })
}

/// A post published with Attaché from one of the workspace's accounts.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// The server's id (Mastodon) or URI (Bluesky) of its first part.
    pub remote_id: String,
    pub account_id: String,
    pub network: Network,
    /// UTC ms.
    pub at: f64,
    pub text: String,
    pub url: String,
}

/// A post's figures: the latest counts read, and the engagement rate.
#[derive(Debug, Clone, PartialEq)]
pub struct PostFigures {
    pub post: Published,
    pub favourites: u64,
    pub boosts: u64,
    pub replies: u64,
    pub quotes: u64,
    /// The account's followers at the last count before the post went out.
    pub followers_then: Option<u64>,
    /// When the counts were read (UTC ms); none when they never were.
    pub counted_at: Option<f64>,
}

impl PostFigures {
    /// Likes, boosts, replies and quotes together.
    pub fn interactions(&self) -> u64 {
        self.favourites + self.boosts + self.replies + self.quotes
    }

    /// Interactions ÷ followers when posted, as a percentage (none without a count of
    /// followers before it, or with none).
    pub fn rate(&self) -> Option<f64> {
        let followers = self.followers_then.filter(|f| *f > 0)?;
        self.counted_at?;
        Some(self.interactions() as f64 * 100.0 / followers as f64)
    }
}

/// The snapshots looked up by post and by account, made once: each post's latest counts,
/// and each account's follower counts in time order.
struct Lookup<'a> {
    latest: HashMap<(&'a str, &'a str), &'a MetricSnapshot>,
    followers: HashMap<&'a str, Vec<(f64, u64)>>,
}

impl<'a> Lookup<'a> {
    fn of(snapshots: &'a [MetricSnapshot]) -> Self {
        let mut latest: HashMap<(&str, &str), &MetricSnapshot> = HashMap::new();
        let mut followers: HashMap<&str, Vec<(f64, u64)>> = HashMap::new();
        for s in snapshots {
            match &s.status_id {
                Some(id) => {
                    let kept = latest.entry((&s.account_id, id)).or_insert(s);
                    if s.at >= kept.at {
                        *kept = s;
                    }
                }
                None => followers
                    .entry(&s.account_id)
                    .or_default()
                    .push((s.at, s.followers)),
            }
        }
        for list in followers.values_mut() {
            // Stable: of two counts at one instant, the later read stays last.
            list.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        Lookup { latest, followers }
    }

    /// The account's last follower count at or before `at`.
    fn followers_at(&self, account: &str, at: f64) -> Option<u64> {
        let list = self.followers.get(account)?;
        let n = list.partition_point(|(t, _)| *t <= at);
        n.checked_sub(1).map(|i| list[i].1)
    }
}

/// The figures of each post published in `[start, end)`, the highest engagement rate first
/// (those without a rate last, newest first).
pub fn post_figures(
    snapshots: &[MetricSnapshot],
    published: &[Published],
    (start, end): (f64, f64),
) -> Vec<PostFigures> {
    let lookup = Lookup::of(snapshots);
    let mut out: Vec<PostFigures> = published
        .iter()
        .filter(|p| p.at >= start && p.at < end)
        .map(|p| {
            let counts = lookup
                .latest
                .get(&(p.account_id.as_str(), p.remote_id.as_str()));
            PostFigures {
                post: p.clone(),
                favourites: counts.map_or(0, |s| s.favourites),
                boosts: counts.map_or(0, |s| s.boosts),
                replies: counts.map_or(0, |s| s.replies),
                quotes: counts.map_or(0, |s| s.quotes),
                followers_then: lookup.followers_at(&p.account_id, p.at),
                counted_at: counts.map(|s| s.at),
            }
        })
        .collect();
    super::sorting::sort_by(&mut out[..], |a, b| match (a.rate(), b.rate()) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => b.post.at.total_cmp(&a.post.at),
    });
    out
}

/// The best and the least received posts of `figures` (as [`post_figures`] orders them,
/// the highest rate first): the first `n` with a rate, and the last `n` with a rate after
/// those, the lowest first. A post is never in both lists.
pub fn top_and_bottom(figures: &[PostFigures], n: usize) -> (Vec<&PostFigures>, Vec<&PostFigures>) {
    let rated: Vec<&PostFigures> = figures.iter().filter(|p| p.rate().is_some()).collect();
    let top: Vec<&PostFigures> = rated.iter().take(n).copied().collect();
    let bottom: Vec<&PostFigures> = rated
        .iter()
        .skip(top.len())
        .rev()
        .take(n)
        .copied()
        .collect();
    (top, bottom)
}

/// One week (from Monday) overlapping a period, and the posts that went out in it on each
/// network (a post sent to two networks counts on each).
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    pub monday: NaiveDate,
    pub posts: Vec<(Network, u32)>,
}

impl Week {
    /// How many went out on `network`.
    pub fn on(&self, network: Network) -> u32 {
        self.posts
            .iter()
            .find(|(n, _)| *n == network)
            .map_or(0, |(_, c)| *c)
    }
}

/// The weeks overlapping `period`, oldest first, with the posts of `published` that went out
/// in each (the days of the period only).
pub fn posts_per_week(published: &[Published], period: Period, zone: &impl Zone) -> Vec<Week> {
    use chrono::Datelike;
    let monday_of =
        |d: NaiveDate| d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()));
    let mut weeks: Vec<Week> = vec![];
    let mut monday = monday_of(period.first);
    while monday <= period.last {
        weeks.push(Week {
            monday,
            posts: vec![],
        });
        monday = monday + chrono::Days::new(7);
    }
    for p in published {
        let day = local_parts(zone, p.at).0;
        if day < period.first || day > period.last {
            continue;
        }
        let monday = monday_of(day);
        let Some(week) = weeks.iter_mut().find(|w| w.monday == monday) else {
            continue;
        };
        match week.posts.iter_mut().find(|(n, _)| *n == p.network) {
            Some((_, c)) => *c += 1,
            None => week.posts.push((p.network, 1)),
        }
    }
    weeks
}

fn iso_day(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// An instant as ISO 8601 in UTC, to the second.
fn iso_instant(at: f64) -> String {
    chrono::DateTime::from_timestamp_millis(at as i64)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// The followers' CSV: one row per account and day (an empty cell for a day without count).
pub fn followers_csv(accounts: &[(String, Vec<DayCount>)]) -> String {
    let mut out = format!("{BOM}account,day,followers\r\n");
    for (name, days) in accounts {
        for d in days {
            out.push_str(&line(&[
                cell(name),
                iso_day(d.day),
                d.followers.map(|f| f.to_string()).unwrap_or_default(),
            ]));
        }
    }
    out
}

/// The members by level at the end of the period, how they moved since its start, and the
/// members at each level at the end of the period before (1 Leading first; `level_name`
/// writes a level as the user reads it).
pub fn levels_csv(
    now: &super::gravity::Month,
    before: &super::gravity::Month,
    level_name: impl Fn(super::member_level::Level) -> String,
) -> String {
    let mut out =
        format!("{BOM}level,members,moved up or new,held,moved down,members the period before\r\n");
    for (i, level) in super::member_level::Level::ALL.into_iter().enumerate() {
        let (m, b) = (now.moves[i], before.moves[i]);
        out.push_str(&line(&[
            cell(&level_name(level)),
            m.members().to_string(),
            m.up.to_string(),
            m.held.to_string(),
            m.down.to_string(),
            b.members().to_string(),
        ]));
    }
    out
}

/// The posts' CSV, in the order given (the rate in percent with two decimals, empty when
/// there is none).
pub fn posts_csv(posts: &[PostFigures]) -> String {
    let mut out = format!(
        "{BOM}published,network,text,likes,boosts,replies,quotes,interactions,followers when posted,engagement rate (%),address\r\n"
    );
    for p in posts {
        out.push_str(&line(&[
            iso_instant(p.post.at),
            cell(p.post.network.name()),
            cell(&p.post.text),
            p.favourites.to_string(),
            p.boosts.to_string(),
            p.replies.to_string(),
            p.quotes.to_string(),
            p.interactions().to_string(),
            p.followers_then.map(|f| f.to_string()).unwrap_or_default(),
            p.rate().map(|r| format!("{r:.2}")).unwrap_or_default(),
            cell(&p.post.url),
        ]));
    }
    out
}
