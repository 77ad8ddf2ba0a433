//! Every schema migration path on real IndexedDB: for each past version v1…v10, a database
//! is made with the migrations that shipped up to it (`MIGRATIONS[..v]`, never edited once
//! shipped), filled with a record in every store that version had (workspaces, preferences,
//! notes, posts, library, accounts, inbox, metrics, outbox, triage, threads, interactions,
//! member records, forgotten marks), then opened by this build: every record is there, read
//! back as its type and equal field by field, and the indexes later versions added to older
//! stores (the inbox by author, the signs by who gave them) find the old records. Signs,
//! one record each until v10, come back from their packs (v11), found by who gave them.
//! The records have today's shape; only v1's were frozen as they shipped
//! (`browser_migration.rs`).
#![cfg(target_arch = "wasm32")]

use attache::domain::account::{Account, AccountStatus};
use attache::domain::conversation::Triage;
use attache::domain::inbox::{InboxItem, MetricSnapshot};
use attache::domain::interaction::Interaction;
use attache::domain::library::LibraryItem;
use attache::domain::member_record::{Forgotten, MemberRecord};
use attache::domain::network::Network;
use attache::domain::note::Note;
use attache::domain::outbox::OutboxItem;
use attache::domain::post::{Post, RemoteSend};
use attache::domain::preferences::Preferences;
use attache::domain::thread_context::ThreadContext;
use attache::domain::workspace::Workspace;
use attache::store::schema::{self, MIGRATIONS};
use attache::store::{idb, records, Db};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WS: &str = "w1";

fn v<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

fn from<T: DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).unwrap()
}

/// The version each store came in, and its record.
fn records_by_store() -> Vec<(u32, &'static str, Value)> {
    let mut post = Post::new("p1".into(), WS.into(), 2.0);
    post.base_text = "Le pain du jour".into();
    let account = Account {
        id: "mastodon:https://social.example:1".into(),
        workspace_id: WS.into(),
        network: Network::Mastodon,
        instance: "https://social.example".into(),
        remote_id: "1".into(),
        handle: "@brand@social.example".into(),
        display_name: "Brand".into(),
        avatar: String::new(),
        url: "https://social.example/@brand".into(),
        token: "tok".into(),
        refresh_token: String::new(),
        status: AccountStatus::Connected,
        rules: None,
        connected_at: 3.0,
        oauth: None,
    };
    let inbox: InboxItem = from(json!({
        "id": "mastodon:https://social.example:status:9", "workspace_id": WS, "account_id": account.id,
        "network": "mastodon", "author_name": "Bob", "author_handle": "@bob@social.example",
        "author_url": "https://social.example/@bob", "html": "<p>Merci !</p>", "text": "",
        "at": 4.0, "url": "https://social.example/@bob/9",
    }));
    let metric: MetricSnapshot = from(json!({
        "id": "m1", "workspace_id": WS, "account_id": account.id, "at": 5.0, "followers": 120,
    }));
    let remote = RemoteSend::new("key-1".into(), account.id.clone());
    let outbox = OutboxItem::new("o1".into(), &post, Network::Mastodon, &remote, 6.0, 6.0);
    let interaction: Interaction = from(json!({
        "id": "i1", "workspace_id": WS, "account_id": account.id, "network": "mastodon",
        "kind": "favourite", "who_name": "Carla", "who_handle": "@carla@social.example",
        "who_url": "https://social.example/@carla", "subject": "9", "at": 7.0,
    }));
    let thread: ThreadContext = from(json!({
        "id": format!("{WS}:conv"), "workspace_id": WS, "key": "conv", "fetched_at": 8.0, "messages": [],
    }));
    let library: LibraryItem = from(json!({
        "id": "l1", "workspace_id": WS, "kind": "snippet", "snippet_kind": "signature",
        "title": "Signature", "text": "— L'équipe", "updated_at": 9.0,
    }));
    vec![
        (
            1,
            schema::WORKSPACES,
            v(&Workspace {
                id: WS.into(),
                name: "Café Lumière".into(),
                created_at: 1.0,
            }),
        ),
        (
            2,
            schema::NOTES,
            v(&Note {
                id: "n1".into(),
                workspace_id: WS.into(),
                title: "Idée".into(),
                text: "Un concours".into(),
                url: String::new(),
                created_at: 1.5,
            }),
        ),
        (3, schema::POSTS, v(&post)),
        (4, schema::LIBRARY, v(&library)),
        (5, schema::ACCOUNTS, v(&account)),
        (5, schema::INBOX, v(&inbox)),
        (5, schema::METRICS, v(&metric)),
        (6, schema::OUTBOX, v(&outbox)),
        (7, schema::TRIAGE, v(&Triage::new(WS, "conv"))),
        (8, schema::THREADS, v(&thread)),
        (8, schema::INTERACTIONS, v(&interaction)),
        (
            9,
            schema::MEMBERS,
            v(&MemberRecord::new(WS, "mastodon:@bob@social.example", 10.0)),
        ),
        (
            9,
            schema::FORGOTTEN,
            v(&Forgotten::new(WS, "mastodon:@dan@social.example", 11.0)),
        ),
    ]
}

/// A sign as its pack of ten minutes is kept since v11 (`store::interactions`).
fn as_pack(sign: Value) -> Value {
    let sign: Interaction = from(sign);
    let (workspace, start) = (
        sign.workspace_id.clone(),
        attache::domain::sign_pack::start_of(sign.at),
    );
    let pack = attache::domain::sign_pack::SignPack::new(&workspace, start, vec![sign]);
    json!({
        "id": pack.id, "workspace_id": pack.workspace_id, "start": pack.start, "who": pack.who,
        "signs": serde_json::to_string(&pack.signs).unwrap(),
    })
}

/// A database at `version`, made by the migrations that shipped up to it, with the records
/// of every store it had (and the preferences in `settings`).
async fn write_at(name: &str, version: u32) -> usize {
    let req = idb::factory().unwrap().delete_database(name).unwrap();
    idb::request(&req).await.unwrap();
    let db = idb::open(
        name,
        version,
        move |db, tx, old| {
            for m in &MIGRATIONS[old as usize..version as usize] {
                m(db, tx)?;
            }
            Ok(())
        },
        || {},
    )
    .await
    .unwrap();
    let kept: Vec<_> = records_by_store()
        .into_iter()
        .filter(|(since, _, _)| *since <= version)
        .map(|(since, store, record)| {
            // From v11 a sign is kept in its pack of ten minutes.
            if store == schema::INTERACTIONS && version >= 11 {
                (since, schema::SIGN_PACKS, as_pack(record))
            } else {
                (since, store, record)
            }
        })
        .collect();
    let mut stores: Vec<&str> = kept.iter().map(|(_, s, _)| *s).collect();
    stores.push(schema::SETTINGS);
    let tx = idb::Tx::write(&db, &stores, idb::Durability::Strict).unwrap();
    for (_, store, record) in &kept {
        let js = js_sys::JSON::parse(&record.to_string()).unwrap();
        tx.store(store).unwrap().put(&js).unwrap();
    }
    let prefs = js_sys::JSON::parse(&v(&Preferences::default()).to_string()).unwrap();
    tx.store(schema::SETTINGS)
        .unwrap()
        .put_with_key(&prefs, &"preferences".into())
        .unwrap();
    tx.commit().await.unwrap();
    db.close();
    kept.len()
}

/// The store's records read back as `T`, equal field by field to what was written.
async fn same<T: DeserializeOwned + Serialize>(
    db: &Db,
    store: &str,
    written: &Value,
    from_version: u32,
) {
    let typed: Vec<T> = records::get_all(db, store).await.unwrap();
    assert_eq!(typed.len(), 1, "{store} from v{from_version}");
    assert_eq!(&v(&typed[0]), written, "{store} from v{from_version}");
}

async fn index_count(db: &Db, store: &str, index: &str) -> f64 {
    let tx = idb::Tx::read(db.raw(), &[store]).unwrap();
    let n = idb::request(
        &tx.store(store)
            .unwrap()
            .index(index)
            .unwrap()
            .count()
            .unwrap(),
    )
    .await
    .unwrap();
    tx.finish().await.unwrap();
    n.as_f64().unwrap()
}

#[wasm_bindgen_test]
async fn a_database_from_every_past_version_opens_with_every_record_read_back_as_written() {
    let mut total = 0;
    for version in 1..schema::VERSION {
        let name = format!("test-migrate-from-v{version}");
        let written = write_at(&name, version).await;
        let db = Db::open(&name, || {}).await.unwrap();
        assert_eq!(db.version(), schema::VERSION, "from v{version}");
        for (since, store, record) in records_by_store() {
            if store == schema::INTERACTIONS {
                let signs = attache::store::interactions::all(&db, WS).await.unwrap();
                let expected: Vec<Interaction> = if since > version {
                    vec![]
                } else {
                    vec![from(record)]
                };
                assert_eq!(signs, expected, "signs from v{version}");
                continue;
            }
            if since > version {
                assert_eq!(
                    records::count(&db, store).await.unwrap(),
                    0,
                    "{store} new since v{version}"
                );
                continue;
            }
            match store {
                schema::WORKSPACES => same::<Workspace>(&db, store, &record, version).await,
                schema::NOTES => same::<Note>(&db, store, &record, version).await,
                schema::POSTS => same::<Post>(&db, store, &record, version).await,
                schema::LIBRARY => same::<LibraryItem>(&db, store, &record, version).await,
                schema::ACCOUNTS => same::<Account>(&db, store, &record, version).await,
                schema::INBOX => same::<InboxItem>(&db, store, &record, version).await,
                schema::METRICS => same::<MetricSnapshot>(&db, store, &record, version).await,
                schema::OUTBOX => same::<OutboxItem>(&db, store, &record, version).await,
                schema::TRIAGE => same::<Triage>(&db, store, &record, version).await,
                schema::THREADS => same::<ThreadContext>(&db, store, &record, version).await,
                schema::MEMBERS => same::<MemberRecord>(&db, store, &record, version).await,
                schema::FORGOTTEN => same::<Forgotten>(&db, store, &record, version).await,
                other => panic!("no check for {other}"),
            }
        }
        assert_eq!(
            attache::store::preferences::load(&db).await.unwrap(),
            Preferences::default(),
            "preferences from v{version}"
        );
        // indexes added to older stores by later versions find the old records
        if version >= 5 {
            assert_eq!(
                index_count(&db, schema::INBOX, schema::INBOX_BY_AUTHOR).await,
                1.0,
                "from v{version}"
            );
        }
        if version >= 8 {
            assert_eq!(
                index_count(&db, schema::SIGN_PACKS, schema::SIGN_PACKS_BY_WHO).await,
                1.0,
                "from v{version}"
            );
        }
        assert_eq!(
            index_count(&db, schema::WORKSPACES, schema::WORKSPACES_BY_CREATED).await,
            1.0,
            "from v{version}"
        );
        total += written;
        db.close();
    }
    // v1 has 1 store with a record, v9, v10 and v11 have 13 (v11's sign in its pack):
    // 1+2+3+4+7+8+9+11+13+13+13
    assert_eq!(total, 84);
}

/// The old store's signs, by count.
async fn old_signs(db: &web_sys::IdbDatabase) -> f64 {
    let tx = idb::Tx::read(db, &[schema::INTERACTIONS]).unwrap();
    let req = tx.store(schema::INTERACTIONS).unwrap().count().unwrap();
    let n = idb::request(&req).await.unwrap();
    tx.finish().await.unwrap();
    n.as_f64().unwrap()
}

/// Puts these records into v10's store of signs.
async fn put_old_signs(name: &str, signs: &[Value]) {
    let db = idb::open(name, 10, |_, _, _| Ok(()), || {}).await.unwrap();
    let tx = idb::Tx::write(&db, &[schema::INTERACTIONS], idb::Durability::Strict).unwrap();
    for sign in signs {
        let js = js_sys::JSON::parse(&sign.to_string()).unwrap();
        tx.store(schema::INTERACTIONS).unwrap().put(&js).unwrap();
    }
    tx.commit().await.unwrap();
    db.close();
}

/// v11 moves the signs into packs inside the upgrade; a sign it cannot read (its time not
/// a number, or none at all) is not moved, and the old store is kept whole with it, for a
/// later build to read; the database opens at v11 with every other sign in its pack.
#[wasm_bindgen_test]
async fn a_sign_that_cannot_be_moved_is_kept_in_the_old_store_and_the_rest_move() {
    let name = "test-migrate-v11-unread";
    write_at(name, 10).await;
    let good = records_by_store()
        .into_iter()
        .find(|(_, store, _)| *store == schema::INTERACTIONS)
        .unwrap()
        .2;
    let mut bad = good.clone();
    bad["id"] = json!("bad");
    bad["at"] = json!("yesterday");
    let mut timeless = good.clone();
    timeless["id"] = json!("timeless");
    timeless.as_object_mut().unwrap().remove("at");
    put_old_signs(name, &[bad, timeless]).await;

    let db = Db::open(name, || {}).await.unwrap();
    let moved = attache::store::interactions::all(&db, WS).await.unwrap();
    assert_eq!(
        moved,
        [from::<Interaction>(good)],
        "the good sign is in its pack"
    );
    db.close();
    let db = idb::open(name, schema::VERSION, |_, _, _| Ok(()), || {})
        .await
        .unwrap();
    assert!(db.object_store_names().contains(schema::INTERACTIONS));
    assert_eq!(old_signs(&db).await, 3.0, "the old store as it was");
    db.close();
}

/// The move walks the old store a few thousand signs at a time: 12,000 signs of two
/// workspaces, 6,000 of them at one instant of one (more than a batch), all come into their packs,
/// each once, and the old store goes.
#[wasm_bindgen_test]
async fn many_signs_move_in_batches_each_once_even_when_one_instant_holds_more_than_a_batch() {
    let name = "test-migrate-v11-batches";
    write_at(name, 10).await;
    let model = records_by_store()
        .into_iter()
        .find(|(_, store, _)| *store == schema::INTERACTIONS)
        .unwrap()
        .2;
    let mut signs = vec![];
    for i in 0..12_000u32 {
        let mut sign = model.clone();
        sign["id"] = json!(format!("s{i:05}"));
        sign["workspace_id"] = json!(if i < 6_000 || i % 2 == 0 { "w1" } else { "w2" });
        // Half at one instant of w1; the rest a second apart, over three hours.
        sign["at"] = json!(if i < 6_000 {
            1_000_000.0
        } else {
            f64::from(i) * 1_000.0
        });
        signs.push(sign);
    }
    put_old_signs(name, &signs).await;

    let db = Db::open(name, || {}).await.unwrap();
    let mut ids = vec![];
    for ws in ["w1", "w2"] {
        let all = attache::store::interactions::all(&db, ws).await.unwrap();
        assert!(all.iter().all(|s| s.workspace_id == ws));
        assert!(all.windows(2).all(|p| p[0].at >= p[1].at), "newest first");
        ids.extend(all.into_iter().map(|s| s.id));
    }
    ids.sort();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "each sign once");
    // The 12,000 and the model sign (w1's, id "i1").
    assert_eq!(ids.len(), 12_001);
    db.close();
    let db = idb::open(name, schema::VERSION, |_, _, _| Ok(()), || {})
        .await
        .unwrap();
    assert!(!db.object_store_names().contains(schema::INTERACTIONS));
    db.close();
}
