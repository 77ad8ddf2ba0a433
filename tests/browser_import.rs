//! Import writes all or nothing: an import stopped after some writes leaves the database
//! exactly as it was (the export before equals the export after).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use attache::domain::backup::{Backup, Scope};
use attache::domain::library::{queue_id, Body, LibraryItem};
use attache::domain::member_record::{Forgotten, MemberRecord};
use attache::domain::network::Network;
use attache::domain::note::Note;
use attache::domain::post::{Post, Variant};
use attache::domain::preferences::{Preferences, Theme};
use attache::domain::queue::Slot;
use attache::domain::workspace::Workspace;
use attache::store::backup::{export_all, replace_all, ImportControl};
use attache::store::{self, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn sample(prefix: &str, workspaces: usize, notes_each: usize) -> Backup {
    let mut b = Backup::new(Scope::All, 0.0);
    for w in 0..workspaces {
        let id = format!("{prefix}-w{w}");
        b.workspaces.push(Workspace {
            id: id.clone(),
            name: format!("{prefix} brand {w}"),
            created_at: w as f64,
        });
        for n in 0..notes_each {
            b.notes.push(Note {
                id: format!("{id}-n{n}"),
                workspace_id: id.clone(),
                title: format!("note {n}"),
                text: "é👍".repeat(20),
                url: String::new(),
                created_at: n as f64,
            });
        }
        let campaign = format!("{id}-c");
        b.library.push(LibraryItem {
            id: campaign.clone(),
            workspace_id: id.clone(),
            body: Body::Campaign {
                name: "Summer".into(),
                colour: "#047857".into(),
                created_at: 1.0,
            },
        });
        b.library.push(LibraryItem {
            id: queue_id(&id),
            workspace_id: id.clone(),
            body: Body::Queue {
                slots: vec![Slot::new(0, 540).unwrap()],
            },
        });
        for p in 0..2 {
            let mut post = Post::new(format!("{id}-p{p}"), id.clone(), 1.0);
            post.base_text = format!("Post {p} ☕ https://example.org/{p}");
            post.variants = vec![Variant::new(Network::Mastodon), Variant::new(Network::X)];
            post.campaigns = vec![campaign.clone()];
            post.due_at = Some(1_800_000_000_000.0 + p as f64);
            b.posts.push(post);
        }
    }
    // What each workspace keeps about one member.
    b.members = Some(
        b.workspaces
            .iter()
            .map(|w| {
                let mut r = MemberRecord::new(&w.id, "mastodon:dan@x.test", 1.0);
                r.tags = vec!["ambassadeur".into()];
                r
            })
            .collect(),
    );
    b.preferences = Some(Preferences {
        theme: Theme::Dark,
        current_workspace: Some(format!("{prefix}-w0")),
        ..Default::default()
    });
    b
}

fn normalised(mut b: Backup) -> Backup {
    b.exported_at = 0.0;
    b.workspaces.sort_by(|x, y| x.id.cmp(&y.id));
    b.notes.sort_by(|x, y| x.id.cmp(&y.id));
    b.posts.sort_by(|x, y| x.id.cmp(&y.id));
    b.library.sort_by(|x, y| x.id.cmp(&y.id));
    if let Some(m) = &mut b.members {
        m.sort_by(|x, y| x.id.cmp(&y.id));
    }
    b.forgotten.sort_by(|x, y| x.id.cmp(&y.id));
    b
}

#[wasm_bindgen_test]
async fn an_import_aborted_after_some_writes_leaves_the_database_exactly_as_before() {
    let db = fresh_db("test-import-abort").await;
    replace_all(&db, &sample("old", 3, 5), ImportControl::default())
        .await
        .unwrap();
    let before = normalised(export_all(&db, 1.0).await.unwrap().0);

    let incoming = sample("new", 4, 50);
    let control = ImportControl {
        abort_after: Some(120),
        ..Default::default()
    };
    let err = replace_all(&db, &incoming, control).await.unwrap_err();
    assert_eq!(err, StoreError::Aborted);

    let after = normalised(export_all(&db, 2.0).await.unwrap().0);
    assert_eq!(after, before);
    db.close();
}

#[wasm_bindgen_test]
async fn a_full_import_replaces_everything_and_reports_progress_to_the_end() {
    let db = fresh_db("test-import-full").await;
    replace_all(&db, &sample("old", 2, 3), ImportControl::default())
        .await
        .unwrap();
    let incoming = sample("new", 3, 1000);
    let seen: Rc<RefCell<Vec<(usize, usize)>>> = Rc::default();
    let log = seen.clone();
    let control = ImportControl {
        progress: Some(Rc::new(move |d, t| log.borrow_mut().push((d, t)))),
        ..Default::default()
    };
    replace_all(&db, &incoming, control).await.unwrap();

    let after = normalised(export_all(&db, 0.0).await.unwrap().0);
    assert_eq!(after, normalised(incoming.clone()));
    let seen = seen.borrow().clone();
    // 3 workspaces, 3,000 notes, 6 posts, 6 library records, 3 member records, the
    // preferences
    assert_eq!(seen.last(), Some(&(3019, 3019)));
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
    assert_eq!(store::workspaces::list(&db).await.unwrap().len(), 3);
    db.close();
}

#[wasm_bindgen_test]
async fn a_workspace_export_holds_that_workspace_its_notes_posts_and_library_only() {
    let db = fresh_db("test-export-workspace").await;
    replace_all(&db, &sample("x", 2, 4), ImportControl::default())
        .await
        .unwrap();
    let (one, _) = store::backup::export_workspace(&db, "x-w1", 0.0)
        .await
        .unwrap();
    assert_eq!(one.scope, Scope::Workspace);
    assert_eq!(one.workspaces.len(), 1);
    assert_eq!(one.notes.len(), 4);
    assert!(one.notes.iter().all(|n| n.workspace_id == "x-w1"));
    assert_eq!(one.posts.len(), 2);
    assert!(one.posts.iter().all(|p| p.workspace_id == "x-w1"));
    assert_eq!(one.library.len(), 2);
    assert!(one.library.iter().all(|i| i.workspace_id == "x-w1"));
    assert!(one.preferences.is_none());
    db.close();
}

#[wasm_bindgen_test]
async fn deleting_a_workspace_deletes_its_library_and_only_its_library() {
    let db = fresh_db("test-delete-library").await;
    replace_all(&db, &sample("d", 2, 1), ImportControl::default())
        .await
        .unwrap();
    store::workspaces::delete(&db, "d-w0").await.unwrap();
    assert!(store::library::for_workspace(&db, "d-w0")
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store::library::slots(&db, "d-w1").await.unwrap(),
        vec![Slot::new(0, 540).unwrap()]
    );
    assert_eq!(
        store::library::for_workspace(&db, "d-w1")
            .await
            .unwrap()
            .len(),
        2
    );
    db.close();
}

/// A one-pixel PNG's bytes, then two bytes that are not valid UTF-8 (the file must carry
/// bytes, not text).
const IMAGE: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe,
];

#[wasm_bindgen_test]
async fn an_export_carries_every_image_s_bytes_and_an_import_elsewhere_restores_them() {
    use attache::domain::backup::{as_new_workspace, parse_backup, MediaFile};
    use attache::domain::post::MediaRef;
    let db = fresh_db("test-export-media").await;
    let mut b = sample("m", 1, 1);
    b.version = attache::domain::backup::VERSION;
    let post = b.posts[0].id.clone();
    b.posts[0].variants[0].media.push(MediaRef {
        id: "img-1".into(),
        mime: "image/png".into(),
        bytes: IMAGE.len() as u64,
        alt: "La vitrine".into(),
    });
    b.media
        .push(MediaFile::new("img-1", &post, "image/png", IMAGE));
    replace_all(&db, &b, ImportControl::default())
        .await
        .unwrap();
    let stored = store::posts::get_media(&db, "img-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.size() as usize, IMAGE.len());
    assert_eq!(stored.type_(), "image/png");

    // the file the user downloads carries the bytes
    let export = attache::services::backup::export(&db, None).await.unwrap();
    assert_eq!(export.images, 1);
    assert_eq!(export.size(), export.text.len());
    let file = parse_backup(&export.text).unwrap();
    assert_eq!(file.media.len(), 1);
    assert_eq!(file.media[0].bytes().unwrap(), IMAGE);
    assert_eq!(file.media[0].post_id, post);

    // on another profile: a fresh database gets the post and its image
    let other = fresh_db("test-export-media-other").await;
    replace_all(&other, &file, ImportControl::default())
        .await
        .unwrap();
    let restored = store::posts::get_media(&other, "img-1")
        .await
        .unwrap()
        .unwrap();
    let buffer = wasm_bindgen_futures::JsFuture::from(restored.array_buffer())
        .await
        .unwrap();
    assert_eq!(js_sys::Uint8Array::new(&buffer).to_vec(), IMAGE);

    // the same workspace added a second time gets its own copy of the image
    let mut one = file.clone();
    one.scope = Scope::Workspace;
    let mut n = 0;
    let new = as_new_workspace(&one, &["m brand 0".to_string()], || {
        n += 1;
        format!("fresh-{n}")
    })
    .unwrap();
    store::backup::add_workspace(&other, &new, ImportControl::default())
        .await
        .unwrap();
    let copy = &new.posts[0].variants[0].media[0].id;
    assert_ne!(copy, "img-1");
    assert!(store::posts::get_media(&other, copy)
        .await
        .unwrap()
        .is_some());
    assert!(store::posts::get_media(&other, "img-1")
        .await
        .unwrap()
        .is_some());
    db.close();
    other.close();
}

#[wasm_bindgen_test]
async fn member_records_travel_in_the_export_but_a_forgotten_member_never_comes_back() {
    let db = fresh_db("test-import-members").await;
    let mut made_before = sample("b", 1, 1);
    let ws = made_before.workspaces[0].id.clone();
    let mut erin = MemberRecord::new(&ws, "mastodon:erin@x.test", 1.0);
    erin.tags = vec!["refund".into()];
    made_before.members.as_mut().unwrap().push(erin.clone());
    replace_all(&db, &made_before, ImportControl::default())
        .await
        .unwrap();
    let exported = export_all(&db, 1.0).await.unwrap().0;
    assert_eq!(exported.members.as_ref().map(Vec::len), Some(2));

    // Erin is forgotten on this device; the file made before still holds her record.
    let mark = Forgotten::new(&ws, "mastodon:erin@x.test", 2.0);
    let plan = store::members::Forget {
        workspace_id: ws.clone(),
        record_ids: vec![erin.id.clone()],
        handles: vec!["erin@x.test".into()],
        threads: vec![],
        follow_ups_key: format!("follow-ups:{ws}"),
        glance_key: format!("people-glance:{ws}"),
        pictures_key: format!("member-pictures:{ws}"),
        member_keys: vec![erin.key.clone()],
        marks: vec![mark.clone()],
    };
    store::members::forget(&db, &plan).await.unwrap();
    replace_all(&db, &made_before, ImportControl::default())
        .await
        .unwrap();
    let after = export_all(&db, 3.0).await.unwrap().0;
    let keys: Vec<&str> = after
        .members
        .iter()
        .flatten()
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(keys, vec!["mastodon:dan@x.test"]);
    assert_eq!(after.forgotten, vec![mark], "the mark stays");

    // A file from before member records (version 2) leaves those on the device.
    let mut older = made_before.clone();
    older.members = None;
    older.forgotten = vec![];
    replace_all(&db, &older, ImportControl::default())
        .await
        .unwrap();
    let kept = export_all(&db, 4.0).await.unwrap().0;
    assert_eq!(kept.members.map(|m| m.len()), Some(1));
    db.close();
}

#[wasm_bindgen_test]
async fn the_workspaces_settings_documents_travel_and_a_full_import_replaces_them() {
    use serde_json::json;
    let db = fresh_db("test-import-documents").await;
    let mut file = sample("d", 1, 0);
    file.version = attache::domain::backup::VERSION;
    let ws = file.workspaces[0].id.clone();
    replace_all(&db, &file, ImportControl::default())
        .await
        .unwrap();
    let follow_ups = json!([{ "id": "f1", "member_key": "mastodon:dan@x.test", "member_name": "Dan",
        "what": "Rappeler", "due": 9, "created_at": 1 }]);
    store::settings_docs::put(&db, &format!("follow-ups:{ws}"), &follow_ups)
        .await
        .unwrap();
    store::settings_docs::put(&db, &format!("segments:{ws}"), &json!([]))
        .await
        .unwrap();
    // Worked out again by the device: not carried.
    store::settings_docs::put(&db, &format!("people-glance:{ws}"), &json!({ "rows": [] }))
        .await
        .unwrap();
    let exported = export_all(&db, 1.0).await.unwrap().0;
    let kinds: Vec<&str> = exported.documents.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds, vec!["follow-ups", "segments"]);
    assert_eq!(exported.documents[0].value, follow_ups);

    // Changed on the device since; the file's come back, and one the file has not is gone.
    store::settings_docs::put(&db, &format!("follow-ups:{ws}"), &json!([]))
        .await
        .unwrap();
    store::settings_docs::put(&db, &format!("listening:{ws}"), &json!([]))
        .await
        .unwrap();
    replace_all(&db, &exported, ImportControl::default())
        .await
        .unwrap();
    let back: Option<serde_json::Value> =
        store::settings_docs::get(&db, &format!("follow-ups:{ws}"))
            .await
            .unwrap();
    assert_eq!(back, Some(follow_ups.clone()));
    let listening: Option<serde_json::Value> =
        store::settings_docs::get(&db, &format!("listening:{ws}"))
            .await
            .unwrap();
    assert_eq!(listening, None, "a full import replaces the documents");
    let glance: Option<serde_json::Value> =
        store::settings_docs::get(&db, &format!("people-glance:{ws}"))
            .await
            .unwrap();
    assert!(glance.is_some(), "what is not carried is left alone");

    // An older file leaves the device's documents as they are.
    let mut older = exported.clone();
    older.version = 3;
    older.documents = vec![];
    replace_all(&db, &older, ImportControl::default())
        .await
        .unwrap();
    let still: Option<serde_json::Value> =
        store::settings_docs::get(&db, &format!("follow-ups:{ws}"))
            .await
            .unwrap();
    assert_eq!(still, Some(follow_ups));
    db.close();
}
