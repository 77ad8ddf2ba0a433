//! A member's picture, downloaded only when their row is opened (`services::avatars::
//! member_picture`, which keeps the hash of its bytes for the merge suggestions) and shown
//! from memory; nothing in its place when it cannot be had.

use leptos::prelude::*;

use crate::services::avatars;
use crate::ui::state::{use_app, use_db};

#[component]
pub fn MemberPicture(member_key: String, url: String) -> impl IntoView {
    let (state, db) = (use_app(), use_db());
    let ws = state.current().map(|w| w.id).unwrap_or_default();
    let picture = LocalResource::new(move || {
        let (db, ws, key, url) = (db.get(), ws.clone(), member_key.clone(), url.clone());
        async move {
            let blob = avatars::member_picture(&db, &ws, &key, &url).await?;
            web_sys::Url::create_object_url_with_blob(&blob).ok()
        }
    });
    let shown = StoredValue::new(None::<String>);
    on_cleanup(move || {
        if let Some(src) = shown.try_get_value().flatten() {
            let _ = web_sys::Url::revoke_object_url(&src);
        }
    });
    move || {
        picture.get().flatten().map(|src| {
            shown.set_value(Some(src.clone()));
            // Decorative: their name is beside it.
            view! { <img class="member-picture" src=src alt="" width="64" height="64"/> }
        })
    }
}
