//! Accounts in IndexedDB: kept per workspace, gone with their workspace; a pending sign-in
//! is read once (a callback cannot be replayed).
#![cfg(target_arch = "wasm32")]

use attache::domain::account::{Account, AccountStatus, PendingSignIn};
use attache::domain::network::Network;
use attache::domain::workspace::Workspace;
use attache::store;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn account(ws: &str, remote: &str) -> Account {
    Account {
        id: Account::make_id(Network::Mastodon, "https://social.example", remote),
        workspace_id: ws.into(),
        network: Network::Mastodon,
        instance: "https://social.example".into(),
        remote_id: remote.into(),
        handle: format!("@u{remote}@social.example"),
        display_name: String::new(),
        avatar: String::new(),
        url: "https://social.example/@u".into(),
        token: "secret-token".into(),
        refresh_token: String::new(),
        status: AccountStatus::Connected,
        rules: None,
        connected_at: 1.0,
        oauth: None,
    }
}

#[wasm_bindgen_test]
async fn accounts_belong_to_their_workspace_and_go_with_it() {
    let db = fresh_db("test-accounts").await;
    for id in ["a", "b"] {
        store::workspaces::put(
            &db,
            &Workspace {
                id: id.into(),
                name: id.into(),
                created_at: 0.0,
            },
        )
        .await
        .unwrap();
    }
    store::accounts::put(&db, &account("a", "1")).await.unwrap();
    store::accounts::put(&db, &account("a", "1")).await.unwrap(); // connecting again: one record
    store::accounts::put(&db, &account("b", "2")).await.unwrap();
    assert_eq!(
        store::accounts::for_workspace(&db, "a")
            .await
            .unwrap()
            .len(),
        1
    );
    store::workspaces::delete(&db, "a").await.unwrap();
    assert!(store::accounts::for_workspace(&db, "a")
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store::accounts::for_workspace(&db, "b").await.unwrap(),
        vec![account("b", "2")]
    );
    db.close();
}

#[wasm_bindgen_test]
async fn a_pending_sign_in_is_read_once() {
    let db = fresh_db("test-pending").await;
    let pending = PendingSignIn {
        state: "s1".into(),
        verifier: "v".into(),
        instance: "https://social.example".into(),
        workspace_id: "w".into(),
        started_at: 1.0,
    };
    store::accounts::put_pending(&db, &pending).await.unwrap();
    assert_eq!(
        store::accounts::take_pending(&db, "other").await.unwrap(),
        None
    );
    assert_eq!(
        store::accounts::take_pending(&db, "s1").await.unwrap(),
        Some(pending)
    );
    assert_eq!(
        store::accounts::take_pending(&db, "s1").await.unwrap(),
        None
    );
    db.close();
}
