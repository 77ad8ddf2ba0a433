//! The passphrase lock on real IndexedDB and the browser's WebCrypto: set up, every token is
//! stored sealed (the stored record holds neither token in any form) and read back as it was;
//! locked, accounts can be neither read nor written and nothing stored changes; a wrong
//! passphrase is refused and counted (the sixth try waits, even with the right one); the
//! right one unlocks; a new passphrase rewrites the lock's document alone (the sealed tokens
//! are byte for byte the same) and the old one no longer opens; taking the lock off writes the
//! tokens in the clear again and removes its document. One test, in order: the lock's state is
//! the page's.
#![cfg(target_arch = "wasm32")]

use attache::domain::account::{Account, AccountStatus};
use attache::domain::lock::{is_sealed, LockConfig, LockState, Tries};
use attache::domain::network::Network;
use attache::services::lock::{self, LockError};
use attache::store::{self, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn bluesky(remote: &str) -> Account {
    Account {
        id: Account::make_id(Network::Bluesky, "https://pds.example", remote),
        workspace_id: "w".into(),
        network: Network::Bluesky,
        instance: "https://pds.example".into(),
        remote_id: remote.into(),
        handle: "@brand.example".into(),
        display_name: String::new(),
        avatar: String::new(),
        url: "https://bsky.app/profile/brand.example".into(),
        token: "access-jwt-0123456789".into(),
        refresh_token: "refresh-jwt-9876543210".into(),
        status: AccountStatus::Connected,
        rules: None,
        connected_at: 1.0,
        oauth: None,
    }
}

/// The account record exactly as IndexedDB holds it, as JSON text.
async fn stored_text(db: &store::Db, id: &str) -> String {
    let raw: Option<serde_json::Value> =
        store::records::get(db, store::schema::ACCOUNTS, &id.into())
            .await
            .unwrap();
    raw.expect("stored").to_string()
}

const RIGHT: &str = "correct horse battery";
const NEW: &str = "une autre phrase secrète";

#[wasm_bindgen_test]
async fn the_lock_seals_tokens_refuses_while_locked_counts_wrong_tries_and_changes_only_its_key() {
    let db = fresh_db("test-lock").await;
    assert_eq!(lock::start(&db, 0.0).await.unwrap(), LockState::Off);
    let a = bluesky("did:plc:one");
    store::accounts::put(&db, &a).await.unwrap();
    assert!(
        stored_text(&db, &a.id)
            .await
            .contains("access-jwt-0123456789"),
        "no lock: as given"
    );

    // set up: too short and mismatched passphrases refused, nothing written
    assert!(matches!(
        lock::turn_on(&db, "short", "short", 15).await,
        Err(LockError::Refused(_))
    ));
    assert!(lock::config(&db).await.unwrap().is_none());
    lock::turn_on(&db, RIGHT, RIGHT, 15).await.unwrap();
    assert_eq!(lock::state(), LockState::Open);
    let config: LockConfig = lock::config(&db).await.unwrap().unwrap();
    assert_eq!(
        (config.kdf.as_str(), config.iterations),
        ("PBKDF2-SHA-256", 600_000)
    );
    let sealed = stored_text(&db, &a.id).await;
    for secret in ["access-jwt", "0123456789", "refresh-jwt", "9876543210"] {
        assert!(!sealed.contains(secret), "{secret} in {sealed}");
    }
    let stored: Account = serde_json::from_str(&sealed).unwrap();
    assert!(is_sealed(&stored.token) && is_sealed(&stored.refresh_token));
    // read back as given; a second account written while unlocked is sealed too
    assert_eq!(store::accounts::get(&db, &a.id).await.unwrap().unwrap(), a);
    let b = Account {
        id: "bluesky:x:two".into(),
        token: "second-token-abc".into(),
        ..bluesky("did:plc:two")
    };
    store::accounts::put(&db, &b).await.unwrap();
    assert!(!stored_text(&db, &b.id).await.contains("second-token-abc"));
    assert_eq!(
        store::accounts::for_workspace(&db, "w")
            .await
            .unwrap()
            .len(),
        2
    );

    // locked: nothing read, nothing written, nothing changed
    lock::lock_now();
    assert_eq!(lock::state(), LockState::Locked);
    let before = stored_text(&db, &a.id).await;
    assert_eq!(
        store::accounts::get(&db, &a.id).await,
        Err(StoreError::Locked)
    );
    assert_eq!(
        store::accounts::for_workspace(&db, "w").await,
        Err(StoreError::Locked)
    );
    assert_eq!(store::accounts::put(&db, &a).await, Err(StoreError::Locked));
    assert_eq!(stored_text(&db, &a.id).await, before);

    // five wrong tries are refused and counted; the sixth waits, even with the right one
    for i in 1..=5 {
        match lock::unlock(&db, "not the passphrase", 1_000.0 * f64::from(i)).await {
            Err(LockError::Wrong { .. }) => {}
            other => panic!("wrong try {i}: {other:?}"),
        }
        assert_eq!(lock::state(), LockState::Locked);
    }
    let tries: Tries = store::settings_docs::get(&db, "lock-tries")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tries.wrong, 5);
    assert_eq!(
        lock::unlock(&db, RIGHT, 6_000.0).await,
        Err(LockError::Wait { until: 35_000.0 })
    );
    assert_eq!(lock::state(), LockState::Locked);
    assert_eq!(
        stored_text(&db, &a.id).await,
        before,
        "wrong tries change nothing"
    );

    // the right passphrase, once the wait is over: unlocked, tries forgotten
    lock::unlock(&db, RIGHT, 35_000.0).await.unwrap();
    assert_eq!(lock::state(), LockState::Open);
    assert_eq!(store::accounts::get(&db, &a.id).await.unwrap().unwrap(), a);
    let tries: Tries = store::settings_docs::get(&db, "lock-tries")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tries.wrong, 0);

    // a new passphrase: the lock's document alone is written again
    assert!(matches!(
        lock::change(&db, "not the passphrase", NEW, NEW, 40_000.0).await,
        Err(LockError::Wrong { .. })
    ));
    lock::change(&db, RIGHT, NEW, NEW, 41_000.0).await.unwrap();
    let changed: LockConfig = lock::config(&db).await.unwrap().unwrap();
    assert_ne!(changed.salt, config.salt);
    assert_ne!(changed.wrapped_key, config.wrapped_key);
    assert_eq!(
        stored_text(&db, &a.id).await,
        before,
        "the sealed tokens are the same"
    );
    lock::lock_now();
    assert!(matches!(
        lock::unlock(&db, RIGHT, 42_000.0).await,
        Err(LockError::Wrong { .. })
    ));
    lock::unlock(&db, NEW, 43_000.0).await.unwrap();
    assert_eq!(store::accounts::get(&db, &b.id).await.unwrap().unwrap(), b);

    // the lock taken off: tokens in the clear, its document gone
    assert!(matches!(
        lock::turn_off(&db, RIGHT, 44_000.0).await,
        Err(LockError::Wrong { .. })
    ));
    lock::turn_off(&db, NEW, 45_000.0).await.unwrap();
    assert_eq!(lock::state(), LockState::Off);
    assert!(lock::config(&db).await.unwrap().is_none());
    assert!(stored_text(&db, &a.id)
        .await
        .contains("access-jwt-0123456789"));
    assert!(stored_text(&db, &b.id).await.contains("second-token-abc"));
    assert_eq!(store::accounts::get(&db, &a.id).await.unwrap().unwrap(), a);
}

#[wasm_bindgen_test]
async fn an_encrypted_export_opens_with_its_passphrase_only_and_holds_the_export_exactly() {
    use attache::domain::backup::parse_backup;
    use attache::services::backup::{open_sealed, seal_export, Export, ImportFailure};
    let plain = include_str!("fixtures/backup.json");
    let file = Export {
        name: "attache-all-2026-12-06.json".into(),
        text: plain.into(),
        images: 0,
    };
    let sealed = seal_export(&file, RIGHT).await.unwrap();
    assert_eq!(sealed.name, "attache-all-2026-12-06.encrypted.json");
    let envelope: serde_json::Value = serde_json::from_str(&sealed.text).unwrap();
    assert_eq!(envelope["format"], "attache-encrypted-export");
    assert_eq!(envelope["iterations"], 600_000);
    // nothing of the export readable in the file
    let first_name = parse_backup(plain).unwrap().workspaces[0].name.clone();
    assert!(
        !sealed.text.contains(&first_name),
        "{first_name} in the encrypted file"
    );
    assert_eq!(
        open_sealed(&sealed.text, "not the passphrase").await,
        Err(ImportFailure::WrongPassphrase)
    );
    assert_eq!(
        open_sealed(&sealed.text, RIGHT).await.unwrap(),
        parse_backup(plain).unwrap()
    );
    // a file asking for a hundred million iterations is refused, not worked on
    let greedy = sealed.text.replace("600000", "100000000");
    assert!(matches!(
        open_sealed(&greedy, RIGHT).await,
        Err(ImportFailure::Invalid(_))
    ));
}

/// Another tab refreshing a Bluesky session while this one sets the passphrase: the setup
/// waits for the refresh (its Web Lock), and the tokens it seals are the refreshed ones. (The
/// other tab, which holds no key yet, writes them in the clear, as given.)
#[wasm_bindgen_test]
async fn setting_the_passphrase_waits_for_a_refresh_in_another_tab_and_seals_its_tokens() {
    use attache::services::{bluesky::session::refresh_lock, clock::sleep, tabs};
    let db = fresh_db("test-lock-refresh").await;
    lock::start(&db, 0.0).await.unwrap();
    let a = bluesky("did:plc:refreshing");
    store::accounts::put(&db, &a).await.unwrap();
    let refreshing = tabs::exclusive(&refresh_lock(&a.id)).await;
    let other_tab = async {
        // the refresh's round trip, well past the setup's own work
        sleep(1500.0).await;
        let mut fresh = a.clone();
        fresh.token = "access-jwt-refreshed-1".into();
        fresh.refresh_token = "refresh-jwt-refreshed-2".into();
        store::accounts::put_as_given(&db, &[fresh], |_| Ok(()))
            .await
            .unwrap();
        drop(refreshing);
    };
    let (set, ()) = futures::join!(lock::turn_on(&db, RIGHT, RIGHT, 15), other_tab);
    set.unwrap();
    let text = stored_text(&db, &a.id).await;
    assert!(!text.contains("refreshed"), "sealed: {text}");
    let read = store::accounts::get(&db, &a.id).await.unwrap().unwrap();
    assert_eq!(read.refresh_token, "refresh-jwt-refreshed-2");
    assert_eq!(read.token, "access-jwt-refreshed-1");
    lock::turn_off(&db, RIGHT, 1.0).await.unwrap();
}
