//! Conversations on real IndexedDB: the inbox's messages come back grouped with their
//! triage; a triage action on several conversations is saved in one transaction and read
//! back as saved; a workspace's triage goes with it and comes back with its undo.
#![cfg(target_arch = "wasm32")]

use attache::domain::conversation::{Change, Priority, TriageState};
use attache::domain::inbox::InboxItem;
use attache::domain::network::Network;
use attache::domain::workspace::Workspace;
use attache::services::conversations;
use attache::store::{self, idb, Db};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(name: &str) -> Db {
    let req = idb::factory().unwrap().delete_database(name).unwrap();
    idb::request(&req).await.unwrap();
    Db::open(name, || {}).await.unwrap()
}

fn item(ws: &str, remote: &str, parent: Option<&str>, at: f64) -> InboxItem {
    InboxItem {
        id: format!("mastodon:{ws}:{remote}"),
        workspace_id: ws.into(),
        account_id: "acc".into(),
        network: Network::Mastodon,
        author_name: format!("Auteur {remote}"),
        author_handle: "@a@example.org".into(),
        author_url: String::new(),
        html: "<p>Bonjour</p>".into(),
        text: String::new(),
        links: vec![],
        spoiler: String::new(),
        at,
        url: String::new(),
        in_reply_to: parent.map(str::to_string),
        post_id: None,
        remote_id: remote.into(),
        cid: String::new(),
        thread_root: None,
        thread_root_cid: None,
        visibility: "public".into(),
        mentions: vec![],
        answered_at: None,
        profile: Default::default(),
    }
}

async fn seeded(db: &Db, ws: &str) {
    store::workspaces::put(
        db,
        &Workspace {
            id: ws.into(),
            name: format!("Espace {ws}"),
            created_at: 1.0,
        },
    )
    .await
    .unwrap();
    let items = [
        item(ws, "1", Some("ours"), 10.0),
        item(ws, "2", Some("1"), 20.0),
        item(ws, "3", None, 30.0),
    ];
    store::inbox::save_page(db, &items, None).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_triage_action_on_two_conversations_is_saved_and_read_back_with_them() {
    let db = fresh("test-triage-saved").await;
    seeded(&db, "w").await;
    let list = conversations::load(&db, "w", 100.0).await.unwrap();
    assert_eq!(
        list.iter()
            .map(|c| (c.key.as_str(), c.items.len()))
            .collect::<Vec<_>>(),
        vec![("acc:3", 1), ("acc:ours", 2)]
    );
    assert!(list.iter().all(|c| c.standing.state == TriageState::Open));

    let both: Vec<_> = list.iter().map(|c| c.triage.clone()).collect();
    conversations::change(&db, both, &Change::Priority(Priority::Urgent))
        .await
        .unwrap();
    let one = vec![list[1].triage.clone()];
    let saved = conversations::change(&db, one, &Change::State(TriageState::Done))
        .await
        .unwrap();
    // The second change was made on the record as read before the first: the screen keeps
    // the record as saved, which is what it passes next time.
    assert_eq!(saved[0].priority, Priority::Normal);

    let again = conversations::load(&db, "w", 100_000_000_000_000.0)
        .await
        .unwrap();
    let thread = again.iter().find(|c| c.key == "acc:ours").unwrap();
    assert_eq!(thread.standing.state, TriageState::Done);
    assert_eq!(
        again
            .iter()
            .find(|c| c.key == "acc:3")
            .unwrap()
            .triage
            .priority,
        Priority::Urgent
    );
    assert_eq!(
        store::triage::for_workspace(&db, "w").await.unwrap().len(),
        2
    );
}

#[wasm_bindgen_test]
async fn a_deleted_workspace_takes_its_triage_and_its_undo_brings_it_back() {
    let db = fresh("test-triage-undo").await;
    seeded(&db, "gone").await;
    seeded(&db, "kept").await;
    for ws in ["gone", "kept"] {
        let list = conversations::load(&db, ws, 100.0).await.unwrap();
        let all = list.into_iter().map(|c| c.triage).collect();
        conversations::change(&db, all, &Change::Label("avis".into()))
            .await
            .unwrap();
    }
    let kept = store::workspaces::delete(&db, "gone").await.unwrap();
    assert!(store::triage::for_workspace(&db, "gone")
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store::triage::for_workspace(&db, "kept")
            .await
            .unwrap()
            .len(),
        2
    );
    store::set_aside::put_back(&db, &kept).await.unwrap();
    let back = store::triage::for_workspace(&db, "gone").await.unwrap();
    assert_eq!(back.len(), 2);
    assert!(back.iter().all(|t| t.labels == vec!["avis".to_string()]));
}
