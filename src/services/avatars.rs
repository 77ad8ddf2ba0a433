//! Pictures. The connected accounts': downloaded once when an account connects and kept on
//! the device, so the previews show the brand's real face, online or not. Members': only
//! downloaded when shown (a member's row opened), and only the hash of their bytes kept, for
//! the merge suggestions. Best effort: a picture that cannot be had leaves its place empty
//! and says nothing.

use std::collections::HashMap;

use web_sys::Blob;

use crate::domain::account::Account;
use crate::domain::member_merge::ShownPicture;
use crate::platforms::http;
use crate::store::{self, Db, StoreError};

/// Downloads the account's picture and keeps it (nothing when it has none or it fails).
pub async fn keep(db: &Db, account: &Account) {
    if account.avatar.is_empty() {
        return;
    }
    if let Some(picture) = http::get_image(&account.avatar).await {
        let _ = store::avatars::put(db, &account.id, &picture).await;
    }
}

/// [`keep`], in the background: the sign-in does not wait for the picture.
pub fn keep_later(db: &Db, account: &Account) {
    let (db, account) = (db.clone(), account.clone());
    wasm_bindgen_futures::spawn_local(async move { keep(&db, &account).await });
}

/// The account's picture as kept on the device, if any.
pub async fn get(db: &Db, account_id: &str) -> Option<Blob> {
    store::avatars::get(db, account_id).await.ok().flatten()
}

/// The settings document of the member pictures shown in a workspace.
pub fn shown_key(workspace_id: &str) -> String {
    format!("member-pictures:{workspace_id}")
}

/// The member pictures shown on this device, by member key (`domain::member_merge::
/// know_pictures` reads them for the merge suggestions).
pub async fn shown(db: &Db, workspace_id: &str) -> Result<ShownPictures, StoreError> {
    store::settings_docs::get_or_default(db, &shown_key(workspace_id)).await
}

type ShownPictures = HashMap<String, ShownPicture>;

/// A member's picture, downloaded to be shown (`None` when it cannot be had: offline, no
/// such picture, a server that does not allow it); the hash of its bytes is kept under the
/// member's key. Keeping it is best effort: a picture whose hash could not be kept is shown
/// all the same.
pub async fn member_picture(
    db: &Db,
    workspace_id: &str,
    member_key: &str,
    url: &str,
) -> Option<Blob> {
    if url.is_empty() {
        return None;
    }
    let picture = http::get_image(url).await?;
    let bytes = wasm_bindgen_futures::JsFuture::from(picture.array_buffer())
        .await
        .ok()?;
    let shown = ShownPicture::of(url, &js_sys::Uint8Array::new(&bytes).to_vec());
    let _ =
        store::settings_docs::update(db, &shown_key(workspace_id), |all: &mut ShownPictures| {
            all.insert(member_key.to_string(), shown)
        })
        .await;
    Some(picture)
}
