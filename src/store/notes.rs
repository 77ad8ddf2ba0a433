//! The notes repository: notes of one workspace, newest first, a page at a time.

use wasm_bindgen::JsValue;
use web_sys::IdbKeyRange;

use crate::domain::note::Note;

use super::idb::{request, Durability, Tx};
use super::records::{self, Page};
use super::schema::{NOTES, NOTES_BY_WORKSPACE};
use super::{Db, StoreError};

/// The key range of every note of `workspace_id` on the `by_workspace` index.
pub fn workspace_range(workspace_id: &str) -> Result<JsValue, StoreError> {
    let lower = js_sys::Array::of2(&workspace_id.into(), &JsValue::from_f64(f64::NEG_INFINITY));
    let upper = js_sys::Array::of2(&workspace_id.into(), &JsValue::from_f64(f64::INFINITY));
    IdbKeyRange::bound(&lower, &upper)
        .map(JsValue::from)
        .map_err(StoreError::from_js)
}

pub async fn add(db: &Db, note: &Note) -> Result<(), StoreError> {
    records::put_all(db, NOTES, std::slice::from_ref(note), Durability::Strict).await
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
pub async fn delete_for_workspace(tx: &Tx, workspace_id: &str) -> Result<(), StoreError> {
    let store = tx.store(NOTES)?;
    let index = store
        .index(NOTES_BY_WORKSPACE)
        .map_err(StoreError::from_js)?;
    let keys = index
        .get_all_keys_with_key(&workspace_range(workspace_id)?)
        .map_err(StoreError::from_js)?;
    let keys = request(&keys).await?;
    for key in js_sys::Array::from(&keys).iter() {
        store.delete(&key).map_err(StoreError::from_js)?;
    }
    Ok(())
}
