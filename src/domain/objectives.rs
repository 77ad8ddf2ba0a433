//! Objectives bound to figures the app measures, so progress is computed, never typed: a
//! metric, a target, a deadline and an owner; [`progress`] reads the workspace's figures.
//! An objective whose metric has no data yet says so ([`Progress::NoData`]).

use serde::{Deserialize, Serialize};

use super::network::Network;

const WEEK_MS: f64 = 7.0 * 86_400_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Metric {
    /// Followers of the workspace's connected Mastodon account (last sync).
    Followers,
    /// Posts published on a network in the last 7 days.
    PostsPerWeek { network: Network },
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
    /// Followers at the last sync, if an account was ever synced.
    pub followers: Option<u64>,
    /// When each variant went out, by network (publications of the last weeks at least).
    pub publications: Vec<(Network, f64)>,
    /// Whether a network can be measured at all (an account is connected, or posts exist).
    pub measured: Vec<Network>,
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
        Metric::Followers => figures.followers.map(|f| f as f64),
        Metric::PostsPerWeek { network } => {
            let count = figures
                .publications
                .iter()
                .filter(|(n, at)| *n == network && *at > now - WEEK_MS && *at <= now)
                .count();
            (count > 0 || figures.measured.contains(&network)).then_some(count as f64)
        }
    }
}

/// How far along the objective is, and whether it is at risk.
pub fn progress(o: &Objective, figures: &Figures, now: f64) -> Progress {
    let Some(current) = current(o.metric, figures, now) else {
        return Progress::NoData;
    };
    let share = (current / o.target).clamp(0.0, 1.0);
    let standing = if current >= o.target {
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
