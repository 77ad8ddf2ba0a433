//! A workspace's records read a page at a time along an index keyed `[workspace, at]`
//! (messages, signs): a million records never cross into wasm as one JSON text, and the
//! caller gives the screen its turn between pages. A page ends on a whole instant: every
//! record of its last `at` is in it, so records sharing a time are never split or skipped.

use js_sys::{Array, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbKeyRange;

use super::codec::from_js;
use super::idb::{request, Tx};
use super::{Db, StoreError};

fn at_of(value: &JsValue) -> f64 {
    Reflect::get(value, &JsValue::from_str("at"))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::NAN)
}

/// The keys `[workspace, t]` of an index keyed `[workspace, time]` after `after` (exclusive;
/// `None`: every one of the workspace).
pub(super) fn after_range(
    workspace_id: &str,
    after: Option<f64>,
) -> Result<IdbKeyRange, StoreError> {
    let ws = JsValue::from_str(workspace_id);
    let lower = Array::of2(&ws, &JsValue::from_f64(after.unwrap_or(f64::NEG_INFINITY)));
    let upper = Array::of2(&ws, &JsValue::from_f64(f64::INFINITY));
    IdbKeyRange::bound_with_lower_open_and_upper_open(&lower, &upper, after.is_some(), false)
        .map_err(StoreError::from_js)
}

/// The records of `workspace_id` in `store` after `after` (UTC ms, exclusive; `None`: from
/// the oldest), oldest first, about `count` of them; and where the next page starts
/// (`None`: this was the last).
pub async fn page<T: DeserializeOwned>(
    db: &Db,
    store: &str,
    index: &str,
    workspace_id: &str,
    after: Option<f64>,
    count: u32,
) -> Result<(Vec<T>, Option<f64>), StoreError> {
    let ws = JsValue::from_str(workspace_id);
    let range = after_range(workspace_id, after)?;
    let tx = Tx::read(db.raw(), &[store])?;
    let index = tx.store(store)?.index(index).map_err(StoreError::from_js)?;
    let req = index
        .get_all_with_key_and_limit(&range, count.max(1))
        .map_err(StoreError::from_js)?;
    let values: Array = request(&req).await?.unchecked_into();
    let n = values.length();
    if n < count.max(1) {
        tx.finish().await?;
        return Ok((from_js(&values)?, None));
    }
    // The last instant whole: what the limit cut of it is read again in full.
    let last = at_of(&values.get(n - 1));
    let mut keep = n;
    while keep > 0 && at_of(&values.get(keep - 1)) == last {
        keep -= 1;
    }
    let same = IdbKeyRange::only(&Array::of2(&ws, &JsValue::from_f64(last)))
        .map_err(StoreError::from_js)?;
    let req = index.get_all_with_key(&same).map_err(StoreError::from_js)?;
    let rest: Array = request(&req).await?.unchecked_into();
    tx.finish().await?;
    let page = values.slice(0, keep).concat(&rest);
    Ok((from_js(&page)?, Some(last)))
}
