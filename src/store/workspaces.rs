//! The workspaces repository: every write is strict, a workspace must never be lost.

use crate::domain::workspace::Workspace;

use super::codec::{from_js, to_js};
use super::idb::{request, Durability, Tx};
use super::schema::WORKSPACES;
use super::{Db, StoreError};

/// All workspaces (a handful per installation: the switcher shows them all).
pub async fn list(db: &Db) -> Result<Vec<Workspace>, StoreError> {
    let tx = Tx::read(db.raw(), &[WORKSPACES])?;
    let req = tx
        .store(WORKSPACES)?
        .get_all()
        .map_err(StoreError::from_js)?;
    let all = request(&req).await?;
    tx.finish().await?;
    from_js(&all)
}

pub async fn put(db: &Db, workspace: &Workspace) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[WORKSPACES], Durability::Strict)?;
    tx.store(WORKSPACES)?
        .put(&to_js(workspace)?)
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[WORKSPACES], Durability::Strict)?;
    tx.store(WORKSPACES)?
        .delete(&id.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}
