//! Small documents of any shape in the settings store, under keys their service chooses
//! (e.g. a workspace's saved Inbox views). Every write is strict: the user made them.

use serde::{de::DeserializeOwned, Serialize};

use super::codec::to_js;
use super::idb::{Durability, Tx};
use super::schema::SETTINGS;
use super::{Db, StoreError};

/// The document kept under `key`, if any.
pub async fn get<T: DeserializeOwned>(db: &Db, key: &str) -> Result<Option<T>, StoreError> {
    super::records::get(db, SETTINGS, &key.into()).await
}

/// Keeps `value` under `key`, replacing what was there.
pub async fn put<T: Serialize>(db: &Db, key: &str, value: &T) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    tx.store(SETTINGS)?
        .put_with_key(&to_js(value)?, &key.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}
