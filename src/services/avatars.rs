//! The connected accounts' pictures: downloaded once when an account connects and kept on
//! the device, so the previews show the brand's real face, online or not. Best effort: a
//! picture that cannot be had leaves the initial in its place and says nothing.

use web_sys::Blob;

use crate::domain::account::Account;
use crate::platforms::http;
use crate::store::{self, Db};

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
