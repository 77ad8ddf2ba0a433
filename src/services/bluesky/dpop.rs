//! Requests signed with an account's DPoP key (Bluesky OAuth): each one carries a fresh
//! proof for its method and address (and, towards the PDS, the hash of the access token);
//! the nonce each server hands out is remembered per origin for this page's life, and a
//! request refused for want of it is made once more with the nonce the refusal gave.

use std::cell::RefCell;
use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::platforms::bluesky::oauth;
use crate::platforms::http::{self, NetError, Response};
use crate::platforms::request::Request;
use crate::services::clock::{now_ms, random_bytes};
use crate::store::dpop_keys::{self, DpopKey};
use crate::store::{Db, StoreError};

thread_local! {
    /// The last nonce each server gave (`scheme://host:port` → nonce).
    static NONCES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// `scheme://host[:port]` of an address.
fn origin(url: &str) -> String {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    let end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map(|i| after_scheme + i)
        .unwrap_or(url.len());
    url[..end].to_ascii_lowercase()
}

fn nonce_for(url: &str) -> Option<String> {
    NONCES.with(|n| n.borrow().get(&origin(url)).cloned())
}

fn remember_nonce(url: &str, r: &Response) {
    if let Some(nonce) = r.header("dpop-nonce").filter(|n| !n.is_empty()) {
        NONCES.with(|n| n.borrow_mut().insert(origin(url), nonce.to_string()));
    }
}

/// Why a signed request could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum SignedError {
    Net(NetError),
    /// The key could not be read or the browser would not sign (try again later).
    Key(StoreError),
    /// No key is kept under that name: the session bound to it cannot be used again.
    KeyGone,
}

/// A proof for `request` made with `key`; `access_token` for requests to the PDS.
async fn proof(
    key: &DpopKey,
    request: &Request,
    access_token: Option<&str>,
) -> Result<String, StoreError> {
    let jwk = key.public_jwk().await?;
    let jti = random_bytes::<16>()
        .map(|b| URL_SAFE_NO_PAD.encode(b))
        .ok_or(StoreError::Unavailable)?;
    let input = oauth::dpop_signing_input(
        &jwk,
        oauth::method_name(request),
        &request.url,
        &jti,
        (now_ms() / 1000.0) as u64,
        nonce_for(&request.url).as_deref(),
        access_token,
    );
    let signature = key.sign(&input).await?;
    Ok(oauth::dpop_proof(&input, &signature))
}

/// Sends `request` signed by `key`: to the authorization server when `access_token` is
/// `None`, to the PDS with the token otherwise (its `Authorization` becomes `DPoP`). A
/// refusal asking for a nonce is answered once, with the nonce it gave.
pub async fn send(
    key: &DpopKey,
    request: &Request,
    access_token: Option<&str>,
    file: Option<(&web_sys::Blob, &str)>,
) -> Result<Response, SignedError> {
    let mut answer = None;
    for _ in 0..2 {
        let signed = proof(key, request, access_token)
            .await
            .map_err(SignedError::Key)?;
        let outgoing = match access_token {
            Some(token) => oauth::with_dpop(request.clone(), token, &signed),
            None => request.clone().header("DPoP", &signed),
        };
        let r = http::send_with_file(&outgoing, file)
            .await
            .map_err(SignedError::Net)?;
        remember_nonce(&request.url, &r);
        let again = !r.ok()
            && r.header("dpop-nonce").is_some()
            && oauth::asks_for_nonce(&r.text, r.header("www-authenticate"));
        answer = Some(r);
        if !again {
            break;
        }
    }
    answer.ok_or(SignedError::Net(NetError::Unreachable))
}

/// The key kept under `name`, or why it cannot be used.
pub async fn key(db: &Db, name: &str) -> Result<DpopKey, SignedError> {
    match dpop_keys::kept(db, name).await {
        Ok(Some(k)) => Ok(k),
        Ok(None) => Err(SignedError::KeyGone),
        Err(e) => Err(SignedError::Key(e)),
    }
}
