//! Deletions that can be undone: the records a deletion takes out of the store are read in
//! the same transaction that deletes them and kept in memory, as IndexedDB holds them (images
//! as Blobs), so [`put_back`] restores them exactly, in one strict transaction, without
//! overwriting a record written again since. Every store keeps its key in the record (`id`)
//! but the settings store, whose documents are kept with their key ([`take_keyed`]).

use crate::domain::sorting;
use js_sys::Array;
use wasm_bindgen::JsValue;

use super::idb::{request, Durability, Tx};
use super::interactions;
use super::schema::SIGN_PACKS;
use super::{Db, StoreError};

/// Records taken out by one deletion, by store.
#[derive(Debug, Default, Clone)]
pub struct SetAside {
    /// The store, the key when the store keeps it outside the record, the record.
    records: Vec<(&'static str, Option<JsValue>, JsValue)>,
}

impl SetAside {
    /// How many records were taken out.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// How many records of `store` were taken out.
    pub fn count_in(&self, store: &str) -> usize {
        self.records.iter().filter(|(s, _, _)| *s == store).count()
    }

    fn stores(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.records.iter().map(|(s, _, _)| *s).collect();
        sorting::sort(&mut names[..]);
        names.dedup();
        names
    }
}

/// Takes out the record of `store` at `key`, inside the caller's transaction.
pub async fn take(
    tx: &Tx,
    store: &'static str,
    key: &JsValue,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    let os = tx.store(store)?;
    let value = request(&os.get(key).map_err(StoreError::from_js)?).await?;
    if !value.is_undefined() {
        os.delete(key).map_err(StoreError::from_js)?;
        kept.records.push((store, None, value));
    }
    Ok(())
}

/// Takes out every document of `store` (kept outside its records, as the settings store
/// keeps them) whose key `belongs`, inside the caller's transaction.
pub async fn take_keyed(
    tx: &Tx,
    store: &'static str,
    belongs: impl Fn(&str) -> bool,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    let os = tx.store(store)?;
    let keys = request(&os.get_all_keys().map_err(StoreError::from_js)?).await?;
    let mut found = vec![];
    for key in Array::from(&keys).iter() {
        if key.as_string().is_some_and(|k| belongs(&k)) {
            let req = os.get(&key).map_err(StoreError::from_js)?;
            found.push((key, request(&req)));
        }
    }
    for (key, value) in found {
        let value = value.await?;
        os.delete(&key).map_err(StoreError::from_js)?;
        kept.records.push((store, Some(key), value));
    }
    Ok(())
}

/// Takes out every record of `store` whose `index` matches `range`, inside the caller's
/// transaction.
pub async fn take_in_index(
    tx: &Tx,
    store: &'static str,
    index: &str,
    range: &JsValue,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    let os = tx.store(store)?;
    let idx = os.index(index).map_err(StoreError::from_js)?;
    let values = idx.get_all_with_key(range).map_err(StoreError::from_js)?;
    let keys = idx
        .get_all_keys_with_key(range)
        .map_err(StoreError::from_js)?;
    // Both waits are set up before either is awaited (see `idb::request`).
    let (values, keys) = (request(&values), request(&keys));
    let (values, keys) = (values.await?, keys.await?);
    for key in Array::from(&keys).iter() {
        os.delete(&key).map_err(StoreError::from_js)?;
    }
    kept.records
        .extend(Array::from(&values).iter().map(|v| (store, None, v)));
    Ok(())
}

/// Puts every record back as it was, in one transaction; a record written again meanwhile
/// (same id: another tab, a sync) is left as it is now, never overwritten by the older
/// copy — but a pack of signs written again gets back the signs it no longer has
/// (`interactions::put_back_into`). Returns how many records were left as they are now.
pub async fn put_back(db: &Db, kept: &SetAside) -> Result<usize, StoreError> {
    if kept.is_empty() {
        return Ok(0);
    }
    let tx = Tx::write(db.raw(), &kept.stores(), Durability::Strict)?;
    let mut lookups = Vec::with_capacity(kept.records.len());
    for (store, key, value) in &kept.records {
        let key = match key {
            Some(key) => key.clone(),
            None => js_sys::Reflect::get(value, &"id".into()).map_err(StoreError::from_js)?,
        };
        let req = tx.store(store)?.get(&key).map_err(StoreError::from_js)?;
        lookups.push(request(&req));
    }
    let mut newer = 0;
    for ((store, key, value), lookup) in kept.records.iter().zip(lookups) {
        let found = lookup.await?;
        let os = tx.store(store)?;
        if found.is_undefined() {
            match key {
                Some(key) => os.put_with_key(value, key),
                None => os.put(value),
            }
            .map_err(StoreError::from_js)?;
        } else if *store == SIGN_PACKS {
            // A pack holds ten minutes of signs: one written again meanwhile gets the set
            // aside ones it does not have, rather than losing them.
            os.put(&interactions::put_back_into(value, &found)?)
                .map_err(StoreError::from_js)?;
        } else {
            newer += 1;
        }
    }
    tx.commit().await?;
    Ok(newer)
}
