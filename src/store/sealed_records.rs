//! "Encrypt everything" on this device: the record keys held in memory while unlocked
//! (`domain::record_seal::RecordKeys`, from the secret the lock's document keeps sealed by
//! the data key), whether writes seal with them, and the values a record is written as and
//! looked up by. Reading opens any sealed record whatever the setting (`codec::from_js`), so
//! a store half rewritten — the setting changed midway, or a tab that had not heard of it —
//! reads whole.

use std::cell::RefCell;

use serde::Serialize;
use serde_json::Value;

use crate::domain::record_seal::{RecordKeys, SealError};

use super::StoreError;

struct Held {
    secret: [u8; 32],
    keys: RecordKeys,
    /// Whether writes are sealed (false while "encrypt everything" is being turned off:
    /// the keys still open what is sealed, and every record is written back in the clear).
    seal_writes: bool,
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
    /// "Encrypt everything" is on for this device: a write with no keys held (locked) is
    /// refused rather than stored in the clear. Kept through a lock.
    static MUST_SEAL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether writes must be sealed on this device (the lock's document says), held or not.
pub fn set_must_seal(on: bool) {
    MUST_SEAL.with(|m| m.set(on));
}

/// The record keys from `secret`, or none; `seal_writes`: whether new writes are sealed.
pub fn hold(secret: Option<&[u8; 32]>, seal_writes: bool) {
    set_must_seal(secret.is_some() && seal_writes);
    HELD.with(|h| {
        *h.borrow_mut() = secret.map(|s| Held {
            secret: *s,
            keys: RecordKeys::from_secret(s),
            seal_writes,
        })
    });
}

/// The secret held and whether writes are sealed with it (for the other tabs).
pub fn held() -> Option<([u8; 32], bool)> {
    HELD.with(|h| {
        h.borrow()
            .as_ref()
            .map(|held| (held.secret, held.seal_writes))
    })
}

/// Forgets the record keys (locked: writes that must be sealed are refused until unlocked).
pub fn forget() {
    HELD.with(|h| *h.borrow_mut() = None);
}

/// The keys that open sealed records, while held.
pub fn keys() -> Option<RecordKeys> {
    HELD.with(|h| h.borrow().as_ref().map(|held| held.keys.clone()))
}

/// The keys writes are sealed with, when "encrypt everything" is on and unlocked.
pub fn sealing_keys() -> Option<RecordKeys> {
    HELD.with(|h| {
        h.borrow()
            .as_ref()
            .filter(|held| held.seal_writes)
            .map(|held| held.keys.clone())
    })
}

/// Whether new writes are sealed in this tab.
pub fn sealing_writes() -> bool {
    sealing_keys().is_some()
}

/// The keys to seal a write with; none when writes are in the clear; refused while locked
/// with "encrypt everything" on (a write under way when the lock came is not kept clear).
fn write_keys() -> Result<Option<RecordKeys>, StoreError> {
    match sealing_keys() {
        Some(keys) => Ok(Some(keys)),
        None if MUST_SEAL.with(|m| m.get()) => Err(StoreError::Locked),
        None => Ok(None),
    }
}

pub fn seal_error(e: SealError) -> StoreError {
    match e {
        SealError::NoKey => StoreError::Locked,
        SealError::Damaged => StoreError::Corrupt("a sealed record this key does not open".into()),
    }
}

/// `n` fresh IVs from the browser's generator, asked for in as few calls as its limit of
/// 65,536 bytes a call allows.
fn ivs(n: usize) -> Result<Vec<[u8; 12]>, StoreError> {
    let crypto = web_sys::window()
        .ok_or(StoreError::Unavailable)?
        .crypto()
        .map_err(StoreError::from_js)?;
    let mut bytes = vec![0u8; n * 12];
    for chunk in bytes.chunks_mut(65_532) {
        crypto
            .get_random_values_with_u8_array(chunk)
            .map_err(StoreError::from_js)?;
    }
    Ok(bytes
        .chunks_exact(12)
        .map(|c| c.try_into().expect("12 bytes"))
        .collect())
}

fn value_of<T: Serialize + ?Sized>(value: &T) -> Result<Value, StoreError> {
    // Through text: `to_string::<T>` is compiled for every record type already
    // (`codec::to_js`), and a `to_value::<T>` beside each would add its own copy.
    let text = serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// `value` as it is to be written: sealed when writes are, else as it is (`None`: write it
/// as it is).
pub fn sealed<T: Serialize + ?Sized>(value: &T) -> Result<Option<Value>, StoreError> {
    let Some(keys) = write_keys()? else {
        return Ok(None);
    };
    let iv = ivs(1)?[0];
    Ok(Some(keys.seal_value(iv, &value_of(value)?)))
}

/// Each of `records` as it is to be written (see [`sealed`]).
pub fn sealed_each<T: Serialize>(records: &[T]) -> Result<Option<Vec<Value>>, StoreError> {
    let Some(keys) = write_keys()? else {
        return Ok(None);
    };
    let ivs = ivs(records.len())?;
    records
        .iter()
        .zip(ivs)
        .map(|(r, iv)| Ok(keys.seal_value(iv, &value_of(r)?)))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// A text as it is to be written (the signs of a pack).
pub fn sealed_text(text: &str) -> Result<String, StoreError> {
    match write_keys()? {
        None => Ok(text.to_string()),
        Some(keys) => Ok(keys.seal_text(ivs(1)?[0], text)),
    }
}

/// The text `stored` held (sealed or not).
pub fn opened_text(stored: &str) -> Result<String, StoreError> {
    if !stored.starts_with(crate::domain::record_seal::TEXT_PREFIX) {
        return Ok(stored.to_string());
    }
    keys()
        .ok_or(StoreError::Locked)?
        .open_text(stored)
        .map_err(seal_error)
}

/// Bytes as they are to be written (the search index kept), and whether they were sealed.
pub fn sealed_bytes(bytes: &[u8]) -> Result<(Vec<u8>, bool), StoreError> {
    match write_keys()? {
        None => Ok((bytes.to_vec(), false)),
        Some(keys) => Ok((keys.seal_bytes(ivs(1)?[0], bytes), true)),
    }
}

/// The bytes `stored` held, sealed or not.
pub fn opened_bytes(stored: Vec<u8>, sealed: bool) -> Result<Vec<u8>, StoreError> {
    if !sealed {
        return Ok(stored);
    }
    keys()
        .ok_or(StoreError::Locked)?
        .open_bytes(&stored)
        .map_err(seal_error)
}

/// The personal value `value` as an index written now holds it.
pub fn index_value(value: &str) -> Result<String, StoreError> {
    Ok(match write_keys()? {
        None => value.to_string(),
        Some(keys) => keys.index_token(value),
    })
}

/// Every form an index may hold `value` in: as it is, and hashed when the keys are held (a
/// record written before the setting changed, or by a tab that had not heard of it, may be
/// in either).
pub fn index_values(value: &str) -> Vec<String> {
    let mut out = vec![value.to_string()];
    if let Some(keys) = keys() {
        out.push(keys.index_token(value));
    }
    out
}
