//! Moving records across the wasm boundary once per batch: Rust values become one JSON
//! string and one `JSON.parse`, and come back through one `JSON.stringify` (DESIGN.md,
//! Storage: per-field crossings are what make a store slow). Records written with
//! [`to_stored`] are sealed when "encrypt everything" is on (`sealed_records`); every read
//! opens a sealed record, whatever the setting.

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

use crate::domain::record_seal::{open_all, SEALED_MARK};

use super::sealed_records;
use super::StoreError;

fn corrupt(e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

fn parse(text: &str) -> Result<JsValue, StoreError> {
    js_sys::JSON::parse(text).map_err(StoreError::from_js)
}

/// `value` as a JavaScript value, in the clear (keys, ranges, what must be read locked: the
/// lock's own document, the preferences).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, StoreError> {
    parse(&serde_json::to_string(value).map_err(corrupt)?)
}

/// A record or document as it is to be stored: sealed when "encrypt everything" is on.
pub fn to_stored<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, StoreError> {
    match sealed_records::sealed(value)? {
        Some(sealed) => to_js(&sealed),
        None => to_js(value),
    }
}

/// A batch of records as they are to be stored, one array (see [`to_stored`]).
pub fn to_stored_each<T: Serialize>(records: &[T]) -> Result<JsValue, StoreError> {
    match sealed_records::sealed_each(records)? {
        Some(sealed) => to_js(&sealed),
        None => to_js(records),
    }
}

/// A value read, as `T`: a sealed record (or each of a list) opened with the keys held;
/// [`StoreError::Locked`] when they are not.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, StoreError> {
    let text: String = js_sys::JSON::stringify(value)
        .map_err(StoreError::from_js)?
        .into();
    if text.contains(SEALED_MARK) {
        let read: serde_json::Value = serde_json::from_str(&text).map_err(corrupt)?;
        let opened =
            open_all(sealed_records::keys().as_ref(), read).map_err(sealed_records::seal_error)?;
        // Back through text: `from_str::<T>` is compiled for every record type already, and
        // a `from_value::<T>` beside each would add its own copy to the wasm.
        return serde_json::from_str(&opened.to_string()).map_err(corrupt);
    }
    serde_json::from_str(&text).map_err(corrupt)
}
