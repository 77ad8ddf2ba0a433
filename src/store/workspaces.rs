//! The workspaces repository: every write is strict, a workspace must never be lost.

use crate::domain::workspace::Workspace;

use super::codec::to_js;
use super::idb::{Durability, Tx};
use super::schema::{NOTES, WORKSPACES};
use super::{Db, StoreError};

/// All workspaces (a handful per installation: the switcher shows them all).
pub async fn list(db: &Db) -> Result<Vec<Workspace>, StoreError> {
    super::records::get_all(db, WORKSPACES).await
}

pub async fn put(db: &Db, workspace: &Workspace) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[WORKSPACES], Durability::Strict)?;
    tx.store(WORKSPACES)?
        .put(&to_js(workspace)?)
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

/// Deletes a workspace and everything recorded in it, in one transaction.
pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[WORKSPACES, NOTES], Durability::Strict)?;
    tx.store(WORKSPACES)?
        .delete(&id.into())
        .map_err(StoreError::from_js)?;
    super::notes::delete_for_workspace(&tx, id).await?;
    tx.commit().await
}
