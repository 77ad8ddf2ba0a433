//! The People list's glance (`domain::people_glance`), one settings document per workspace.
//! It is kept in a transaction that also reads the marks of the forgotten, so a member
//! forgotten while the list was being worked out (in this tab or another) is never written
//! back into it; forgetting takes a row out inside the forgetting transaction itself
//! (`members::forget`).

use crate::domain::member_record::{Forgotten, Marks};
use crate::domain::people_glance::Glance;

use super::codec::{from_js, to_js};
use super::idb::{request, Durability, Tx};
use super::schema::{FORGOTTEN, FORGOTTEN_BY_WORKSPACE, SETTINGS};
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
    let marks = tx
        .store(FORGOTTEN)?
        .index(FORGOTTEN_BY_WORKSPACE)
        .and_then(|i| i.get_all_with_key(&workspace_id.into()))
        .map_err(StoreError::from_js)?;
    let marks: Vec<Forgotten> = from_js(&request(&marks).await?)?;
    let marks = Marks::new(&marks);
    glance.without_forgotten(|k| marks.forgotten_at(k));
    tx.store(SETTINGS)?
        .put_with_key(&to_js(&glance)?, &key.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}
