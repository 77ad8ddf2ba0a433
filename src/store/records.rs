//! Batch reads and writes shared by the repositories. A batch crosses the wasm boundary
//! once (one `JSON.parse` of the whole slice), then each record is put from JavaScript's side.

use js_sys::Array;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbObjectStore, IdbRequest};

use super::codec::{from_js, to_stored_each};
use super::idb::{request, Durability, Tx};
use super::{Db, StoreError};

/// Issues one `put` per record into `store` (inside the caller's transaction) and returns
/// the requests, so the caller may watch some of them. Nothing is awaited here.
pub fn put_batch<T: Serialize>(
    store: &IdbObjectStore,
    records: &[T],
) -> Result<Vec<IdbRequest>, StoreError> {
    let array: Array = to_stored_each(records)?.unchecked_into();
    let mut requests = Vec::with_capacity(records.len());
    for value in array.iter() {
        requests.push(store.put(&value).map_err(StoreError::from_js)?);
    }
    Ok(requests)
}

/// Writes all `records` into `store` in one transaction.
pub async fn put_all<T: Serialize>(
    db: &Db,
    store: &str,
    records: &[T],
    durability: Durability,
) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[store], durability)?;
    put_batch(&tx.store(store)?, records)?;
    tx.commit().await
}

/// Reads a whole store (exports, small stores such as workspaces).
pub async fn get_all<T: DeserializeOwned>(db: &Db, store: &str) -> Result<Vec<T>, StoreError> {
    let tx = Tx::read(db.raw(), &[store])?;
    let req = tx.store(store)?.get_all().map_err(StoreError::from_js)?;
    let all = request(&req).await?;
    tx.finish().await?;
    from_js(&all)
}

/// One page of a list and the size of the whole list, as a screen needs them.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u32,
}

/// Up to `limit` records of `index` within `range`, in index order, and how many there are.
pub async fn page<T: DeserializeOwned>(
    db: &Db,
    store: &str,
    index: &str,
    range: &JsValue,
    limit: u32,
) -> Result<Page<T>, StoreError> {
    let tx = Tx::read(db.raw(), &[store])?;
    let idx = tx.store(store)?.index(index).map_err(StoreError::from_js)?;
    let items = idx
        .get_all_with_key_and_limit(range, limit)
        .map_err(StoreError::from_js)?;
    let count = idx.count_with_key(range).map_err(StoreError::from_js)?;
    let (items, count) = (request(&items), request(&count));
    let items = items.await?;
    let total = count.await?.as_f64().unwrap_or(0.0) as u32;
    tx.finish().await?;
    Ok(Page {
        items: from_js(&items)?,
        total,
    })
}

/// How many records `store` holds.
pub async fn count(db: &Db, store: &str) -> Result<u32, StoreError> {
    let tx = Tx::read(db.raw(), &[store])?;
    let req = tx.store(store)?.count().map_err(StoreError::from_js)?;
    let n = request(&req).await?;
    tx.finish().await?;
    Ok(n.as_f64().unwrap_or(0.0) as u32)
}

/// Every key of a compound index `[prefix, anything]`: a workspace's records, for instance.
pub fn prefix_range(prefix: &str) -> Result<JsValue, StoreError> {
    let lower = Array::of2(&prefix.into(), &JsValue::from_f64(f64::NEG_INFINITY));
    let upper = Array::of2(&prefix.into(), &JsValue::from_f64(f64::INFINITY));
    web_sys::IdbKeyRange::bound(&lower, &upper)
        .map(JsValue::from)
        .map_err(StoreError::from_js)
}

/// The record under `key`, if there is one.
pub async fn get<T: DeserializeOwned>(
    db: &Db,
    store: &str,
    key: &JsValue,
) -> Result<Option<T>, StoreError> {
    let tx = Tx::read(db.raw(), &[store])?;
    let req = tx.store(store)?.get(key).map_err(StoreError::from_js)?;
    let value = request(&req).await?;
    tx.finish().await?;
    if value.is_undefined() {
        Ok(None)
    } else {
        from_js(&value).map(Some)
    }
}

/// The records of `keys` that exist, in one read transaction.
pub async fn get_many<T: DeserializeOwned>(
    db: &Db,
    store: &str,
    keys: &[String],
) -> Result<Vec<T>, StoreError> {
    let tx = Tx::read(db.raw(), &[store])?;
    let st = tx.store(store)?;
    let requests = keys
        .iter()
        .map(|k| st.get(&k.into()).map_err(StoreError::from_js))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::new();
    for r in &requests {
        let value = request(r).await?;
        if !value.is_undefined() {
            out.push(from_js(&value)?);
        }
    }
    tx.finish().await?;
    Ok(out)
}

/// Writes one record (its key inside it) in a strict transaction.
pub async fn put_one<T: Serialize>(db: &Db, store: &str, record: &T) -> Result<(), StoreError> {
    put_all(db, store, std::slice::from_ref(record), Durability::Strict).await
}

/// Deletes the record under `key` in a strict transaction.
pub async fn delete(db: &Db, store: &str, key: &JsValue) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[store], Durability::Strict)?;
    tx.store(store)?.delete(key).map_err(StoreError::from_js)?;
    tx.commit().await
}

/// The last `limit` records of `index` within `range` (newest first for a time index) and
/// how many there are, read with a cursor so a long list is never loaded whole.
pub async fn latest<T: DeserializeOwned>(
    db: &Db,
    store: &str,
    index: &str,
    range: &JsValue,
    limit: u32,
) -> Result<Page<T>, StoreError> {
    let tx = Tx::read(db.raw(), &[store])?;
    let index = tx.store(store)?.index(index).map_err(StoreError::from_js)?;
    let count = index.count_with_key(range).map_err(StoreError::from_js)?;
    let count = request(&count);
    let values = last_values(&index, range, limit);
    let total = count.await?.as_f64().unwrap_or(0.0) as u32;
    let values = values.await?;
    tx.finish().await?;
    Ok(Page {
        items: from_js(&values)?,
        total,
    })
}

/// The last `limit` records or so of a `[workspace, at]` time index within `range`, newest
/// first, without counting the rest (a count walks every key): a key cursor opened from the
/// end jumps `limit - 1` keys in one step to find the oldest time wanted, then one `getAll`
/// reads from there on (a cursor walked record by record waits for the page between steps).
/// Records sharing that oldest time all come: there may be a few more than `limit`.
pub async fn newest<T: DeserializeOwned>(
    db: &Db,
    store: &str,
    index: &str,
    range: &web_sys::IdbKeyRange,
    limit: u32,
) -> Result<Vec<T>, StoreError> {
    let values: Array = newest_values(db, store, index, range, limit)
        .await?
        .into_iter()
        .collect();
    from_js(&values)
}

/// As [`newest`], the records as IndexedDB gave them, newest first.
pub async fn newest_values(
    db: &Db,
    store: &str,
    index: &str,
    range: &web_sys::IdbKeyRange,
    limit: u32,
) -> Result<Vec<JsValue>, StoreError> {
    let tx = Tx::read(db.raw(), &[store])?;
    let index = tx.store(store)?.index(index).map_err(StoreError::from_js)?;
    let cursor = index
        .open_key_cursor_with_range_and_direction(range, web_sys::IdbCursorDirection::Prev)
        .map_err(StoreError::from_js)?;
    let first = request(&cursor).await?;
    let mut from = range.lower().map_err(StoreError::from_js)?;
    if !first.is_null() {
        let cur: web_sys::IdbCursor = first.unchecked_into();
        if limit <= 1 {
            from = cur.key().map_err(StoreError::from_js)?;
        } else {
            cur.advance(limit - 1).map_err(StoreError::from_js)?;
            if !request(&cursor).await?.is_null() {
                from = cur.key().map_err(StoreError::from_js)?;
            }
        }
    }
    let upper = range.upper().map_err(StoreError::from_js)?;
    let span = web_sys::IdbKeyRange::bound(&from, &upper).map_err(StoreError::from_js)?;
    let req = index.get_all_with_key(&span).map_err(StoreError::from_js)?;
    let values = request(&req).await?;
    tx.finish().await?;
    let mut out: Vec<JsValue> = Array::from(&values).iter().collect();
    out.reverse();
    Ok(out)
}

/// A cursor's step, taken off the cursor before it is freed (when the walk ends or its
/// future is dropped): a freed closure must never be called.
struct Stepping {
    cursor: web_sys::IdbRequest,
    _step: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl Drop for Stepping {
    fn drop(&mut self) {
        self.cursor.set_onsuccess(None);
    }
}

/// Walks `index` backwards within `range` with a cursor and gives up to `limit` values;
/// the request is made at once, inside the caller's transaction.
fn last_values(
    index: &web_sys::IdbIndex,
    range: &JsValue,
    limit: u32,
) -> impl std::future::Future<Output = Result<Array, StoreError>> {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let cursor = index
        .open_cursor_with_range_and_direction(range, web_sys::IdbCursorDirection::Prev)
        .map_err(StoreError::from_js);
    let values = Array::new();
    let finished: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let done = js_sys::Promise::new(&mut |resolve, _| *finished.borrow_mut() = Some(resolve));
    let stepping = cursor.as_ref().ok().map(|cursor| {
        let (req, out, fin) = (cursor.clone(), values.clone(), finished.clone());
        let step = Closure::<dyn Fn()>::new(move || {
            let cur = req.result().unwrap_or(JsValue::NULL);
            if !cur.is_null() && out.length() < limit {
                let cur: web_sys::IdbCursorWithValue = cur.unchecked_into();
                out.push(&cur.value().unwrap_or(JsValue::NULL));
                if out.length() < limit && cur.continue_().is_ok() {
                    return;
                }
            }
            if let Some(resolve) = fin.borrow_mut().take() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        cursor.set_onsuccess(Some(step.as_ref().unchecked_ref()));
        Stepping {
            cursor: cursor.clone(),
            _step: step,
        }
    });
    async move {
        cursor?;
        wasm_bindgen_futures::JsFuture::from(done)
            .await
            .map_err(StoreError::from_js)?;
        drop(stepping);
        Ok(values)
    }
}

/// Every record of `index` within `range`, newest first for a time index: one `getAll`
/// (a cursor pays one event per record: 150,000 messages took seconds).
pub async fn all_in_index<T: DeserializeOwned>(
    db: &Db,
    store: &str,
    index: &str,
    range: &JsValue,
) -> Result<Vec<T>, StoreError> {
    let tx = Tx::read(db.raw(), &[store])?;
    let req = tx
        .store(store)?
        .index(index)
        .and_then(|i| i.get_all_with_key(range))
        .map_err(StoreError::from_js)?;
    let values = request(&req).await?;
    tx.finish().await?;
    let mut out: Vec<T> = from_js(&values)?;
    out.reverse();
    Ok(out)
}

/// Deletes, inside the caller's write transaction, every record of `store` whose `index`
/// key falls in `range` (a workspace's records when a workspace goes).
pub async fn delete_in_index(
    tx: &Tx,
    store: &str,
    index: &str,
    range: &JsValue,
) -> Result<(), StoreError> {
    let store = tx.store(store)?;
    let keys = store
        .index(index)
        .and_then(|i| i.get_all_keys_with_key(range))
        .map_err(StoreError::from_js)?;
    for key in Array::from(&request(&keys).await?).iter() {
        store.delete(&key).map_err(StoreError::from_js)?;
    }
    Ok(())
}
