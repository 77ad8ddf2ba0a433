//! The keys Bluesky's OAuth binds its tokens to (DPoP, ES256): made by WebCrypto with a
//! private key that cannot be taken out of the browser, kept in IndexedDB as the browser
//! keeps a `CryptoKeyPair` (structured clone, in the settings store under
//! `dpop-key:<name>`), and used to sign a proof's header and claims
//! (`services::bluesky::dpop`).

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;

use crate::domain::dpop::PublicJwk;

use super::idb::{request, Durability, Tx};
use super::schema::SETTINGS;
use super::sealing::{call as subtle, object as with_fields};
use super::{Db, StoreError};

/// A key pair: its private key signs and cannot be exported.
#[derive(Clone)]
pub struct DpopKey(JsValue);

fn es256() -> Object {
    with_fields(&[("name", "ECDSA".into()), ("namedCurve", "P-256".into())])
}

fn storage_key(name: &str) -> String {
    format!("dpop-key:{name}")
}

/// A new key pair (P-256); the private key is not extractable.
pub async fn new_key() -> Result<DpopKey, StoreError> {
    let usages = js_sys::Array::of2(&"sign".into(), &"verify".into());
    let pair = subtle(
        "generateKey",
        &[es256().into(), JsValue::FALSE, usages.into()],
    )
    .await
    .map_err(StoreError::from_js)?;
    Ok(DpopKey(pair))
}

impl DpopKey {
    fn part(&self, name: &str) -> Result<JsValue, StoreError> {
        Reflect::get(&self.0, &name.into()).map_err(StoreError::from_js)
    }

    /// The public key as the proof's header carries it.
    pub async fn public_jwk(&self) -> Result<PublicJwk, StoreError> {
        let jwk = subtle("exportKey", &["jwk".into(), self.part("publicKey")?])
            .await
            .map_err(StoreError::from_js)?;
        let field = |name: &str| {
            Reflect::get(&jwk, &name.into())
                .ok()
                .and_then(|v| v.as_string())
                .ok_or(StoreError::Unavailable)
        };
        Ok(PublicJwk {
            x: field("x")?,
            y: field("y")?,
        })
    }

    /// The raw ES256 signature (r ‖ s, 64 bytes) of `signing_input`.
    pub async fn sign(&self, signing_input: &str) -> Result<Vec<u8>, StoreError> {
        let params = with_fields(&[("name", "ECDSA".into()), ("hash", "SHA-256".into())]);
        let data = Uint8Array::from(signing_input.as_bytes());
        let signature = subtle(
            "sign",
            &[params.into(), self.part("privateKey")?, data.into()],
        )
        .await
        .map_err(StoreError::from_js)?;
        Ok(Uint8Array::new(&signature).to_vec())
    }

    /// The pair as the browser holds it (for a test to try exporting its private key).
    pub fn raw(&self) -> &JsValue {
        &self.0
    }
}

/// Keeps `key` under `name` (one strict transaction).
pub async fn keep(db: &Db, name: &str, key: &DpopKey) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    tx.store(SETTINGS)?
        .put_with_key(&key.0, &storage_key(name).into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

/// Forgets the key kept under `name` (its account was disconnected).
pub async fn forget(db: &Db, name: &str) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    let req = tx
        .store(SETTINGS)?
        .delete(&storage_key(name).into())
        .map_err(StoreError::from_js)?;
    request(&req).await?;
    tx.commit().await
}

/// The key kept under `name`, if any.
pub async fn kept(db: &Db, name: &str) -> Result<Option<DpopKey>, StoreError> {
    let tx = Tx::read(db.raw(), &[SETTINGS])?;
    let req = tx
        .store(SETTINGS)?
        .get(&storage_key(name).into())
        .map_err(StoreError::from_js)?;
    let value = request(&req).await?;
    tx.finish().await?;
    Ok((!value.is_undefined()).then_some(DpopKey(value)))
}
