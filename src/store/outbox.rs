//! The outbox: one row per send decided. A post and its rows change together, in one strict
//! transaction that reads both first, so deciding to send, taking a row to send it and
//! cancelling it can never cross another tab's change.

use wasm_bindgen::JsValue;

use crate::domain::outbox::OutboxItem;
use crate::domain::post::Post;

use super::codec::{from_js, to_js, to_stored};
use super::idb::{request, Durability, Tx};
use super::records;
use super::schema::{OUTBOX, OUTBOX_BY_POST, OUTBOX_BY_WORKSPACE, POSTS};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

/// What a change writes: the post (when changed) and the rows (new or changed).
pub struct Writes<R> {
    pub post: Option<Post>,
    pub items: Vec<OutboxItem>,
    pub result: R,
}

/// Every row (a handful per device: sent rows are pruned).
pub async fn all(db: &Db) -> Result<Vec<OutboxItem>, StoreError> {
    records::get_all(db, OUTBOX).await
}

pub async fn get(db: &Db, id: &str) -> Result<Option<OutboxItem>, StoreError> {
    records::get(db, OUTBOX, &id.into()).await
}

/// The rows of one post.
pub async fn for_post(db: &Db, post_id: &str) -> Result<Vec<OutboxItem>, StoreError> {
    Ok(
        records::page(db, OUTBOX, OUTBOX_BY_POST, &post_id.into(), u32::MAX)
            .await?
            .items,
    )
}

/// Saves one row (strict).
pub async fn put(db: &Db, item: &OutboxItem) -> Result<(), StoreError> {
    records::put_one(db, OUTBOX, item).await
}

/// Deletes rows (sent or cancelled long ago).
pub async fn delete_many(db: &Db, ids: &[String]) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let tx = Tx::write(db.raw(), &[OUTBOX], Durability::Strict)?;
    let store = tx.store(OUTBOX)?;
    for id in ids {
        store
            .delete(&JsValue::from_str(id))
            .map_err(StoreError::from_js)?;
    }
    tx.commit().await
}

/// Reads the post `post_id` and its rows, lets `decide` say what to write, and writes it, all
/// in one strict transaction.
pub async fn change<R>(
    db: &Db,
    post_id: &str,
    decide: impl FnOnce(Option<Post>, Vec<OutboxItem>) -> Writes<R>,
) -> Result<R, StoreError> {
    let tx = Tx::write(db.raw(), &[POSTS, OUTBOX], Durability::Strict)?;
    let posts = tx.store(POSTS)?;
    let outbox = tx.store(OUTBOX)?;
    let post = posts.get(&post_id.into()).map_err(StoreError::from_js)?;
    let rows = outbox
        .index(OUTBOX_BY_POST)
        .and_then(|i| i.get_all_with_key(&post_id.into()))
        .map_err(StoreError::from_js)?;
    let (post, rows) = (request(&post), request(&rows));
    let post = post.await?;
    let rows: Vec<OutboxItem> = from_js(&rows.await?)?;
    let post: Option<Post> = if post.is_undefined() {
        None
    } else {
        Some(from_js(&post)?)
    };
    let writes = decide(post, rows);
    if let Some(p) = &writes.post {
        // a change of the stored post: one version up, so a tab's older copy is seen as older
        let mut p = p.clone();
        p.version += 1;
        posts.put(&to_stored(&p)?).map_err(StoreError::from_js)?;
    }
    records::put_batch(&outbox, &writes.items)?;
    tx.commit().await?;
    Ok(writes.result)
}

/// Deletes a workspace's rows, inside the caller's transaction.
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    take_in_index(tx, OUTBOX, OUTBOX_BY_WORKSPACE, &workspace_id.into(), kept).await
}

/// Deletes a post's rows, inside the caller's transaction.
pub async fn take_for_post(tx: &Tx, post_id: &str, kept: &mut SetAside) -> Result<(), StoreError> {
    take_in_index(tx, OUTBOX, OUTBOX_BY_POST, &post_id.into(), kept).await
}

fn late_key(workspace_id: &str) -> String {
    format!("outbox-send-late:{workspace_id}")
}

/// Whether the workspace sends posts found late (up to an hour) without asking.
pub async fn sends_late_automatically(db: &Db, workspace_id: &str) -> Result<bool, StoreError> {
    Ok(
        records::get::<bool>(db, super::schema::SETTINGS, &late_key(workspace_id).into())
            .await?
            .unwrap_or(false),
    )
}

pub async fn set_sends_late_automatically(
    db: &Db,
    workspace_id: &str,
    on: bool,
) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[super::schema::SETTINGS], Durability::Strict)?;
    tx.store(super::schema::SETTINGS)?
        .put_with_key(&to_js(&on)?, &late_key(workspace_id).into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}
