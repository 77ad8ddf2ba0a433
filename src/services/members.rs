//! The People page's work: every member of the workspace, gathered from its messages and
//! its favourites, boosts and follows (`domain/member.rs`), placed on their Orbit level at
//! the user's clock and in their time zone, with the workspace's weights (kept on the device
//! under `member-weights:<workspace>`; the Orbit defaults until changed); identities merged
//! as the user chose, and the merges it suggests. Each load keeps a glance of the list
//! (`domain::people_glance`, under `people-glance:<workspace>`) that the next session
//! paints at once while it reads everything again.

use crate::domain::sorting;
use std::collections::HashMap;

use crate::domain::member::{order, Member};
use crate::domain::member_level::Weights;
use crate::domain::member_merge::{Suggesting, Suggestion};
use crate::domain::member_record::{merge_map, MemberRecord};
use crate::domain::people_glance::{Glance, GlanceRow};
use crate::store::{self, Db, StoreError};

use super::queue::BrowserZone;

fn weights_key(workspace_id: &str) -> String {
    format!("member-weights:{workspace_id}")
}

/// The settings document of the workspace's People glance.
pub fn glance_key(workspace_id: &str) -> String {
    format!("people-glance:{workspace_id}")
}

/// The People list as last worked out in this workspace, if it was.
pub async fn glance(db: &Db, workspace_id: &str) -> Result<Option<Glance>, StoreError> {
    store::people_glance::get(db, &glance_key(workspace_id)).await
}

/// How many of the newest messages, and of the newest signs, a first look reads.
const FIRST_LOOK: u32 = 600;

/// A first visit's first rows while everything else is read: the people of the newest
/// messages and signs, levels unknown (`people_glance::first_look`).
pub async fn first_look(db: &Db, workspace_id: &str) -> Result<Vec<GlanceRow>, StoreError> {
    let items = store::inbox::newest(db, workspace_id, FIRST_LOOK).await?;
    let signs = store::interactions::newest(db, workspace_id, FIRST_LOOK).await?;
    let own = own_handles(db, workspace_id).await?;
    let list = store::members::for_workspace(db, workspace_id).await?;
    Ok(crate::domain::people_glance::first_look(
        &items, &signs, FIRST_LOOK, &own, &list,
    ))
}

/// Members, keys or pairs handled between two turns of the screen while suggesting merges.
const SUGGEST_STEP: usize = 2_500;

/// The workspace's activity weights.
pub async fn weights(db: &Db, workspace_id: &str) -> Result<Weights, StoreError> {
    store::settings_docs::get_or_default(db, &weights_key(workspace_id)).await
}

/// The workspace's members and the weights they were placed with.
#[derive(Debug, Clone, PartialEq)]
pub struct People {
    /// The inner orbits first, then the most recently seen; teammates left out. Shared:
    /// the page keeps it for the next visit without copying a hundred thousand members.
    pub members: std::sync::Arc<Vec<Member>>,
    /// The members marked as teammates, by name.
    pub teammates: Vec<Member>,
    /// Members that may be the same person, with why.
    pub suggestions: Vec<Suggestion>,
    /// What the user keeps about members, by member key.
    pub records: HashMap<String, MemberRecord>,
    pub weights: Weights,
}

/// The handles of the workspace's own accounts (never members).
pub async fn own_handles(db: &Db, workspace_id: &str) -> Result<Vec<String>, StoreError> {
    Ok(store::accounts::for_workspace(db, workspace_id)
        .await?
        .into_iter()
        .map(|a| a.handle)
        .collect())
}

/// Everyone who interacted with the workspace at `now`, teammates among them, with what the
/// user keeps about them and the weights they were placed with.
async fn everyone(
    db: &Db,
    workspace_id: &str,
    now: f64,
) -> Result<(Vec<Member>, HashMap<String, MemberRecord>, Weights), StoreError> {
    let items = super::read_all::messages(db, workspace_id).await?;
    let own = own_handles(db, workspace_id).await?;
    let weights = weights(db, workspace_id).await?;
    let list = store::members::for_workspace(db, workspace_id).await?;
    let merged = merge_map(&list);
    let records: HashMap<String, MemberRecord> =
        list.into_iter().map(|r| (r.key.clone(), r)).collect();
    let signs = super::read_all::SignPages::new(db, workspace_id);
    let all = gathered(&items, signs, &own, &merged, &weights, now).await?;
    super::clock::let_go(items).await;
    Ok((all, records, weights))
}

/// The workspace's members at `now`, teammates left out, and the weights they were placed
/// with: what a report counts.
pub async fn counted(
    db: &Db,
    workspace_id: &str,
    now: f64,
) -> Result<(Vec<Member>, Weights), StoreError> {
    let (mut all, records, weights) = everyone(db, workspace_id, now).await?;
    all.retain(|m| !records.get(&m.key).is_some_and(|r| r.teammate));
    Ok((all, weights))
}

/// Every member of the workspace at `now`.
pub async fn load(db: &Db, workspace_id: &str, now: f64) -> Result<People, StoreError> {
    let (all, records, weights) = everyone(db, workspace_id, now).await?;
    let (mut teammates, mut members): (Vec<Member>, Vec<Member>) = all
        .into_iter()
        .partition(|m| records.get(&m.key).is_some_and(|r| r.teammate));
    let dismissed = super::member_records::dismissed(db, workspace_id).await?;
    // Pictures shown on this device back a near name.
    let pictures = super::avatars::shown(db, workspace_id).await?;
    crate::domain::member_merge::know_pictures(&mut members, &pictures);
    let mut suggesting = Suggesting::new(&members, &dismissed);
    while !suggesting.step(SUGGEST_STEP) {
        super::clock::give_way().await;
    }
    let suggestions = suggesting.suggestions();
    members.sort_by(order);
    sorting::sort_by_key(&mut teammates[..], |m| m.name.to_lowercase());
    // Only a head start for the next session: a glance not kept (a full disk) costs that
    // session its head start, nothing else, so the members read are shown all the same.
    let kept = Glance::of(&members, &records, now);
    let _ = store::people_glance::keep(db, workspace_id, &glance_key(workspace_id), kept).await;
    Ok(People {
        suggestions,
        members: std::sync::Arc::new(members),
        teammates,
        records,
        weights,
    })
}

/// Every member gathered and placed (`domain::member_gather`), in slices that give way to
/// the screen: a workspace of a million signs never holds a frame for long, nor all its
/// signs at once (they are read and let go a page at a time).
async fn gathered(
    items: &[crate::domain::inbox::InboxItem],
    mut signs: super::read_all::SignPages<'_>,
    own: &[String],
    merged: &HashMap<String, String>,
    weights: &Weights,
    now: f64,
) -> Result<Vec<Member>, StoreError> {
    use crate::domain::member_gather::{place, Gatherer};
    let mut slices = super::clock::Slices::default();
    let mut g = Gatherer::new(items, own, merged);
    for i in items {
        g.item(i);
        slices.tick().await;
    }
    while let Some(page) = signs.next().await? {
        for s in &page {
            g.sign(s);
            slices.tick().await;
        }
    }
    // The browser's clock asked once per quarter of an hour, not once per activity.
    let zone = crate::domain::zone_cache::CachedZone::new(BrowserZone);
    let review = crate::domain::member::review_start(&zone, now);
    let mut members = g.members();
    for m in &mut members {
        place(m, weights, &zone, now, review);
        slices.tick().await;
    }
    Ok(members)
}

/// The highest weight an activity may be given.
pub const MAX_WEIGHT: u32 = 100;

/// Keeps the workspace's weights (each at most [`MAX_WEIGHT`]); the levels follow at once.
pub async fn save_weights(
    db: &Db,
    workspace_id: &str,
    weights: &Weights,
) -> Result<(), StoreError> {
    let mut kept = weights.clone();
    for k in crate::domain::member_level::ActivityKind::ALL {
        let w = kept.of(k).min(MAX_WEIGHT);
        kept.set(k, w);
    }
    store::settings_docs::put(db, &weights_key(workspace_id), &kept).await
}
