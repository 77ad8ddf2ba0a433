//! Words typed in a form not sent yet (a persona, a snippet, a comment…), one record per form
//! and workspace in the settings store (`form-draft:<workspace>:<form>`), each a list of the
//! form's field values in order. Every write is strict: it is the user's typing.

use super::codec::to_stored;
use super::idb::{Durability, Tx};
use super::schema::SETTINGS;
use super::{Db, StoreError};

fn key(workspace_id: &str, form: &str) -> String {
    format!("form-draft:{workspace_id}:{form}")
}

/// The values last kept for `form` in the workspace, if any.
pub async fn get(
    db: &Db,
    workspace_id: &str,
    form: &str,
) -> Result<Option<Vec<String>>, StoreError> {
    super::records::get(db, SETTINGS, &key(workspace_id, form).into()).await
}

/// Keeps the form's values.
pub async fn put(
    db: &Db,
    workspace_id: &str,
    form: &str,
    values: &[String],
) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    tx.store(SETTINGS)?
        .put_with_key(&to_stored(&values)?, &key(workspace_id, form).into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

/// Forgets the form's values (sent, or emptied).
pub async fn delete(db: &Db, workspace_id: &str, form: &str) -> Result<(), StoreError> {
    super::records::delete(db, SETTINGS, &key(workspace_id, form).into()).await
}
