//! The quiet signs of attention: a favourite (a Bluesky like), a boost (a repost), a follow.
//! They are not conversations (the Inbox does not list them unless asked) but they are
//! counted per post of ours and per person, for the member records and the reports.

use super::sorting;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::network::Network;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InteractionKind {
    /// Mastodon's favourite, Bluesky's like.
    Favourite,
    /// Mastodon's boost (reblog), Bluesky's repost.
    Boost,
    Follow,
    /// A post of theirs about the brand, found by listening and taken into People
    /// (`domain::listening`): a sign of who they are, not something given to a post of ours.
    Content,
}

impl InteractionKind {
    /// The kind a network's notification type names, if it is one of these.
    pub fn from_notification(network: Network, kind: &str) -> Option<InteractionKind> {
        match (network, kind) {
            (Network::Mastodon, "favourite") | (Network::Bluesky, "like") => {
                Some(InteractionKind::Favourite)
            }
            (Network::Mastodon, "reblog") | (Network::Bluesky, "repost") => {
                Some(InteractionKind::Boost)
            }
            (Network::Mastodon | Network::Bluesky, "follow") => Some(InteractionKind::Follow),
            _ => None,
        }
    }
}

/// One favourite, boost or follow, as the network told it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    /// `<account id>:interaction:<notification id or URI>`: syncing twice stores it once.
    pub id: String,
    pub workspace_id: String,
    /// The connected account it was for.
    pub account_id: String,
    pub network: Network,
    pub kind: InteractionKind,
    pub who_name: String,
    /// `@user@domain` (Mastodon), `@handle` (Bluesky): the person, as a member is known.
    pub who_handle: String,
    pub who_url: String,
    /// The post of ours it is about (a status id, an `at://` URI); none for a follow.
    #[serde(default)]
    pub subject: Option<String>,
    /// UTC ms.
    pub at: f64,
    /// What the network said of who gave it (links, picture).
    #[serde(default)]
    pub profile: super::profile::Profile,
}

/// How many of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub favourites: u32,
    pub boosts: u32,
    pub follows: u32,
}

impl Tally {
    pub fn add(&mut self, kind: InteractionKind) {
        match kind {
            InteractionKind::Favourite => self.favourites += 1,
            InteractionKind::Boost => self.boosts += 1,
            InteractionKind::Follow => self.follows += 1,
            InteractionKind::Content => {}
        }
    }

    pub fn total(&self) -> u32 {
        self.favourites + self.boosts + self.follows
    }
}

/// Each post of ours (by remote id) with what it received.
pub fn per_post(list: &[Interaction]) -> HashMap<String, Tally> {
    let mut out: HashMap<String, Tally> = HashMap::new();
    for i in list.iter().filter(|i| i.kind != InteractionKind::Content) {
        if let Some(s) = &i.subject {
            out.entry(s.clone()).or_default().add(i.kind);
        }
    }
    out
}

/// One person and what they gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Giver {
    pub network: Network,
    pub handle: String,
    pub name: String,
    pub url: String,
    pub tally: Tally,
    /// Their latest interaction (UTC ms).
    pub last_at: f64,
}

/// Everyone who favourited, boosted or followed, most given first (then the most recent,
/// then by handle, so the order is stable). A person is one handle on one network.
pub fn per_person(list: &[Interaction]) -> Vec<Giver> {
    let mut index: HashMap<(Network, &str), usize> = HashMap::new();
    let mut out: Vec<Giver> = vec![];
    for i in list {
        let at = *index.entry((i.network, &i.who_handle)).or_insert_with(|| {
            out.push(Giver {
                network: i.network,
                handle: i.who_handle.clone(),
                name: i.who_name.clone(),
                url: i.who_url.clone(),
                tally: Tally::default(),
                last_at: i.at,
            });
            out.len() - 1
        });
        let g = &mut out[at];
        g.tally.add(i.kind);
        if i.at >= g.last_at {
            g.last_at = i.at;
            g.name = i.who_name.clone();
        }
    }
    sorting::sort_by(&mut out[..], |a, b| {
        b.tally
            .total()
            .cmp(&a.tally.total())
            .then(b.last_at.total_cmp(&a.last_at))
            .then_with(|| a.handle.cmp(&b.handle))
    });
    out
}

/// The whole of `list` from `since` (UTC ms) on.
pub fn total_since(list: &[Interaction], since: f64) -> Tally {
    let mut t = Tally::default();
    for i in list.iter().filter(|i| i.at >= since) {
        t.add(i.kind);
    }
    t
}

/// What the Inbox's panel shows for a period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub tally: Tally,
    /// The `top` people who gave the most in the period.
    pub people: Vec<Giver>,
    /// The `latest` interactions of the period, newest first.
    pub latest: Vec<Interaction>,
}

/// The interactions of `list` from `since` (UTC ms) on: totals, the people who gave the
/// most, the latest ones.
pub fn summary(list: &[Interaction], since: f64, top: usize, latest: usize) -> Summary {
    let mut period: Vec<Interaction> = list
        .iter()
        .filter(|i| i.at >= since && i.kind != InteractionKind::Content)
        .cloned()
        .collect();
    sorting::sort_by(&mut period[..], |a, b| {
        b.at.total_cmp(&a.at).then_with(|| a.id.cmp(&b.id))
    });
    let mut people = per_person(&period);
    people.truncate(top);
    Summary {
        tally: total_since(&period, since),
        people,
        latest: period.into_iter().take(latest).collect(),
    }
}
