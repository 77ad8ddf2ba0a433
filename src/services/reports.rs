//! The workspace's report over the last 7, 30 or 90 of the user's days
//! (`domain::report`): each connected account's followers day by day with the growth over
//! the period and over the one before, and each post published with Attaché in the period
//! with its engagement rate, each account's best time to post, and the strategy's
//! objectives with their figures, and the messages received day by day. Read from the metrics
//! the syncs keep and from the posts. Apart, because it reads every member: the members by
//! level and how they moved over the period ([`levels`]).

use crate::domain::account::Account;
use crate::domain::best_time::{best_times, BestTimes, WEEKS};
use crate::domain::gravity::{over, Month};
use crate::domain::objectives::{Figures, Objective};
use crate::domain::report::{
    follower_days, growth, post_figures, posts_per_week, DayCount, Growth, Period, PostFigures,
    Published, RangeError, Week,
};
use crate::store::{self, Db, StoreError};

use super::queue::BrowserZone;

/// How long before a period the followers are read, to know them when a post went out.
const FOLLOWERS_BEFORE_MS: f64 = 30.0 * 86_400_000.0;

/// The periods offered, in days.
pub const PERIODS: [u32; 3] = [7, 30, 90];

/// The period the user chose: the last `days` days, or the days from `first` to `last`
/// (`YYYY-MM-DD`, as a date field gives them).
pub fn chosen(days: Option<u32>, first: &str, last: &str, now: f64) -> Result<Period, RangeError> {
    if let Some(n) = days {
        return Ok(Period::last_days(&BrowserZone, now, n));
    }
    Period::between(first, last)
}

/// One account's followers over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountReport {
    pub account: Account,
    pub days: Vec<DayCount>,
    pub growth: Option<Growth>,
    /// The growth over the period before, for comparison.
    pub before: Option<Growth>,
    /// The best time to post, from its posts of the last [`WEEKS`] weeks.
    pub best: BestTimes,
}

/// The report of a workspace over a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub period: Period,
    /// The strategy's objectives and the figures they are measured by, now.
    pub objectives: Vec<Objective>,
    pub figures: Figures,
    pub accounts: Vec<AccountReport>,
    /// Messages received on each day of the period, and over the period before.
    pub messages: Vec<u64>,
    pub messages_before: u64,
    /// The highest engagement rate first.
    pub posts: Vec<PostFigures>,
    /// The posts that went out each week of the period, per network.
    pub per_week: Vec<Week>,
}

/// The posts of the workspace that went out through the app, one per variant sent.
async fn published(db: &Db, workspace_id: &str) -> Result<Vec<Published>, StoreError> {
    let posts = store::posts::for_workspace(db, workspace_id, u32::MAX)
        .await?
        .items;
    let mut out = vec![];
    for post in &posts {
        for v in &post.variants {
            let (Some(done), Some(remote)) = (&v.published, &v.remote) else {
                continue;
            };
            let Some(first) = remote.ids.first() else {
                continue;
            };
            out.push(Published {
                remote_id: first.clone(),
                account_id: remote.account_id.clone(),
                network: v.network,
                at: done.at,
                text: post.text_for(v).to_string(),
                url: done.url.clone(),
            });
        }
    }
    Ok(out)
}

/// The report over `period` (the last days or a range chosen), at `now`.
pub async fn load(
    db: &Db,
    workspace_id: &str,
    period: Period,
    now: f64,
) -> Result<Report, StoreError> {
    let zone = crate::domain::zone_cache::CachedZone::new(BrowserZone);
    let before = period.previous();
    let (start, end) = period.bounds(&zone);
    let (before_start, _) = before.bounds(&zone);
    let weeks_start = now - f64::from(WEEKS) * 7.0 * 86_400_000.0;
    let snapshots = store::inbox::metrics_between(
        db,
        workspace_id,
        before_start.min(weeks_start) - FOLLOWERS_BEFORE_MS,
        end,
    )
    .await?;
    let published = published(db, workspace_id).await?;
    let recent = post_figures(&snapshots, &published, (weeks_start, end));
    let accounts = store::accounts::for_workspace(db, workspace_id)
        .await?
        .into_iter()
        .map(|account| {
            let days = follower_days(&snapshots, &account.id, period, &zone);
            let previous = follower_days(&snapshots, &account.id, before, &zone);
            AccountReport {
                best: best_times(&recent, &account.id, &zone, now),
                growth: growth(&days),
                before: growth(&previous),
                days,
                account,
            }
        })
        .collect();
    let posts = post_figures(&snapshots, &published, (start, end));
    let days_of = |p: Period| -> Vec<(f64, f64)> {
        p.each_day()
            .map(|d| Period { first: d, last: d }.bounds(&zone))
            .collect()
    };
    let mut spans = days_of(period);
    spans.push(before.bounds(&zone));
    let mut messages = store::inbox::count_between(db, workspace_id, &spans).await?;
    let messages_before = messages.pop().unwrap_or(0);
    Ok(Report {
        per_week: posts_per_week(&published, period, &zone),
        messages,
        messages_before,
        objectives: super::strategy::load(db, workspace_id).await?.objectives,
        figures: super::objectives::figures(db, workspace_id, now).await?,
        period,
        accounts,
        posts,
    })
}

/// The members by level at the end of the period and how they moved since its start, with
/// the same for the period before (teammates left out; `domain::gravity::over`).
#[derive(Debug, Clone, PartialEq)]
pub struct Levels {
    pub now: Month,
    pub before: Month,
}

/// The period's [`Levels`], the members read and placed at `now`; a period that ends later
/// today is counted up to `now`.
pub async fn levels(
    db: &Db,
    workspace_id: &str,
    period: Period,
    now: f64,
) -> Result<Levels, StoreError> {
    let (members, weights) = super::members::counted(db, workspace_id, now).await?;
    let zone = crate::domain::zone_cache::CachedZone::new(BrowserZone);
    let of = |p: Period| {
        let (start, end) = p.bounds(&zone);
        over(&members, &weights, &zone, start, (end - 1.0).min(now))
    };
    Ok(Levels {
        now: of(period),
        before: of(period.previous()),
    })
}
