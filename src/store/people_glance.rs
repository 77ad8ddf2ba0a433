//! The People list's glance (`domain::people_glance`), one settings document per workspace.
//! It is kept in a transaction that also reads the marks of the forgotten, so a member
//! forgotten while the list was being worked out (in this tab or another) is never written
//! back into it; forgetting takes a row out inside the forgetting transaction itself
//! (`members::forget`).

use crate::domain::member_record::Marks;
use crate::domain::people_glance::Glance;

use super::codec::to_stored;
use super::idb::{Durability, Tx};
use super::schema::{FORGOTTEN, SETTINGS};
use super::{Db, StoreError};

/// The glance kept under `key`, if any.
pub async fn get(db: &Db, key: &str) -> Result<Option<Glance>, StoreError> {
    super::settings_docs::get(db, key).await
}

/// Keeps `glance` under `key`, without anyone of the workspace forgotten since they were
/// first seen. Relaxed: the glance is worked out again at each visit.
pub async fn keep(
    db: &Db,
    workspace_id: &str,
    key: &str,
    mut glance: Glance,
) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS, FORGOTTEN], Durability::Relaxed)?;
    let marks = super::members::marks_in(&tx, workspace_id).await?;
    let marks = Marks::new(&marks);
    glance.without_forgotten(|k| marks.forgotten_at(k));
    tx.store(SETTINGS)?
        .put_with_key(&to_stored(&glance)?, &key.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}
