//! The store in a real browser (headless Chromium): workspaces and preferences written
//! through `store/` come back as written, and survive closing and reopening the database.
#![cfg(target_arch = "wasm32")]

use attache::domain::locale::Lang;
use attache::domain::preferences::{Preferences, Theme};
use attache::domain::workspace::Workspace;
use attache::store::{self, Db};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn ws(id: &str, name: &str) -> Workspace {
    Workspace {
        id: id.into(),
        name: name.into(),
        created_at: 1_764_000_000_000.0,
    }
}

#[wasm_bindgen_test]
async fn a_workspace_written_is_read_back_after_reopening() {
    let name = "test-workspaces-roundtrip";
    let db = fresh_db(name).await;
    store::workspaces::put(&db, &ws("w1", "Café Lumière 👩‍💻"))
        .await
        .unwrap();
    store::workspaces::put(&db, &ws("w2", "Northwind"))
        .await
        .unwrap();
    db.close();

    let db = Db::open(name, || {}).await.unwrap();
    let mut list = store::workspaces::list(&db).await.unwrap();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(
        list,
        vec![ws("w1", "Café Lumière 👩‍💻"), ws("w2", "Northwind")]
    );
    db.close();
}

#[wasm_bindgen_test]
async fn a_rename_overwrites_and_a_delete_removes_only_that_workspace() {
    let db = fresh_db("test-workspaces-rename-delete").await;
    store::workspaces::put(&db, &ws("w1", "Old")).await.unwrap();
    store::workspaces::put(&db, &ws("w2", "Keep"))
        .await
        .unwrap();
    store::workspaces::put(&db, &ws("w1", "New")).await.unwrap();
    store::workspaces::delete(&db, "w2").await.unwrap();
    assert_eq!(
        store::workspaces::list(&db).await.unwrap(),
        vec![ws("w1", "New")]
    );
    db.close();
}

#[wasm_bindgen_test]
async fn preferences_default_on_first_run_and_persist_once_saved() {
    let name = "test-preferences";
    let db = fresh_db(name).await;
    assert_eq!(
        store::preferences::load(&db).await.unwrap(),
        Preferences::default()
    );
    let chosen = Preferences {
        lang: Some(Lang::Fr),
        theme: Theme::Dark,
        large_text: true,
        current_workspace: Some("w1".into()),
    };
    store::preferences::save(&db, &chosen).await.unwrap();
    db.close();
    let db = Db::open(name, || {}).await.unwrap();
    assert_eq!(store::preferences::load(&db).await.unwrap(), chosen);
    db.close();
}

#[wasm_bindgen_test]
async fn the_database_opens_at_the_schema_version_of_this_build() {
    let db = fresh_db("test-version").await;
    assert_eq!(db.version(), store::schema::VERSION);
    db.close();
}
