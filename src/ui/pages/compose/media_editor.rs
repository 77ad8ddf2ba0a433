//! Images of the post: pick (or drop) files, each stored as a Blob at once, shown as a
//! thumbnail with its alt-text field beside it; removing one deletes its Blob.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::i18n::Msg;
use crate::domain::post::MediaRef;
use crate::services::clock::new_id;
use crate::store;
use crate::ui::errors::store_error;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

use super::Draft;

fn set_alt(draft: Draft, id: &str, alt: String) {
    draft.post.update(|p| {
        for v in &mut p.variants {
            for m in v.media.iter_mut().filter(|m| m.id == id) {
                m.alt = alt.clone();
            }
        }
    });
}

#[component]
pub fn MediaEditor() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let draft = expect_context::<Draft>();
    // Object URLs of the thumbnails, by media id (kept for the page's life).
    let urls = RwSignal::new(HashMap::<String, String>::new());
    let media = move || {
        draft.post.with(|p| {
            p.variants
                .first()
                .map(|v| v.media.clone())
                .unwrap_or_default()
        })
    };

    // Thumbnails for images of a post opened from the list.
    Effect::new(move |_| {
        let Some(db) = state.db() else { return };
        for m in media() {
            if urls.with_untracked(|u| u.contains_key(&m.id)) {
                continue;
            }
            let db = db.clone();
            leptos::task::spawn_local(async move {
                if let Ok(Some(blob)) = store::posts::get_media(&db, &m.id).await {
                    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
                        urls.update(|u| {
                            u.insert(m.id.clone(), url);
                        });
                    }
                }
            });
        }
    });

    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else { return };
        let Some(db) = state.db() else { return };
        let post_id = draft.post.with_untracked(|p| p.id.clone());
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            let (db, post_id, id) = (db.clone(), post_id.clone(), new_id());
            leptos::task::spawn_local(async move {
                match store::posts::put_media(&db, &id, &post_id, &file).await {
                    Ok(()) => {
                        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&file) {
                            urls.update(|u| {
                                u.insert(id.clone(), url);
                            });
                        }
                        let m = MediaRef {
                            id,
                            mime: file.type_(),
                            bytes: file.size() as u64,
                            alt: String::new(),
                        };
                        draft.post.update(|p| {
                            p.variants.iter_mut().for_each(|v| v.media.push(m.clone()))
                        });
                    }
                    Err(e) => state.warn(t.fill(Msg::SaveFailed, &[t.get(store_error(&e))])),
                }
            });
        }
        input.set_value("");
    };

    let remove = move |id: String| {
        draft.post.update(|p| {
            p.variants
                .iter_mut()
                .for_each(|v| v.media.retain(|m| m.id != id))
        });
        if let Some(db) = state.db() {
            leptos::task::spawn_local(async move {
                let _ = store::posts::delete_media(&db, &id).await;
            });
        }
    };

    view! {
        <div class="media">
            <label for="post-images" class="field-label">{move || t.get(Msg::ImagesLabel)}</label>
            <input id="post-images" type="file" accept="image/*" multiple on:change=on_files/>
            <ul class="media-list">
                <For each=media key=|m| m.id.clone() let(m)>
                    {
                        let id = m.id.clone();
                        let field = format!("alt-{id}");
                        let (id_alt, id_rm, id_src) = (id.clone(), id.clone(), id.clone());
                        view! {
                            <li class="media-item">
                                <img class="thumb" alt="" src=move || urls.with(|u| u.get(&id_src).cloned().unwrap_or_default())/>
                                <div class="media-fields">
                                    <label for=field.clone()>{move || t.get(Msg::AltLabel)}</label>
                                    <textarea id=field rows="2" prop:value=m.alt.clone()
                                        on:input=move |ev| set_alt(draft, &id_alt, event_target_value(&ev))></textarea>
                                    <button type="button" class="danger" on:click=move |_| remove(id_rm.clone())>
                                        {move || t.get(Msg::RemoveImage)}
                                    </button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}
