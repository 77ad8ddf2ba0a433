//! Import writes all or nothing: an import stopped after some writes leaves the database
//! exactly as it was (the export before equals the export after).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use attache::domain::backup::{Backup, Scope};
use attache::domain::library::{queue_id, Body, LibraryItem};
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
    b
}

#[wasm_bindgen_test]
async fn an_import_aborted_after_some_writes_leaves_the_database_exactly_as_before() {
    let db = fresh_db("test-import-abort").await;
    replace_all(&db, &sample("old", 3, 5), ImportControl::default())
        .await
        .unwrap();
    let before = normalised(export_all(&db, 1.0).await.unwrap());

    let incoming = sample("new", 4, 50);
    let control = ImportControl {
        abort_after: Some(120),
        ..Default::default()
    };
    let err = replace_all(&db, &incoming, control).await.unwrap_err();
    assert_eq!(err, StoreError::Aborted);

    let after = normalised(export_all(&db, 2.0).await.unwrap());
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

    let after = normalised(export_all(&db, 0.0).await.unwrap());
    assert_eq!(after, normalised(incoming.clone()));
    let seen = seen.borrow().clone();
    // 3 workspaces, 3,000 notes, 6 posts, 6 library records, the preferences
    assert_eq!(seen.last(), Some(&(3016, 3016)));
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
    let one = store::backup::export_workspace(&db, "x-w1", 0.0)
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
