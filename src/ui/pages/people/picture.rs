//! A member's picture, downloaded only when their row is opened (`services::avatars::
//! member_picture`, which keeps the hash of its bytes for the merge suggestions) and shown
//! from memory; nothing in its place when it cannot be had.

use leptos::prelude::*;

use crate::services::avatars;
use crate::ui::state::{use_app, use_db};

/// A picture's object URL, revoked when the last copy goes (the row closed, the resource
/// read again): the bytes are freed with the view that showed them.
struct ObjectUrl(String);

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.0);
    }
}

#[component]
pub fn MemberPicture(member_key: String, url: String) -> impl IntoView {
    let (state, db) = (use_app(), use_db());
    let ws = state.current().map(|w| w.id).unwrap_or_default();
    let picture = LocalResource::new(move || {
        let (db, ws, key, url) = (db.get(), ws.clone(), member_key.clone(), url.clone());
        async move {
            let blob = avatars::member_picture(&db, &ws, &key, &url).await?;
            let src = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            Some(std::sync::Arc::new(ObjectUrl(src)))
        }
    });
    move || {
        picture.get().flatten().map(|src| {
            // Decorative: their name is beside it.
            view! { <img class="member-picture" src=src.0.clone() alt="" width="64" height="64"/> }
        })
    }
}
