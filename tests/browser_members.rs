//! Member records and forgetting on real IndexedDB: two changes of one settings document
//! started together are both kept (read and write in one transaction); forgetting a member
//! erases every spelling of their handle in messages and signs, deletes their record, their
//! follow-ups, kept threads and row of the People list's glance, leaves their mark — and
//! touches nobody else; a glance kept after someone was forgotten leaves them out; signs
//! read a page at a time come whole, never splitting a pack; one sign deleted alone.
#![cfg(target_arch = "wasm32")]

use attache::domain::follow_up::FollowUp;
use attache::domain::inbox::InboxItem;
use attache::domain::interaction::{Interaction, InteractionKind};
use attache::domain::member_level::Level;
use attache::domain::member_record::{Forgotten, MemberRecord};
use attache::domain::network::Network;
use attache::domain::people_glance::{Glance, GlanceRow};
use attache::store::{self, Db};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn item(id: &str, handle: &str) -> InboxItem {
    serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": "Name", "author_handle": handle, "author_url": "https://x.test/@h",
        "html": format!("<p>secret of {handle}</p>"), "at": 1.0, "url": "https://x.test/1",
        "remote_id": id,
    }))
    .unwrap()
}

fn row(key: &str, first_seen: f64) -> GlanceRow {
    GlanceRow {
        key: key.into(),
        keys: vec![key.into()],
        name: key.into(),
        handle: key.into(),
        networks: vec![Network::Mastodon],
        level: Some(Level::Exploring),
        first_seen,
        last_seen: first_seen,
        tags: vec![],
    }
}

fn glance(keys: &[&str]) -> Glance {
    Glance {
        made_at: 5.0,
        total: keys.len() as u32,
        by_level: [0, 0, 0, keys.len() as u32],
        rows: keys.iter().map(|k| row(k, 1.0)).collect(),
    }
}

fn sign(id: &str, handle: &str) -> Interaction {
    Interaction {
        id: id.into(),
        workspace_id: "w".into(),
        account_id: "a".into(),
        network: Network::Mastodon,
        kind: InteractionKind::Follow,
        who_name: "Name".into(),
        who_handle: handle.into(),
        who_url: "https://x.test/@h".into(),
        subject: None,
        at: 2.0,
        profile: Default::default(),
    }
}

fn follow_up(id: &str, member_key: &str) -> FollowUp {
    FollowUp {
        id: id.into(),
        member_key: member_key.into(),
        member_name: "Name".into(),
        what: "call".into(),
        due: 3.0,
        created_at: 1.0,
        done_at: None,
    }
}

async fn push(db: &Db, n: u32) {
    store::settings_docs::update(db, "doc", |v: &mut Vec<u32>| v.push(n))
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn two_changes_of_one_document_started_together_are_both_kept() {
    let db = fresh_db("test-settings-update").await;
    let (a, b) = (db.clone(), db.clone());
    let first = future_to_promise(async move {
        push(&a, 1).await;
        Ok(wasm_bindgen::JsValue::NULL)
    });
    let second = future_to_promise(async move {
        push(&b, 2).await;
        Ok(wasm_bindgen::JsValue::NULL)
    });
    JsFuture::from(first).await.unwrap();
    JsFuture::from(second).await.unwrap();
    let mut got: Vec<u32> = store::settings_docs::get(&db, "doc")
        .await
        .unwrap()
        .unwrap();
    got.sort();
    assert_eq!(got, vec![1, 2]);
}

#[wasm_bindgen_test]
async fn forgetting_erases_every_spelling_and_touches_nobody_else() {
    let db = fresh_db("test-forget").await;
    let items = [
        item("1", "@bob@x.test"),
        item("2", "@Bob@x.test"),
        item("3", "@alice@x.test"),
    ];
    let signs = [sign("s1", "@bob@x.test"), sign("s2", "@alice@x.test")];
    store::inbox::save_page_with(&db, &items, &signs, None)
        .await
        .unwrap();
    let bob_key = "mastodon:@bob@x.test";
    let mut record = MemberRecord::new("w", bob_key, 1.0);
    record.tags = vec!["vip".into()];
    store::members::update(&db, record.clone(), |_| {})
        .await
        .unwrap();
    store::settings_docs::put(
        &db,
        "follow-ups:w",
        &vec![
            follow_up("f1", bob_key),
            follow_up("f2", "mastodon:@alice@x.test"),
        ],
    )
    .await
    .unwrap();
    let alice_key = "mastodon:@alice@x.test";
    store::settings_docs::put(&db, "people-glance:w", &glance(&[bob_key, alice_key]))
        .await
        .unwrap();
    let shown = |key: &str| {
        (
            key.to_string(),
            attache::domain::member_merge::ShownPicture::of("https://x.test/p.png", key.as_bytes()),
        )
    };
    let pictures: std::collections::HashMap<_, _> = [shown(bob_key), shown(alice_key)].into();
    store::settings_docs::put(&db, "member-pictures:w", &pictures)
        .await
        .unwrap();

    let plan = store::members::Forget {
        workspace_id: "w".into(),
        record_ids: vec![record.id.clone()],
        handles: vec!["@bob@x.test".into(), "@Bob@x.test".into()],
        threads: vec!["w:conv-1".into()],
        follow_ups_key: "follow-ups:w".into(),
        glance_key: "people-glance:w".into(),
        pictures_key: "member-pictures:w".into(),
        member_keys: vec![bob_key.into()],
        marks: vec![Forgotten::new("w", bob_key, 10.0)],
    };
    let erased = store::members::forget(&db, &plan).await.unwrap();
    assert_eq!((erased.messages, erased.signs), (2, 1));

    let kept = store::inbox::all(&db, "w").await.unwrap();
    assert_eq!(kept.len(), 3, "messages are kept, as someone's");
    for i in &kept {
        let bob = i.id != "3";
        assert_eq!(i.is_erased(), bob, "{}", i.id);
        assert_eq!(i.html.contains("secret"), !bob, "{}", i.id);
    }
    let signs = store::interactions::all(&db, "w").await.unwrap();
    assert_eq!(signs.iter().filter(|s| s.who_handle.is_empty()).count(), 1);
    // Alice's sign shares Bob's pack: it stays, as it was; the pack no longer names Bob.
    let alice: Vec<&Interaction> = signs.iter().filter(|s| s.id == "s2").collect();
    assert_eq!(alice, [&sign("s2", "@alice@x.test")]);
    let erased_again = store::members::forget(&db, &plan).await.unwrap();
    assert_eq!(
        erased_again.signs, 0,
        "nothing of Bob's is found by who gave it"
    );
    assert!(store::members::for_workspace(&db, "w")
        .await
        .unwrap()
        .is_empty());
    let marks = store::members::forgotten(&db, "w").await.unwrap();
    assert_eq!(marks, plan.marks);
    let left: Vec<FollowUp> = store::settings_docs::get(&db, "follow-ups:w")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        left.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["f2"]
    );
    assert_eq!(
        glance_kept(&db).await,
        ([alice_key.to_string()].to_vec(), 1)
    );
    let pictures: std::collections::HashMap<String, attache::domain::member_merge::ShownPicture> =
        store::settings_docs::get(&db, "member-pictures:w")
            .await
            .unwrap()
            .unwrap();
    assert_eq!(
        pictures.keys().collect::<Vec<_>>(),
        [alice_key],
        "bob's picture hash is gone"
    );

    // A glance worked out from what was read before Bob was forgotten (in another tab, say)
    // is kept without him; Carla, forgotten before she came back (first seen at 20), stays.
    let carla_key = "mastodon:@carla@x.test";
    let carla_mark = Forgotten::new("w", carla_key, 15.0);
    let mut late = glance(&[bob_key, alice_key]);
    late.rows.push(row(carla_key, 20.0));
    store::records::put_all(
        &db,
        "forgotten",
        &[carla_mark],
        store::idb::Durability::Strict,
    )
    .await
    .unwrap();
    store::people_glance::keep(&db, "w", "people-glance:w", late)
        .await
        .unwrap();
    assert_eq!(
        glance_kept(&db).await.0,
        [alice_key.to_string(), carla_key.to_string()]
    );
}

/// The keys of the rows of workspace w's People glance, and its total.
async fn glance_kept(db: &Db) -> (Vec<String>, u32) {
    let kept = store::people_glance::get(db, "people-glance:w")
        .await
        .unwrap()
        .unwrap();
    (kept.rows.into_iter().map(|r| r.key).collect(), kept.total)
}

/// Read a page at a time, the signs come whole: every one once, oldest first (by time, then
/// id), none of another workspace, a page never splits a pack (each page here is two
/// packs of ten minutes), and a sign synced twice is kept once. The services' pages give
/// what the one-go read gives, and a read since a moment its newest.
#[wasm_bindgen_test]
async fn signs_read_by_pages_come_whole_by_the_pack() {
    use attache::domain::sign_pack::{start_of, PACK_MS};
    let db = fresh_db("test-time-pages").await;
    // 25 signs over seven packs, some sharing an instant; five of workspace v among them.
    let at = |i: u32| f64::from(i / 4) * PACK_MS + f64::from((i * 7) % 5) * 1_000.0;
    let signs: Vec<Interaction> = (0..25)
        .map(|i| Interaction {
            at: at(i),
            ..sign(&format!("s{i:02}"), "@bob@x.test")
        })
        .collect();
    let other: Vec<Interaction> = (0..5)
        .map(|i| Interaction {
            workspace_id: "v".into(),
            at: at(i * 5),
            ..sign(&format!("v{i}"), "@bob@x.test")
        })
        .collect();
    // Written in three pages, the last one again (a sync that starts over).
    for page in [&signs[..9], &signs[9..], &other[..], &signs[20..]] {
        store::inbox::save_page_with(&db, &[], page, None)
            .await
            .unwrap();
    }
    let mut seen: Vec<Interaction> = vec![];
    let (mut after, mut pages) = (None, 0);
    loop {
        let (page, next) = store::interactions::page(&db, "w", after, 2).await.unwrap();
        pages += 1;
        let packs: std::collections::BTreeSet<i64> =
            page.iter().map(|s| start_of(s.at) as i64).collect();
        assert!(packs.len() <= 2, "two packs a page: {packs:?}");
        if let Some(next) = next {
            assert_eq!(
                packs.last().copied(),
                Some(next as i64),
                "the next page follows"
            );
        }
        seen.extend(page);
        match next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    let ids: Vec<&str> = seen.iter().map(|s| s.id.as_str()).collect();
    let mut expected: Vec<String> = (0..25).map(|i| format!("s{i:02}")).collect();
    expected.sort_by(|a, b| {
        let n = |s: &str| s[1..].parse::<u32>().unwrap();
        at(n(a)).total_cmp(&at(n(b))).then(a.cmp(b))
    });
    assert_eq!(ids, expected.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(pages, 4, "seven packs, two a page");
    let whole = store::interactions::all(&db, "w").await.unwrap();
    assert_eq!(whole.len(), 25);
    assert!(whole.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
    assert_eq!(store::interactions::all(&db, "v").await.unwrap().len(), 5);
    // The services' pages give what the one-go read gives, oldest first.
    let mut pages = attache::services::read_all::SignPages::new(&db, "w");
    let mut paged = vec![];
    while let Some(page) = pages.next().await.unwrap() {
        paged.extend(page);
    }
    paged.reverse();
    assert_eq!(paged, whole);
    // Since a moment: every sign at or after it, newest first, with those before it in its
    // pack, none of an older pack.
    let since = 3.0 * PACK_MS + 2_000.0;
    let recent = attache::services::read_all::signs_since(&db, "w", since)
        .await
        .unwrap();
    let wanted: Vec<&Interaction> = whole.iter().filter(|s| s.at >= since).collect();
    assert!(
        wanted.len() < recent.len() && recent.len() < whole.len(),
        "{recent:?}"
    );
    assert!(wanted.iter().all(|s| recent.contains(s)));
    assert!(recent.iter().all(|s| start_of(s.at) >= 3.0 * PACK_MS));
    assert_eq!(
        recent[..],
        whole[..recent.len()],
        "the newest, newest first"
    );
}

/// One sign taken out (a listening find that became a conversation) leaves the others of
/// its pack, and a pack left empty is deleted.
#[wasm_bindgen_test]
async fn one_sign_deleted_leaves_the_rest_of_its_pack() {
    let db = fresh_db("test-sign-delete").await;
    let signs = [
        Interaction {
            at: 10.0,
            ..sign("s1", "@bob@x.test")
        },
        Interaction {
            at: 20.0,
            ..sign("s2", "@ann@x.test")
        },
        Interaction {
            at: 7_200_000.0,
            ..sign("s3", "@ann@x.test")
        },
    ];
    store::inbox::save_page_with(&db, &[], &signs, None)
        .await
        .unwrap();
    store::interactions::delete(&db, "w", 10.0, "s1")
        .await
        .unwrap();
    store::interactions::delete(&db, "w", 7_200_000.0, "s3")
        .await
        .unwrap();
    let left = store::interactions::all(&db, "w").await.unwrap();
    assert_eq!(
        left.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["s2"]
    );
    assert_eq!(
        store::records::count(&db, store::schema::SIGN_PACKS)
            .await
            .unwrap(),
        1
    );
}

/// The newest signs for a first look: newest first, of this workspace only, every sign of
/// the oldest instant asked for (three share time 8), all of them when fewer are there.
#[wasm_bindgen_test]
async fn the_newest_signs_come_newest_first_with_their_last_instant_whole() {
    let db = fresh_db("test-newest").await;
    let at = |i: u32| {
        if (7..10).contains(&i) {
            8.0
        } else {
            f64::from(i + 1)
        }
    };
    let mut signs: Vec<Interaction> = (0..12)
        .map(|i| Interaction {
            at: at(i),
            ..sign(&format!("s{i:02}"), "@bob@x.test")
        })
        .collect();
    signs.push(Interaction {
        workspace_id: "v".into(),
        at: 100.0,
        ..sign("v0", "@bob@x.test")
    });
    store::inbox::save_page_with(&db, &[], &signs, None)
        .await
        .unwrap();
    let ids = |got: Vec<Interaction>| got.into_iter().map(|s| s.id).collect::<Vec<_>>();
    let newest = |n| store::interactions::newest(&db, "w", n);
    assert_eq!(ids(newest(1).await.unwrap()), ["s11"]);
    assert_eq!(ids(newest(2).await.unwrap()), ["s11", "s10"]);
    // The fourth newest is at time 8, which two more share: all three come.
    let four = ids(newest(4).await.unwrap());
    assert_eq!(four[..2], ["s11", "s10"]);
    let mut tied = four[2..].to_vec();
    tied.sort();
    assert_eq!(tied, ["s07", "s08", "s09"]);
    assert_eq!(newest(12).await.unwrap().len(), 12);
    let all = newest(50).await.unwrap();
    assert_eq!(all.len(), 12, "fewer than asked: all of this workspace's");
    assert!(all.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
    // Over many packs (ten minutes each, one sign in each): the reads grow until enough.
    let spread: Vec<Interaction> = (0..40)
        .map(|i| Interaction {
            workspace_id: "many".into(),
            at: f64::from(i) * 600_000.0,
            ..sign(&format!("m{i:02}"), "@bob@x.test")
        })
        .collect();
    store::inbox::save_page_with(&db, &[], &spread, None)
        .await
        .unwrap();
    let twenty = ids(store::interactions::newest(&db, "many", 20).await.unwrap());
    let expected: Vec<String> = (20..40).rev().map(|i| format!("m{i:02}")).collect();
    assert_eq!(twenty, expected, "the twenty newest, from twenty packs");
    assert!(store::interactions::newest(&db, "none", 5)
        .await
        .unwrap()
        .is_empty());
}
