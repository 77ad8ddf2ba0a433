//! The outbox in IndexedDB: deciding a send writes the rows and moves the post to
//! "publishing" together, with keys chosen once; asking again queues nothing twice; cancel
//! and retry change the row and the post together; rows go with their post and workspace.
#![cfg(target_arch = "wasm32")]

use attache::domain::account::{Account, AccountStatus};
use attache::domain::network::Network;
use attache::domain::outbox::ItemState;
use attache::domain::post::{Post, PostState, Variant};
use attache::domain::workspace::Workspace;
use attache::services::outbox;
use attache::store;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn account(ws: &str, network: Network) -> Account {
    Account {
        id: Account::make_id(network, "https://server.example", "me"),
        workspace_id: ws.into(),
        network,
        instance: "https://server.example".into(),
        remote_id: "me".into(),
        handle: "@me".into(),
        display_name: String::new(),
        avatar: String::new(),
        url: String::new(),
        token: "t".into(),
        refresh_token: String::new(),
        status: AccountStatus::Connected,
        rules: None,
        connected_at: 1.0,
        oauth: None,
    }
}

async fn setup(name: &str) -> (store::Db, Post) {
    let db = fresh_db(name).await;
    let ws = Workspace {
        id: "ws".into(),
        name: "Café".into(),
        created_at: 0.0,
    };
    store::workspaces::put(&db, &ws).await.unwrap();
    for n in [Network::Mastodon, Network::Bluesky] {
        store::accounts::put(&db, &account("ws", n)).await.unwrap();
    }
    let mut post = Post::new("p1".into(), "ws".into(), 1.0);
    post.base_text = "Bonjour".into();
    let mut bsky = Variant::new(Network::Bluesky);
    bsky.thread = vec!["suite".into(), "  ".into()];
    post.variants = vec![
        Variant::new(Network::Mastodon),
        bsky,
        Variant::new(Network::LinkedIn),
    ];
    store::posts::put(&db, &post).await.unwrap();
    (db, post)
}

#[wasm_bindgen_test]
async fn deciding_a_send_writes_rows_and_post_together_with_keys_chosen_once() {
    let (db, post) = setup("test-outbox-send").await;
    let rows = outbox::send(&db, &post.id, None, 5.0, "me").await.unwrap();
    assert_eq!(rows.len(), 2, "Mastodon and Bluesky; LinkedIn is by hand");
    let stored = store::posts::get(&db, &post.id).await.unwrap().unwrap();
    assert_eq!(stored.state, PostState::Publishing);
    let remote = |n: Network| {
        stored
            .variants
            .iter()
            .find(|v| v.network == n)
            .and_then(|v| v.remote.clone())
            .unwrap()
    };
    let (m, b) = (remote(Network::Mastodon), remote(Network::Bluesky));
    assert_eq!(b.rkeys.len(), 2, "one record key per non-empty part");
    assert_eq!(b.key, b.rkeys[0]);
    assert!(!m.key.is_empty());
    for row in &rows {
        let kept = if row.network == Network::Mastodon {
            &m
        } else {
            &b
        };
        assert_eq!(
            row.key, kept.key,
            "the row carries the key saved on the post"
        );
        assert_eq!(row.state, ItemState::Waiting);
        assert_eq!(row.due_at, 5.0);
    }

    // asked again (a second click, a second tab): nothing queued twice, keys unchanged
    let again = outbox::send(&db, &post.id, None, 9.0, "me").await.unwrap();
    assert_eq!(store::outbox::all(&db).await.unwrap().len(), 2);
    assert_eq!(
        again.iter().map(|r| r.id.clone()).collect::<Vec<_>>().len(),
        2
    );
    let after = store::posts::get(&db, &post.id).await.unwrap().unwrap();
    assert_eq!(
        after
            .variants
            .iter()
            .find(|v| v.network == Network::Bluesky)
            .and_then(|v| v.remote.clone())
            .unwrap()
            .rkeys,
        b.rkeys
    );
}

#[wasm_bindgen_test]
async fn cancel_puts_the_post_back_in_the_drafts_once_no_row_is_left() {
    let (db, post) = setup("test-outbox-cancel").await;
    let rows = outbox::send(&db, &post.id, None, 5.0, "me").await.unwrap();
    assert!(outbox::cancel(&db, &rows[0]).await.unwrap());
    let mid = store::posts::get(&db, &post.id).await.unwrap().unwrap();
    assert_eq!(mid.state, PostState::Publishing, "the other row still goes");
    assert!(outbox::cancel(&db, &rows[1]).await.unwrap());
    let back = store::posts::get(&db, &post.id).await.unwrap().unwrap();
    assert_eq!(back.state, PostState::Draft);
    assert_eq!(back.base_text, "Bonjour", "nothing of the post is lost");
    let all = store::outbox::all(&db).await.unwrap();
    assert!(all.iter().all(|r| r.state == ItemState::Cancelled));
    // a new decision queues afresh
    let rows = outbox::send(&db, &post.id, Some(Network::Mastodon), 7.0, "me")
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].network, Network::Mastodon);
}

#[wasm_bindgen_test]
async fn rows_go_with_their_post_and_their_workspace() {
    let (db, post) = setup("test-outbox-delete").await;
    outbox::send(&db, &post.id, None, 5.0, "me").await.unwrap();
    store::posts::delete(&db, &post.id).await.unwrap();
    assert!(store::outbox::all(&db).await.unwrap().is_empty());
    let mut other = post.clone();
    other.id = "p2".into();
    other.state = PostState::Draft;
    store::posts::put(&db, &other).await.unwrap();
    outbox::send(&db, &other.id, None, 5.0, "me").await.unwrap();
    assert_eq!(store::outbox::all(&db).await.unwrap().len(), 2);
    store::workspaces::delete(&db, "ws").await.unwrap();
    assert!(store::outbox::all(&db).await.unwrap().is_empty());
}
