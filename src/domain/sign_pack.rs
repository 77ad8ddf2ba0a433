//! Signs kept in packs: one record per workspace and ten minutes (UTC) holds their signs
//! (favourites, boosts, follows) as one JSON text, with the people in it for forgetting
//! them. IndexedDB's cost is per record: a million signs read as a million records took
//! thirteen seconds, the same in a thousand packs under one. Ten minutes keep a pack small
//! enough for forgetting someone quickly (each pack of theirs is read and written again)
//! even at a sign a second.

use std::collections::BTreeMap;

use super::interaction::Interaction;

/// How long a pack's span is, in milliseconds.
pub const PACK_MS: f64 = 600_000.0;

/// Where the span `at` falls in starts (UTC ms).
pub fn start_of(at: f64) -> f64 {
    (at / PACK_MS).floor() * PACK_MS
}

/// The key of the pack of `workspace_id` whose span starts at `start`.
pub fn pack_id(workspace_id: &str, start: f64) -> String {
    format!("{workspace_id}:signs:{}", start as i64)
}

/// How a pack names one of the people in it, for the index that finds them across
/// workspaces: the workspace and the handle, apart.
pub fn who_key(workspace_id: &str, handle: &str) -> String {
    format!("{workspace_id}\u{1f}{handle}")
}

/// One span of a workspace's signs, oldest first (ties by id, as an index would give them).
#[derive(Debug, Clone, PartialEq)]
pub struct SignPack {
    pub id: String,
    pub workspace_id: String,
    pub start: f64,
    /// Everyone with a sign in it ([`who_key`]), sorted, once each.
    pub who: Vec<String>,
    pub signs: Vec<Interaction>,
}

impl SignPack {
    /// A pack of these signs, all of `workspace_id` and the span from `start`.
    pub fn new(workspace_id: &str, start: f64, signs: Vec<Interaction>) -> SignPack {
        let mut pack = SignPack {
            id: pack_id(workspace_id, start),
            workspace_id: workspace_id.into(),
            start,
            who: vec![],
            signs,
        };
        pack.settle();
        pack
    }

    /// Adds `new` to the pack; a sign already there (same id) is replaced: syncing twice
    /// keeps it once.
    pub fn upsert(&mut self, new: &[Interaction]) {
        let ids: std::collections::HashSet<&str> = new.iter().map(|s| s.id.as_str()).collect();
        self.signs.retain(|s| !ids.contains(s.id.as_str()));
        self.signs.extend_from_slice(new);
        self.settle();
    }

    /// Puts back `older` signs (a copy of this pack set aside earlier): those the pack no
    /// longer has come back, and a sign it has (same id) stays as it is now.
    pub fn put_back(&mut self, older: Vec<Interaction>) {
        let ids: std::collections::HashSet<String> =
            self.signs.iter().map(|s| s.id.clone()).collect();
        self.signs
            .extend(older.into_iter().filter(|s| !ids.contains(&s.id)));
        self.settle();
    }

    /// Takes out the sign `id`; whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.signs.len();
        self.signs.retain(|s| s.id != id);
        self.settle();
        self.signs.len() != before
    }

    /// Puts the signs in order and lists who is in them again.
    pub fn settle(&mut self) {
        self.signs
            .sort_by(|a, b| a.at.total_cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
        let mut who: Vec<String> = self
            .signs
            .iter()
            .filter(|s| !s.who_handle.is_empty())
            .map(|s| who_key(&self.workspace_id, &s.who_handle))
            .collect();
        who.sort_unstable();
        who.dedup();
        self.who = who;
    }
}

/// `signs` by the pack each belongs in: `(workspace, start)`, in that order.
pub fn by_pack(signs: &[Interaction]) -> BTreeMap<(String, i64), Vec<Interaction>> {
    let mut packs: BTreeMap<(String, i64), Vec<Interaction>> = BTreeMap::new();
    for s in signs {
        packs
            .entry((s.workspace_id.clone(), start_of(s.at) as i64))
            .or_default()
            .push(s.clone());
    }
    packs
}

/// The first `count` signs of `newest_first` (newest first), and every other sign of the
/// last instant given, so an instant is never cut.
pub fn newest_whole(mut newest_first: Vec<Interaction>, count: usize) -> Vec<Interaction> {
    if count == 0 {
        return vec![];
    }
    if newest_first.len() <= count {
        return newest_first;
    }
    let last = newest_first[count - 1].at;
    let keep = count
        + newest_first[count..]
            .iter()
            .take_while(|s| s.at == last)
            .count();
    newest_first.truncate(keep);
    newest_first
}

/// How many packs a page of a whole read asks for next, to come near `wanted` signs, when
/// `asked` packs gave `signs`: packs run from full to nearly empty, and a page of each should
/// be one short parse, not thousands of tiny reads. Never below one, never more than twice
/// the last ask nor [`MOST_PACKS_A_PAGE`]: after a quiet stretch of nearly empty packs, the
/// next may be a busy one, and a page of a thousand full packs was a parse of a tenth of a
/// second at once.
pub fn packs_for_page(asked: u32, signs: usize, wanted: u32) -> u32 {
    let per_pack = (signs as f64 / f64::from(asked.max(1))).max(1.0);
    let most = asked.max(1).saturating_mul(2).min(MOST_PACKS_A_PAGE);
    ((f64::from(wanted) / per_pack) as u32).clamp(1, most)
}

/// The most packs one page of a whole read asks for.
pub const MOST_PACKS_A_PAGE: u32 = 128;
