//! Favourites, boosts and follows (`domain::interaction`), by workspace and time. Written
//! with the sync's page and cursor (`inbox::save_page_with`), so none is lost or counted twice.

use crate::domain::interaction::Interaction;

use wasm_bindgen::JsCast;

use super::idb::Tx;
use super::records;
use super::schema::{INTERACTIONS, INTERACTIONS_BY_WORKSPACE};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

/// Every interaction of a workspace, newest first.
pub async fn all(db: &Db, workspace_id: &str) -> Result<Vec<Interaction>, StoreError> {
    records::all_in_index(
        db,
        INTERACTIONS,
        INTERACTIONS_BY_WORKSPACE,
        &records::prefix_range(workspace_id)?,
    )
    .await
}

/// One page of the workspace's signs, oldest first, after `after` (`time_pages`).
pub async fn page(
    db: &Db,
    workspace_id: &str,
    after: Option<f64>,
    count: u32,
) -> Result<(Vec<Interaction>, Option<f64>), StoreError> {
    super::time_pages::page(
        db,
        INTERACTIONS,
        INTERACTIONS_BY_WORKSPACE,
        workspace_id,
        after,
        count,
    )
    .await
}

/// The workspace's `count` newest signs, newest first.
pub async fn newest(
    db: &Db,
    workspace_id: &str,
    count: u32,
) -> Result<Vec<Interaction>, StoreError> {
    let range = records::prefix_range(workspace_id)?;
    records::newest(
        db,
        INTERACTIONS,
        INTERACTIONS_BY_WORKSPACE,
        &range.unchecked_into(),
        count,
    )
    .await
}

/// Deletes a workspace's interactions inside the caller's transaction.
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    let range = records::prefix_range(workspace_id)?;
    take_in_index(tx, INTERACTIONS, INTERACTIONS_BY_WORKSPACE, &range, kept).await
}

/// Deletes one sign (a listening find taken into People, once it is a conversation too).
pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    records::delete(db, INTERACTIONS, &id.into()).await
}
