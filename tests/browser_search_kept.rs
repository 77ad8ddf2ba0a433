//! The search index kept for the next session, on real IndexedDB: a build kept and read
//! back finds the members and conversations it found, with the notes read again (one added
//! since found, one deleted since not); a copy of several chunks comes back byte for byte;
//! a damaged copy is not used; forgetting a member deletes the workspace's copy, and a build
//! read before someone was forgotten is not kept; deleting a workspace deletes its copy and
//! leaves the other's.
#![cfg(target_arch = "wasm32")]

use attache::domain::inbox::InboxItem;
use attache::domain::member_record::Forgotten;
use attache::domain::note::Note;
use attache::domain::search::Kind;
use attache::domain::workspace::Workspace;
use attache::services::search;
use attache::store::{self, Db};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn item(ws: &str, id: &str, name: &str, handle: &str, text: &str) -> InboxItem {
    serde_json::from_value(serde_json::json!({
        "id": format!("{ws}:{id}"), "workspace_id": ws, "account_id": "a", "network": "mastodon",
        "author_name": name, "author_handle": handle, "author_url": "https://x.test/@h",
        "html": format!("<p>{text}</p>"), "at": 1.0, "url": "https://x.test/1",
        "remote_id": id,
    }))
    .unwrap()
}

fn note(ws: &str, id: &str, title: &str) -> Note {
    Note {
        id: id.into(),
        workspace_id: ws.into(),
        title: title.into(),
        text: String::new(),
        url: String::new(),
        created_at: 6.0,
    }
}

/// A workspace with two people's messages and a note.
async fn furnished(db: &Db, ws: &str) {
    store::workspaces::put(
        db,
        &Workspace {
            id: ws.into(),
            name: format!("Espace {ws}"),
            created_at: 5.0,
        },
    )
    .await
    .unwrap();
    let items = [
        item(
            ws,
            "1",
            "Éloïse Martin",
            "@eloise@x.test",
            "Bravo pour la rentrée",
        ),
        item(
            ws,
            "2",
            "Dan",
            "@dan@x.test",
            "On peut venir avec des enfants ?",
        ),
    ];
    store::inbox::save_page_with(db, &items, &[], None)
        .await
        .unwrap();
    store::notes::add(db, &note(ws, &format!("{ws}-old"), "Salle réservée"))
        .await
        .unwrap();
}

/// The ids found for `q`, of `kind`.
fn found(index: &attache::domain::search::Index, q: &str, kind: Kind) -> Vec<String> {
    index
        .search(q, 10)
        .into_iter()
        .filter(|h| h.doc.kind == kind)
        .map(|h| h.doc.id.clone())
        .collect()
}

async fn built_and_kept(db: &Db, ws: &str) {
    let read = search::build(db, ws).await.unwrap();
    assert!(search::keep(db, ws, &read.index, read.from).await.unwrap());
}

#[wasm_bindgen_test]
async fn a_kept_index_comes_back_with_the_small_stores_read_again() {
    let db = fresh_db("test-kept-back").await;
    assert!(search::head_start(&db, "w").await.unwrap().is_none());
    furnished(&db, "w").await;
    built_and_kept(&db, "w").await;
    // Since: a note added, the old one deleted.
    store::notes::add(&db, &note("w", "w-new", "Fête des voisins"))
        .await
        .unwrap();
    store::notes::delete(&db, "w-old").await.unwrap();
    let index = search::head_start(&db, "w").await.unwrap().expect("kept");
    assert_eq!(found(&index, "eloise", Kind::Member).len(), 1);
    assert_eq!(found(&index, "enfants", Kind::Conversation).len(), 1);
    assert_eq!(found(&index, "fete", Kind::Note), vec!["w-new".to_string()]);
    assert!(found(&index, "salle", Kind::Note).is_empty());
}

#[wasm_bindgen_test]
async fn a_copy_of_several_chunks_comes_back_byte_for_byte_and_replaces_the_last() {
    let db = fresh_db("test-kept-chunks").await;
    let big: Vec<u8> = (0..store::kept::CHUNK * 2 + 12_345)
        .map(|i| (i % 251) as u8)
        .collect();
    assert!(store::kept::keep_search(&db, "w", &big, 1.0).await.unwrap());
    assert_eq!(store::kept::search(&db, "w").await.unwrap().unwrap(), big);
    let small = vec![7u8; 10];
    assert!(store::kept::keep_search(&db, "w", &small, 2.0)
        .await
        .unwrap());
    assert_eq!(store::kept::search(&db, "w").await.unwrap().unwrap(), small);
    // The chunks of the longer copy are gone: one record and its header.
    let count = store::records::count(&db, store::schema::KEPT)
        .await
        .unwrap();
    assert_eq!(count, 2);
}

#[wasm_bindgen_test]
async fn a_damaged_copy_is_not_used() {
    let db = fresh_db("test-kept-damaged").await;
    furnished(&db, "w").await;
    built_and_kept(&db, "w").await;
    let mut bytes = store::kept::search(&db, "w").await.unwrap().unwrap();
    bytes.truncate(bytes.len() - 3);
    assert!(store::kept::keep_search(&db, "w", &bytes, 1.0)
        .await
        .unwrap());
    assert!(search::head_start(&db, "w").await.unwrap().is_none());
}

#[wasm_bindgen_test]
async fn forgetting_a_member_deletes_the_copy_and_a_read_from_before_is_not_kept() {
    let db = fresh_db("test-kept-forget").await;
    furnished(&db, "w").await;
    let read = search::build(&db, "w").await.unwrap();
    assert!(search::keep(&db, "w", &read.index, read.from)
        .await
        .unwrap());
    let key = "mastodon:@dan@x.test";
    let plan = store::members::Forget {
        workspace_id: "w".into(),
        record_ids: vec![],
        handles: vec!["@dan@x.test".into()],
        threads: vec![],
        follow_ups_key: "follow-ups:w".into(),
        glance_key: "people-glance:w".into(),
        pictures_key: "member-pictures:w".into(),
        member_keys: vec![key.into()],
        marks: vec![Forgotten::new("w", key, read.from + 1.0)],
    };
    store::members::forget(&db, &plan).await.unwrap();
    assert!(store::kept::search(&db, "w").await.unwrap().is_none());
    // The build read before the forgetting ends after it: not kept.
    assert!(!search::keep(&db, "w", &read.index, read.from)
        .await
        .unwrap());
    assert!(search::head_start(&db, "w").await.unwrap().is_none());
    // A build read after it is kept, without them.
    let again = search::build(&db, "w").await.unwrap();
    assert!(search::keep(&db, "w", &again.index, plan.marks[0].at + 1.0)
        .await
        .unwrap());
    let index = search::head_start(&db, "w").await.unwrap().expect("kept");
    assert!(found(&index, "dan", Kind::Member).is_empty());
    assert_eq!(found(&index, "eloise", Kind::Member).len(), 1);
}

#[wasm_bindgen_test]
async fn deleting_a_workspace_deletes_its_copy_and_leaves_the_others() {
    let db = fresh_db("test-kept-delete").await;
    furnished(&db, "w").await;
    furnished(&db, "v").await;
    built_and_kept(&db, "w").await;
    built_and_kept(&db, "v").await;
    attache::services::workspaces::delete(&db, "w")
        .await
        .unwrap();
    assert!(store::kept::search(&db, "w").await.unwrap().is_none());
    let other = search::head_start(&db, "v").await.unwrap().expect("kept");
    assert_eq!(found(&other, "eloise", Kind::Member).len(), 1);
}
