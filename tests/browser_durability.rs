//! Every write that must not be lost runs in a `durability: "strict"` transaction, as the
//! browser itself reports it; and notes go with their workspace.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use attache::domain::backup::{Backup, Scope};
use attache::domain::note::Note;
use attache::domain::preferences::Preferences;
use attache::domain::workspace::Workspace;
use attache::store::{self, idb};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn ws(id: &str) -> Workspace {
    Workspace {
        id: id.into(),
        name: format!("Brand {id}"),
        created_at: 1.0,
    }
}

fn note(id: &str, ws: &str) -> Note {
    Note {
        id: id.into(),
        workspace_id: ws.into(),
        title: "t".into(),
        text: "x".into(),
        url: String::new(),
        created_at: 2.0,
    }
}

#[wasm_bindgen_test]
async fn workspace_settings_and_import_writes_are_strict() {
    let db = fresh_db("test-durability").await;
    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let log = seen.clone();
    idb::observe_write_transactions(Some(Box::new(move |tx| {
        let d = js_sys::Reflect::get(tx, &"durability".into()).unwrap();
        log.borrow_mut().push(d.as_string().unwrap_or_default());
    })));

    store::workspaces::put(&db, &ws("a")).await.unwrap();
    store::workspaces::delete(&db, "a").await.unwrap();
    store::preferences::save(&db, &Preferences::default())
        .await
        .unwrap();
    store::notes::add(&db, &note("n", "a")).await.unwrap();
    let mut b = Backup::new(Scope::All, 0.0);
    b.workspaces.push(ws("b"));
    store::backup::replace_all(&db, &b, Default::default())
        .await
        .unwrap();
    let new = attache::domain::backup::NewWorkspace {
        workspace: ws("c"),
        notes: vec![],
        posts: vec![],
        library: vec![],
        media: vec![],
        came_from: "c0".into(),
        members: vec![],
        forgotten: vec![],
        documents: vec![],
    };
    store::backup::add_workspace(&db, &new, Default::default())
        .await
        .unwrap();
    idb::observe_write_transactions(None);

    assert_eq!(*seen.borrow(), vec!["strict"; 6]);
    db.close();
}

#[wasm_bindgen_test]
async fn deleting_a_workspace_deletes_its_notes_and_only_its_notes() {
    let db = fresh_db("test-cascade").await;
    store::workspaces::put(&db, &ws("a")).await.unwrap();
    store::workspaces::put(&db, &ws("b")).await.unwrap();
    for (id, w) in [("n1", "a"), ("n2", "a"), ("n3", "b")] {
        store::notes::add(&db, &note(id, w)).await.unwrap();
    }
    store::workspaces::delete(&db, "a").await.unwrap();
    assert_eq!(
        store::notes::for_workspace(&db, "a", 10)
            .await
            .unwrap()
            .total,
        0
    );
    assert_eq!(
        store::notes::for_workspace(&db, "b", 10)
            .await
            .unwrap()
            .total,
        1
    );
    db.close();
}
