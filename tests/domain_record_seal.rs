//! "Encrypt everything", natively: a sealed record shows only its ids and dates, its indexed
//! personal values are hashed alike for alike, it opens whole, and a wrong key or a changed
//! byte is told apart from a record never sealed.

use attache::domain::record_seal::{
    is_sealed, open_all, RecordKeys, SealError, SEALED_FIELD, TEXT_PREFIX,
};
use serde_json::{json, Value};

fn keys(n: u8) -> RecordKeys {
    RecordKeys::from_secret(&[n; 32])
}

fn message() -> Value {
    json!({
        "id": "m-1",
        "workspace_id": "ws-1",
        "at": 1_700_000_000_000.0_f64,
        "author_handle": "@camille@example.social",
        "text": "Mon colis n'est jamais arrivé, 12 rue des Lilas",
        "who": ["@a@x.test", "@b@y.test"],
        "state": "open",
    })
}

#[test]
fn a_sealed_record_shows_only_its_ids_dates_and_hashes() {
    let k = keys(1);
    let sealed = k.seal_value([7; 12], &message());
    let text = sealed.to_string();
    assert!(is_sealed(&sealed));
    assert_eq!(sealed["id"], "m-1");
    assert_eq!(sealed["workspace_id"], "ws-1");
    assert_eq!(sealed["at"], 1_700_000_000_000.0_f64);
    for secret in [
        "colis",
        "Lilas",
        "camille",
        "example.social",
        "open",
        "@a@x.test",
    ] {
        assert!(!text.contains(secret), "{secret} is readable in {text}");
    }
    assert!(sealed.get("text").is_none());
    assert!(sealed.get("state").is_none());
}

#[test]
fn a_sealed_record_opens_whole_and_a_clear_one_is_read_as_it_is() {
    let k = keys(1);
    let sealed = k.seal_value([7; 12], &message());
    assert_eq!(k.open_value(sealed).unwrap(), message());
    assert_eq!(k.open_value(message()).unwrap(), message());
}

#[test]
fn the_same_handle_gives_the_same_index_value_and_another_key_another() {
    let k = keys(1);
    let a = k.seal_value([1; 12], &message());
    let b = k.seal_value([2; 12], &message());
    assert_eq!(a["author_handle"], b["author_handle"]);
    assert_eq!(
        a["author_handle"],
        Value::String(k.index_token("@camille@example.social"))
    );
    assert_eq!(
        a["who"],
        json!([k.index_token("@a@x.test"), k.index_token("@b@y.test")])
    );
    assert_ne!(a[SEALED_FIELD], b[SEALED_FIELD], "a fresh IV each time");
    assert_ne!(
        k.index_token("@camille@example.social"),
        keys(2).index_token("@camille@example.social")
    );
    assert_ne!(k.index_token("@a@x.test"), k.index_token("@b@y.test"));
}

#[test]
fn a_wrong_key_or_a_changed_byte_is_damage_and_no_key_is_said() {
    let k = keys(1);
    let sealed = k.seal_value([7; 12], &message());
    assert_eq!(keys(2).open_value(sealed.clone()), Err(SealError::Damaged));
    let mut changed = sealed.clone();
    let body = changed[SEALED_FIELD].as_str().unwrap().to_string();
    let flipped = if body.starts_with('A') { "B" } else { "A" };
    changed[SEALED_FIELD] = Value::String(format!("{flipped}{}", &body[1..]));
    assert_eq!(k.open_value(changed), Err(SealError::Damaged));
    assert_eq!(open_all(None, sealed), Err(SealError::NoKey));
    assert_eq!(open_all(None, message()).unwrap(), message());
}

#[test]
fn a_list_as_get_all_gives_it_opens_each_sealed_record_and_keeps_the_others() {
    let k = keys(3);
    let other = json!({"id": "n-1", "text": "note"});
    let list = json!([k.seal_value([1; 12], &message()), other.clone()]);
    assert_eq!(open_all(Some(&k), list).unwrap(), json!([message(), other]));
}

#[test]
fn a_document_that_is_a_list_is_sealed_whole() {
    let k = keys(4);
    let doc = json!(["@a@x.test", "@b@y.test"]);
    let sealed = k.seal_value([9; 12], &doc);
    assert!(!sealed.to_string().contains("x.test"));
    assert_eq!(open_all(Some(&k), sealed).unwrap(), doc);
}

#[test]
fn texts_and_bytes_round_trip_and_a_clear_text_stays() {
    let k = keys(5);
    let sealed = k.seal_text([3; 12], "[{\"who\":\"@a@x.test\"}]");
    assert!(sealed.starts_with(TEXT_PREFIX));
    assert!(!sealed.contains("x.test"));
    assert_eq!(k.open_text(&sealed).unwrap(), "[{\"who\":\"@a@x.test\"}]");
    assert_eq!(k.open_text("[]").unwrap(), "[]");
    assert_eq!(keys(6).open_text(&sealed), Err(SealError::Damaged));
    let bytes = k.seal_bytes([4; 12], b"index bytes");
    assert_eq!(k.open_bytes(&bytes).unwrap(), b"index bytes");
    assert_eq!(k.open_bytes(&bytes[..20]), Err(SealError::Damaged));
}
