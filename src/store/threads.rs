//! The thread around each opened conversation (`domain::thread_context`), one record per
//! conversation, by workspace: what the network showed last, read offline. Written relaxed:
//! it is read again from the network, losing one costs nothing.

use crate::domain::thread_context::ThreadContext;

use super::idb::{Durability, Tx};
use super::records;
use super::schema::{THREADS, THREADS_BY_WORKSPACE};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

/// The thread kept for the record `id` (`<workspace>:<conversation>`), if it was ever read.
pub async fn get(db: &Db, id: &str) -> Result<Option<ThreadContext>, StoreError> {
    records::get(db, THREADS, &id.into()).await
}

pub async fn put(db: &Db, thread: &ThreadContext) -> Result<(), StoreError> {
    records::put_all(
        db,
        THREADS,
        std::slice::from_ref(thread),
        Durability::Relaxed,
    )
    .await
}

/// Deletes a workspace's threads inside the caller's transaction.
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    take_in_index(
        tx,
        THREADS,
        THREADS_BY_WORKSPACE,
        &workspace_id.into(),
        kept,
    )
    .await
}
