//! The health audit of a community manager's practice: the seed's "10 erreurs à éviter" turned
//! into rules judged on the workspace's own records, each passing, failing (with the numbers
//! to show) or lacking data. Pure and O(n) over posts, inbox items and snapshots: the caller
//! gathers everything once; nothing here sorts or copies the big lists.
//!
//! The seed names six of its ten mistakes (1, 2, 3, 4, 5 and 9; the text of 6, 7, 8 and 10 is
//! missing from it), and each of the six is a rule here. Findings are codes with their numbers:
//! the words and the screen where each rule is fixed belong to the UI (`ui/i18n/audit.rs`,
//! `ui/pages/today/audit.rs`).

use super::sorting;
use std::collections::HashMap;

use super::account::Account;
use super::inbox::{InboxItem, MetricSnapshot};
use super::network::Network;
use super::objectives::Metric;
use super::post::Post;
use super::strategy::Strategy;

const DAY_MS: f64 = 86_400_000.0;
const WEEK_MS: f64 = 7.0 * DAY_MS;

/// The period replies, followers and reports are judged over.
pub const WINDOW_DAYS: f64 = 30.0;
/// Replies under this share of the posts published in the window fail ([`Rule::OnlyCreating`]).
pub const MIN_REPLY_SHARE_PERCENT: usize = 10;
/// Follower snapshots of one account must be at least this far apart to measure growth.
pub const MIN_FOLLOWER_SPAN_DAYS: f64 = 7.0;
/// Posts a week expected on a network no `PostsPerWeek` objective plans.
pub const DEFAULT_POSTS_PER_WEEK: f64 = 1.0;
/// A network with no account and no objective, and nothing published for this long, is taken
/// as dropped rather than neglected.
pub const DROPPED_AFTER_DAYS: f64 = 90.0;
/// A strategy not saved for longer than this has stagnated.
pub const STRATEGY_STALE_DAYS: f64 = 90.0;
/// Looking at results less often than this has stagnated.
pub const REPORT_STALE_DAYS: f64 = 30.0;

/// Everything the audit reads, gathered once by the caller for one workspace.
#[derive(Debug, Clone, Copy)]
pub struct AuditInput<'a> {
    /// UTC ms.
    pub now: f64,
    pub strategy: Option<&'a Strategy>,
    pub accounts: &'a [Account],
    pub posts: &'a [Post],
    /// What the community wrote; a message marked answered (`answered_at`) is a reply sent.
    pub inbox: &'a [InboxItem],
    /// The accounts' own counts over time (snapshots with a `status_id` are skipped).
    pub follower_snapshots: &'a [MetricSnapshot],
    /// When the community manager last looked at the results (objectives' progress, reports).
    pub last_report_viewed: Option<f64>,
    /// The community manager's public signature (a Signature snippet), if the workspace has one.
    pub signature: Option<&'a str>,
}

/// One mistake of the seed, in the seed's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// 1 — "Se cacher": no signature, or an account without a display name.
    Hiding,
    /// 2 — "Négliger la communication": a network silent for over twice its planned interval.
    Neglecting,
    /// 3 — "Se limiter à la création de communauté": almost no replies to the community.
    OnlyCreating,
    /// 4 — "Se limiter à l'animation de communauté": no new followers in 30 days.
    OnlyAnimating,
    /// 5 — "Appliquer des stratégies pré-conçues": no mission, objective or persona of its own.
    CannedStrategy,
    /// 9 — "Stagner": strategy not saved in 90 days, or results not looked at in 30.
    Stagnating,
}

impl Rule {
    pub const ALL: [Rule; 6] = [
        Rule::Hiding,
        Rule::Neglecting,
        Rule::OnlyCreating,
        Rule::OnlyAnimating,
        Rule::CannedStrategy,
        Rule::Stagnating,
    ];
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Pass,
    Fail(Detail),
    /// The records cannot tell yet (see each rule).
    NoData,
}

/// What failed, with the numbers to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Hiding {
        no_signature: bool,
        /// Handles of the accounts with an empty display name.
        unnamed_accounts: Vec<String>,
    },
    /// The networks over their limit, in [`Network::ALL`] order.
    Neglecting { networks: Vec<Gap> },
    /// Over the last [`WINDOW_DAYS`]: messages marked answered, posts published, messages
    /// received.
    OnlyCreating {
        replies: usize,
        published: usize,
        inbox: usize,
    },
    /// Followers summed over the measured accounts, at the first and last snapshot of the
    /// window, `days` apart (the longest span measured).
    OnlyAnimating { before: u64, after: u64, days: u32 },
    CannedStrategy {
        no_mission: bool,
        no_objective: bool,
        no_persona: bool,
    },
    /// Each part is `Some(days)` only when it fails.
    Stagnating {
        strategy_days: Option<u32>,
        /// Days since results were last looked at (since the workspace started, if never).
        report_days: Option<u32>,
        report_ever_viewed: bool,
    },
}

/// A network gone quiet for too long.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    pub network: Network,
    /// Whole days since the last publication (since the network came into use, if none).
    pub days: u32,
    /// The planned cadence.
    pub per_week: f64,
    pub ever_published: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    pub verdict: Verdict,
}

/// Every rule judged: failing first, then no data, then passing, in [`Rule::ALL`] order within.
pub fn run(input: &AuditInput) -> Vec<Finding> {
    let seen = Scan::of(input);
    let mut findings: Vec<Finding> = Rule::ALL
        .iter()
        .map(|&rule| Finding {
            rule,
            verdict: match rule {
                Rule::Hiding => hiding(input),
                Rule::Neglecting => neglecting(input, &seen),
                Rule::OnlyCreating => only_creating(input, &seen),
                Rule::OnlyAnimating => only_animating(input),
                Rule::CannedStrategy => canned_strategy(input.strategy),
                Rule::Stagnating => stagnating(input, &seen),
            },
        })
        .collect();
    sorting::sort_by_key(&mut findings[..], |f| match f.verdict {
        Verdict::Fail(_) => 0,
        Verdict::NoData => 1,
        Verdict::Pass => 2,
    });
    findings
}

/// The share of judged rules that pass, 0–100, rounded half up; every rule weighs the same
/// and rules without data are left out. `None` when no rule could be judged: a score over
/// nothing would be a guess.
pub fn score(findings: &[Finding]) -> Option<u8> {
    let judged = findings
        .iter()
        .filter(|f| f.verdict != Verdict::NoData)
        .count();
    let passed = findings
        .iter()
        .filter(|f| f.verdict == Verdict::Pass)
        .count();
    (judged > 0).then(|| ((passed * 100 + judged / 2) / judged) as u8)
}

/// What one pass over the posts found.
struct Scan {
    /// The last publication on each network, by index in [`Network::ALL`].
    last_published: [Option<f64>; 7],
    /// Posts with a variant published in the window.
    published_in_window: usize,
    /// The earliest sign of use (account, post, objective, strategy), for "since you started".
    started_at: Option<f64>,
}

fn slot(network: Network) -> usize {
    Network::ALL.iter().position(|&n| n == network).unwrap_or(0)
}

fn earliest(a: Option<f64>, b: f64) -> Option<f64> {
    Some(a.map_or(b, |a| a.min(b)))
}

impl Scan {
    fn of(input: &AuditInput) -> Scan {
        let window_start = input.now - WINDOW_DAYS * DAY_MS;
        let mut scan = Scan {
            last_published: [None; 7],
            published_in_window: 0,
            started_at: None,
        };
        for post in input.posts {
            scan.started_at = earliest(scan.started_at, post.created_at);
            let mut in_window = false;
            for v in &post.variants {
                let Some(at) = v.published.as_ref().map(|p| p.at) else {
                    continue;
                };
                if at > input.now {
                    continue;
                }
                let last = &mut scan.last_published[slot(v.network)];
                *last = Some(last.map_or(at, |l| l.max(at)));
                in_window |= at > window_start;
            }
            scan.published_in_window += usize::from(in_window);
        }
        for account in input.accounts {
            scan.started_at = earliest(scan.started_at, account.connected_at);
        }
        if let Some(s) = input.strategy {
            for o in &s.objectives {
                scan.started_at = earliest(scan.started_at, o.created_at);
            }
            if s.updated_at > 0.0 {
                scan.started_at = earliest(scan.started_at, s.updated_at);
            }
        }
        scan
    }
}

fn whole_days(ms: f64) -> u32 {
    (ms / DAY_MS).floor().max(0.0) as u32
}

fn hiding(input: &AuditInput) -> Verdict {
    let no_signature = input.signature.is_none_or(|s| s.trim().is_empty());
    let unnamed_accounts: Vec<String> = input
        .accounts
        .iter()
        .filter(|a| a.display_name.trim().is_empty())
        .map(|a| a.handle.clone())
        .collect();
    if no_signature || !unnamed_accounts.is_empty() {
        Verdict::Fail(Detail::Hiding {
            no_signature,
            unnamed_accounts,
        })
    } else {
        Verdict::Pass
    }
}

/// A network is in use when the strategy lists it, an account is connected there, an
/// objective plans posts there, or something went out there in the last
/// [`DROPPED_AFTER_DAYS`]. Its gap runs from the last publication, or, when there is none, from
/// when it came into use (the account's connection, the objective's creation, the workspace's
/// first sign of use for a listed network); it fails when longer than twice the planned
/// interval (7 days / posts a week).
fn neglecting(input: &AuditInput, seen: &Scan) -> Verdict {
    let mut planned: [Option<f64>; 7] = [None; 7];
    let mut since_use: [Option<f64>; 7] = [None; 7];
    for a in input.accounts {
        since_use[slot(a.network)] = earliest(since_use[slot(a.network)], a.connected_at);
    }
    if let (Some(s), Some(started)) = (input.strategy, seen.started_at) {
        for &n in &s.networks {
            since_use[slot(n)] = earliest(since_use[slot(n)], started);
        }
    }
    for o in input.strategy.map_or(&[][..], |s| &s.objectives) {
        if let Metric::PostsPerWeek { network } = o.metric {
            let i = slot(network);
            since_use[i] = earliest(since_use[i], o.created_at);
            if o.target.is_finite() && o.target > 0.0 {
                planned[i] = Some(planned[i].map_or(o.target, |p: f64| p.max(o.target)));
            }
        }
    }
    // A network is judged once it published or once its first gap is over the limit: a
    // network just taken up, with nothing out yet, says nothing either way.
    let mut judged_any = false;
    let mut networks = vec![];
    for (i, &network) in Network::ALL.iter().enumerate() {
        let last = seen.last_published[i];
        let recent = last.is_some_and(|at| input.now - at <= DROPPED_AFTER_DAYS * DAY_MS);
        let Some(since) = last
            .or(since_use[i])
            .filter(|_| since_use[i].is_some() || recent)
        else {
            continue;
        };
        let per_week = planned[i].unwrap_or(DEFAULT_POSTS_PER_WEEK);
        let gap = input.now - since;
        let over = gap > 2.0 * WEEK_MS / per_week;
        judged_any |= last.is_some() || over;
        if over {
            networks.push(Gap {
                network,
                days: whole_days(gap),
                per_week,
                ever_published: last.is_some(),
            });
        }
    }
    match (judged_any, networks.is_empty()) {
        (false, _) => Verdict::NoData,
        (true, true) => Verdict::Pass,
        (true, false) => Verdict::Fail(Detail::Neglecting { networks }),
    }
}

/// Replies are messages marked answered in the window (whenever they arrived). No data when
/// nobody wrote in the window. With posts published, replies under
/// [`MIN_REPLY_SHARE_PERCENT`] of them fail; with none, messages left without a single reply
/// fail (nothing published is no excuse for silence).
fn only_creating(input: &AuditInput, seen: &Scan) -> Verdict {
    let in_window = |at: f64| at > input.now - WINDOW_DAYS * DAY_MS && at <= input.now;
    let (mut inbox, mut replies) = (0, 0);
    for item in input.inbox {
        inbox += usize::from(in_window(item.at));
        replies += usize::from(item.answered_at.is_some_and(in_window));
    }
    let published = seen.published_in_window;
    if inbox == 0 {
        return Verdict::NoData;
    }
    let too_few = if published == 0 {
        replies == 0
    } else {
        replies * 100 < published * MIN_REPLY_SHARE_PERCENT
    };
    if too_few {
        Verdict::Fail(Detail::OnlyCreating {
            replies,
            published,
            inbox,
        })
    } else {
        Verdict::Pass
    }
}

/// Per account, the first and last snapshot of the window; an account counts when they are
/// at least [`MIN_FOLLOWER_SPAN_DAYS`] apart. Fails when the measured accounts gained nobody.
fn only_animating(input: &AuditInput) -> Verdict {
    let window_start = input.now - WINDOW_DAYS * DAY_MS;
    // account → (first at, its followers, last at, its followers)
    let mut span: HashMap<&str, (f64, u64, f64, u64)> = HashMap::new();
    for s in input.follower_snapshots {
        if s.status_id.is_some() || s.at <= window_start || s.at > input.now {
            continue;
        }
        let e = span
            .entry(s.account_id.as_str())
            .or_insert((s.at, s.followers, s.at, s.followers));
        if s.at < e.0 {
            (e.0, e.1) = (s.at, s.followers);
        }
        if s.at > e.2 {
            (e.2, e.3) = (s.at, s.followers);
        }
    }
    let (mut before, mut after, mut longest, mut measured) = (0u64, 0u64, 0.0f64, false);
    for &(first, from, last, to) in span.values() {
        if last - first >= MIN_FOLLOWER_SPAN_DAYS * DAY_MS {
            measured = true;
            before += from;
            after += to;
            longest = longest.max(last - first);
        }
    }
    if !measured {
        Verdict::NoData
    } else if after <= before {
        Verdict::Fail(Detail::OnlyAnimating {
            before,
            after,
            days: whole_days(longest),
        })
    } else {
        Verdict::Pass
    }
}

fn canned_strategy(strategy: Option<&Strategy>) -> Verdict {
    let no_mission = strategy.is_none_or(|s| s.mission.trim().is_empty());
    let no_objective = strategy.is_none_or(|s| s.objectives.is_empty());
    let no_persona = strategy.is_none_or(|s| s.personas.is_empty());
    if no_mission || no_objective || no_persona {
        Verdict::Fail(Detail::CannedStrategy {
            no_mission,
            no_objective,
            no_persona,
        })
    } else {
        Verdict::Pass
    }
}

/// The strategy's age counts once it was saved; the results' clock runs from the last look,
/// or from the workspace's first sign of use. No data when neither clock has started, and
/// no pass before the workspace has been in use for [`REPORT_STALE_DAYS`]: a practice cannot
/// be said not to stagnate before it had time to.
fn stagnating(input: &AuditInput, seen: &Scan) -> Verdict {
    let now = input.now;
    let saved = input.strategy.map(|s| s.updated_at).filter(|&at| at > 0.0);
    let looked = input.last_report_viewed.or(seen.started_at);
    if saved.is_none() && looked.is_none() {
        return Verdict::NoData;
    }
    let stale = |at: Option<f64>, limit_days: f64| {
        at.filter(|&at| now - at > limit_days * DAY_MS)
            .map(|at| whole_days(now - at))
    };
    let strategy_days = stale(saved, STRATEGY_STALE_DAYS);
    let report_days = stale(looked, REPORT_STALE_DAYS);
    let in_use_long_enough = seen
        .started_at
        .is_some_and(|at| now - at >= REPORT_STALE_DAYS * DAY_MS);
    if strategy_days.is_none() && report_days.is_none() {
        if in_use_long_enough {
            Verdict::Pass
        } else {
            Verdict::NoData
        }
    } else {
        Verdict::Fail(Detail::Stagnating {
            strategy_days,
            report_days,
            report_ever_viewed: input.last_report_viewed.is_some(),
        })
    }
}
