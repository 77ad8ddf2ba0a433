//! Member records and forgetting on real IndexedDB: two changes of one settings document
//! started together are both kept (read and write in one transaction); forgetting a member
//! erases every spelling of their handle in messages and signs, deletes their record, their
//! follow-ups and kept threads, leaves their mark — and touches nobody else.
#![cfg(target_arch = "wasm32")]

use attache::domain::follow_up::FollowUp;
use attache::domain::inbox::InboxItem;
use attache::domain::interaction::{Interaction, InteractionKind};
use attache::domain::member_record::{Forgotten, MemberRecord};
use attache::domain::network::Network;
use attache::store::{self, Db};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn item(id: &str, handle: &str) -> InboxItem {
    serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": "Name", "author_handle": handle, "author_url": "https://x.test/@h",
        "html": format!("<p>secret of {handle}</p>"), "at": 1.0, "url": "https://x.test/1",
        "remote_id": id,
    }))
    .unwrap()
}

fn sign(id: &str, handle: &str) -> Interaction {
    Interaction {
        id: id.into(),
        workspace_id: "w".into(),
        account_id: "a".into(),
        network: Network::Mastodon,
        kind: InteractionKind::Follow,
        who_name: "Name".into(),
        who_handle: handle.into(),
        who_url: "https://x.test/@h".into(),
        subject: None,
        at: 2.0,
        profile: Default::default(),
    }
}

fn follow_up(id: &str, member_key: &str) -> FollowUp {
    FollowUp {
        id: id.into(),
        member_key: member_key.into(),
        member_name: "Name".into(),
        what: "call".into(),
        due: 3.0,
        created_at: 1.0,
        done_at: None,
    }
}

async fn push(db: &Db, n: u32) {
    store::settings_docs::update(db, "doc", |v: &mut Vec<u32>| v.push(n))
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn two_changes_of_one_document_started_together_are_both_kept() {
    let db = fresh_db("test-settings-update").await;
    let (a, b) = (db.clone(), db.clone());
    let first = future_to_promise(async move {
        push(&a, 1).await;
        Ok(wasm_bindgen::JsValue::NULL)
    });
    let second = future_to_promise(async move {
        push(&b, 2).await;
        Ok(wasm_bindgen::JsValue::NULL)
    });
    JsFuture::from(first).await.unwrap();
    JsFuture::from(second).await.unwrap();
    let mut got: Vec<u32> = store::settings_docs::get(&db, "doc")
        .await
        .unwrap()
        .unwrap();
    got.sort();
    assert_eq!(got, vec![1, 2]);
}

#[wasm_bindgen_test]
async fn forgetting_erases_every_spelling_and_touches_nobody_else() {
    let db = fresh_db("test-forget").await;
    let items = [
        item("1", "@bob@x.test"),
        item("2", "@Bob@x.test"),
        item("3", "@alice@x.test"),
    ];
    let signs = [sign("s1", "@bob@x.test"), sign("s2", "@alice@x.test")];
    store::inbox::save_page_with(&db, &items, &signs, None)
        .await
        .unwrap();
    let bob_key = "mastodon:@bob@x.test";
    let mut record = MemberRecord::new("w", bob_key, 1.0);
    record.tags = vec!["vip".into()];
    store::members::update(&db, record.clone(), |_| {})
        .await
        .unwrap();
    store::settings_docs::put(
        &db,
        "follow-ups:w",
        &vec![
            follow_up("f1", bob_key),
            follow_up("f2", "mastodon:@alice@x.test"),
        ],
    )
    .await
    .unwrap();

    let plan = store::members::Forget {
        workspace_id: "w".into(),
        record_ids: vec![record.id.clone()],
        handles: vec!["@bob@x.test".into(), "@Bob@x.test".into()],
        threads: vec!["w:conv-1".into()],
        follow_ups_key: "follow-ups:w".into(),
        member_keys: vec![bob_key.into()],
        marks: vec![Forgotten::new("w", bob_key, 10.0)],
    };
    let erased = store::members::forget(&db, &plan).await.unwrap();
    assert_eq!((erased.messages, erased.signs), (2, 1));

    let kept = store::inbox::all(&db, "w").await.unwrap();
    assert_eq!(kept.len(), 3, "messages are kept, as someone's");
    for i in &kept {
        let bob = i.id != "3";
        assert_eq!(i.is_erased(), bob, "{}", i.id);
        assert_eq!(i.html.contains("secret"), !bob, "{}", i.id);
    }
    let signs = store::interactions::all(&db, "w").await.unwrap();
    assert_eq!(signs.iter().filter(|s| s.who_handle.is_empty()).count(), 1);
    assert!(store::members::for_workspace(&db, "w")
        .await
        .unwrap()
        .is_empty());
    let marks = store::members::forgotten(&db, "w").await.unwrap();
    assert_eq!(marks, plan.marks);
    let left: Vec<FollowUp> = store::settings_docs::get(&db, "follow-ups:w")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        left.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["f2"]
    );
}
