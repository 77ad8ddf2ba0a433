//! The response-time report: the figures of [`super::response_times`] gathered per week (the
//! local week the answer or the close fell in, Monday first), per network and per teammate,
//! each with its median, 90th percentile, share within an hour and buckets.

use super::sorting;
use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use super::network::Network;
use super::queue::{local_parts, Zone};
use super::response_times::{summarize, Summary, Times};

/// One conversation's figures, with what the report breaks them down by.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub network: Network,
    /// The teammate it is assigned to (`None`: nobody).
    pub assignee: Option<String>,
    pub times: Times,
}

/// The three figures of one slice of the report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub first_response: Summary,
    pub reply: Summary,
    pub resolution: Summary,
}

/// The whole report for a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Every figure reached in the period.
    pub total: Row,
    /// By local week (its Monday), oldest first; every week of the period is listed, empty
    /// or not.
    pub weeks: Vec<(NaiveDate, Row)>,
    /// By network, in the order of [`Network::ALL`]; only networks with a figure.
    pub networks: Vec<(Network, Row)>,
    /// By teammate (`None`: nobody), by name; only teammates with a figure.
    pub assignees: Vec<(Option<String>, Row)>,
}

/// The durations of one slice, before they are summarised.
#[derive(Default)]
struct Gathered {
    first: Vec<f64>,
    reply: Vec<f64>,
    resolution: Vec<f64>,
}

impl Gathered {
    fn row(&self) -> Row {
        Row {
            first_response: summarize(&self.first),
            reply: summarize(&self.reply),
            resolution: summarize(&self.resolution),
        }
    }
}

/// The Monday of the local week `utc_ms` falls in.
pub fn week_of(zone: &impl Zone, utc_ms: f64) -> NaiveDate {
    let (date, _) = local_parts(zone, utc_ms);
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The report of `samples` for the figures reached in `[from, to)` (UTC ms).
pub fn report(samples: &[Sample], from: f64, to: f64, zone: &impl Zone) -> Report {
    let mut total = Gathered::default();
    let mut weeks: BTreeMap<NaiveDate, Gathered> = BTreeMap::new();
    let mut networks: BTreeMap<usize, Gathered> = BTreeMap::new();
    let mut assignees: BTreeMap<(bool, String), Gathered> = BTreeMap::new();
    // Every week of the period, so a week without answers shows as such.
    if to > from {
        let (first, last) = (week_of(zone, from), week_of(zone, to - 1.0));
        let mut w = first;
        while w <= last {
            weeks.entry(w).or_default();
            w = w + Days::new(7);
        }
    }
    let in_period = |at: f64| at >= from && at < to;
    for s in samples {
        let network = Network::ALL
            .iter()
            .position(|n| *n == s.network)
            .unwrap_or(0);
        let who = match &s.assignee {
            Some(n) if !n.trim().is_empty() => (true, n.trim().to_string()),
            _ => (false, String::new()),
        };
        let mut put = |at: f64, ms: f64, pick: fn(&mut Gathered) -> &mut Vec<f64>| {
            if !in_period(at) {
                return;
            }
            pick(&mut total).push(ms);
            pick(weeks.entry(week_of(zone, at)).or_default()).push(ms);
            pick(networks.entry(network).or_default()).push(ms);
            pick(assignees.entry(who.clone()).or_default()).push(ms);
        };
        let t = &s.times;
        if let (Some(ms), Some(at)) = (t.first_response, t.first_response_at) {
            put(at, ms, |g| &mut g.first);
        }
        for (&ms, &at) in t.replies.iter().zip(&t.replies_at) {
            put(at, ms, |g| &mut g.reply);
        }
        if let (Some(ms), Some(at)) = (t.resolution, t.resolution_at) {
            put(at, ms, |g| &mut g.resolution);
        }
    }
    let mut by_name: Vec<((bool, String), Gathered)> = assignees.into_iter().collect();
    sorting::sort_by(&mut by_name[..], |((a_named, a), _), ((b_named, b), _)| {
        b_named
            .cmp(a_named)
            .then(a.to_lowercase().cmp(&b.to_lowercase()))
    });
    Report {
        total: total.row(),
        weeks: weeks.into_iter().map(|(w, g)| (w, g.row())).collect(),
        networks: networks
            .into_iter()
            .map(|(i, g)| (Network::ALL[i], g.row()))
            .collect(),
        assignees: by_name
            .into_iter()
            .map(|((named, n), g)| (named.then_some(n), g.row()))
            .collect(),
    }
}
