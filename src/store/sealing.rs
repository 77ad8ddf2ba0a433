//! Tokens sealed at rest: the data key held in memory while the app is unlocked, and the
//! browser's WebCrypto steps the passphrase lock needs — AES-256-GCM to seal and unseal a
//! text (a fresh 12-byte IV each time), PBKDF2-SHA-256 to derive the passphrase's key, and
//! AES-KW to wrap the data key with it. The data key in use is never extractable; only the
//! key made when the lock is set up (or taken out to be wrapped again when the passphrase
//! changes) is, for as long as that step lasts.

use std::cell::RefCell;

use base64::Engine as _;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::lock::{is_sealed, LockState, SEALED_PREFIX};

use super::StoreError;

/// Where the lock stands in this tab.
#[derive(Clone)]
enum KeyState {
    /// No passphrase set: tokens are kept as they are.
    Off,
    /// A passphrase is set and this tab does not hold the key: nothing sealed can be read.
    Locked,
    /// The data key (a non-extractable `CryptoKey`).
    Open(JsValue),
}

thread_local! {
    static KEY: RefCell<KeyState> = const { RefCell::new(KeyState::Off) };
}

/// No passphrase: tokens are written as they are.
pub fn set_off() {
    super::sealed_records::forget();
    super::sealed_records::set_must_seal(false);
    KEY.with(|k| *k.borrow_mut() = KeyState::Off);
}

/// A passphrase is set and the key is not held: reads and writes of tokens are refused.
pub fn set_locked() {
    super::sealed_records::forget();
    KEY.with(|k| *k.borrow_mut() = KeyState::Locked);
}

/// Unlocked with `key`, the data key.
pub fn set_open(key: JsValue) {
    KEY.with(|k| *k.borrow_mut() = KeyState::Open(key));
}

/// Where the lock stands in this tab: the one record of it (`services::lock` reads it here).
pub fn state() -> LockState {
    KEY.with(|k| match &*k.borrow() {
        KeyState::Off => LockState::Off,
        KeyState::Locked => LockState::Locked,
        KeyState::Open(_) => LockState::Open,
    })
}

/// Whether a passphrase is set and this tab does not hold the key.
pub fn is_locked() -> bool {
    KEY.with(|k| matches!(*k.borrow(), KeyState::Locked))
}

/// The data key, while unlocked.
pub fn key() -> Option<JsValue> {
    KEY.with(|k| match &*k.borrow() {
        KeyState::Open(key) => Some(key.clone()),
        _ => None,
    })
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

pub fn to_base64(bytes: &[u8]) -> String {
    b64().encode(bytes)
}

pub fn from_base64(text: &str) -> Result<Vec<u8>, StoreError> {
    b64()
        .decode(text)
        .map_err(|e| StoreError::Corrupt(format!("base64: {e}")))
}

/// `text` as it is to be stored: sealed with the data key while unlocked, as it is when no
/// passphrase is set (or when it is empty, or sealed already), refused while locked.
pub async fn seal(text: &str) -> Result<String, StoreError> {
    if text.is_empty() || is_sealed(text) {
        return Ok(text.to_string());
    }
    let key = KEY.with(|k| k.borrow().clone());
    match key {
        KeyState::Off => Ok(text.to_string()),
        KeyState::Locked => Err(StoreError::Locked),
        KeyState::Open(key) => {
            let iv = random::<12>()?;
            let sealed = call(
                "encrypt",
                &[aes_gcm(&iv).into(), key, bytes(text.as_bytes()).into()],
            )
            .await
            .map_err(StoreError::from_js)?;
            let mut out = iv.to_vec();
            out.extend(Uint8Array::new(&sealed).to_vec());
            Ok(format!("{SEALED_PREFIX}{}", to_base64(&out)))
        }
    }
}

/// `stored` as it was before it was sealed; a text never sealed is returned as it is.
/// Refused while locked (or with no key: a sealed token cannot be read).
pub async fn unseal(stored: &str) -> Result<String, StoreError> {
    let Some(body) = stored.strip_prefix(SEALED_PREFIX) else {
        return Ok(stored.to_string());
    };
    let Some(key) = key() else {
        return Err(StoreError::Locked);
    };
    let raw = from_base64(body)?;
    if raw.len() < 12 + 16 {
        return Err(StoreError::Corrupt("a sealed text too short".into()));
    }
    let (iv, sealed) = raw.split_at(12);
    let plain = call("decrypt", &[aes_gcm(iv).into(), key, bytes(sealed).into()])
        .await
        .map_err(|_| StoreError::Corrupt("a sealed text that this key does not open".into()))?;
    String::from_utf8(Uint8Array::new(&plain).to_vec())
        .map_err(|_| StoreError::Corrupt("a sealed text that is not text".into()))
}

/// `N` random bytes from the browser's cryptographic generator.
pub fn random<const N: usize>() -> Result<[u8; N], StoreError> {
    let crypto = web_sys::window()
        .ok_or(StoreError::Unavailable)?
        .crypto()
        .map_err(StoreError::from_js)?;
    let mut out = [0u8; N];
    crypto
        .get_random_values_with_u8_array(&mut out)
        .map_err(StoreError::from_js)?;
    Ok(out)
}

/// The passphrase's key: PBKDF2-SHA-256 over `passphrase` with `salt`, an AES-KW key that
/// can only wrap and unwrap.
pub async fn passphrase_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<JsValue, StoreError> {
    let kw = object(&[("name", "AES-KW".into()), ("length", 256.into())]);
    let usages = Array::of2(&"wrapKey".into(), &"unwrapKey".into());
    derive(passphrase, salt, iterations, kw, usages).await
}

/// A file's key: PBKDF2-SHA-256 over `passphrase` with `salt`, an AES-256-GCM key (the
/// encrypted export, which opens with the passphrase alone).
pub async fn passphrase_file_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<JsValue, StoreError> {
    let gcm = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    derive(passphrase, salt, iterations, gcm, usages).await
}

/// `plain` encrypted with `key` (AES-GCM): a fresh IV and the ciphertext with its tag.
pub async fn encrypt_with(key: &JsValue, plain: &[u8]) -> Result<([u8; 12], Vec<u8>), StoreError> {
    let iv = random::<12>()?;
    let out = call(
        "encrypt",
        &[aes_gcm(&iv).into(), key.clone(), bytes(plain).into()],
    )
    .await
    .map_err(StoreError::from_js)?;
    Ok((iv, Uint8Array::new(&out).to_vec()))
}

/// `sealed` decrypted with `key`, or `None` when the key is not the one (the tag fails).
pub async fn decrypt_with(
    key: &JsValue,
    iv: &[u8],
    sealed: &[u8],
) -> Result<Option<Vec<u8>>, StoreError> {
    match call(
        "decrypt",
        &[aes_gcm(iv).into(), key.clone(), bytes(sealed).into()],
    )
    .await
    {
        Ok(out) => Ok(Some(Uint8Array::new(&out).to_vec())),
        Err(e) => match StoreError::from_js(e) {
            StoreError::Other { name, .. } if name == "OperationError" => Ok(None),
            other => Err(other),
        },
    }
}

async fn derive(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    algorithm: Object,
    usages: Array,
) -> Result<JsValue, StoreError> {
    let derive_usages = Array::of1(&"deriveKey".into());
    let base = call(
        "importKey",
        &[
            "raw".into(),
            bytes(passphrase.as_bytes()).into(),
            "PBKDF2".into(),
            false.into(),
            derive_usages.into(),
        ],
    )
    .await
    .map_err(StoreError::from_js)?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("salt", bytes(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    call(
        "deriveKey",
        &[
            params.into(),
            base,
            algorithm.into(),
            false.into(),
            usages.into(),
        ],
    )
    .await
    .map_err(StoreError::from_js)
}

/// A new data key (AES-256-GCM), extractable so that it can be wrapped.
pub async fn new_data_key() -> Result<JsValue, StoreError> {
    let alg = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    call("generateKey", &[alg.into(), true.into(), usages.into()])
        .await
        .map_err(StoreError::from_js)
}

/// `data_key` wrapped by `wrapping_key` (AES-KW).
pub async fn wrap(data_key: &JsValue, wrapping_key: &JsValue) -> Result<Vec<u8>, StoreError> {
    let out = call(
        "wrapKey",
        &[
            "raw".into(),
            data_key.clone(),
            wrapping_key.clone(),
            "AES-KW".into(),
        ],
    )
    .await
    .map_err(StoreError::from_js)?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// The data key out of `wrapped`, or `None` when `wrapping_key` is not the one that wrapped
/// it (AES-KW checks its integrity: a wrong passphrase is told apart from any other key).
pub async fn unwrap(
    wrapped: &[u8],
    wrapping_key: &JsValue,
    extractable: bool,
) -> Result<Option<JsValue>, StoreError> {
    let alg = object(&[("name", "AES-GCM".into())]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let out = call(
        "unwrapKey",
        &[
            "raw".into(),
            bytes(wrapped).into(),
            wrapping_key.clone(),
            "AES-KW".into(),
            alg.into(),
            extractable.into(),
            usages.into(),
        ],
    )
    .await;
    match out {
        Ok(key) => Ok(Some(key)),
        Err(e) => match StoreError::from_js(e) {
            // what WebCrypto throws when the integrity check fails
            StoreError::Other { name, .. } if name == "OperationError" => Ok(None),
            other => Err(other),
        },
    }
}

fn aes_gcm(iv: &[u8]) -> Object {
    object(&[("name", "AES-GCM".into()), ("iv", bytes(iv).into())])
}

fn bytes(b: &[u8]) -> Uint8Array {
    Uint8Array::from(b)
}

pub(super) fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

/// Calls `crypto.subtle[method](...args)` and waits for its promise.
pub(super) async fn call(method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let crypto: JsValue = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .crypto()?
        .into();
    let subtle = Reflect::get(&crypto, &"subtle".into())?;
    let f: Function = Reflect::get(&subtle, &method.into())?.dyn_into()?;
    let args: Array = args.iter().collect();
    let promise: Promise = f.apply(&subtle, &args)?.dyn_into()?;
    JsFuture::from(promise).await
}
