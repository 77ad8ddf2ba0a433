//! The figures objectives read, gathered from IndexedDB: each network's followers come from
//! its own account's latest snapshot, never from another network's newer one.
#![cfg(target_arch = "wasm32")]

use attache::domain::account::{Account, AccountStatus};
use attache::domain::inbox::MetricSnapshot;
use attache::domain::network::Network;
use attache::services::objectives::figures;
use attache::store;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn account(ws: &str, network: Network, instance: &str) -> Account {
    Account {
        id: Account::make_id(network, instance, "42"),
        workspace_id: ws.into(),
        network,
        instance: instance.into(),
        remote_id: "42".into(),
        handle: "@boulangerie".into(),
        display_name: String::new(),
        avatar: String::new(),
        url: String::new(),
        token: "token".into(),
        refresh_token: String::new(),
        status: AccountStatus::Connected,
        rules: None,
        connected_at: 1.0,
        oauth: None,
    }
}

fn followers(ws: &str, account: &Account, at: f64, n: u64) -> MetricSnapshot {
    MetricSnapshot {
        followers: n,
        ..MetricSnapshot::account(ws, &account.id, at)
    }
}

#[wasm_bindgen_test]
async fn each_network_reads_its_own_accounts_latest_followers() {
    let db = fresh_db("test-objective-figures").await;
    let ws = "bakery";
    let mastodon = account(ws, Network::Mastodon, "https://social.example");
    let bluesky = account(ws, Network::Bluesky, "https://pds.example");
    store::accounts::put(&db, &mastodon).await.unwrap();
    store::accounts::put(&db, &bluesky).await.unwrap();
    // Mastodon synced first (1,200 then 1,280), Bluesky last (2): the newest snapshot of the
    // workspace is Bluesky's.
    store::inbox::put_metrics(
        &db,
        &[
            followers(ws, &mastodon, 1_000.0, 1_200),
            followers(ws, &mastodon, 2_000.0, 1_280),
            followers(ws, &bluesky, 3_000.0, 2),
            // another workspace's account, newer still
            followers(
                "other",
                &account("other", Network::Mastodon, "https://x.example"),
                4_000.0,
                9,
            ),
        ],
    )
    .await
    .unwrap();
    let f = figures(&db, ws, 5_000.0).await.unwrap();
    let of = |n: Network| f.followers.iter().find(|(m, _)| *m == n).map(|(_, c)| *c);
    assert_eq!(of(Network::Mastodon), Some(1_280));
    assert_eq!(of(Network::Bluesky), Some(2));
    assert_eq!(of(Network::Threads), None);
}
