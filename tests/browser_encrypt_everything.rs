//! "Encrypt everything" on real IndexedDB and WebCrypto, one test in order (the lock's state
//! is the page's): with a passphrase set and everything encrypted, the database as IndexedDB
//! holds it — every store read raw — shows none of a workspace's words (its name, messages,
//! authors, signs, notes, follow-ups); everything reads back as written; forgetting a member
//! still finds their messages and signs through the hashed indexes; the search index kept is
//! sealed and comes back; locked, nothing can be read and a write is refused rather than kept
//! in the clear; unlocked, all of it again; turned off,
//! and with the lock taken off while everything was encrypted, every record is in the clear
//! again and reads whole.
#![cfg(target_arch = "wasm32")]

use attache::domain::follow_up::FollowUp;
use attache::domain::inbox::InboxItem;
use attache::domain::interaction::{Interaction, InteractionKind};
use attache::domain::lock::LockState;
use attache::domain::member_record::Forgotten;
use attache::domain::network::Network;
use attache::domain::note::Note;
use attache::domain::workspace::Workspace;
use attache::services::lock::{self, everything};
use attache::services::search;
use attache::store::idb::{request, Tx};
use attache::store::{self, Db, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

const RIGHT: &str = "correct horse battery";

/// Words of the workspace that must not be readable while everything is encrypted.
const SECRETS: [&str; 7] = [
    "Espace confidentiel",
    "Bravo pour la rentrée",
    "Éloïse Martin",
    "eloise@x.test",
    "Salle réservée",
    "Rappeler Éloïse",
    "dan@x.test",
];

fn item(id: &str, name: &str, handle: &str, text: &str) -> InboxItem {
    serde_json::from_value(serde_json::json!({
        "id": format!("w:{id}"), "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": name, "author_handle": handle, "author_url": "https://x.test/@h",
        "html": format!("<p>{text}</p>"), "at": 1.0, "url": "https://x.test/1",
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
        who_name: "Éloïse Martin".into(),
        who_handle: handle.into(),
        who_url: "https://x.test/@h".into(),
        subject: None,
        at: 2.0,
        profile: Default::default(),
    }
}

async fn furnish(db: &Db) {
    store::workspaces::put(
        db,
        &Workspace {
            id: "w".into(),
            name: "Espace confidentiel".into(),
            created_at: 5.0,
        },
    )
    .await
    .unwrap();
    let items = [
        item(
            "1",
            "Éloïse Martin",
            "@eloise@x.test",
            "Bravo pour la rentrée",
        ),
        item(
            "2",
            "Dan",
            "@dan@x.test",
            "On peut venir avec des enfants ?",
        ),
    ];
    let signs = [sign("s1", "@eloise@x.test"), sign("s2", "@dan@x.test")];
    store::inbox::save_page_with(db, &items, &signs, None)
        .await
        .unwrap();
    store::notes::add(
        db,
        &Note {
            id: "n1".into(),
            workspace_id: "w".into(),
            title: "Salle réservée".into(),
            text: String::new(),
            url: String::new(),
            created_at: 6.0,
        },
    )
    .await
    .unwrap();
    let follow_up = FollowUp {
        id: "f1".into(),
        member_key: "mastodon:@eloise@x.test".into(),
        member_name: "Éloïse Martin".into(),
        what: "Rappeler Éloïse".into(),
        due: 9.0,
        created_at: 1.0,
        done_at: None,
    };
    store::settings_docs::put(db, "follow-ups:w", &vec![follow_up])
        .await
        .unwrap();
}

/// Every store as IndexedDB holds it, read raw (nothing opened), as JSON text.
async fn raw(db: &Db) -> String {
    let names = db.raw().object_store_names();
    let mut out = String::new();
    for i in 0..names.length() {
        let name = names.get(i).unwrap();
        let tx = Tx::read(db.raw(), &[name.as_str()]).unwrap();
        let all = request(&tx.store(&name).unwrap().get_all().unwrap())
            .await
            .unwrap();
        tx.finish().await.unwrap();
        let text: String = js_sys::JSON::stringify(&all).unwrap().into();
        out.push_str(&format!("{name}: {text}\n"));
    }
    out
}

fn readable(dump: &str) -> Vec<&'static str> {
    SECRETS.into_iter().filter(|s| dump.contains(s)).collect()
}

async fn read_back(db: &Db) {
    let ws = store::workspaces::list(db).await.unwrap();
    assert_eq!(ws[0].name, "Espace confidentiel");
    let items = store::inbox::all(db, "w").await.unwrap();
    let eloise = items.iter().find(|i| i.id == "w:1").expect("kept");
    assert_eq!(eloise.author_name, "Éloïse Martin");
    assert!(eloise.html.contains("Bravo pour la rentrée"));
    let notes = store::notes::latest(db, "w", 10).await.unwrap();
    assert_eq!(notes.items[0].title, "Salle réservée");
    let follow_ups: Vec<FollowUp> = store::settings_docs::get(db, "follow-ups:w")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(follow_ups.len(), 1);
}

#[wasm_bindgen_test]
async fn everything_encrypted_shows_nothing_readable_reads_whole_and_comes_back_in_the_clear() {
    let db = fresh_db("test-encrypt-everything").await;
    assert_eq!(lock::start(&db, 0.0).await.unwrap(), LockState::Off);
    furnish(&db).await;
    assert_eq!(
        readable(&raw(&db).await),
        SECRETS,
        "the control: all readable"
    );

    // Without a passphrase there is nothing to encrypt with.
    assert!(everything::turn_on(&db, &|_, _| {}).await.is_err());
    lock::turn_on(&db, RIGHT, RIGHT, 15).await.unwrap();
    assert!(!everything::is_on());
    let written = everything::turn_on(&db, &|_, _| {}).await.unwrap();
    assert!(everything::is_on());
    // the workspace, two messages, the note, the pack of two signs, the follow-ups
    assert_eq!(written, 6, "every record and document written again");
    let dump = raw(&db).await;
    assert_eq!(readable(&dump), Vec::<&str>::new(), "{dump}");
    assert!(dump.contains("~sealed"));
    read_back(&db).await;

    // Written while on: sealed too, and the search index kept sealed comes back.
    store::inbox::save_page_with(
        &db,
        &[item("3", "Dan", "@dan@x.test", "Merci pour le concert")],
        &[],
        None,
    )
    .await
    .unwrap();
    let read = search::build(&db, "w").await.unwrap();
    assert!(search::keep(&db, "w", &read.index, read.from)
        .await
        .unwrap());
    let dump = raw(&db).await;
    assert!(!dump.contains("Merci pour le concert"));
    assert!(dump.contains("\"sealed\":true"), "the kept index is sealed");
    let index = search::head_start(&db, "w").await.unwrap().expect("kept");
    assert!(!index.search("concert", 5).is_empty());

    // Locked: nothing can be read, and the lock's own document still can.
    lock::lock_now();
    assert_eq!(lock::state(), LockState::Locked);
    assert!(matches!(
        store::inbox::all(&db, "w").await,
        Err(StoreError::Locked)
    ));
    assert!(matches!(
        store::workspaces::list(&db).await,
        Err(StoreError::Locked)
    ));
    assert!(lock::config(&db).await.unwrap().is_some());
    // A write under way when the lock came is refused, not kept in the clear.
    let late = item("4", "Dan", "@dan@x.test", "Écrit pendant le verrou");
    assert!(matches!(
        store::inbox::save_page_with(&db, &[late], &[], None).await,
        Err(StoreError::Locked)
    ));
    assert!(!raw(&db).await.contains("pendant le verrou"));
    lock::unlock(&db, RIGHT, 1.0).await.unwrap();
    assert!(everything::is_on(), "unlocking opens the records' key too");
    read_back(&db).await;

    // Forgetting finds Éloïse's message and sign through the hashed indexes.
    let plan = store::members::Forget {
        workspace_id: "w".into(),
        record_ids: vec![],
        handles: vec!["@eloise@x.test".into()],
        threads: vec![],
        follow_ups_key: "follow-ups:w".into(),
        glance_key: "people-glance:w".into(),
        pictures_key: "member-pictures:w".into(),
        member_keys: vec!["mastodon:@eloise@x.test".into()],
        marks: vec![Forgotten::new("w", "mastodon:@eloise@x.test", 10.0)],
    };
    let erased = store::members::forget(&db, &plan).await.unwrap();
    assert_eq!((erased.messages, erased.signs), (1, 1));

    // Off: every record in the clear again.
    everything::turn_off(&db, &|_, _| {}).await.unwrap();
    assert!(!everything::is_on());
    let dump = raw(&db).await;
    assert!(
        !dump.contains("~sealed") && !dump.contains("sealed2:"),
        "{dump}"
    );
    assert!(dump.contains("Merci pour le concert"));
    assert!(dump.contains("Espace confidentiel"));
    let items = store::inbox::all(&db, "w").await.unwrap();
    assert_eq!(items.len(), 3);

    // On again, then the lock taken off: everything is written in the clear first.
    everything::turn_on(&db, &|_, _| {}).await.unwrap();
    assert!(!raw(&db).await.contains("Merci pour le concert"));
    lock::turn_off(&db, RIGHT, 2.0).await.unwrap();
    assert_eq!(lock::state(), LockState::Off);
    let dump = raw(&db).await;
    assert!(
        !dump.contains("~sealed") && !dump.contains("sealed2:"),
        "{dump}"
    );
    assert!(dump.contains("Merci pour le concert"));
    assert_eq!(store::inbox::all(&db, "w").await.unwrap().len(), 3);
    assert_eq!(
        store::workspaces::list(&db).await.unwrap()[0].name,
        "Espace confidentiel"
    );
}
