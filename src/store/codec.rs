//! Moving records across the wasm boundary once per batch: Rust values become one JSON
//! string and one `JSON.parse`, and come back through one `JSON.stringify` (DESIGN.md,
//! Storage: per-field crossings are what make a store slow).

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

use super::StoreError;

pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, StoreError> {
    let text = serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(StoreError::from_js)
}

pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, StoreError> {
    let text: String = js_sys::JSON::stringify(value)
        .map_err(StoreError::from_js)?
        .into();
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(e.to_string()))
}
