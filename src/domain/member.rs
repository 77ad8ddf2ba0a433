//! The people behind the messages: one member per identity (a handle on a network) made
//! from what the workspace holds — each inbox message (a conversation started, a reply to our
//! post, a mention) and each favourite, boost and follow — with first and last seen, a
//! timeline, and their Orbit level with its reason (`member_level.rs`). The user's own
//! accounts are not members.

use chrono::Datelike;

use super::inbox::InboxItem;
use super::interaction::InteractionKind;
use super::member_level::{Activity, ActivityKind, Basis, Level};
use super::network::Network;
use super::profile::Profile;
use super::queue::{local_parts, local_to_utc, Zone};

/// One moment of a member's timeline: 40 bytes for a quiet sign (a million of them is
/// the People page's working set), what a message said boxed apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub kind: ActivityKind,
    /// UTC ms.
    pub at: f64,
    /// Where to see it: the message, or (a favourite, boost or follow) their profile —
    /// shared by all the signs that point at the same profile (a million signs, few people).
    pub url: std::sync::Arc<str>,
    /// What a message said; none for the quiet signs.
    pub said: Option<Box<Said>>,
}

/// What a message of a member's timeline said.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    /// Its words (plain text, whole: its tone is read from them, as the Inbox reads it).
    pub text: String,
    /// Its language as the network said it (`fr`, `en`, or empty).
    pub lang: &'static str,
    /// The Inbox conversation it belongs to.
    pub conversation: String,
}

impl Moment {
    /// A favourite, boost, follow or post about the brand: nothing said.
    pub fn quiet(kind: ActivityKind, at: f64, url: std::sync::Arc<str>) -> Self {
        Moment {
            kind,
            at,
            url,
            said: None,
        }
    }

    /// The message's words; empty for the quiet signs.
    pub fn text(&self) -> &str {
        self.said.as_ref().map_or("", |s| &s.text)
    }

    /// The message's language as its network said it (`fr`, `en`, or empty).
    pub fn lang(&self) -> &'static str {
        self.said.as_ref().map_or("", |s| s.lang)
    }

    /// The Inbox conversation of a message.
    pub fn conversation(&self) -> Option<&str> {
        self.said.as_ref().map(|s| s.conversation.as_str())
    }
}

/// One of a member's identities: a handle on a network.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    /// `key_of(network, handle)`.
    pub key: String,
    pub network: Network,
    pub handle: String,
    pub url: String,
    /// The newest name it goes by.
    pub name: String,
    /// How many follow it, as last said by the network (and when, UTC ms).
    pub followers: Option<(u64, f64)>,
}

/// A member as the workspace knows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// `<network>:<handle, lower case>`.
    pub key: String,
    pub network: Network,
    pub name: String,
    pub handle: String,
    /// Every spelling of their handles in the stored messages and signs (to forget them all).
    pub handles: Vec<String>,
    /// Their identities, the one that names them first; more than one once merged.
    pub identities: Vec<Identity>,
    /// The links of their profiles (verified ones apart) and their newest picture.
    pub profile: Profile,
    /// The languages they wrote in.
    pub langs: Vec<String>,
    pub url: String,
    pub first_seen: f64,
    pub last_seen: f64,
    /// Newest first.
    pub timeline: Vec<Moment>,
    pub level: Level,
    pub basis: Basis,
    /// The sum of the weights of their activities in the last year (the Orbit model's love).
    pub love: u32,
    /// How many follow them, all identities together, when a network said (their reach).
    pub reach: Option<u64>,
}

impl Member {
    /// Their activities, for the levels.
    pub fn activities(&self, zone: &impl Zone) -> Vec<Activity> {
        self.timeline
            .iter()
            .map(|m| Activity {
                kind: m.kind,
                at: m.at,
                day: day_number(zone, m.at),
            })
            .collect()
    }

    /// Whether `needle` (lower case) is in their name or handle.
    pub fn matches(&self, needle: &str) -> bool {
        needle.is_empty()
            || self.name.to_lowercase().contains(needle)
            || self
                .handles
                .iter()
                .any(|h| h.to_lowercase().contains(needle))
    }
}

/// The user's calendar day of an instant, as days since 1970-01-01.
pub fn day_number(zone: &impl Zone, at: f64) -> i64 {
    let local = at + f64::from(zone.offset_minutes(at)) * 60_000.0;
    (local / 86_400_000.0).floor() as i64
}

/// The start of the user's month around `now` (UTC ms): when the levels were last reviewed.
pub fn review_start(zone: &impl Zone, now: f64) -> f64 {
    let (date, _) = local_parts(zone, now);
    local_to_utc(zone, date.with_day(1).unwrap_or(date), 0)
}

/// What kind of activity a message is: a reply to our post, a conversation started (it
/// answers nothing), or a mention in someone's thread.
pub fn kind_of(item: &InboxItem) -> ActivityKind {
    if item.post_id.is_some() {
        ActivityKind::Reply
    } else if item.in_reply_to.is_none() {
        ActivityKind::ConversationStarted
    } else {
        ActivityKind::Mention
    }
}

pub fn kind_of_sign(kind: InteractionKind) -> ActivityKind {
    match kind {
        InteractionKind::Favourite => ActivityKind::Favourite,
        InteractionKind::Boost => ActivityKind::Boost,
        InteractionKind::Follow => ActivityKind::Follow,
        InteractionKind::Content => ActivityKind::ContentAboutBrand,
    }
}

/// A member's key: `<network>:<handle, lower case>`.
pub fn key_of(network: Network, handle: &str) -> String {
    format!(
        "{}:{}",
        network.name().to_lowercase(),
        handle.to_lowercase()
    )
}

pub use super::member_gather::{gather, gather_merged, Gatherer};

/// The order of the People list: the inner orbits first, then the most recently seen.
pub fn order(a: &Member, b: &Member) -> std::cmp::Ordering {
    b.level
        .cmp(&a.level)
        .then(b.last_seen.total_cmp(&a.last_seen))
}
