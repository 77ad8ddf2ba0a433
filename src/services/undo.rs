//! Undoing a deletion: the records it took out, held in memory while "Undo" is offered, and
//! put back exactly (images included) in one strict transaction.

use send_wrapper::SendWrapper;

use crate::store::set_aside::{put_back as put_back_in_store, SetAside};
use crate::store::{Db, StoreError};

/// What one deletion took out. `Send + Sync` (the browser runs one thread) so the notice's
/// "Undo" can carry it.
#[derive(Debug, Clone)]
pub struct Deleted(SendWrapper<SetAside>);

impl Deleted {
    pub(super) fn new(kept: SetAside) -> Self {
        Deleted(SendWrapper::new(kept))
    }

    /// How many records it took out.
    pub fn records(&self) -> usize {
        self.0.len()
    }
}

/// Puts back everything `deleted` took out, in one transaction; a record written again
/// since is kept as it is now. Returns how many were kept so.
pub async fn put_back(db: &Db, deleted: &Deleted) -> Result<usize, StoreError> {
    put_back_in_store(db, &deleted.0).await
}
