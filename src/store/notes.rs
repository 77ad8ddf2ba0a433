//! The notes repository: notes of one workspace, newest first, a page at a time.

use wasm_bindgen::JsValue;

use crate::domain::note::Note;

use super::idb::Tx;
use super::records::{self, Page};
use super::schema::{NOTES, NOTES_BY_WORKSPACE};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

/// The key range of every note of `workspace_id` on the `by_workspace` index.
pub fn workspace_range(workspace_id: &str) -> Result<JsValue, StoreError> {
    records::prefix_range(workspace_id)
}

pub async fn add(db: &Db, note: &Note) -> Result<(), StoreError> {
    records::put_one(db, NOTES, note).await
}

/// The first `limit` notes of a workspace (oldest first) and how many it has.
pub async fn for_workspace(
    db: &Db,
    workspace_id: &str,
    limit: u32,
) -> Result<Page<Note>, StoreError> {
    records::page(
        db,
        NOTES,
        NOTES_BY_WORKSPACE,
        &workspace_range(workspace_id)?,
        limit,
    )
    .await
}

/// Deletes every note of a workspace inside the caller's transaction (which must cover
/// `notes`), so a workspace and its notes go together or not at all.
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    let range = workspace_range(workspace_id)?;
    take_in_index(tx, NOTES, NOTES_BY_WORKSPACE, &range, kept).await
}

/// The newest `limit` notes of a workspace (newest first) and how many it has.
pub async fn latest(db: &Db, workspace_id: &str, limit: u32) -> Result<Page<Note>, StoreError> {
    records::latest(
        db,
        NOTES,
        NOTES_BY_WORKSPACE,
        &workspace_range(workspace_id)?,
        limit,
    )
    .await
}

pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    records::delete(db, NOTES, &id.into()).await
}

/// How many notes there are on this device (what a full import would replace).
pub async fn count(db: &Db) -> Result<u32, StoreError> {
    records::count(db, NOTES).await
}
