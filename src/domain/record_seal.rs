//! "Encrypt everything": how a record is sealed at rest, pure. A record keeps in the clear
//! only what IndexedDB's indexes need and the issue allows (ids, workspace, dates); the
//! personal values an index is built on (an author's handle, who gave a sign) are replaced by
//! a keyed hash, the same for the same value, so a lookup still finds them; the whole record
//! is sealed (AES-256-GCM) in one field, [`SEALED_FIELD`]. Reading opens it and ignores the
//! clear copies. The cipher is RustCrypto's, synchronous: an IndexedDB transaction closes
//! across an await, so WebCrypto's promises cannot run inside one. The random IV is the
//! caller's (the browser's generator); nothing here knows a clock or a device.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde_json::{Map, Value};
use sha2::Sha256;

/// The field that holds a sealed record: base64 of the IV and the ciphertext with its tag.
pub const SEALED_FIELD: &str = "~sealed";

/// What a record's JSON text holds when it is sealed (a quick test before parsing it).
pub const SEALED_MARK: &str = "\"~sealed\"";

/// The fields kept in the clear: the key path and every index's, none of them personal.
pub const CLEAR_FIELDS: [&str; 8] = [
    "id",
    "workspace_id",
    "created_at",
    "updated_at",
    "due_at",
    "post_id",
    "at",
    "start",
];

/// The personal fields an index is built on: kept as keyed hashes ([`RecordKeys::index_token`]).
pub const HASHED_FIELDS: [&str; 2] = ["author_handle", "who"];

/// What a sealed text (the signs of a pack) starts with.
pub const TEXT_PREFIX: &str = "sealed2:";

/// Why a sealed record could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealError {
    /// Sealed, and this device does not hold the key now (locked).
    NoKey,
    /// Not base64, too short, or its tag fails: another key, or changed.
    Damaged,
}

/// The keys of "encrypt everything", both derived from one random secret: one seals the
/// records, the other makes the index's hashes.
#[derive(Clone)]
pub struct RecordKeys {
    cipher: Aes256Gcm,
    index: [u8; 32],
}

impl std::fmt::Debug for RecordKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecordKeys(..)")
    }
}

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(data);
    mac.finalize().into_bytes().into()
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

impl RecordKeys {
    /// The two keys of `secret` (HMAC-SHA-256 over a label each).
    pub fn from_secret(secret: &[u8; 32]) -> Self {
        let seal = hmac(secret, b"attache records: seal");
        RecordKeys {
            cipher: Aes256Gcm::new(&seal.into()),
            index: hmac(secret, b"attache records: index"),
        }
    }

    /// `plain` sealed with `iv` (which must never be used twice): the IV, then the
    /// ciphertext and its tag.
    pub fn seal_bytes(&self, iv: [u8; 12], plain: &[u8]) -> Vec<u8> {
        let sealed = self
            .cipher
            .encrypt(Nonce::from_slice(&iv), plain)
            .expect("AES-GCM seals any length a browser holds");
        let mut out = iv.to_vec();
        out.extend(sealed);
        out
    }

    /// The bytes `sealed` held.
    pub fn open_bytes(&self, sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        if sealed.len() < 12 + 16 {
            return Err(SealError::Damaged);
        }
        let (iv, body) = sealed.split_at(12);
        self.cipher
            .decrypt(Nonce::from_slice(iv), body)
            .map_err(|_| SealError::Damaged)
    }

    /// `text` sealed: [`TEXT_PREFIX`] and base64.
    pub fn seal_text(&self, iv: [u8; 12], text: &str) -> String {
        format!(
            "{TEXT_PREFIX}{}",
            b64().encode(self.seal_bytes(iv, text.as_bytes()))
        )
    }

    /// The text `stored` held; a text never sealed is given back as it is.
    pub fn open_text(&self, stored: &str) -> Result<String, SealError> {
        let Some(body) = stored.strip_prefix(TEXT_PREFIX) else {
            return Ok(stored.to_string());
        };
        let raw = b64().decode(body).map_err(|_| SealError::Damaged)?;
        String::from_utf8(self.open_bytes(&raw)?).map_err(|_| SealError::Damaged)
    }

    /// What an index holds for the personal value `value`: the same for the same value, and
    /// nothing of it readable without the key (HMAC-SHA-256, 128 bits, base64).
    pub fn index_token(&self, value: &str) -> String {
        let mac = hmac(&self.index, value.as_bytes());
        format!("#{}", b64().encode(&mac[..16]))
    }

    /// `record` as it is stored sealed: its clear fields, its hashed ones, and itself whole
    /// in [`SEALED_FIELD`]. A value that is not an object (a settings document that is a
    /// list) is sealed whole, with nothing beside it.
    pub fn seal_value(&self, iv: [u8; 12], record: &Value) -> Value {
        let text = record.to_string();
        let mut out = Map::new();
        if let Value::Object(fields) = record {
            for name in CLEAR_FIELDS {
                if let Some(v) = fields.get(name) {
                    out.insert(name.to_string(), v.clone());
                }
            }
            for name in HASHED_FIELDS {
                if let Some(v) = fields.get(name) {
                    out.insert(name.to_string(), self.hashed(v));
                }
            }
        }
        out.insert(
            SEALED_FIELD.to_string(),
            Value::String(b64().encode(self.seal_bytes(iv, text.as_bytes()))),
        );
        Value::Object(out)
    }

    fn hashed(&self, value: &Value) -> Value {
        match value {
            Value::String(s) => Value::String(self.index_token(s)),
            Value::Array(items) => Value::Array(items.iter().map(|v| self.hashed(v)).collect()),
            other => other.clone(),
        }
    }

    /// The record `stored` held; a record never sealed is given back as it is.
    pub fn open_value(&self, stored: Value) -> Result<Value, SealError> {
        let Some(body) = sealed_body(&stored) else {
            return Ok(stored);
        };
        let raw = b64().decode(body).map_err(|_| SealError::Damaged)?;
        let plain = self.open_bytes(&raw)?;
        serde_json::from_slice(&plain).map_err(|_| SealError::Damaged)
    }
}

fn sealed_body(value: &Value) -> Option<&str> {
    value.as_object()?.get(SEALED_FIELD)?.as_str()
}

/// Whether `value` is a sealed record.
pub fn is_sealed(value: &Value) -> bool {
    sealed_body(value).is_some()
}

/// `value` as read, opened: a sealed record, or each sealed record of a list (what a
/// `getAll` gives). `keys`: those held now; a sealed record without them is [`SealError::NoKey`].
pub fn open_all(keys: Option<&RecordKeys>, value: Value) -> Result<Value, SealError> {
    let open = |v: Value| match (is_sealed(&v), keys) {
        (false, _) => Ok(v),
        (true, Some(k)) => k.open_value(v),
        (true, None) => Err(SealError::NoKey),
    };
    match value {
        Value::Array(items) => items
            .into_iter()
            .map(open)
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        other => open(other),
    }
}
