//! The user's preferences, one document in the settings store.

use crate::domain::preferences::Preferences;

use super::codec::{from_js, to_js};
use super::idb::{request, Durability, Tx};
use super::schema::SETTINGS;
use super::{Db, StoreError};

const KEY: &str = "preferences";

/// The saved preferences, or the defaults on a first run.
pub async fn load(db: &Db) -> Result<Preferences, StoreError> {
    let tx = Tx::read(db.raw(), &[SETTINGS])?;
    let req = tx
        .store(SETTINGS)?
        .get(&KEY.into())
        .map_err(StoreError::from_js)?;
    let value = request(&req).await?;
    tx.finish().await?;
    if value.is_undefined() {
        Ok(Preferences::default())
    } else {
        from_js(&value)
    }
}

pub async fn save(db: &Db, prefs: &Preferences) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    tx.store(SETTINGS)?
        .put_with_key(&to_js(prefs)?, &KEY.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}
