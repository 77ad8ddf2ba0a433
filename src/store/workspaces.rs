//! The workspaces repository: every write is strict, a workspace must never be lost.

use crate::domain::workspace::Workspace;

use super::idb::{request, Durability, Tx};
use super::schema::{
    ACCOUNTS, FORGOTTEN, HITS, INBOX, KEPT, LIBRARY, MEDIA, MEDIA_BY_POST, MEMBERS, METRICS, NOTES,
    OUTBOX, POSTS, POSTS_BY_WORKSPACE, SETTINGS, SIGN_PACKS, THREADS, TRIAGE, WORKSPACES,
};
use super::set_aside::{take, take_in_index, take_keyed, SetAside};
use super::{Db, StoreError};

/// All workspaces (a handful per installation: the switcher shows them all).
pub async fn list(db: &Db) -> Result<Vec<Workspace>, StoreError> {
    super::records::get_all(db, WORKSPACES).await
}

pub async fn put(db: &Db, workspace: &Workspace) -> Result<(), StoreError> {
    super::records::put_one(db, WORKSPACES, workspace).await
}

/// Deletes a workspace and everything recorded in it, in one transaction; what was taken
/// out is returned so the deletion can be undone ([`super::set_aside::put_back`]).
pub async fn delete(db: &Db, id: &str) -> Result<SetAside, StoreError> {
    let tx = Tx::write(
        db.raw(),
        &[
            WORKSPACES, NOTES, POSTS, MEDIA, LIBRARY, ACCOUNTS, INBOX, METRICS, OUTBOX, TRIAGE,
            THREADS, SIGN_PACKS, HITS, MEMBERS, FORGOTTEN, SETTINGS, KEPT,
        ],
        Durability::Strict,
    )?;
    let mut kept = SetAside::default();
    // Copies kept to start faster are not set aside: made again if the workspace comes back.
    super::kept::delete_for_workspace(&tx, id)?;
    take(&tx, WORKSPACES, &id.into(), &mut kept).await?;
    super::notes::take_for_workspace(&tx, id, &mut kept).await?;
    let range = super::records::prefix_range(id)?;
    let posts = tx
        .store(POSTS)?
        .index(POSTS_BY_WORKSPACE)
        .and_then(|i| i.get_all_keys_with_key(&range))
        .map_err(StoreError::from_js)?;
    for key in js_sys::Array::from(&request(&posts).await?).iter() {
        take_in_index(&tx, MEDIA, MEDIA_BY_POST, &key, &mut kept).await?;
        take(&tx, POSTS, &key, &mut kept).await?;
    }
    super::library::take_for_workspace(&tx, id, &mut kept).await?;
    super::accounts::take_for_workspace(&tx, id, &mut kept).await?;
    super::inbox::take_for_workspace(&tx, id, &mut kept).await?;
    super::triage::take_for_workspace(&tx, id, &mut kept).await?;
    super::threads::take_for_workspace(&tx, id, &mut kept).await?;
    super::interactions::take_for_workspace(&tx, id, &mut kept).await?;
    super::outbox::take_for_workspace(&tx, id, &mut kept).await?;
    super::hits::take_for_workspace(&tx, id, &mut kept).await?;
    super::members::take_for_workspace(&tx, id, &mut kept).await?;
    // Its documents in the settings (`<kind>:<workspace>[:…]`): follow-ups, segments, the
    // People glance, saved views, weights, drafts of forms…
    take_keyed(
        &tx,
        SETTINGS,
        |k| k.split(':').nth(1) == Some(id),
        &mut kept,
    )
    .await?;
    tx.commit().await?;
    Ok(kept)
}
