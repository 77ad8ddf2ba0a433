//! Frozen databases of every past schema version open with all their records, on real
//! IndexedDB. For each version v2…v12, `tests/fixtures/v{K}/<store>.json` holds records as the
//! build that introduced that version wrote them (made with that commit's own types; see
//! `tests/fixtures/README.md`). Each is written raw (its JSON parsed by the browser, no type
//! of today in between) into a database made by the migrations that shipped up to it
//! (`MIGRATIONS[..K]`), which this build then opens. Asserted, per version:
//! - the database opens at [`schema::VERSION`];
//! - every store holds as many records as its fixture (the signs of v9 and v10, one record
//!   each, are counted in their packs since v11: as many signs as the fixture had; v11's and
//!   v12's packs, as many packs and signs);
//! - every record is read back by its key as today's type (`records::get`, the preferences by
//!   `preferences::load`, the signs by `interactions::all`), and every field the fixture had
//!   keeps its value, at any depth (numbers compared as numbers; a field today's type adds is
//!   not compared). No migration renamed or transformed a field; the one move is v11's, of
//!   the signs into packs, and each sign keeps every field it had;
//! - records written = records opened, logged as "vK: N records, N opened", and 209 in all.
//!
//! Two shipped migrations were changed after the commit that brought their version: v11's
//! (the move of the signs made in batches: same stores, same packs) and v8's (the signs'
//! store added one commit after 3a993a9). `MIGRATIONS[..8]` makes v8 as it was from bea8a29;
//! the second test makes it as 3a993a9 did, without that store, and asserts it opens too.
//! Not covered here: v1 (`browser_migration.rs`), the media Blobs (v3), the `kept` copies
//! (v12, made again from the records), and settings documents other than the preferences.
#![cfg(target_arch = "wasm32")]

use attache::domain::account::Account;
use attache::domain::conversation::Triage;
use attache::domain::inbox::{InboxItem, MetricSnapshot};
use attache::domain::library::LibraryItem;
use attache::domain::listening::Hit;
use attache::domain::member_record::{Forgotten, MemberRecord};
use attache::domain::note::Note;
use attache::domain::outbox::OutboxItem;
use attache::domain::post::Post;
use attache::domain::thread_context::ThreadContext;
use attache::domain::workspace::Workspace;
use attache::store::schema::{self, MIGRATIONS};
use attache::store::{idb, interactions, preferences, records, Db};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

wasm_bindgen_test_configure!(run_in_browser);

/// One version's frozen stores: `(version, [(store, its records as JSON)])`.
type Fixture = (u32, &'static [(&'static str, &'static str)]);

macro_rules! fixture {
    ($v:literal: $($store:literal),+ $(,)?) => {
        ($v, &[$(($store, include_str!(concat!("fixtures/v", $v, "/", $store, ".json")))),+])
    };
}

const FIXTURES: [Fixture; 11] = [
    fixture!(2: "workspaces", "settings", "notes"),
    fixture!(3: "workspaces", "settings", "notes", "posts"),
    fixture!(4: "workspaces", "settings", "notes", "posts", "library"),
    fixture!(5: "workspaces", "settings", "notes", "posts", "library", "accounts", "inbox",
        "metrics"),
    fixture!(6: "workspaces", "settings", "notes", "posts", "library", "accounts", "inbox",
        "metrics", "outbox"),
    fixture!(7: "workspaces", "settings", "notes", "posts", "library", "accounts", "inbox",
        "metrics", "outbox", "triage"),
    fixture!(8: "workspaces", "settings", "notes", "posts", "library", "accounts", "inbox",
        "metrics", "outbox", "triage", "threads"),
    fixture!(9: "workspaces", "settings", "notes", "posts", "library", "accounts", "inbox",
        "metrics", "outbox", "triage", "threads", "interactions", "members", "forgotten"),
    fixture!(10: "workspaces", "settings", "notes", "posts", "library", "accounts", "inbox",
        "metrics", "outbox", "triage", "threads", "interactions", "members", "forgotten", "hits"),
    fixture!(11: "workspaces", "settings", "notes", "posts", "library", "accounts", "inbox",
        "metrics", "outbox", "triage", "threads", "sign_packs", "members", "forgotten", "hits"),
    fixture!(12: "workspaces", "settings", "notes", "posts", "library", "accounts", "inbox",
        "metrics", "outbox", "triage", "threads", "sign_packs", "members", "forgotten", "hits"),
];

fn rows(text: &str) -> Vec<Value> {
    match serde_json::from_str(text).unwrap() {
        Value::Array(rows) => rows,
        other => panic!("a fixture is one JSON array, not {other}"),
    }
}

/// A database at `version`, made by the migrations that shipped up to it, with the frozen
/// records written raw: the fixture's JSON parsed by the browser, as the old build's
/// `JSON.parse` of its own `serde_json` text gave them. The settings' rows are
/// `{ "key", "value" }`: the value kept under its out-of-line key.
async fn write_at(name: &str, version: u32, stores: &[(&str, &str)]) -> usize {
    make(name, version, move |db, tx, old| {
        for m in &MIGRATIONS[old as usize..version as usize] {
            m(db, tx)?;
        }
        Ok(())
    })
    .await;
    fill(name, version, stores).await
}

/// A new database `name` at `version`, made by `schema`.
async fn make(
    name: &str,
    version: u32,
    schema: impl FnOnce(&IdbDatabase, &IdbTransaction, u32) -> Result<(), JsValue> + 'static,
) {
    let req = idb::factory().unwrap().delete_database(name).unwrap();
    idb::request(&req).await.unwrap();
    idb::open(name, version, schema, || {})
        .await
        .unwrap()
        .close();
}

/// Writes the frozen records into the database `name`, at `version`. Returns how many.
async fn fill(name: &str, version: u32, stores: &[(&str, &str)]) -> usize {
    let db = idb::open(name, version, |_, _, _| Ok(()), || {})
        .await
        .unwrap();
    let names: Vec<&str> = stores.iter().map(|(s, _)| *s).collect();
    let tx = idb::Tx::write(&db, &names, idb::Durability::Strict).unwrap();
    let mut written = 0;
    for (store, text) in stores {
        let rows: js_sys::Array = js_sys::JSON::parse(text).unwrap().unchecked_into();
        for row in rows.iter() {
            let target = tx.store(store).unwrap();
            if *store == schema::SETTINGS {
                let key = js_sys::Reflect::get(&row, &"key".into()).unwrap();
                let value = js_sys::Reflect::get(&row, &"value".into()).unwrap();
                target.put_with_key(&value, &key).unwrap();
            } else {
                target.put(&row).unwrap();
            }
            written += 1;
        }
    }
    tx.commit().await.unwrap();
    db.close();
    written
}

/// Every field of `old`, at any depth, is in `now` with the same value (numbers as numbers;
/// arrays of the same length, item by item). Fields only `now` has are not compared.
fn kept(old: &Value, now: &Value, at: &str) {
    match (old, now) {
        (Value::Object(old), Value::Object(now)) => {
            for (field, value) in old {
                let found = now
                    .get(field)
                    .unwrap_or_else(|| panic!("{at}.{field} is gone (was {value})"));
                kept(value, found, &format!("{at}.{field}"));
            }
        }
        (Value::Array(old), Value::Array(now)) => {
            assert_eq!(old.len(), now.len(), "{at}: {old:?} became {now:?}");
            for (i, (o, n)) in old.iter().zip(now).enumerate() {
                kept(o, n, &format!("{at}[{i}]"));
            }
        }
        (Value::Number(o), Value::Number(n)) => {
            assert_eq!(o.as_f64(), n.as_f64(), "{at}");
        }
        _ => assert_eq!(old, now, "{at}"),
    }
}

/// Each frozen record of `store` read back by its key as today's `T`, every field kept.
/// Returns how many opened.
async fn each_as<T: DeserializeOwned + Serialize>(
    db: &Db,
    store: &str,
    rows: &[Value],
    version: u32,
) -> usize {
    let mut opened = 0;
    for row in rows {
        let id = row["id"].as_str().unwrap();
        let record: T = records::get(db, store, &id.into())
            .await
            .unwrap_or_else(|e| panic!("v{version} {store} {id} does not open: {e}"))
            .unwrap_or_else(|| panic!("v{version} {store} {id} is missing"));
        kept(
            row,
            &serde_json::to_value(&record).unwrap(),
            &format!("v{version} {store} {id}"),
        );
        opened += 1;
    }
    opened
}

/// The signs of these rows (v9 and v10: one record each; since v11: packs whose `signs` is
/// one JSON text), each found among the workspace's signs read by `interactions::all` with
/// every field it had. Returns how many of the rows opened.
async fn signs(db: &Db, store: &str, rows: &[Value], version: u32) -> usize {
    let mut opened = 0;
    for row in rows {
        let frozen = if store == schema::SIGN_PACKS {
            rows_in_pack(row)
        } else {
            vec![row.clone()]
        };
        let ws = row["workspace_id"].as_str().unwrap();
        let now = interactions::all(db, ws)
            .await
            .unwrap_or_else(|e| panic!("v{version} signs of {ws} do not open: {e}"));
        for sign in &frozen {
            let id = sign["id"].as_str().unwrap();
            let found = now
                .iter()
                .find(|s| s.id == id)
                .unwrap_or_else(|| panic!("v{version} sign {id} is missing"));
            kept(
                sign,
                &serde_json::to_value(found).unwrap(),
                &format!("v{version} sign {id}"),
            );
        }
        opened += 1;
    }
    opened
}

fn rows_in_pack(pack: &Value) -> Vec<Value> {
    rows(
        pack["signs"]
            .as_str()
            .expect("a pack's signs are one JSON text"),
    )
}

/// How many signs the workspaces of these rows hold now, in their packs.
async fn signs_now(db: &Db, rows: &[Value]) -> usize {
    let mut workspaces: Vec<&str> = rows
        .iter()
        .map(|r| r["workspace_id"].as_str().unwrap())
        .collect();
    workspaces.sort();
    workspaces.dedup();
    let mut n = 0;
    for ws in workspaces {
        n += interactions::all(db, ws).await.unwrap().len();
    }
    n
}

/// Opens the database `name` (frozen at `version` with `stores`) with this build and reads
/// every record back as today's type. Returns how many opened.
async fn check(name: &str, version: u32, stores: &[(&str, &str)]) -> usize {
    let db = Db::open(name, || {})
        .await
        .unwrap_or_else(|e| panic!("v{version} does not open: {e}"));
    assert_eq!(db.version(), schema::VERSION, "from v{version}");
    let mut opened = 0;
    for (store, text) in stores {
        let rows = rows(text);
        match *store {
            schema::INTERACTIONS | schema::SIGN_PACKS => {
                let frozen: usize = if *store == schema::SIGN_PACKS {
                    rows.iter().map(|p| rows_in_pack(p).len()).sum()
                } else {
                    rows.len()
                };
                assert_eq!(signs_now(&db, &rows).await, frozen, "v{version} signs");
                if *store == schema::SIGN_PACKS {
                    let packs = records::count(&db, store).await.unwrap() as usize;
                    assert_eq!(packs, rows.len(), "v{version} packs");
                }
            }
            schema::SETTINGS => {}
            _ => assert_eq!(
                records::count(&db, store).await.unwrap() as usize,
                rows.len(),
                "v{version} {store}"
            ),
        }
        let db = &db;
        opened += match *store {
            schema::WORKSPACES => each_as::<Workspace>(db, store, &rows, version).await,
            schema::NOTES => each_as::<Note>(db, store, &rows, version).await,
            schema::POSTS => each_as::<Post>(db, store, &rows, version).await,
            schema::LIBRARY => each_as::<LibraryItem>(db, store, &rows, version).await,
            schema::ACCOUNTS => each_as::<Account>(db, store, &rows, version).await,
            schema::INBOX => each_as::<InboxItem>(db, store, &rows, version).await,
            schema::METRICS => each_as::<MetricSnapshot>(db, store, &rows, version).await,
            schema::OUTBOX => each_as::<OutboxItem>(db, store, &rows, version).await,
            schema::TRIAGE => each_as::<Triage>(db, store, &rows, version).await,
            schema::THREADS => each_as::<ThreadContext>(db, store, &rows, version).await,
            schema::MEMBERS => each_as::<MemberRecord>(db, store, &rows, version).await,
            schema::FORGOTTEN => each_as::<Forgotten>(db, store, &rows, version).await,
            schema::HITS => each_as::<Hit>(db, store, &rows, version).await,
            schema::INTERACTIONS | schema::SIGN_PACKS => signs(db, store, &rows, version).await,
            schema::SETTINGS => {
                let [row] = &rows[..] else {
                    panic!("v{version}: one settings document, the preferences")
                };
                assert_eq!(row["key"], "preferences");
                let prefs = preferences::load(db).await.unwrap();
                kept(
                    &row["value"],
                    &serde_json::to_value(&prefs).unwrap(),
                    &format!("v{version} preferences"),
                );
                1
            }
            other => panic!("no check for {other}"),
        };
    }
    db.close();
    opened
}

#[wasm_bindgen_test]
async fn every_frozen_record_of_every_past_version_opens_with_every_field_it_had() {
    let mut total = 0;
    for (version, stores) in FIXTURES {
        let name = format!("test-migrate-frozen-v{version}");
        let written = write_at(&name, version, stores).await;
        let opened = check(&name, version, stores).await;
        web_sys::console::log_1(&format!("v{version}: {written} records, {opened} opened").into());
        assert_eq!(opened, written, "v{version}: every record opens");
        total += written;
    }
    // v2 5, v3 7, v4 10, v5 16, v6 19, v7 21, v8 22, v9 27, v10 28, v11 27 (3 signs in 2 packs), v12 27.
    assert_eq!(total, 209);
}

/// v8 as 3a993a9, the commit that brought it, shipped it, frozen here: the threads only. The
/// signs' store came into `v7_to_v8` one commit later (bea8a29).
fn v7_to_v8_as_3a993a9(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&"id".into());
    db.create_object_store_with_optional_parameters("threads", &by_id)?
        .create_index_with_str("by_workspace", "workspace_id")?;
    Ok(())
}

/// A v8 database as 3a993a9 made it, without the store of signs, opens with every frozen v8
/// record, and the signs' store is there for the sync to fill (`v8_to_v9` makes it when
/// missing; before, the upgrade failed and the database did not open).
#[wasm_bindgen_test]
async fn a_v8_database_made_before_the_signs_store_opens_with_every_record() {
    let name = "test-migrate-frozen-v8-no-signs";
    let (version, stores) = FIXTURES[6];
    assert_eq!(version, 8);
    make(name, 8, |db, tx, old| {
        for m in &MIGRATIONS[old as usize..7] {
            m(db, tx)?;
        }
        v7_to_v8_as_3a993a9(db, tx)
    })
    .await;
    let written = fill(name, 8, stores).await;
    assert_eq!(check(name, 8, stores).await, written);
    let db = Db::open(name, || {}).await.unwrap();
    assert!(
        interactions::all(&db, "6f1c2a9e-0001-4c1e-9d3a-000000000001")
            .await
            .unwrap()
            .is_empty()
    );
    db.close();
}
