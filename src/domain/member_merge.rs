//! The same person under two identities (a handle on Mastodon, another on Bluesky):
//! suggestions to merge them, each with its reasons, and the rule of which are made.
//!
//! A pair is suggested when a strong sign links them — the same link in their bios or
//! profile fields (verified with `rel=me` or not), one's bio linking to the other's profile,
//! the same handle on two networks — or when their names are nearly the same (Levenshtein
//! similarity of the accent- and case-folded names ≥ 0.9) and at least one other sign agrees
//! (a link to the same site, the same language). A dismissed pair never comes back.
//!
//! Pairs are found through shared keys (a link, a handle, the first or last three letters of
//! a name), never by comparing every member with every other: 100,000 members stay quick.
//! A key shared by more than [`CROWD`] members (a link everyone has) says nothing and is
//! skipped.

use std::collections::{BTreeSet, HashMap};

use super::member::Member;
use super::network::Network;
use super::profile::{link_domain, normalise_link};

/// The least name similarity that counts (the 0.9).
pub const NAME_SIMILARITY: f64 = 0.9;
/// A key shared by more members than this is not a sign.
pub const CROWD: usize = 20;

/// One reason two identities may be the same person.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// A link the server verified as theirs on one side (`rel=me`), in the other's profile too.
    VerifiedLink(String),
    /// The same link in both bios or profile fields.
    SameLink(String),
    /// One's bio links to the other's profile.
    LinksToProfile(String),
    /// The same handle on two networks (`bob`).
    SameHandle(String),
    /// Nearly the same name: the similarity in percent.
    SimilarName(u8),
    /// Links to the same site.
    SameSite(String),
    /// They write in the same language.
    SameLanguage(String),
    /// The same profile picture (the same bytes, once both were shown here).
    SamePicture,
}

impl Reason {
    /// Enough alone to suggest a merge.
    pub fn is_strong(&self) -> bool {
        matches!(
            self,
            Reason::VerifiedLink(_)
                | Reason::SameLink(_)
                | Reason::LinksToProfile(_)
                | Reason::SameHandle(_)
        )
    }
}

/// Two members that may be one person, by key (`a` < `b`), with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub a: String,
    pub b: String,
    pub reasons: Vec<Reason>,
}

/// A pair in a fixed order, as dismissed pairs are kept.
pub fn pair(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// A name without accents, case or extra spaces ("  Éloïse  MARTIN" → "eloise martin"):
/// the search's fold, spaces collapsed.
pub fn fold(name: &str) -> String {
    super::search::fold(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The part of a handle a person chooses: `@bob@x.social` → `bob`, `@bob.bsky.social` → `bob`.
pub fn handle_base(network: Network, handle: &str) -> String {
    let h = handle.trim_start_matches('@').to_lowercase();
    match network {
        Network::Bluesky => h.split('.').next().unwrap_or("").to_string(),
        _ => h.split('@').next().unwrap_or("").to_string(),
    }
}

/// Levenshtein similarity of two folded names, 0 to 1.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(&fold(a), &fold(b))
}

/// Everything that says two members may be the same person, strongest first.
pub fn reasons(a: &Member, b: &Member) -> Vec<Reason> {
    let mut out = BTreeSet::new();
    let links =
        |m: &Member| -> Vec<String> { m.profile.links.iter().map(|l| normalise_link(l)).collect() };
    let verified = |m: &Member| -> Vec<String> {
        m.profile
            .verified
            .iter()
            .map(|l| normalise_link(l))
            .collect()
    };
    let (la, lb) = (links(a), links(b));
    let (va, vb) = (verified(a), verified(b));
    for l in &la {
        if lb.contains(l) {
            if va.contains(l) || vb.contains(l) {
                out.insert(Reason::VerifiedLink(l.clone()));
            } else {
                out.insert(Reason::SameLink(l.clone()));
            }
        }
    }
    let profiles = |m: &Member| -> Vec<String> {
        m.identities
            .iter()
            .map(|i| normalise_link(&i.url))
            .collect()
    };
    for (from, to) in [(&la, profiles(b)), (&lb, profiles(a))] {
        for l in from {
            if to.contains(l) {
                out.insert(Reason::LinksToProfile(l.clone()));
            }
        }
    }
    for x in &a.identities {
        for y in &b.identities {
            let base = handle_base(x.network, &x.handle);
            if x.network != y.network
                && base.len() >= 3
                && base == handle_base(y.network, &y.handle)
            {
                out.insert(Reason::SameHandle(base));
            }
        }
    }
    let similarity = name_similarity(&a.name, &b.name);
    if similarity >= NAME_SIMILARITY {
        out.insert(Reason::SimilarName((similarity * 100.0).floor() as u8));
    }
    let sites = |ls: &[String]| -> BTreeSet<String> { ls.iter().map(|l| link_domain(l)).collect() };
    for site in sites(&la).intersection(&sites(&lb)) {
        out.insert(Reason::SameSite(site.clone()));
    }
    for lang in &a.langs {
        if b.langs.contains(lang) {
            out.insert(Reason::SameLanguage(lang.clone()));
        }
    }
    if a.profile.picture_hash.is_some() && a.profile.picture_hash == b.profile.picture_hash {
        out.insert(Reason::SamePicture);
    }
    out.into_iter().collect()
}

/// Whether these reasons make a suggestion: a strong one, or a near name with another.
pub fn suggests(reasons: &[Reason]) -> bool {
    reasons.iter().any(Reason::is_strong)
        || (reasons.iter().any(|r| matches!(r, Reason::SimilarName(_))) && reasons.len() >= 2)
}

/// Every suggestion among `members` (teammates left out before), less the `dismissed`
/// pairs, in a stable order (at once; [`Suggesting`] in steps).
pub fn suggestions(members: &[Member], dismissed: &[(String, String)]) -> Vec<Suggestion> {
    let mut s = Suggesting::new(members, dismissed);
    while !s.step(usize::MAX) {}
    s.suggestions()
}

/// The keys a member is looked up by: their links, handles and the ends of their name.
fn keys_of(m: &Member) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for l in &m.profile.links {
        keys.insert(format!("l:{}", normalise_link(l)));
    }
    for id in &m.identities {
        keys.insert(format!("l:{}", normalise_link(&id.url)));
        let base = handle_base(id.network, &id.handle);
        if base.len() >= 3 {
            keys.insert(format!("h:{base}"));
        }
    }
    let name: Vec<char> = fold(&m.name).chars().collect();
    if name.len() >= 3 {
        keys.insert(format!("n<{}", name[..3].iter().collect::<String>()));
        keys.insert(format!(
            "n>{}",
            name[name.len() - 3..].iter().collect::<String>()
        ));
    }
    keys
}

/// The suggestions worked out a few members at a time ([`Suggesting::step`]), so a hundred
/// thousand members never hold the screen: each member's keys, then the pairs sharing a key,
/// then the maps let go of a part at a time, then each pair's reasons.
pub struct Suggesting<'a> {
    members: &'a [Member],
    dismissed: BTreeSet<(String, String)>,
    stage: u8,
    next: usize,
    buckets: HashMap<String, Vec<usize>>,
    groups: Vec<(String, Vec<usize>)>,
    /// Links in more than [`CROWD`] profiles (a site everyone links to): nobody's own.
    crowded: BTreeSet<String>,
    /// Members per picture: one more than [`CROWD`] show (a network's default) is nobody's.
    pictures: HashMap<&'a str, usize>,
    seen: BTreeSet<(String, String)>,
    out: Vec<Suggestion>,
}

impl<'a> Suggesting<'a> {
    pub fn new(members: &'a [Member], dismissed: &[(String, String)]) -> Self {
        let mut buckets = HashMap::new();
        // About three keys each: room made once, never moved while it fills.
        buckets.reserve(members.len() * 3);
        Suggesting {
            members,
            dismissed: dismissed.iter().cloned().collect(),
            stage: 0,
            next: 0,
            buckets,
            groups: vec![],
            crowded: BTreeSet::new(),
            pictures: HashMap::new(),
            seen: BTreeSet::new(),
            out: vec![],
        }
    }

    /// Handles about `budget` members, keys or pairs; true when every suggestion is made.
    pub fn step(&mut self, budget: usize) -> bool {
        let members = self.members;
        match self.stage {
            0 => {
                let to = self.next.saturating_add(budget).min(members.len());
                for (i, m) in members.iter().enumerate().take(to).skip(self.next) {
                    for k in keys_of(m) {
                        self.buckets.entry(k).or_default().push(i);
                    }
                }
                self.next = to;
                if to == members.len() {
                    self.groups = std::mem::take(&mut self.buckets).into_iter().collect();
                    self.crowded = self
                        .groups
                        .iter()
                        .filter(|(k, g)| k.starts_with("l:") && g.len() > CROWD)
                        .map(|(k, _)| k[2..].to_string())
                        .collect();
                    for h in members
                        .iter()
                        .filter_map(|m| m.profile.picture_hash.as_deref())
                    {
                        *self.pictures.entry(h).or_default() += 1;
                    }
                    self.stage = 1;
                    self.next = 0;
                }
                false
            }
            1 => {
                let to = self.next.saturating_add(budget).min(self.groups.len());
                for (_, group) in &self.groups[self.next..to] {
                    if group.len() < 2 || group.len() > CROWD {
                        continue;
                    }
                    for (x, &i) in group.iter().enumerate() {
                        for &j in &group[x + 1..] {
                            self.seen.insert(pair(&members[i].key, &members[j].key));
                        }
                    }
                }
                self.next = to;
                if to == self.groups.len() {
                    self.stage = 2;
                }
                false
            }
            2 => {
                let keep = self.groups.len().saturating_sub(budget);
                self.groups.truncate(keep);
                if keep == 0 {
                    self.groups = vec![];
                    self.stage = 3;
                }
                false
            }
            3 => {
                self.out = self.reasoned();
                self.stage = 4;
                true
            }
            _ => true,
        }
    }

    /// Each pair sharing a key, with its reasons, when they make a suggestion.
    fn reasoned(&mut self) -> Vec<Suggestion> {
        let members = self.members;
        let pictures = &self.pictures;
        let crowded = &self.crowded;
        let crowded_picture = |m: &Member| {
            m.profile
                .picture_hash
                .as_deref()
                .is_some_and(|h| pictures[h] > CROWD)
        };
        let by_key: HashMap<&str, &Member> = members.iter().map(|m| (m.key.as_str(), m)).collect();
        std::mem::take(&mut self.seen)
            .into_iter()
            .filter(|p| !self.dismissed.contains(p))
            .filter_map(|(a, b)| {
                let (ma, mb) = (by_key[a.as_str()], by_key[b.as_str()]);
                let mut r = reasons(ma, mb);
                r.retain(|r| match r {
                    Reason::SamePicture => !crowded_picture(ma),
                    Reason::VerifiedLink(l) | Reason::SameLink(l) | Reason::LinksToProfile(l) => {
                        !crowded.contains(l.as_str())
                    }
                    Reason::SameSite(site) => !crowded.iter().any(|l| link_domain(l) == *site),
                    _ => true,
                });
                suggests(&r).then_some(Suggestion { a, b, reasons: r })
            })
            .collect()
    }

    /// The suggestions (every step taken first).
    pub fn suggestions(mut self) -> Vec<Suggestion> {
        while !self.step(usize::MAX) {}
        self.out
    }
}

/// A member's picture as it was shown (downloaded) on this device: its address, and the
/// SHA-256 of its bytes. Kept by member key, so forgetting them takes it away.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ShownPicture {
    pub url: String,
    pub hash: String,
}

impl ShownPicture {
    pub fn of(url: &str, bytes: &[u8]) -> Self {
        use sha2::{Digest, Sha256};
        ShownPicture {
            url: url.to_string(),
            hash: Sha256::digest(bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        }
    }
}

/// Gives each member the hash of their current picture, when it was shown on this device
/// (`shown`: by member or identity key).
pub fn know_pictures(members: &mut [Member], shown: &HashMap<String, ShownPicture>) {
    for m in members {
        let current = &m.profile.avatar;
        m.profile.picture_hash = std::iter::once(&m.key)
            .chain(m.identities.iter().map(|i| &i.key))
            .filter_map(|k| shown.get(k))
            .find(|p| !current.is_empty() && p.url == *current)
            .map(|p| p.hash.clone());
    }
}
