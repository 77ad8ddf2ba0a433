//! Posts and their images in real IndexedDB: the Blobs come back byte for byte, and
//! deleting a post (or its workspace) deletes its images.
#![cfg(target_arch = "wasm32")]

use attache::domain::network::Network;
use attache::domain::post::{MediaRef, Post, PostState, Variant};
use attache::domain::workspace::Workspace;
use attache::store::{self, Db};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

fn image(seed: u8, len: usize) -> (Vec<u8>, web_sys::Blob) {
    let bytes: Vec<u8> = (0..len)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect();
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/png");
    (
        bytes,
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).unwrap(),
    )
}

async fn bytes_of(blob: &web_sys::Blob) -> Vec<u8> {
    let buf = JsFuture::from(blob.array_buffer()).await.unwrap();
    js_sys::Uint8Array::new(&buf.unchecked_into()).to_vec()
}

fn post_with_images(id: &str, ws: &str) -> Post {
    let mut p = Post::new(id.into(), ws.into(), 1.0);
    p.base_text = "Nouvelle boutique 🎉".into();
    let mut v = Variant::new(Network::Mastodon);
    for (m, alt) in [("m1", "La vitrine"), ("m2", "L'équipe devant la porte")] {
        v.media.push(MediaRef {
            id: format!("{id}-{m}"),
            mime: "image/png".into(),
            bytes: 0,
            alt: alt.into(),
        });
    }
    p.variants.push(v);
    p
}

#[wasm_bindgen_test]
async fn a_post_with_two_images_round_trips_with_its_blobs_intact() {
    let db = fresh_db("test-posts-media").await;
    let mut post = post_with_images("p1", "w1");
    post.transition(PostState::Scheduled, "me", 2.0).unwrap();
    let (a, blob_a) = image(1, 300_000);
    let (b, blob_b) = image(7, 12_345);
    store::posts::put_media(&db, "p1-m1", "p1", &blob_a)
        .await
        .unwrap();
    store::posts::put_media(&db, "p1-m2", "p1", &blob_b)
        .await
        .unwrap();
    store::posts::put(&db, &post).await.unwrap();
    db.close();

    let db = Db::open("test-posts-media", || {}).await.unwrap();
    assert_eq!(store::posts::get(&db, "p1").await.unwrap(), Some(post));
    let back_a = store::posts::get_media(&db, "p1-m1")
        .await
        .unwrap()
        .unwrap();
    let back_b = store::posts::get_media(&db, "p1-m2")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(back_a.type_(), "image/png");
    assert_eq!(bytes_of(&back_a).await, a);
    assert_eq!(bytes_of(&back_b).await, b);
    db.close();
}

#[wasm_bindgen_test]
async fn deleting_a_post_deletes_its_images_and_no_others() {
    let db = fresh_db("test-posts-delete").await;
    for id in ["p1", "p2"] {
        store::posts::put(&db, &post_with_images(id, "w1"))
            .await
            .unwrap();
        for m in ["m1", "m2"] {
            store::posts::put_media(&db, &format!("{id}-{m}"), id, &image(3, 100).1)
                .await
                .unwrap();
        }
    }
    store::posts::delete(&db, "p1").await.unwrap();
    assert_eq!(store::posts::get(&db, "p1").await.unwrap(), None);
    assert_eq!(store::posts::media_count(&db, "p1").await.unwrap(), 0);
    assert!(store::posts::get_media(&db, "p1-m1")
        .await
        .unwrap()
        .is_none());
    assert_eq!(store::posts::media_count(&db, "p2").await.unwrap(), 2);
    db.close();
}

#[wasm_bindgen_test]
async fn deleting_a_workspace_deletes_its_posts_and_their_images() {
    let db = fresh_db("test-workspace-posts").await;
    for w in ["w1", "w2"] {
        store::workspaces::put(
            &db,
            &Workspace {
                id: w.into(),
                name: w.into(),
                created_at: 0.0,
            },
        )
        .await
        .unwrap();
        let id = format!("{w}-post");
        store::posts::put(&db, &post_with_images(&id, w))
            .await
            .unwrap();
        store::posts::put_media(&db, &format!("{id}-m1"), &id, &image(2, 64).1)
            .await
            .unwrap();
    }
    store::workspaces::delete(&db, "w1").await.unwrap();
    assert_eq!(
        store::posts::for_workspace(&db, "w1", 10)
            .await
            .unwrap()
            .total,
        0
    );
    assert_eq!(store::posts::media_count(&db, "w1-post").await.unwrap(), 0);
    assert_eq!(
        store::posts::for_workspace(&db, "w2", 10)
            .await
            .unwrap()
            .total,
        1
    );
    assert_eq!(store::posts::media_count(&db, "w2-post").await.unwrap(), 1);
    db.close();
}

/// The copy one tab edits, as `services::posts` saves it (its tab named in `edited_in`).
fn edit_in(post: &Post, tab: &str, text: &str) -> Post {
    let mut p = post.clone();
    p.base_text = text.into();
    p.edited_in = Some(tab.into());
    p
}

#[wasm_bindgen_test]
async fn a_save_from_a_copy_another_tab_changed_since_is_refused_and_writes_nothing() {
    let db = fresh_db("test-posts-versions").await;
    let mut first = Post::new("p1".into(), "w1".into(), 1.0);
    first.base_text = "Soldes d'hiver".into();
    store::posts::put(&db, &first).await.unwrap();
    // Both tabs open version 0.
    let opened = store::posts::get(&db, "p1").await.unwrap().unwrap();
    let a = store::posts::put_edit(&db, &edit_in(&opened, "tab-a", "Soldes d'hiver, -30 %"))
        .await
        .unwrap();
    assert_eq!(a.version, 1);
    // Tab A's own next save, from its older copy, is its own latest word: accepted.
    let a2 = store::posts::put_edit(&db, &edit_in(&opened, "tab-a", "Soldes d'hiver, -40 %"))
        .await
        .unwrap();
    assert_eq!(a2.version, 2);
    // Tab B still edits version 0: refused, the stored post untouched.
    let b = store::posts::put_edit_editing(&db, &edit_in(&opened, "tab-b", "Soldes !")).await;
    assert_eq!(b, Err(store::StoreError::EditedElsewhere));
    let stored = store::posts::get(&db, "p1").await.unwrap().unwrap();
    assert_eq!(stored.base_text, "Soldes d'hiver, -40 %");
    assert_eq!(stored.version, 2);
    assert_eq!(stored.edited_in.as_deref(), Some("tab-a"));
    assert_eq!(
        store::posts::editing(&db, "w1").await.unwrap(),
        None,
        "nothing of B's save written"
    );
    // B keeps its own: its copy made an edit of the stored version, then saved.
    let mut keep = edit_in(&opened, "tab-b", "Soldes !");
    keep.version = stored.version;
    let b2 = store::posts::put_edit(&db, &keep).await.unwrap();
    assert_eq!(b2.version, 3);
    let stored = store::posts::get(&db, "p1").await.unwrap().unwrap();
    assert_eq!((stored.base_text.as_str(), stored.version), ("Soldes !", 3));
    // Now A's copy is the stale one.
    let a3 = store::posts::put_edit(&db, &edit_in(&a2, "tab-a", "Soldes d'hiver")).await;
    assert_eq!(a3, Err(store::StoreError::EditedElsewhere));
}

#[wasm_bindgen_test]
async fn a_sender_s_record_keeps_what_another_tab_saved_while_it_was_sending() {
    use attache::domain::post::{Publication, RemoteSend};
    let db = fresh_db("test-posts-sender").await;
    let mut first = Post::new("p1".into(), "w1".into(), 1.0);
    first.base_text = "Atelier latte samedi".into();
    first.variants = vec![Variant::new(Network::Mastodon)];
    store::posts::put(&db, &first).await.unwrap();
    // the outbox reads its copy, then a tab saves an edit while the request is out
    let mut sending = store::posts::get(&db, "p1").await.unwrap().unwrap();
    let edited = store::posts::put_edit(&db, &edit_in(&sending, "tab-a", "Atelier latte dimanche"))
        .await
        .unwrap();
    sending
        .transition(PostState::Publishing, "app", 2.0)
        .unwrap();
    sending.variants[0].remote = Some(RemoteSend::new("k1".into(), "acct".into()));
    sending.variants[0].published = Some(Publication {
        at: 3.0,
        url: "https://piaille.fr/@cafe/1".into(),
    });
    store::posts::put_send(&db, &sending).await.unwrap();
    let stored = store::posts::get(&db, "p1").await.unwrap().unwrap();
    assert_eq!(stored.base_text, "Atelier latte dimanche", "the edit stays");
    assert_eq!(stored.state, PostState::Publishing, "the send is recorded");
    assert_eq!(stored.variants[0].published, sending.variants[0].published);
    assert_eq!(stored.version, edited.version + 1);
    // the editing tab's next save is not refused: the sender changed nothing of its words
    let next = store::posts::put_edit(
        &db,
        &edit_in(&edited, "tab-a", "Atelier latte dimanche 10 h"),
    )
    .await
    .unwrap();
    let stored = store::posts::get(&db, "p1").await.unwrap().unwrap();
    assert_eq!(stored.base_text, "Atelier latte dimanche 10 h");
    assert_eq!(stored.state, PostState::Publishing, "and it keeps the send");
    assert_eq!(next.version, stored.version);
    // a post deleted meanwhile is written as the sender has it: its send is not forgotten
    store::posts::delete(&db, "p1").await.unwrap();
    store::posts::put_send(&db, &sending).await.unwrap();
    let stored = store::posts::get(&db, "p1").await.unwrap().unwrap();
    assert_eq!(stored.variants[0].published, sending.variants[0].published);
    db.close();
}
