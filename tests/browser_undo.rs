//! Undoing a deletion in real IndexedDB: a workspace deleted with its notes, posts, images,
//! library, accounts and settings documents (follow-ups, a form's draft) comes back exactly
//! (the images byte for byte), the other workspace untouched throughout; a post deleted with its images comes back the same; and a post
//! scheduled, or held by a server, is refused deletion by the service.
#![cfg(target_arch = "wasm32")]

use attache::domain::account::{Account, AccountStatus};
use attache::domain::network::Network;
use attache::domain::note::Note;
use attache::domain::post::{MediaRef, Post, PostState, RemoteSend, Variant};
use attache::domain::workspace::Workspace;
use attache::services::posts::{self, PostChangeError};
use attache::services::{undo, workspaces};
use attache::store::{self, Db};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn blob(seed: u8, len: usize) -> web_sys::Blob {
    let bytes: Vec<u8> = (0..len).map(|i| (i as u8) ^ seed).collect();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap()
}

async fn bytes_of(blob: &web_sys::Blob) -> Vec<u8> {
    let buf = JsFuture::from(blob.array_buffer()).await.unwrap();
    js_sys::Uint8Array::new(&buf.unchecked_into()).to_vec()
}

/// A workspace with a note, a post with two images, a snippet and a connected account.
/// The workspace's documents in the settings store, by key.
async fn documents(db: &Db, ws: &str) -> Vec<Option<serde_json::Value>> {
    let mut out = vec![];
    for key in [
        format!("follow-ups:{ws}"),
        format!("form-draft:{ws}:persona"),
    ] {
        out.push(store::settings_docs::get(db, &key).await.unwrap());
    }
    out
}

async fn furnished(db: &Db, ws: &str) {
    let follow_up = serde_json::json!([{ "id": "f", "member_key": "mastodon:@dan@x.test", "what": "Call back" }]);
    store::settings_docs::put(db, &format!("follow-ups:{ws}"), &follow_up)
        .await
        .unwrap();
    store::settings_docs::put(db, &format!("form-draft:{ws}:persona"), &"Camille, 34")
        .await
        .unwrap();
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
    store::notes::add(
        db,
        &Note {
            id: format!("{ws}-note"),
            workspace_id: ws.into(),
            title: "Idée".into(),
            text: "Une fournée spéciale".into(),
            url: String::new(),
            created_at: 6.0,
        },
    )
    .await
    .unwrap();
    let id = format!("{ws}-post");
    let mut p = Post::new(id.clone(), ws.into(), 7.0);
    p.base_text = "Le pain du jour 🥖".into();
    let mut v = Variant::new(Network::Mastodon);
    for (n, seed) in [(1, 3u8), (2, 9u8)] {
        let media = format!("{id}-m{n}");
        store::posts::put_media(db, &media, &id, &blob(seed, 2_000 * n))
            .await
            .unwrap();
        v.media.push(MediaRef {
            id: media,
            mime: "image/png".into(),
            bytes: 2_000 * n as u64,
            alt: format!("Image {n}"),
        });
    }
    p.variants.push(v);
    store::posts::put(db, &p).await.unwrap();
    let item = attache::domain::library::LibraryItem {
        id: format!("{ws}-snippet"),
        workspace_id: ws.into(),
        body: attache::domain::library::Body::Snippet {
            snippet_kind: attache::domain::library::SnippetKind::Signature,
            title: "Signature".into(),
            text: "— L'équipe".into(),
            updated_at: 8.0,
            code: String::new(),
            language: String::new(),
        },
    };
    store::library::put(db, &item).await.unwrap();
    store::accounts::put(
        db,
        &Account {
            id: Account::make_id(Network::Mastodon, "https://social.example", ws),
            workspace_id: ws.into(),
            network: Network::Mastodon,
            instance: "https://social.example".into(),
            remote_id: ws.into(),
            handle: format!("@{ws}@social.example"),
            display_name: "Boulangerie".into(),
            avatar: String::new(),
            url: "https://social.example/@b".into(),
            token: "jeton".into(),
            refresh_token: String::new(),
            status: AccountStatus::Connected,
            rules: None,
            connected_at: 9.0,
            oauth: None,
        },
    )
    .await
    .unwrap();
    // A favourite, kept in its pack of signs.
    let sign: attache::domain::interaction::Interaction = serde_json::from_value(serde_json::json!({
        "id": format!("{ws}-sign"), "workspace_id": ws, "account_id": "a", "network": "mastodon",
        "kind": "favourite", "who_name": "Dan", "who_handle": "@dan@x.test", "who_url": "",
        "subject": "1", "at": 10.0,
    }))
    .unwrap();
    store::inbox::save_page_with(db, &[], &[sign], None)
        .await
        .unwrap();
}

/// A sign of `ws` at `at`, as a sync writes it.
async fn sign_at(db: &Db, ws: &str, id: &str, at: f64) {
    let sign: attache::domain::interaction::Interaction =
        serde_json::from_value(serde_json::json!({
            "id": id, "workspace_id": ws, "account_id": "a", "network": "mastodon",
            "kind": "boost", "who_name": "Eve", "who_handle": "@eve@x.test", "who_url": "",
            "subject": "2", "at": at,
        }))
        .unwrap();
    store::inbox::save_page_with(db, &[], &[sign], None)
        .await
        .unwrap();
}

/// The ids of a workspace's signs.
async fn signs(db: &Db, ws: &str) -> Vec<String> {
    let all = store::interactions::all(db, ws).await.unwrap();
    all.into_iter().map(|s| s.id).collect()
}

/// Everything the device holds, as an export sees it, and every image's bytes.
async fn snapshot(db: &Db) -> (String, Vec<(String, Vec<u8>)>, usize) {
    let (backup, media) = store::backup::export_all(db, 0.0).await.unwrap();
    let mut images = vec![];
    for m in media {
        images.push((m.id.clone(), bytes_of(&m.blob).await));
    }
    images.sort();
    let mut accounts = 0;
    for w in &backup.workspaces {
        accounts += store::accounts::for_workspace(db, &w.id)
            .await
            .unwrap()
            .len();
    }
    (serde_json::to_string(&backup).unwrap(), images, accounts)
}

#[wasm_bindgen_test]
async fn a_deleted_workspace_comes_back_exactly_with_everything_in_it() {
    let db = fresh_db("test-undo-workspace").await;
    furnished(&db, "w1").await;
    furnished(&db, "w2").await;
    let before = snapshot(&db).await;
    assert_eq!(before.1.len(), 4);
    assert_eq!(before.2, 2);

    let documents_before = (documents(&db, "w1").await, documents(&db, "w2").await);
    assert!(documents_before.0.iter().all(Option::is_some));

    let deleted = workspaces::delete(&db, "w1").await.unwrap();
    // The workspace, its note, post, two images, snippet, account, pack of signs and two
    // documents.
    assert_eq!(deleted.records(), 10);
    assert!(signs(&db, "w1").await.is_empty());
    assert_eq!(signs(&db, "w2").await, ["w2-sign"]);
    let gone = snapshot(&db).await;
    assert_eq!(gone.1.len(), 2, "only w2's images remain");
    assert_eq!(gone.2, 1);
    assert!(store::posts::get(&db, "w1-post").await.unwrap().is_none());
    assert_eq!(documents(&db, "w1").await, [None, None]);
    assert_eq!(documents(&db, "w2").await, documents_before.1);

    undo::put_back(&db, &deleted).await.unwrap();
    assert_eq!(snapshot(&db).await, before);
    assert_eq!(signs(&db, "w1").await, ["w1-sign"]);
    assert_eq!(
        (documents(&db, "w1").await, documents(&db, "w2").await),
        documents_before
    );
    db.close();
}

#[wasm_bindgen_test]
async fn a_deleted_post_comes_back_with_its_images() {
    let db = fresh_db("test-undo-post").await;
    furnished(&db, "w1").await;
    let before = snapshot(&db).await;
    let post = store::posts::get(&db, "w1-post").await.unwrap().unwrap();
    let deleted = posts::delete(&db, &post).await.unwrap();
    assert_eq!(deleted.records(), 3);
    assert!(store::posts::get(&db, "w1-post").await.unwrap().is_none());
    assert_eq!(store::posts::media_count(&db, "w1-post").await.unwrap(), 0);
    undo::put_back(&db, &deleted).await.unwrap();
    assert_eq!(snapshot(&db).await, before);
    db.close();
}

#[wasm_bindgen_test]
async fn a_scheduled_or_held_post_is_not_deleted() {
    let db = fresh_db("test-undo-refused").await;
    furnished(&db, "w1").await;
    let mut post = store::posts::get(&db, "w1-post").await.unwrap().unwrap();
    post.transition(PostState::Scheduled, "me", 10.0).unwrap();
    store::posts::put(&db, &post).await.unwrap();
    assert!(matches!(
        posts::delete(&db, &post).await,
        Err(PostChangeError::NotAllowed)
    ));
    // Back to a draft, but a server still holds a copy to publish.
    post.state = PostState::Draft;
    let mut remote = RemoteSend::new("k".into(), "a".into());
    remote.held_id = Some("109".into());
    post.variants[0].remote = Some(remote);
    store::posts::put(&db, &post).await.unwrap();
    assert!(matches!(
        posts::delete(&db, &post).await,
        Err(PostChangeError::NotAllowed)
    ));
    assert!(store::posts::get(&db, "w1-post").await.unwrap().is_some());
    db.close();
}

#[wasm_bindgen_test]
async fn undo_leaves_a_record_written_again_since_as_it_is() {
    let db = fresh_db("test-undo-newer").await;
    furnished(&db, "w1").await;
    let post = store::posts::get(&db, "w1-post").await.unwrap().unwrap();
    let deleted = posts::delete(&db, &post).await.unwrap();
    // Another tab saves the post again meanwhile, with newer words.
    let mut newer = post.clone();
    newer.base_text = "Le pain du jour, version du soir".into();
    store::posts::put(&db, &newer).await.unwrap();
    let left = undo::put_back(&db, &deleted).await.unwrap();
    assert_eq!(left, 1, "the post was left as it is now");
    assert_eq!(
        store::posts::get(&db, "w1-post")
            .await
            .unwrap()
            .unwrap()
            .base_text,
        "Le pain du jour, version du soir"
    );
    // Its images, absent, came back.
    assert_eq!(store::posts::media_count(&db, "w1-post").await.unwrap(), 2);
    db.close();
}

#[wasm_bindgen_test]
async fn undo_puts_the_signs_back_into_a_pack_a_sync_wrote_again_since() {
    let db = fresh_db("test-undo-pack").await;
    furnished(&db, "w1").await;
    let deleted = workspaces::delete(&db, "w1").await.unwrap();
    assert!(signs(&db, "w1").await.is_empty());
    // A sync of w1 already under way writes a boost into the same ten minutes meanwhile.
    sign_at(&db, "w1", "w1-late", 20.0).await;
    assert_eq!(signs(&db, "w1").await, ["w1-late"]);
    let left = undo::put_back(&db, &deleted).await.unwrap();
    assert_eq!(left, 0, "nothing was left out");
    // Both signs, newest first, in one pack.
    assert_eq!(signs(&db, "w1").await, ["w1-late", "w1-sign"]);
    let (page, next) = store::interactions::page(&db, "w1", None, 10)
        .await
        .unwrap();
    assert_eq!((page.len(), next), (2, None));
    db.close();
}
