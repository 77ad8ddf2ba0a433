//! A form's typed words kept as the user types, so leaving the page, a reload or a crash
//! loses nothing of a persona, a snippet or a comment not yet added. A form whose fields are
//! all empty (sent, or cleared by the user) keeps nothing.

use crate::store::{self, Db, StoreError};

/// The values kept for `form` in the workspace, if any.
pub async fn load(
    db: &Db,
    workspace_id: &str,
    form: &str,
) -> Result<Option<Vec<String>>, StoreError> {
    store::form_drafts::get(db, workspace_id, form).await
}

/// Keeps the form's values as typed; all empty forgets them.
pub async fn keep(
    db: &Db,
    workspace_id: &str,
    form: &str,
    values: &[String],
) -> Result<(), StoreError> {
    if values.iter().all(|v| v.trim().is_empty()) {
        store::form_drafts::delete(db, workspace_id, form).await
    } else {
        store::form_drafts::put(db, workspace_id, form, values).await
    }
}
