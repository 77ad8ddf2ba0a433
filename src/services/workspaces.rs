//! Creating, renaming and deleting workspaces: the domain rules first, then a strict write.

use crate::domain::workspace::{validate_name, NameError, Workspace};
use crate::store::{self, Db, StoreError};

use super::clock::{new_id, now_ms};
use super::undo::Deleted;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WorkspaceError {
    #[error("invalid name: {0:?}")]
    Invalid(NameError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub async fn create(
    db: &Db,
    existing: &[Workspace],
    raw_name: &str,
) -> Result<Workspace, WorkspaceError> {
    let name = validate_name(raw_name, existing.iter().map(|w| w.name.as_str()))
        .map_err(WorkspaceError::Invalid)?;
    let workspace = Workspace {
        id: new_id(),
        name,
        created_at: now_ms(),
    };
    store::workspaces::put(db, &workspace).await?;
    Ok(workspace)
}

pub async fn rename(
    db: &Db,
    existing: &[Workspace],
    id: &str,
    raw_name: &str,
) -> Result<Workspace, WorkspaceError> {
    let others = existing
        .iter()
        .filter(|w| w.id != id)
        .map(|w| w.name.as_str());
    let name = validate_name(raw_name, others).map_err(WorkspaceError::Invalid)?;
    let mut workspace =
        existing
            .iter()
            .find(|w| w.id == id)
            .cloned()
            .ok_or(WorkspaceError::Store(StoreError::Corrupt(format!(
                "no workspace {id}"
            ))))?;
    workspace.name = name;
    store::workspaces::put(db, &workspace).await?;
    Ok(workspace)
}

/// Deletes the workspace and everything in it; what was taken out comes back with
/// [`super::undo::put_back`].
pub async fn delete(db: &Db, id: &str) -> Result<Deleted, WorkspaceError> {
    Ok(Deleted::new(store::workspaces::delete(db, id).await?))
}

/// Every workspace, as stored (after an undo put one back).
pub async fn list(db: &Db) -> Result<Vec<Workspace>, StoreError> {
    store::workspaces::list(db).await
}
