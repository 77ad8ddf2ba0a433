//! The workspaces repository: every write is strict, a workspace must never be lost.

use crate::domain::workspace::Workspace;

use super::idb::{Durability, Tx};
use super::schema::{
    ACCOUNTS, INBOX, LIBRARY, MEDIA, MEDIA_BY_POST, METRICS, NOTES, OUTBOX, POSTS,
    POSTS_BY_WORKSPACE, WORKSPACES,
};
use super::{Db, StoreError};

/// All workspaces (a handful per installation: the switcher shows them all).
pub async fn list(db: &Db) -> Result<Vec<Workspace>, StoreError> {
    super::records::get_all(db, WORKSPACES).await
}

pub async fn put(db: &Db, workspace: &Workspace) -> Result<(), StoreError> {
    super::records::put_one(db, WORKSPACES, workspace).await
}

/// Deletes a workspace and everything recorded in it, in one transaction.
pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    let tx = Tx::write(
        db.raw(),
        &[
            WORKSPACES, NOTES, POSTS, MEDIA, LIBRARY, ACCOUNTS, INBOX, METRICS, OUTBOX,
        ],
        Durability::Strict,
    )?;
    tx.store(WORKSPACES)?
        .delete(&id.into())
        .map_err(StoreError::from_js)?;
    super::notes::delete_for_workspace(&tx, id).await?;
    delete_posts_of(&tx, id).await?;
    super::library::delete_for_workspace(&tx, id).await?;
    super::accounts::delete_for_workspace(&tx, id).await?;
    super::inbox::delete_for_workspace(&tx, id).await?;
    super::outbox::delete_for_workspace(&tx, id).await?;
    tx.commit().await
}

/// Deletes every post of a workspace and their images, inside the caller's transaction.
async fn delete_posts_of(tx: &Tx, workspace_id: &str) -> Result<(), StoreError> {
    use super::idb::request;
    let range = super::records::prefix_range(workspace_id)?;
    let posts = tx.store(POSTS)?;
    let keys = posts
        .index(POSTS_BY_WORKSPACE)
        .and_then(|i| i.get_all_keys_with_key(&range))
        .map_err(StoreError::from_js)?;
    let keys = js_sys::Array::from(&request(&keys).await?);
    let media = tx.store(MEDIA)?;
    let by_post = media.index(MEDIA_BY_POST).map_err(StoreError::from_js)?;
    for key in keys.iter() {
        posts.delete(&key).map_err(StoreError::from_js)?;
        let media_keys = by_post
            .get_all_keys_with_key(&key)
            .map_err(StoreError::from_js)?;
        for m in js_sys::Array::from(&request(&media_keys).await?).iter() {
            media.delete(&m).map_err(StoreError::from_js)?;
        }
    }
    Ok(())
}
