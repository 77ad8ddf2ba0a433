//! The notes repository: notes of one workspace, newest first, a page at a time.

use wasm_bindgen::JsValue;

use crate::domain::note::Note;

use super::idb::{request, Tx};
use super::records::{self, Page};
use super::schema::{NOTES, NOTES_BY_WORKSPACE};
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

/// The newest `limit` notes of a workspace (newest first) and how many it has, read with a
/// cursor so a long list is never loaded whole.
pub async fn latest(db: &Db, workspace_id: &str, limit: u32) -> Result<Page<Note>, StoreError> {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::{closure::Closure, JsCast};

    let range = workspace_range(workspace_id)?;
    let tx = Tx::read(db.raw(), &[NOTES])?;
    let index = tx
        .store(NOTES)?
        .index(NOTES_BY_WORKSPACE)
        .map_err(StoreError::from_js)?;
    let count = index.count_with_key(&range).map_err(StoreError::from_js)?;
    let count = request(&count);
    let cursor = index
        .open_cursor_with_range_and_direction(&range, web_sys::IdbCursorDirection::Prev)
        .map_err(StoreError::from_js)?;
    let values = js_sys::Array::new();
    let finished: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let done = js_sys::Promise::new(&mut |resolve, _| *finished.borrow_mut() = Some(resolve));
    let (req, out, fin) = (cursor.clone(), values.clone(), finished.clone());
    let step = Closure::<dyn Fn()>::new(move || {
        let cur = req.result().unwrap_or(JsValue::NULL);
        if !cur.is_null() && out.length() < limit {
            let cur: web_sys::IdbCursorWithValue = cur.unchecked_into();
            out.push(&cur.value().unwrap_or(JsValue::NULL));
            if out.length() < limit && cur.continue_().is_ok() {
                return;
            }
        }
        if let Some(resolve) = fin.borrow_mut().take() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    cursor.set_onsuccess(Some(step.as_ref().unchecked_ref()));
    let total = count.await?.as_f64().unwrap_or(0.0) as u32;
    wasm_bindgen_futures::JsFuture::from(done)
        .await
        .map_err(StoreError::from_js)?;
    drop(step);
    tx.finish().await?;
    Ok(Page {
        items: super::codec::from_js(&values)?,
        total,
    })
}

pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    records::delete(db, NOTES, &id.into()).await
}

/// How many notes there are on this device (what a full import would replace).
pub async fn count(db: &Db) -> Result<u32, StoreError> {
    records::count(db, NOTES).await
}
