//! Account pictures, kept on the device as Blobs (settings store, `avatar:<account id>`) so
//! the composer's previews show them offline too.

use web_sys::Blob;

use super::idb::{request, Durability, Tx};
use super::schema::SETTINGS;
use super::{Db, StoreError};

fn key(account_id: &str) -> String {
    format!("avatar:{account_id}")
}

pub async fn put(db: &Db, account_id: &str, picture: &Blob) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Relaxed)?;
    tx.store(SETTINGS)?
        .put_with_key(picture, &key(account_id).into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

pub async fn get(db: &Db, account_id: &str) -> Result<Option<Blob>, StoreError> {
    use wasm_bindgen::JsCast;
    let tx = Tx::read(db.raw(), &[SETTINGS])?;
    let req = tx
        .store(SETTINGS)?
        .get(&key(account_id).into())
        .map_err(StoreError::from_js)?;
    let value = request(&req).await?;
    tx.finish().await?;
    Ok(value.dyn_into::<Blob>().ok())
}
