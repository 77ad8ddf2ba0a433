//! The Orbit model's levels, transparent: every activity has a weight (editable per
//! workspace); a member is at level 4 Exploring, 3 Participating, 2 Contributing or 1 Leading,
//! reached by one activity of that level's weight or by presence (active days within a
//! window), counting only the last year. A promotion is at once; a demotion waits for the
//! monthly review. Every placement comes with its reason and what would move it.

use serde::{Deserialize, Serialize};

pub const DAY_MS: f64 = 86_400_000.0;
/// Only the last year counts.
pub const LOOK_BACK_MS: f64 = 365.0 * DAY_MS;

/// What a member did, as the levels weigh it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Follow,
    Favourite,
    Boost,
    /// Named us in someone else's thread.
    Mention,
    /// Answered one of our posts.
    Reply,
    Quote,
    /// Wrote to us first: a message that answers nothing.
    ConversationStarted,
    ContentAboutBrand,
    EventHosted,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 9] = [
        ActivityKind::Follow,
        ActivityKind::Favourite,
        ActivityKind::Boost,
        ActivityKind::Mention,
        ActivityKind::Reply,
        ActivityKind::Quote,
        ActivityKind::ConversationStarted,
        ActivityKind::ContentAboutBrand,
        ActivityKind::EventHosted,
    ];
}

/// The weight of each kind, per workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub follow: u32,
    pub favourite: u32,
    pub boost: u32,
    pub mention: u32,
    pub reply: u32,
    pub quote: u32,
    pub conversation_started: u32,
    pub content_about_brand: u32,
    pub event_hosted: u32,
}

impl Default for Weights {
    /// The Orbit model's own defaults.
    fn default() -> Self {
        Weights {
            follow: 1,
            favourite: 2,
            boost: 3,
            mention: 5,
            reply: 6,
            quote: 6,
            conversation_started: 7,
            content_about_brand: 8,
            event_hosted: 11,
        }
    }
}

impl Weights {
    /// Gives `kind` the weight `w`.
    pub fn set(&mut self, kind: ActivityKind, w: u32) {
        let slot = match kind {
            ActivityKind::Follow => &mut self.follow,
            ActivityKind::Favourite => &mut self.favourite,
            ActivityKind::Boost => &mut self.boost,
            ActivityKind::Mention => &mut self.mention,
            ActivityKind::Reply => &mut self.reply,
            ActivityKind::Quote => &mut self.quote,
            ActivityKind::ConversationStarted => &mut self.conversation_started,
            ActivityKind::ContentAboutBrand => &mut self.content_about_brand,
            ActivityKind::EventHosted => &mut self.event_hosted,
        };
        *slot = w;
    }

    pub fn of(&self, kind: ActivityKind) -> u32 {
        match kind {
            ActivityKind::Follow => self.follow,
            ActivityKind::Favourite => self.favourite,
            ActivityKind::Boost => self.boost,
            ActivityKind::Mention => self.mention,
            ActivityKind::Reply => self.reply,
            ActivityKind::Quote => self.quote,
            ActivityKind::ConversationStarted => self.conversation_started,
            ActivityKind::ContentAboutBrand => self.content_about_brand,
            ActivityKind::EventHosted => self.event_hosted,
        }
    }
}

/// From the outer orbit in: Exploring (4) to Leading (1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    Exploring,
    Participating,
    Contributing,
    Leading,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Leading,
        Level::Contributing,
        Level::Participating,
        Level::Exploring,
    ];

    /// The Orbit number: 1 Leading … 4 Exploring.
    pub fn number(self) -> u8 {
        match self {
            Level::Leading => 1,
            Level::Contributing => 2,
            Level::Participating => 3,
            Level::Exploring => 4,
        }
    }

    /// One activity of at least this weight places a member here.
    pub fn weight(self) -> u32 {
        match self {
            Level::Exploring => 1,
            Level::Participating => 5,
            Level::Contributing => 8,
            Level::Leading => 11,
        }
    }

    /// Or being active this many days within this many days.
    pub fn presence(self) -> Option<(usize, i64)> {
        match self {
            Level::Exploring => None,
            Level::Participating => Some((2, 7)),
            Level::Contributing => Some((7, 30)),
            Level::Leading => Some((30, 91)),
        }
    }

    fn up(self) -> Option<Level> {
        match self {
            Level::Exploring => Some(Level::Participating),
            Level::Participating => Some(Level::Contributing),
            Level::Contributing => Some(Level::Leading),
            Level::Leading => None,
        }
    }
}

/// One thing a member did: its kind, when (UTC ms) and on which day of the user's calendar
/// (days since 1970 in the user's time zone, for presence).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Activity {
    pub kind: ActivityKind,
    pub at: f64,
    pub day: i64,
}

/// Why a member is where they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Basis {
    /// One activity of this kind (and weight), on that day (UTC ms).
    Weight { kind: ActivityKind, at: f64 },
    /// Active `days` days within `window` days, the first of them at `first`, the last at
    /// `at`.
    Presence {
        days: usize,
        window: i64,
        first: f64,
        at: f64,
    },
    /// Any activity in the last year.
    Any,
    /// Nothing in the last year.
    Nothing,
}

/// The best level `acts` justify at `t`, and why.
pub fn earned(acts: &[Activity], weights: &Weights, t: f64) -> (Level, Basis) {
    earned_with(acts, weights, t, &mut vec![])
}

/// As [`earned`], with `days` a buffer of the caller's (placing a member asks many times).
fn earned_with(
    acts: &[Activity],
    weights: &Weights,
    t: f64,
    days: &mut Vec<(i64, f64)>,
) -> (Level, Basis) {
    let recent = || {
        acts.iter()
            .filter(move |a| a.at <= t && a.at > t - LOOK_BACK_MS)
    };
    if recent().next().is_none() {
        return (Level::Exploring, Basis::Nothing);
    }
    let mut best = (Level::Exploring, Basis::Any);
    // By weight: the latest activity heavy enough for the best level reached so.
    for level in Level::ALL {
        let heavy = recent()
            .filter(|a| weights.of(a.kind) >= level.weight())
            .max_by(|a, b| a.at.total_cmp(&b.at));
        if let Some(a) = heavy {
            if level > best.0 {
                best = (
                    level,
                    Basis::Weight {
                        kind: a.kind,
                        at: a.at,
                    },
                );
            }
            break;
        }
    }
    // By presence: distinct active days; the latest window that has enough of them.
    days.clear();
    days.extend(recent().map(|a| (a.day, a.at)));
    days.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    days.dedup_by_key(|d| d.0);
    for level in Level::ALL {
        if level <= best.0 {
            break;
        }
        let Some((need, window)) = level.presence() else {
            continue;
        };
        if days.len() < need {
            continue;
        }
        if let Some(end) = (need - 1..days.len())
            .rev()
            .find(|&i| days[i].0 - days[i + 1 - need].0 < window)
        {
            best = (
                level,
                Basis::Presence {
                    days: need,
                    window,
                    first: days[end + 1 - need].1,
                    at: days[end].1,
                },
            );
            break;
        }
    }
    best
}

/// Where a member stands at `now`, with the monthly review last held at `review` (UTC ms, the
/// start of the month in the user's calendar): a level earned since the review stays until the
/// next one, even if it is no longer earned; anything better is taken at once.
pub fn placed(acts: &[Activity], weights: &Weights, now: f64, review: f64) -> (Level, Basis) {
    let days = &mut vec![];
    // What is earned only grows with the activities counted. When none left the year's
    // window since the review, the window at any moment since held a part of today's, so
    // today's level is the best of them: no need to ask at each activity.
    let review = review.min(now);
    let left = |a: &Activity| a.at > review - LOOK_BACK_MS && a.at <= now - LOOK_BACK_MS;
    if !acts.iter().any(left) {
        return earned_with(acts, weights, now, days);
    }
    let mut best = earned_with(acts, weights, review, days);
    for a in acts.iter().filter(|a| a.at > review && a.at <= now) {
        let e = earned_with(acts, weights, a.at, days);
        if e.0 > best.0 {
            best = e;
        }
    }
    let now_earned = earned_with(acts, weights, now, days);
    if now_earned.0 >= best.0 {
        // Earned now: say so with today's reason.
        return now_earned;
    }
    best
}

/// What would move a member up: one activity of `weight` (e.g. the kinds listed), or `days`
/// active days within `window` (they have `have` in the best window ending today).
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep {
    pub level: Level,
    pub weight: u32,
    pub kinds: Vec<ActivityKind>,
    pub presence: Option<(usize, i64)>,
    /// Active days in the last `window` days.
    pub have: usize,
}

/// What the next level asks of a member at `level` (none from Leading).
pub fn next_step(
    acts: &[Activity],
    weights: &Weights,
    level: Level,
    today: i64,
) -> Option<NextStep> {
    let next = level.up()?;
    let kinds = ActivityKind::ALL
        .into_iter()
        .filter(|k| weights.of(*k) >= next.weight())
        .collect();
    let presence = next.presence();
    let have = presence.map_or(0, |(_, window)| {
        let mut days: Vec<i64> = acts
            .iter()
            .map(|a| a.day)
            .filter(|d| *d <= today && *d > today - window)
            .collect();
        days.sort_unstable();
        days.dedup();
        days.len()
    });
    Some(NextStep {
        level: next,
        weight: next.weight(),
        kinds,
        presence,
        have,
    })
}

/// When a member placed by `basis` stops earning it (UTC ms): a year after the activity (or
/// the first day of the window) that earned it; the level then holds until the next monthly
/// review. None for nothing earned.
pub fn earned_until(basis: Basis) -> Option<f64> {
    match basis {
        Basis::Weight { at, .. } => Some(at + LOOK_BACK_MS),
        Basis::Presence { first, .. } => Some(first + LOOK_BACK_MS),
        Basis::Any | Basis::Nothing => None,
    }
}
