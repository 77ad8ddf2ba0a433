//! Objectives bound to figures the app measures, so progress is computed, never typed: a
//! metric, a target, a deadline and an owner; [`progress`] reads the workspace's figures.
//! An objective whose metric has no data yet says so ([`Progress::NoData`]).

use super::sorting;
use serde::{Deserialize, Serialize};

use super::network::Network;

const WEEK_MS: f64 = 7.0 * 86_400_000.0;

fn mastodon() -> Network {
    Network::Mastodon
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Metric {
    /// Followers of the workspace's account on `network` at its last sync (objectives
    /// saved before the network was named were about Mastodon).
    Followers {
        #[serde(default = "mastodon")]
        network: Network,
    },
    /// Posts published on a network in the last 7 days.
    PostsPerWeek { network: Network },
    /// Median hours to the first response, over the conversations begun in the last 30 days
    /// (lower is better).
    MedianAnswerHours,
    /// Share of the conversations begun in the last 30 days that had a response, in percent.
    AnsweredShare,
    /// Share of the last 30 days' activity that answers the community, in percent: answered
    /// conversations against those plus posts published.
    ReplyShare,
}

impl Metric {
    /// Whether reaching the target means going under it (a delay), not over it.
    pub fn lower_is_better(self) -> bool {
        matches!(self, Metric::MedianAnswerHours)
    }
}

/// The median of `values` (`None` when empty).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    sorting::sort_numbers(&mut values[..]);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub id: String,
    pub metric: Metric,
    pub target: f64,
    /// The day it must be reached by (UTC ms).
    pub deadline: f64,
    #[serde(default)]
    pub owner: String,
    pub created_at: f64,
}

/// What the app measured, gathered for one workspace.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Followers of each network's connected account at its last sync (networks never
    /// synced are absent).
    pub followers: Vec<(Network, u64)>,
    /// When each variant went out, by network (publications of the last weeks at least).
    pub publications: Vec<(Network, f64)>,
    /// Whether a network can be measured at all (an account is connected, or posts exist).
    pub measured: Vec<Network>,
    /// Hours to the first response of each conversation begun in the last 30 days that had
    /// one.
    pub answer_hours: Vec<f64>,
    /// Conversations begun in the last 30 days.
    pub conversations: usize,
    /// Posts published in the last 30 days (a post sent to several networks counts once).
    pub posts_published_30d: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Reached,
    OnTrack,
    /// Behind the straight line from creation to deadline, or the deadline passed.
    AtRisk,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress {
    NoData,
    Value {
        current: f64,
        /// `current / target`, 0 to 1 (capped).
        share: f64,
        standing: Standing,
    },
}

/// Why an objective was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectiveError {
    /// The target must be a positive number.
    Target,
    /// The deadline must be after today.
    Deadline,
}

/// Checks the numbers a user typed.
pub fn check(target: f64, deadline: f64, now: f64) -> Result<(), ObjectiveError> {
    if !target.is_finite() || target <= 0.0 {
        return Err(ObjectiveError::Target);
    }
    if !deadline.is_finite() || deadline <= now {
        return Err(ObjectiveError::Deadline);
    }
    Ok(())
}

/// The objective's measured value now, if the app has one.
pub fn current(metric: Metric, figures: &Figures, now: f64) -> Option<f64> {
    match metric {
        Metric::Followers { network } => figures
            .followers
            .iter()
            .find(|(n, _)| *n == network)
            .map(|(_, f)| *f as f64),
        Metric::PostsPerWeek { network } => {
            let count = figures
                .publications
                .iter()
                .filter(|(n, at)| *n == network && *at > now - WEEK_MS && *at <= now)
                .count();
            (count > 0 || figures.measured.contains(&network)).then_some(count as f64)
        }
        Metric::MedianAnswerHours => median(&mut figures.answer_hours.clone()),
        Metric::AnsweredShare => (figures.conversations > 0)
            .then(|| 100.0 * figures.answer_hours.len() as f64 / figures.conversations as f64),
        Metric::ReplyShare => {
            let answers = figures.answer_hours.len();
            let all = answers + figures.posts_published_30d;
            (all > 0).then(|| 100.0 * answers as f64 / all as f64)
        }
    }
}

/// How far along the objective is, and whether it is at risk.
pub fn progress(o: &Objective, figures: &Figures, now: f64) -> Progress {
    let Some(current) = current(o.metric, figures, now) else {
        return Progress::NoData;
    };
    let lower = o.metric.lower_is_better();
    let share = if lower {
        if current <= 0.0 {
            1.0
        } else {
            (o.target / current).clamp(0.0, 1.0)
        }
    } else {
        (current / o.target).clamp(0.0, 1.0)
    };
    let reached = if lower {
        current <= o.target
    } else {
        current >= o.target
    };
    let standing = if reached {
        Standing::Reached
    } else if now >= o.deadline {
        Standing::AtRisk
    } else {
        // The share of the time already gone; behind it by more than a tenth is at risk.
        let span = (o.deadline - o.created_at).max(1.0);
        let elapsed = ((now - o.created_at) / span).clamp(0.0, 1.0);
        if share + 0.1 < elapsed {
            Standing::AtRisk
        } else {
            Standing::OnTrack
        }
    };
    Progress::Value {
        current,
        share,
        standing,
    }
}
