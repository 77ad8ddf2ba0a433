//! The user's preferences, one document in the settings store.

use crate::domain::preferences::Preferences;

use super::codec::to_js;
use super::idb::{Durability, Tx};
use super::schema::SETTINGS;
use super::{Db, StoreError};

const KEY: &str = "preferences";

/// The saved preferences, or the defaults on a first run.
pub async fn load(db: &Db) -> Result<Preferences, StoreError> {
    Ok(super::records::get(db, SETTINGS, &KEY.into())
        .await?
        .unwrap_or_default())
}

pub async fn save(db: &Db, prefs: &Preferences) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    tx.store(SETTINGS)?
        .put_with_key(&to_js(prefs)?, &KEY.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}
