//! A workspace's saved member segments (`domain::segment`), kept on the device in one
//! settings document (`segments:<workspace>`), each change read and written in one strict
//! transaction.

use crate::domain::segment::{self, Filter, Segment};
use crate::store::{self, Db, StoreError};

fn key(workspace_id: &str) -> String {
    format!("segments:{workspace_id}")
}

/// The saved segments, in name order.
pub async fn list(db: &Db, workspace_id: &str) -> Result<Vec<Segment>, StoreError> {
    store::settings_docs::get_or_default(db, &key(workspace_id)).await
}

/// Saves `filter` as `name` (replacing one of that name); `Ok(None)` when the name is empty
/// or too long. Returns the name as kept.
pub async fn save(
    db: &Db,
    workspace_id: &str,
    name: &str,
    filter: Filter,
) -> Result<Option<String>, StoreError> {
    store::settings_docs::update(db, &key(workspace_id), |all: &mut Vec<Segment>| {
        segment::save(all, name, filter)
    })
    .await
}

/// Forgets the segment `name`.
pub async fn delete(db: &Db, workspace_id: &str, name: &str) -> Result<(), StoreError> {
    store::settings_docs::update(db, &key(workspace_id), |all: &mut Vec<Segment>| {
        all.retain(|s| s.name != name)
    })
    .await
}
