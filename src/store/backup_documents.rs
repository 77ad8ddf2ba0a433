//! The workspaces' settings documents an export carries (`domain::backup::Document`), read
//! and written inside the export's or the import's own transaction.

use wasm_bindgen::JsValue;

use crate::domain::backup::{Document, DOCUMENT_KINDS};

use super::codec::{from_js, to_stored};
use super::idb::{request, Tx};
use super::schema::SETTINGS;
use super::StoreError;

/// The carried documents of `workspaces`, read in `tx` (which covers the settings store).
pub async fn read(tx: &Tx, workspaces: &[String]) -> Result<Vec<Document>, StoreError> {
    let settings = tx.store(SETTINGS)?;
    let mut asked = vec![];
    for w in workspaces {
        for kind in DOCUMENT_KINDS {
            let key = JsValue::from_str(&format!("{kind}:{w}"));
            let req = settings.get(&key).map_err(StoreError::from_js)?;
            asked.push((kind, w, request(&req)));
        }
    }
    let mut out = vec![];
    for (kind, w, value) in asked {
        let value = value.await?;
        if !value.is_undefined() {
            out.push(Document {
                kind: kind.to_string(),
                workspace_id: w.clone(),
                value: from_js(&value)?,
            });
        }
    }
    Ok(out)
}

/// Deletes, in `tx`, every carried document of every workspace (a full import replaces them).
pub async fn delete_all(tx: &Tx) -> Result<(), StoreError> {
    let settings = tx.store(SETTINGS)?;
    let keys = request(&settings.get_all_keys().map_err(StoreError::from_js)?).await?;
    for key in js_sys::Array::from(&keys).iter() {
        let carried = key.as_string().is_some_and(|k| {
            k.split_once(':')
                .is_some_and(|(kind, _)| DOCUMENT_KINDS.contains(&kind))
        });
        if carried {
            settings.delete(&key).map_err(StoreError::from_js)?;
        }
    }
    Ok(())
}

/// Puts `documents` in `tx`; returns the requests (for the import's progress).
pub fn put(tx: &Tx, documents: &[Document]) -> Result<Vec<web_sys::IdbRequest>, StoreError> {
    let settings = tx.store(SETTINGS)?;
    documents
        .iter()
        .map(|d| {
            settings
                .put_with_key(&to_stored(&d.value)?, &d.key().into())
                .map_err(StoreError::from_js)
        })
        .collect()
}
