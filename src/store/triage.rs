//! How each conversation was triaged (state, snooze, priority, labels, assignee, history),
//! one record per conversation, by workspace. Every triage action is one strict
//! transaction: once the screen shows it, a reload finds it.

use wasm_bindgen::JsValue;

use crate::domain::conversation::Triage;

use super::idb::Tx;
use super::records;
use super::schema::{TRIAGE, TRIAGE_BY_WORKSPACE};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

/// Every triage record of a workspace.
pub async fn for_workspace(db: &Db, workspace_id: &str) -> Result<Vec<Triage>, StoreError> {
    let key = JsValue::from_str(workspace_id);
    Ok(
        records::page(db, TRIAGE, TRIAGE_BY_WORKSPACE, &key, u32::MAX)
            .await?
            .items,
    )
}

/// The triage of one conversation, if it was ever triaged.
pub async fn get(db: &Db, id: &str) -> Result<Option<Triage>, StoreError> {
    records::get(db, TRIAGE, &id.into()).await
}

/// The triage of the conversations `keys` of a workspace that were ever triaged.
pub async fn for_conversations(
    db: &Db,
    workspace_id: &str,
    keys: &[String],
) -> Result<Vec<Triage>, StoreError> {
    let ids: Vec<String> = keys
        .iter()
        .map(|k| Triage::id_of(workspace_id, k))
        .collect();
    records::get_many(db, TRIAGE, &ids).await
}

/// Saves the triage of some conversations (a bulk action is one transaction).
pub async fn put_all(db: &Db, triage: &[Triage]) -> Result<(), StoreError> {
    records::put_all(db, TRIAGE, triage, super::idb::Durability::Strict).await
}

/// Deletes a workspace's triage inside the caller's transaction.
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    take_in_index(tx, TRIAGE, TRIAGE_BY_WORKSPACE, &workspace_id.into(), kept).await
}
