//! Writing every record again as "encrypt everything" now asks (sealed, or in the clear),
//! store by store, a page of [`PAGE`] records per strict transaction: each page is read and
//! written back in the same transaction, so a change another tab makes meanwhile is never
//! overwritten by an older copy, and a page stopped midway (the tab closed) leaves its store
//! readable (a read opens sealed and clear records alike); running it again finishes it.
//! Left as they are: the images (Blobs), the DPoP keys (`CryptoKey`s), the account pictures,
//! and what must be read while locked (the lock's documents, the preferences). The search
//! index kept to start faster is deleted (the next search builds it again, as set).

use js_sys::{Array, Object};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbKeyRange;

use super::codec::{from_js, to_stored, to_stored_each};
use super::idb::{request, Durability, Tx};
use super::schema::{
    ACCOUNTS, FORGOTTEN, HITS, INBOX, KEPT, LIBRARY, MEMBERS, METRICS, NOTES, OUTBOX, POSTS,
    SETTINGS, SIGN_PACKS, THREADS, TRIAGE, WORKSPACES,
};
use super::{Db, StoreError};

/// Records read and written per transaction.
pub const PAGE: u32 = 500;

/// The stores of records (key path `id`) written again.
pub const RECORD_STORES: [&str; 13] = [
    WORKSPACES, NOTES, POSTS, LIBRARY, ACCOUNTS, INBOX, METRICS, OUTBOX, TRIAGE, THREADS, MEMBERS,
    FORGOTTEN, HITS,
];

/// Settings documents kept in the clear: read while locked, or not JSON.
fn stays_clear(key: &str) -> bool {
    matches!(key, "lock" | "lock-tries" | "preferences")
        || key.starts_with("dpop-key:")
        || key.starts_with("avatar:")
}

/// A value that JSON carries whole (not a Blob, a `CryptoKey`, bytes…).
fn is_plain(value: &JsValue) -> bool {
    if value.is_string() || value.as_f64().is_some() || value.as_bool().is_some() {
        return true;
    }
    if Array::is_array(value) {
        return true;
    }
    value.dyn_ref::<Object>().is_some_and(|o| {
        let proto = Object::get_prototype_of(o);
        proto.is_null() || proto == Object::get_prototype_of(&Object::new())
    })
}

/// Writes everything again as the setting now asks; `progress` is told each store's name and
/// the records written so far.
pub async fn rewrite_all(db: &Db, progress: &dyn Fn(&str, usize)) -> Result<usize, StoreError> {
    let mut done = 0;
    for store in RECORD_STORES {
        let before = done;
        done += rewrite_records(db, store, &|n| progress(store, before + n)).await?;
    }
    done += rewrite_packs(db).await?;
    progress(SIGN_PACKS, done);
    done += rewrite_settings(db).await?;
    let tx = Tx::write(db.raw(), &[KEPT], Durability::Strict)?;
    tx.store(KEPT)?.clear().map_err(StoreError::from_js)?;
    tx.commit().await?;
    Ok(done)
}

/// The keys after `after` (all when none).
fn after_range(after: &Option<JsValue>) -> Result<Option<IdbKeyRange>, StoreError> {
    after
        .as_ref()
        .map(|k| IdbKeyRange::lower_bound_with_open(k, true).map_err(StoreError::from_js))
        .transpose()
}

/// One page of `store` after `after`, in its own transaction: its values and keys.
async fn page(tx: &Tx, store: &str, after: &Option<JsValue>) -> Result<(Array, Array), StoreError> {
    let st = tx.store(store)?;
    let (values, keys) = match after_range(after)? {
        Some(range) => (
            st.get_all_with_key_and_limit(&range, PAGE),
            st.get_all_keys_with_key_and_limit(&range, PAGE),
        ),
        None => (
            st.get_all_with_key_and_limit(&JsValue::UNDEFINED, PAGE),
            st.get_all_keys_with_key_and_limit(&JsValue::UNDEFINED, PAGE),
        ),
    };
    let values = request(&values.map_err(StoreError::from_js)?).await?;
    let keys = request(&keys.map_err(StoreError::from_js)?).await?;
    Ok((values.unchecked_into(), keys.unchecked_into()))
}

async fn rewrite_records(
    db: &Db,
    store: &str,
    progress: &dyn Fn(usize),
) -> Result<usize, StoreError> {
    let (mut after, mut done) = (None, 0);
    loop {
        let tx = Tx::write(db.raw(), &[store], Durability::Strict)?;
        let (values, keys) = page(&tx, store, &after).await?;
        let records: Vec<Value> = from_js(&values)?;
        let written: Array = to_stored_each(&records)?.unchecked_into();
        let st = tx.store(store)?;
        for value in written.iter() {
            st.put(&value).map_err(StoreError::from_js)?;
        }
        tx.commit().await?;
        done += records.len();
        progress(done);
        if (keys.length()) < PAGE {
            return Ok(done);
        }
        after = Some(keys.get(keys.length() - 1));
    }
}

async fn rewrite_packs(db: &Db) -> Result<usize, StoreError> {
    let (mut after, mut done) = (None, 0);
    loop {
        let tx = Tx::write(db.raw(), &[SIGN_PACKS], Durability::Strict)?;
        let (values, keys) = page(&tx, SIGN_PACKS, &after).await?;
        let st = tx.store(SIGN_PACKS)?;
        for value in values.iter() {
            st.put(&super::interactions::written_again(&value)?)
                .map_err(StoreError::from_js)?;
        }
        tx.commit().await?;
        done += values.length() as usize;
        if keys.length() < PAGE {
            return Ok(done);
        }
        after = Some(keys.get(keys.length() - 1));
    }
}

async fn rewrite_settings(db: &Db) -> Result<usize, StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    let st = tx.store(SETTINGS)?;
    let all_keys: Array = request(&st.get_all_keys().map_err(StoreError::from_js)?)
        .await?
        .unchecked_into();
    let all: Array = request(&st.get_all().map_err(StoreError::from_js)?)
        .await?
        .unchecked_into();
    let mut done = 0;
    for (key, value) in all_keys.iter().zip(all.iter()) {
        let Some(name) = key.as_string() else {
            continue;
        };
        if stays_clear(&name) || !is_plain(&value) {
            continue;
        }
        let doc: Value = from_js(&value)?;
        st.put_with_key(&to_stored(&doc)?, &key)
            .map_err(StoreError::from_js)?;
        done += 1;
    }
    tx.commit().await?;
    Ok(done)
}
