//! The one error type of the storage layer. Kinds, not messages: the UI words them.

use wasm_bindgen::{JsCast, JsValue};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("IndexedDB is not available in this browser")]
    Unavailable,
    #[error("another tab keeps an older version of the database open")]
    Blocked,
    #[error("the storage quota is full")]
    QuotaExceeded,
    #[error("the browser's storage could not be read or written: {0}")]
    Backend(String),
    #[error("the database connection was closed (a newer version opened in another tab)")]
    Closed,
    #[error("the database on this device is newer than this version of the app")]
    NewerVersion,
    #[error("a stored record could not be read: {0}")]
    Corrupt(String),
    #[error("the write was cancelled")]
    Aborted,
    #[error("{name}: {message}")]
    Other { name: String, message: String },
    /// A passphrase is set and this tab does not hold the key (`store::sealing`).
    #[error("the app is locked")]
    Locked,
    /// The record was changed in another tab since this copy was read; nothing was written
    /// (`Post::edited_elsewhere`).
    #[error("the record was changed in another tab")]
    EditedElsewhere,
}

impl StoreError {
    /// Maps whatever the browser threw (usually a `DOMException`) to a kind we can explain.
    pub fn from_js(value: JsValue) -> Self {
        if let Some(ex) = value.dyn_ref::<web_sys::DomException>() {
            return Self::from_dom_name(&ex.name(), &ex.message());
        }
        if let Some(err) = value.dyn_ref::<js_sys::Error>() {
            let name: String = err.name().into();
            let message: String = err.message().into();
            return Self::from_dom_name(&name, &message);
        }
        StoreError::Other {
            name: "Error".into(),
            message: value.as_string().unwrap_or_else(|| format!("{value:?}")),
        }
    }

    fn from_dom_name(name: &str, message: &str) -> Self {
        match name {
            "QuotaExceededError" => StoreError::QuotaExceeded,
            "UnknownError" | "DataError" | "NotReadableError" => {
                StoreError::Backend(message.to_string())
            }
            "InvalidStateError" => StoreError::Closed,
            "VersionError" => StoreError::NewerVersion,
            "AbortError" => StoreError::Aborted,
            _ => StoreError::Other {
                name: name.to_string(),
                message: message.to_string(),
            },
        }
    }
}
