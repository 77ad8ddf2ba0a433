//! Members gathered from what the workspace holds, one message or sign at a time: each
//! spelling of a handle looked up once (its member and identity kept), so a million signs
//! cost a lookup each. The service feeds it in slices that give way to the screen; the
//! domain's [`gather`] feeds it at once.

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::inbox::InboxItem;
use super::interaction::{Interaction, InteractionKind};
use super::member::{key_of, kind_of, kind_of_sign, review_start, Identity, Member, Moment, Said};
use super::member_level::{self, Basis, Level, Weights};
use super::network::Network;
use super::profile::Profile;
use super::queue::Zone;

/// Plain words of a message for a glance (Mastodon's HTML without its tags).
fn words(item: &InboxItem) -> String {
    if item.text.is_empty() {
        super::rich_text::plain_text(&super::rich_text::parse_status_html(&item.html))
    } else {
        item.text.clone()
    }
}

/// The language a message was written in, as its network said (`fr`, `en`; else empty: the
/// sentiment hint then tells it by its words).
fn lang_of(item: &InboxItem) -> &'static str {
    match item.profile.lang.split(['-', '_']).next() {
        Some("fr") => "fr",
        Some("en") => "en",
        _ => "",
    }
}

/// Where a spelling's moments go: its member, its identity, its kept profile URL.
type Slot = (usize, usize, usize);

/// Something kept for each spelling of a handle, by network, the handles owned: looked up
/// by a borrowed handle, made once per spelling.
pub struct Spelled<T>([FxHashMap<Box<str>, T>; Network::ALL.len()]);

impl<T> Default for Spelled<T> {
    fn default() -> Self {
        Spelled(std::array::from_fn(|_| FxHashMap::default()))
    }
}

impl<T> Spelled<T> {
    pub fn get(&self, network: Network, handle: &str) -> Option<&T> {
        self.0[network as usize].get(handle)
    }

    pub fn get_mut(&mut self, network: Network, handle: &str) -> Option<&mut T> {
        self.0[network as usize].get_mut(handle)
    }

    pub fn insert(&mut self, network: Network, handle: &str, value: T) {
        self.0[network as usize].insert(handle.into(), value);
    }
}

/// Members being gathered; [`Gatherer::members`] gives them, not yet placed.
pub struct Gatherer<'a> {
    own: Vec<String>,
    merged: &'a HashMap<String, String>,
    found: Vec<Member>,
    by_key: FxHashMap<String, usize>,
    /// Each spelling of a handle, by network: its member and identity (`None`: our own
    /// account), and where its profile URL last said is kept in `profiles`. Owned: the
    /// signs are read and let go a page at a time.
    spelled: Spelled<Option<Slot>>,
    /// The profile URL each spelling's signs last pointed at, shared by their moments.
    profiles: Vec<Arc<str>>,
    by_remote: FxHashMap<&'a str, &'a InboxItem>,
}

impl<'a> Gatherer<'a> {
    /// Ready for the messages `items` (their threads are followed for the conversations)
    /// and any signs; `own_handles` are left out, `merged` maps an identity's key to the
    /// key of the member it was merged into.
    pub fn new(
        items: &'a [InboxItem],
        own_handles: &[String],
        merged: &'a HashMap<String, String>,
    ) -> Self {
        Gatherer {
            own: own_handles.iter().map(|h| h.to_lowercase()).collect(),
            merged,
            found: vec![],
            by_key: FxHashMap::default(),
            spelled: Spelled::default(),
            profiles: vec![],
            by_remote: items
                .iter()
                .filter(|i| !i.remote_id.is_empty())
                .map(|i| (i.remote_id.as_str(), i))
                .collect(),
        }
    }

    pub fn item(&mut self, i: &'a InboxItem) {
        let who = (&*i.author_name, &*i.author_handle, &*i.author_url);
        let Some(slot) = self.slot(i.network, who, i.at) else {
            return;
        };
        let moment = Moment {
            kind: kind_of(i),
            at: i.at,
            url: Arc::from(i.url.as_str()),
            said: Some(Box::new(Said {
                text: words(i),
                lang: lang_of(i),
                conversation: super::conversation::conversation_key(i, &self.by_remote),
            })),
        };
        self.add(slot, (&i.author_name, &i.author_url), &i.profile, moment);
    }

    /// A sign, given in any order: a member of one identity comes out the same (the newest
    /// sign decides the name, profile address, picture and count). A merged member's other
    /// identities take a name or address only from the member's newest moment, so the order
    /// decides theirs, and the order of their identities, handles, links and languages.
    pub fn sign(&mut self, s: &Interaction) {
        let who = (&*s.who_name, &*s.who_handle, &*s.who_url);
        let Some(slot) = self.slot(s.network, who, s.at) else {
            return;
        };
        let kept = &mut self.profiles[slot.2];
        if **kept != *s.who_url {
            *kept = Arc::from(s.who_url.as_str());
        }
        // A post about the brand links to itself; other signs to the person.
        let url = match (&s.kind, &s.subject) {
            (InteractionKind::Content, Some(post)) => Arc::from(post.as_str()),
            _ => kept.clone(),
        };
        let moment = Moment::quiet(kind_of_sign(s.kind), s.at, url);
        self.add(slot, (&s.who_name, &s.who_url), &s.profile, moment);
    }

    /// The member and identity a spelling belongs to, made when first seen; none for our
    /// own accounts and for no handle.
    fn slot(
        &mut self,
        network: Network,
        (name, handle, url): (&str, &str, &str),
        at: f64,
    ) -> Option<Slot> {
        if handle.is_empty() {
            return None;
        }
        if let Some(slot) = self.spelled.get(network, handle) {
            return *slot;
        }
        let slot = if self.own.contains(&handle.to_lowercase()) {
            None
        } else {
            let key = key_of(network, handle);
            let primary = self
                .merged
                .get(&key)
                .cloned()
                .unwrap_or_else(|| key.clone());
            let n = match self.by_key.get(&primary) {
                Some(&n) => n,
                None => {
                    self.found.push(Member {
                        key: primary.clone(),
                        network,
                        name: name.to_string(),
                        handle: handle.to_string(),
                        handles: vec![],
                        identities: vec![],
                        profile: Profile::default(),
                        langs: vec![],
                        url: url.to_string(),
                        first_seen: at,
                        last_seen: at,
                        timeline: vec![],
                        level: Level::Exploring,
                        basis: Basis::Nothing,
                        love: 0,
                        reach: None,
                    });
                    self.by_key.insert(primary, self.found.len() - 1);
                    self.found.len() - 1
                }
            };
            let m = &mut self.found[n];
            if !m.handles.iter().any(|h| h == handle) {
                m.handles.push(handle.to_string());
            }
            let identity = match m.identities.iter().position(|i| i.key == key) {
                Some(i) => i,
                None => {
                    m.identities.push(Identity {
                        key,
                        network,
                        handle: handle.to_string(),
                        url: url.to_string(),
                        name: name.to_string(),
                        followers: None,
                    });
                    m.identities.len() - 1
                }
            };
            self.profiles.push(Arc::from(url));
            Some((n, identity, self.profiles.len() - 1))
        };
        self.spelled.insert(network, handle, slot);
        slot
    }

    fn add(
        &mut self,
        (at, identity, _): Slot,
        (name, url): (&str, &str),
        profile: &Profile,
        moment: Moment,
    ) {
        let m = &mut self.found[at];
        let newest = moment.at >= m.last_seen;
        if newest {
            // The newest name they go by, and picture.
            // Copied only when it changed (most signs repeat it).
            if !name.is_empty() && m.name != name {
                m.name = name.to_string();
            }
            if !profile.avatar.is_empty() && m.profile.avatar != profile.avatar {
                m.profile.avatar = profile.avatar.clone();
            }
            m.last_seen = moment.at;
        }
        m.first_seen = m.first_seen.min(moment.at);
        let followers = profile.followers.map(|n| (n, moment.at));
        let i = &mut m.identities[identity];
        if newest && !name.is_empty() && i.name != name {
            i.name = name.to_string();
        }
        // The newest profile address said (`named` makes the member's their identity's).
        if newest && !url.is_empty() && i.url != url {
            i.url = url.to_string();
        }
        // The newest count said.
        if followers.is_some_and(|(_, at)| i.followers.is_none_or(|(_, was)| at >= was)) {
            i.followers = followers;
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
    }

    /// How many members so far.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The members gathered, not yet placed ([`place`] each).
    pub fn members(self) -> Vec<Member> {
        self.found
    }
}

/// Places a gathered member at `now` (`review`: the start of the monthly review,
/// `member::review_start`): their merged identity first, timeline newest first, reach,
/// level and its reason, love.
pub fn place(m: &mut Member, weights: &Weights, zone: &impl Zone, now: f64, review: f64) {
    named(m);
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
}

/// Names a gathered member by the identity they were merged into (that identity first).
pub fn named(m: &mut Member) {
    if let Some(at) = m.identities.iter().position(|i| i.key == m.key) {
        let first = m.identities.remove(at);
        m.network = first.network;
        m.handle = first.handle.clone();
        m.url = first.url.clone();
        m.identities.insert(0, first);
    }
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
    let mut g = Gatherer::new(items, own_handles, merged);
    for i in items {
        g.item(i);
    }
    for s in signs {
        g.sign(s);
    }
    let review = review_start(zone, now);
    let mut members = g.members();
    for m in &mut members {
        place(m, weights, zone, now, review);
    }
    members
}
