//! Small documents of any shape in the settings store, under keys their service chooses
//! (e.g. a workspace's saved Inbox views). Every write is strict: the user made them. A
//! document is sealed when "encrypt everything" is on, except those written `_clear`: what
//! must be read while locked (the lock's own documents).

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

use super::codec::{to_js, to_stored};
use super::idb::{Durability, Tx};
use super::schema::SETTINGS;
use super::{Db, StoreError};

/// The document kept under `key`, if any.
pub async fn get<T: DeserializeOwned>(db: &Db, key: &str) -> Result<Option<T>, StoreError> {
    super::records::get(db, SETTINGS, &key.into()).await
}

/// Keeps `value` under `key`, replacing what was there.
pub async fn put<T: Serialize>(db: &Db, key: &str, value: &T) -> Result<(), StoreError> {
    write(db, key, to_stored(value)?).await
}

/// As [`put`], never sealed.
pub async fn put_clear<T: Serialize>(db: &Db, key: &str, value: &T) -> Result<(), StoreError> {
    write(db, key, to_js(value)?).await
}

async fn write(db: &Db, key: &str, value: JsValue) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    tx.store(SETTINGS)?
        .put_with_key(&value, &key.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

/// Reads the document under `key` (the default when there is none), lets `change` alter it,
/// and writes it back in one strict transaction: two tabs changing the same document one
/// after the other both see their change kept (a read in one transaction and a write in
/// another would let the second tab write over the first one's change). Returns what
/// `change` returned.
pub async fn update<T, R>(
    db: &Db,
    key: &str,
    change: impl FnOnce(&mut T) -> R,
) -> Result<R, StoreError>
where
    T: Serialize + DeserializeOwned + Default,
{
    update_as(db, key, change, false).await
}

/// As [`update`], never sealed.
pub async fn update_clear<T, R>(
    db: &Db,
    key: &str,
    change: impl FnOnce(&mut T) -> R,
) -> Result<R, StoreError>
where
    T: Serialize + DeserializeOwned + Default,
{
    update_as(db, key, change, true).await
}

async fn update_as<T, R>(
    db: &Db,
    key: &str,
    change: impl FnOnce(&mut T) -> R,
    clear: bool,
) -> Result<R, StoreError>
where
    T: Serialize + DeserializeOwned + Default,
{
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    let store = tx.store(SETTINGS)?;
    let req = store.get(&key.into()).map_err(StoreError::from_js)?;
    let value = super::idb::request(&req).await?;
    let mut doc: T = if value.is_undefined() {
        T::default()
    } else {
        super::codec::from_js(&value)?
    };
    let out = change(&mut doc);
    let value = if clear {
        to_js(&doc)?
    } else {
        to_stored(&doc)?
    };
    store
        .put_with_key(&value, &key.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await?;
    Ok(out)
}

/// The document kept under `key`, or its default when there is none.
pub async fn get_or_default<T: DeserializeOwned + Default>(
    db: &Db,
    key: &str,
) -> Result<T, StoreError> {
    Ok(get(db, key).await?.unwrap_or_default())
}
