//! Bluesky OAuth's DPoP keys in real Chromium (`store::dpop_keys`): made by WebCrypto with a
//! private key that cannot be exported, kept in IndexedDB and read back by another
//! connection, and signing proofs whose signature checks against the key their header
//! carries (as the authorization server checks it).
#![cfg(target_arch = "wasm32")]

use attache::platforms::bluesky::oauth;
use attache::store::{dpop_keys, Db};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

async fn subtle(method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let crypto: JsValue = web_sys::window().unwrap().crypto().unwrap().into();
    let subtle = Reflect::get(&crypto, &"subtle".into()).unwrap();
    let f: Function = Reflect::get(&subtle, &method.into())
        .unwrap()
        .unchecked_into();
    let args: Array = args.iter().collect();
    let promise: Promise = f.apply(&subtle, &args).unwrap().unchecked_into();
    JsFuture::from(promise).await
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o
}

/// Checks a compact proof's signature with the public key its header carries.
async fn verifies_with_its_header_key(proof: &str) -> bool {
    let parts: Vec<&str> = proof.split('.').collect();
    let header: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap()).unwrap();
    let jwk = js_sys::JSON::parse(&header["jwk"].to_string()).unwrap();
    let algorithm = object(&[("name", "ECDSA".into()), ("namedCurve", "P-256".into())]);
    let usages = Array::of1(&"verify".into());
    let key = subtle(
        "importKey",
        &[
            "jwk".into(),
            jwk,
            algorithm.into(),
            JsValue::TRUE,
            usages.into(),
        ],
    )
    .await
    .unwrap();
    let params = object(&[("name", "ECDSA".into()), ("hash", "SHA-256".into())]);
    let signature = Uint8Array::from(URL_SAFE_NO_PAD.decode(parts[2]).unwrap().as_slice());
    let data = Uint8Array::from(format!("{}.{}", parts[0], parts[1]).as_bytes());
    subtle(
        "verify",
        &[params.into(), key, signature.into(), data.into()],
    )
    .await
    .unwrap()
    .as_bool()
    .unwrap()
}

#[wasm_bindgen_test]
async fn a_key_is_kept_read_back_and_signs_proofs_the_server_can_check() {
    let db = fresh_db("test-dpop-keys").await;
    let key = dpop_keys::new_key().await.unwrap();
    let jwk = key.public_jwk().await.unwrap();
    assert_eq!(
        (jwk.x.len(), jwk.y.len()),
        (43, 43),
        "32-byte coordinates, base64url"
    );
    // the private key never leaves the browser
    let private = Reflect::get(key.raw(), &"privateKey".into()).unwrap();
    assert!(subtle("exportKey", &["jwk".into(), private]).await.is_err());

    dpop_keys::keep(&db, "did:plc:alice", &key).await.unwrap();
    db.close();
    let db = Db::open("test-dpop-keys", || {}).await.unwrap();
    assert!(dpop_keys::kept(&db, "did:plc:bob").await.unwrap().is_none());
    let again = dpop_keys::kept(&db, "did:plc:alice")
        .await
        .unwrap()
        .expect("kept");
    assert_eq!(
        again.public_jwk().await.unwrap(),
        jwk,
        "the same key, read back"
    );

    // a proof signed by the key read back checks against the key in its header
    let input = oauth::dpop_signing_input(
        &jwk,
        "POST",
        "http://localhost:2583/oauth/par",
        "j1",
        1_765_000_000,
        Some("n"),
        None,
    );
    let signature = again.sign(&input).await.unwrap();
    assert_eq!(signature.len(), 64, "r ‖ s");
    let proof = oauth::dpop_proof(&input, &signature);
    assert!(verifies_with_its_header_key(&proof).await);
    // and a proof whose claims were changed after signing does not
    let mut tampered: Vec<String> = proof.split('.').map(String::from).collect();
    tampered[1] = URL_SAFE_NO_PAD.encode(r#"{"htm":"GET"}"#);
    assert!(!verifies_with_its_header_key(&tampered.join(".")).await);
    db.close();
}
