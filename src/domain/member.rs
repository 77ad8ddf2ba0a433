//! The people behind the messages: one member per identity (a handle on a network) made
//! from what the workspace holds — each inbox message (a conversation started, a reply to our
//! post, a mention) and each favourite, boost and follow — with first and last seen, a
//! timeline, and their Orbit level with its reason (`member_level.rs`). The user's own
//! accounts are not members.

use std::collections::HashMap;

use chrono::Datelike;

use super::inbox::InboxItem;
use super::interaction::{Interaction, InteractionKind};
use super::member_level::{self, Activity, ActivityKind, Basis, Level, Weights};
use super::network::Network;
use super::profile::Profile;
use super::queue::{local_parts, local_to_utc, Zone};

/// One moment of a member's timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub kind: ActivityKind,
    /// UTC ms.
    pub at: f64,
    /// Where to see it: the message, or (a favourite, boost or follow) their profile.
    pub url: String,
    /// The message's words (plain text, for a glance); empty for the quiet signs.
    pub text: String,
    /// The Inbox conversation it belongs to, when it is a message.
    pub conversation: Option<String>,
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
    let (date, _) = local_parts(zone, at);
    i64::from(date.num_days_from_ce()) - 719_163
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

fn kind_of_sign(kind: InteractionKind) -> ActivityKind {
    match kind {
        InteractionKind::Favourite => ActivityKind::Favourite,
        InteractionKind::Boost => ActivityKind::Boost,
        InteractionKind::Follow => ActivityKind::Follow,
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

/// Plain words of a message for a glance (Mastodon's HTML without its tags).
fn glance(item: &InboxItem) -> String {
    let text = if item.text.is_empty() {
        super::rich_text::plain_text(&super::rich_text::parse_status_html(&item.html))
    } else {
        item.text.clone()
    };
    text.chars().take(140).collect()
}

/// Every member of a workspace from its messages and signs, placed at `now` in the user's
/// `zone`; `own_handles` (the workspace's accounts) are left out. Unordered.
pub fn gather(
    items: &[InboxItem],
    signs: &[Interaction],
    own_handles: &[String],
    weights: &Weights,
    zone: &impl Zone,
    now: f64,
) -> Vec<Member> {
    gather_merged(
        items,
        signs,
        own_handles,
        &HashMap::new(),
        weights,
        zone,
        now,
    )
}

/// As [`gather`], with identities merged: `merged` maps an identity's key to the key of the
/// member it was merged into.
pub fn gather_merged(
    items: &[InboxItem],
    signs: &[Interaction],
    own_handles: &[String],
    merged: &HashMap<String, String>,
    weights: &Weights,
    zone: &impl Zone,
    now: f64,
) -> Vec<Member> {
    let own: Vec<String> = own_handles.iter().map(|h| h.to_lowercase()).collect();
    let mut by_key: HashMap<String, Member> = HashMap::new();
    let mut add = |network: Network,
                   (name, handle, url): (&str, &str, &str),
                   profile: &Profile,
                   moment: Moment| {
        if handle.is_empty() || own.contains(&handle.to_lowercase()) {
            return;
        }
        let key = key_of(network, handle);
        let primary = merged.get(&key).cloned().unwrap_or_else(|| key.clone());
        let m = by_key.entry(primary.clone()).or_insert_with(|| Member {
            key: primary,
            network,
            name: name.to_string(),
            handle: handle.to_string(),
            handles: vec![],
            identities: vec![],
            profile: Profile::default(),
            langs: vec![],
            url: url.to_string(),
            first_seen: moment.at,
            last_seen: moment.at,
            timeline: vec![],
            level: Level::Exploring,
            basis: Basis::Nothing,
            love: 0,
            reach: None,
        });
        let newest = moment.at >= m.last_seen;
        if newest {
            // The newest name they go by, and picture.
            if !name.is_empty() {
                m.name = name.to_string();
            }
            if !profile.avatar.is_empty() {
                m.profile.avatar = profile.avatar.clone();
            }
            m.last_seen = moment.at;
        }
        m.first_seen = m.first_seen.min(moment.at);
        if !m.handles.iter().any(|h| h == handle) {
            m.handles.push(handle.to_string());
        }
        let followers = profile.followers.map(|n| (n, moment.at));
        match m.identities.iter_mut().find(|i| i.key == key) {
            Some(i) => {
                if newest && !name.is_empty() {
                    i.name = name.to_string();
                }
                // The newest count said.
                if followers.is_some_and(|(_, at)| i.followers.is_none_or(|(_, was)| at >= was)) {
                    i.followers = followers;
                }
            }
            None => m.identities.push(Identity {
                key,
                network,
                handle: handle.to_string(),
                url: url.to_string(),
                name: name.to_string(),
                followers,
            }),
        }
        for (from, to) in [
            (&profile.links, &mut m.profile.links),
            (&profile.verified, &mut m.profile.verified),
        ] {
            for l in from {
                if !to.contains(l) {
                    to.push(l.clone());
                }
            }
        }
        if !profile.lang.is_empty() && !m.langs.contains(&profile.lang) {
            m.langs.push(profile.lang.clone());
        }
        m.timeline.push(moment);
    };
    let by_remote: HashMap<&str, &InboxItem> = items
        .iter()
        .filter(|i| !i.remote_id.is_empty())
        .map(|i| (i.remote_id.as_str(), i))
        .collect();
    for i in items {
        let moment = Moment {
            kind: kind_of(i),
            at: i.at,
            url: i.url.clone(),
            text: glance(i),
            conversation: Some(super::conversation::conversation_key(i, &by_remote)),
        };
        add(
            i.network,
            (&i.author_name, &i.author_handle, &i.author_url),
            &i.profile,
            moment,
        );
    }
    for s in signs {
        let moment = Moment {
            kind: kind_of_sign(s.kind),
            at: s.at,
            url: s.who_url.clone(),
            text: String::new(),
            conversation: None,
        };
        add(
            s.network,
            (&s.who_name, &s.who_handle, &s.who_url),
            &s.profile,
            moment,
        );
    }
    let review = review_start(zone, now);
    by_key
        .into_values()
        .map(|mut m| {
            // Named by the identity it was merged into.
            if let Some(at) = m.identities.iter().position(|i| i.key == m.key) {
                let first = m.identities.remove(at);
                m.network = first.network;
                m.handle = first.handle.clone();
                m.url = first.url.clone();
                m.identities.insert(0, first);
            }
            m.timeline.sort_by(|a, b| b.at.total_cmp(&a.at));
            let counts: Vec<u64> = m
                .identities
                .iter()
                .filter_map(|i| i.followers.map(|f| f.0))
                .collect();
            m.reach = (!counts.is_empty()).then(|| counts.iter().sum());
            let acts = m.activities(zone);
            let (level, basis) = member_level::placed(&acts, weights, now, review);
            m.level = level;
            m.basis = basis;
            m.love = acts
                .iter()
                .filter(|a| a.at > now - member_level::LOOK_BACK_MS && a.at <= now)
                .map(|a| weights.of(a.kind))
                .sum();
            m
        })
        .collect()
}

/// The order of the People list: the inner orbits first, then the most recently seen.
pub fn order(a: &Member, b: &Member) -> std::cmp::Ordering {
    b.level
        .cmp(&a.level)
        .then(b.last_seen.total_cmp(&a.last_seen))
}
