//! The People list's glance (`domain::people_glance`), one settings document per workspace.
//! It is kept in a transaction that also reads the marks of the forgotten, so a member
//! forgotten while the list was being worked out (in this tab or another) is never written
//! back into it; forgetting takes a row out inside the forgetting transaction itself
//! (`members::forget`).

use std::collections::HashMap;

use crate::domain::member_record::Forgotten;
use crate::domain::people_glance::Glance;

use super::codec::{from_js, to_js};
use super::idb::{request, Durability, Tx};
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
    let marks = tx.store(FORGOTTEN)?;
    let mut lookups = vec![];
    for k in glance.rows.iter().flat_map(|r| r.keys.iter()) {
        let id = Forgotten::new(workspace_id, k, 0.0).id;
        let req = marks
            .get(&id.as_str().into())
            .map_err(StoreError::from_js)?;
        lookups.push((k.clone(), request(&req)));
    }
    let mut forgotten = HashMap::new();
    for (k, lookup) in lookups {
        let value = lookup.await?;
        if !value.is_undefined() {
            let mark: Forgotten = from_js(&value)?;
            forgotten.insert(k, mark.at);
        }
    }
    glance.without_forgotten(|k| forgotten.get(k).copied());
    tx.store(SETTINGS)?
        .put_with_key(&to_js(&glance)?, &key.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}
