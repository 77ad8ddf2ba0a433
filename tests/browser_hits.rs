//! Listening's hits on real IndexedDB: a post found by two runs and two searches is one
//! record naming both, what the user did with it kept (marked while a run saves it again);
//! read back by time within a workspace; finds older than the limit go, in their workspace
//! only; forgetting a member takes their hits and the tones given to their posts out and
//! leaves the others'; deleting a workspace takes its hits and "Undo" puts them back. A
//! spike's or a crisis's alert is notified once per tag, remembered three days.
#![cfg(target_arch = "wasm32")]

use attache::domain::listening::Hit;
use attache::domain::member_record::Forgotten;
use attache::store;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn hit(ws: &str, uri: &str, handle: &str, search: &str, at: f64) -> Hit {
    let item = serde_json::from_value(serde_json::json!({
        "id": format!("bluesky:me:{uri}"), "workspace_id": ws, "account_id": "a", "network": "bluesky",
        "author_name": "Name", "author_handle": handle, "author_url": "https://bsky.app/profile/x",
        "html": "", "text": "about the brand", "at": at, "url": format!("https://bsky.app/{uri}"),
    }))
    .unwrap();
    Hit {
        id: Hit::key(ws, uri),
        workspace_id: ws.into(),
        uri: uri.into(),
        at,
        found_at: at + 1.0,
        searches: vec![search.into()],
        tags: vec![],
        item,
        taken: vec![],
    }
}

#[wasm_bindgen_test]
async fn a_post_found_twice_is_one_hit_with_both_searches() {
    let db = fresh_db("test-hits-once").await;
    let new = store::hits::save(&db, &[hit("w", "at://1", "@bob.test", "s1", 10.0)])
        .await
        .unwrap();
    assert_eq!(new, 1);
    let again = [
        hit("w", "at://1", "@bob.test", "s2", 10.0),
        hit("w", "at://2", "@carla.test", "s1", 20.0),
        hit("other", "at://1", "@bob.test", "s9", 10.0),
    ];
    // The user takes the post into People while a run saves it again: both are kept.
    let (marked, new) = futures::join!(
        store::hits::mark(&db, "w:at://1", "member"),
        store::hits::save(&db, &again)
    );
    assert_eq!(marked.unwrap().unwrap().taken, ["member"]);
    assert_eq!(new.unwrap(), 2, "at://2 and the other workspace's");
    let kept = store::hits::get(&db, "w:at://1").await.unwrap().unwrap();
    assert_eq!(kept.searches, ["s1", "s2"]);
    assert_eq!(kept.taken, ["member"]);
    store::hits::mark(&db, "w:at://1", "member").await.unwrap();
    let kept = store::hits::get(&db, "w:at://1").await.unwrap().unwrap();
    assert_eq!(kept.taken, ["member"], "once");
    assert_eq!(
        store::hits::mark(&db, "w:at://gone", "draft")
            .await
            .unwrap(),
        None,
        "a hit gone is not written back"
    );
    assert!(store::hits::get(&db, "w:at://gone")
        .await
        .unwrap()
        .is_none());
    let in_w = store::hits::between(&db, "w", 0.0, 100.0).await.unwrap();
    assert_eq!(
        in_w.iter().map(|h| h.uri.as_str()).collect::<Vec<_>>(),
        ["at://2", "at://1"],
        "newest first, this workspace only"
    );
    assert_eq!(
        store::hits::between(&db, "w", 15.0, 100.0)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[wasm_bindgen_test]
async fn forgetting_a_member_takes_their_hits_and_the_tones_given_to_them_out() {
    let db = fresh_db("test-hits-forget").await;
    store::hits::save(
        &db,
        &[
            hit("w", "at://1", "@bob.test", "s1", 10.0),
            hit("w", "at://2", "@carla.test", "s1", 20.0),
        ],
    )
    .await
    .unwrap();
    let plan = store::members::Forget {
        workspace_id: "w".into(),
        record_ids: vec![],
        handles: vec!["@bob.test".into()],
        threads: vec![],
        follow_ups_key: "follow-ups:w".into(),
        glance_key: "people-glance:w".into(),
        pictures_key: "member-pictures:w".into(),
        member_keys: vec!["bluesky:@bob.test".into()],
        marks: vec![Forgotten::new("w", "bluesky:@bob.test", 30.0)],
    };
    use attache::domain::sentiment::Sentiment;
    let tones = std::collections::HashMap::from([
        ("https://bsky.app/at://1".to_string(), Sentiment::Negative),
        ("https://bsky.app/at://2".to_string(), Sentiment::Positive),
    ]);
    store::settings_docs::put(&db, "sentiment:w", &tones)
        .await
        .unwrap();
    store::members::forget(&db, &plan).await.unwrap();
    let kept: std::collections::HashMap<String, Sentiment> =
        store::settings_docs::get(&db, "sentiment:w")
            .await
            .unwrap()
            .unwrap();
    assert_eq!(
        kept.keys().collect::<Vec<_>>(),
        ["https://bsky.app/at://2"],
        "Bob's post's tone goes with him"
    );
    let left = store::hits::between(&db, "w", 0.0, 100.0).await.unwrap();
    assert_eq!(
        left.iter()
            .map(|h| h.item.author_handle.as_str())
            .collect::<Vec<_>>(),
        ["@carla.test"]
    );
}

#[wasm_bindgen_test]
async fn deleting_a_workspace_takes_its_hits_and_undo_puts_them_back() {
    let db = fresh_db("test-hits-workspace").await;
    let ws = attache::domain::workspace::Workspace {
        id: "w".into(),
        name: "Café".into(),
        created_at: 1.0,
    };
    store::workspaces::put(&db, &ws).await.unwrap();
    store::hits::save(&db, &[hit("w", "at://1", "@bob.test", "s1", 10.0)])
        .await
        .unwrap();
    let kept = store::workspaces::delete(&db, "w").await.unwrap();
    assert!(store::hits::between(&db, "w", 0.0, 100.0)
        .await
        .unwrap()
        .is_empty());
    store::set_aside::put_back(&db, &kept).await.unwrap();
    let back = store::hits::between(&db, "w", 0.0, 100.0).await.unwrap();
    assert_eq!(back.len(), 1);
}

#[wasm_bindgen_test]
async fn an_alert_is_new_once_per_tag_and_forgotten_after_three_days() {
    use attache::services::reminders::first_time;
    let db = fresh_db("test-notified-once").await;
    let day = 86_400_000.0;
    let now = 1_700_000_000_000.0;
    assert!(first_time(&db, "spike-w-Brand-2026-12-06", now).await);
    assert!(
        !first_time(&db, "spike-w-Brand-2026-12-06", now + 60_000.0).await,
        "dismissed, it is not shown again at the next check"
    );
    assert!(
        first_time(&db, "spike-w-Brand-2026-12-07", now + day).await,
        "a new day's spike"
    );
    assert!(first_time(&db, "crisis-w-472222", now + day).await);
    // Three days on, the first tag is no longer remembered; the others still are.
    assert!(first_time(&db, "spike-w-Brand-2026-12-06", now + 3.0 * day + 1.0).await);
    assert!(!first_time(&db, "crisis-w-472222", now + 3.0 * day + 1.0).await);
}

#[wasm_bindgen_test]
async fn finds_older_than_the_limit_go_and_only_in_their_workspace() {
    let db = fresh_db("test-hits-prune").await;
    let found = [
        hit("w", "at://old", "@bob.test", "s1", 10.0),
        hit("w", "at://new", "@bob.test", "s1", 30.0),
        hit("other", "at://old", "@bob.test", "s1", 10.0),
    ];
    store::hits::save(&db, &found).await.unwrap();
    store::hits::prune(&db, "w", 20.0).await.unwrap();
    let left = store::hits::between(&db, "w", 0.0, 100.0).await.unwrap();
    assert_eq!(
        left.iter().map(|h| h.uri.as_str()).collect::<Vec<_>>(),
        ["at://new"]
    );
    assert_eq!(
        store::hits::between(&db, "other", 0.0, 100.0)
            .await
            .unwrap()
            .len(),
        1,
        "another workspace keeps its own"
    );
}
