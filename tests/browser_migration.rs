//! Schema migrations on real IndexedDB: a database written by the v1 app (frozen here, as
//! it shipped) is opened by this build, and every v1 record survives with its meaning; one
//! from a newer version is refused and left exactly as it was (version, stores, record).
#![cfg(target_arch = "wasm32")]

use attache::domain::note::Note;
use attache::domain::preferences::Preferences;
use attache::domain::workspace::Workspace;
use attache::store::{self, idb, Db};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{IdbDatabase, IdbObjectStoreParameters};

wasm_bindgen_test_configure!(run_in_browser);

const V1_WORKSPACES: &str = include_str!("fixtures/v1/workspaces.json");
const V1_PREFERENCES: &str = include_str!("fixtures/v1/preferences.json");

/// The v1 schema exactly as shipped, frozen: never import it from `src/`.
fn frozen_v1_schema(db: &IdbDatabase) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&"id".into());
    db.create_object_store_with_optional_parameters("workspaces", &by_id)?;
    db.create_object_store("settings")?;
    Ok(())
}

async fn write_v1_database(name: &str) {
    let req = idb::factory().unwrap().delete_database(name).unwrap();
    idb::request(&req).await.unwrap();
    let db = idb::open(name, 1, |db, _tx, _old| frozen_v1_schema(db), || {})
        .await
        .unwrap();
    let tx = idb::Tx::write(&db, &["workspaces", "settings"], idb::Durability::Strict).unwrap();
    let rows: js_sys::Array = js_sys::JSON::parse(V1_WORKSPACES).unwrap().unchecked_into();
    for row in rows.iter() {
        tx.store("workspaces").unwrap().put(&row).unwrap();
    }
    let prefs = js_sys::JSON::parse(V1_PREFERENCES).unwrap();
    tx.store("settings")
        .unwrap()
        .put_with_key(&prefs, &"preferences".into())
        .unwrap();
    tx.commit().await.unwrap();
    db.close();
}

#[wasm_bindgen_test]
async fn a_v1_database_opens_at_the_current_version_with_every_record_intact() {
    let name = "test-migration-v1";
    write_v1_database(name).await;

    let db = Db::open(name, || {}).await.unwrap();
    assert_eq!(db.version(), store::schema::VERSION);
    assert!(db.raw().object_store_names().contains(store::schema::NOTES));

    let mut got = store::workspaces::list(&db).await.unwrap();
    got.sort_by(|a, b| a.id.cmp(&b.id));
    let want: Vec<Workspace> = serde_json::from_str(V1_WORKSPACES).unwrap();
    assert_eq!(got, want);
    let prefs = store::preferences::load(&db).await.unwrap();
    assert_eq!(
        prefs,
        serde_json::from_str::<Preferences>(V1_PREFERENCES).unwrap()
    );
    db.close();
}

#[wasm_bindgen_test]
async fn after_migration_the_v2_stores_and_indexes_work_with_the_v1_workspaces() {
    let name = "test-migration-v2-stores";
    write_v1_database(name).await;
    let db = Db::open(name, || {}).await.unwrap();
    let ws = "6f1c2a9e-0001-4c1e-9d3a-000000000001";
    for i in 0..3 {
        let note = Note {
            id: format!("n{i}"),
            workspace_id: ws.into(),
            title: format!("t{i}"),
            text: String::new(),
            url: String::new(),
            created_at: i as f64,
        };
        store::notes::add(&db, &note).await.unwrap();
    }
    let page = store::notes::for_workspace(&db, ws, 2).await.unwrap();
    assert_eq!(page.total, 3);
    assert_eq!(
        page.items.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["n0", "n1"]
    );
    // the new index on the old store is filled with the v1 rows
    let tx = idb::Tx::read(db.raw(), &["workspaces"]).unwrap();
    let idx = tx
        .store("workspaces")
        .unwrap()
        .index(store::schema::WORKSPACES_BY_CREATED)
        .unwrap();
    let n = idb::request(&idx.count().unwrap()).await.unwrap();
    tx.finish().await.unwrap();
    assert_eq!(n.as_f64(), Some(3.0));
    db.close();
}

#[wasm_bindgen_test]
async fn a_database_from_a_newer_app_version_is_refused_without_touching_it() {
    let name = "test-newer-version";
    let req = idb::factory().unwrap().delete_database(name).unwrap();
    idb::request(&req).await.unwrap();
    let newer = store::schema::VERSION + 5;
    let db = idb::open(name, newer, |db, _, _| frozen_v1_schema(db), || {})
        .await
        .unwrap();
    let tx = idb::Tx::write(&db, &["workspaces"], idb::Durability::Strict).unwrap();
    let row = js_sys::JSON::parse(r#"{"id": "w-new", "name": "From the future", "created_at": 1}"#)
        .unwrap();
    tx.store("workspaces").unwrap().put(&row).unwrap();
    tx.commit().await.unwrap();
    db.close();
    let err = Db::open(name, || {}).await.unwrap_err();
    assert_eq!(err, store::StoreError::NewerVersion);
    // left as it was: its version, its stores and its record
    let db = idb::open(name, newer, |_, _, _| Ok(()), || {})
        .await
        .unwrap();
    assert_eq!(db.version() as u32, newer);
    assert_eq!(db.object_store_names().length(), 2, "no store added");
    let tx = idb::Tx::read(&db, &["workspaces"]).unwrap();
    let got = idb::request(
        &tx.store("workspaces")
            .unwrap()
            .get(&"w-new".into())
            .unwrap(),
    )
    .await
    .unwrap();
    tx.finish().await.unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&got).unwrap().as_string().unwrap(),
        r#"{"id":"w-new","name":"From the future","created_at":1}"#
    );
    db.close();
}
