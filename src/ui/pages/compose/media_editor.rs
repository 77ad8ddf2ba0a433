//! Images of the post: pick, drop or paste files, each stored as a Blob at once, shown as a
//! thumbnail with its alt-text field beside it; removing one deletes its Blob. An image
//! too heavy for Bluesky can be reduced in the browser.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::network::Network;
use crate::domain::post::{MediaRef, BLUESKY_MAX_IMAGE_BYTES};
use crate::services::images::downscale;
use crate::services::posts;
use crate::store;
use crate::ui::format::bytes;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db, AppState, OpenDb};
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
    let db = use_db();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let urls = draft.thumbs;
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
        let db = db.get();
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
        if let Some(files) = input.files() {
            add_files(state, db, draft, urls, file_list(&files));
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        let files = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(|f| file_list(&f))
            .unwrap_or_default();
        if !files.is_empty() {
            ev.prevent_default();
            add_files(state, db, draft, urls, files);
        }
    };
    // A pasted image (a screenshot, say) anywhere on the composer page.
    let paste = window_event_listener(leptos::ev::paste, move |ev| {
        let files = ev
            .clipboard_data()
            .and_then(|d| d.files())
            .map(|f| file_list(&f))
            .unwrap_or_default();
        if !files.is_empty() {
            ev.prevent_default();
            add_files(state, db, draft, urls, files);
        }
    });
    on_cleanup(move || paste.remove());
    let reduce = move |m: MediaRef| {
        let handle = db;
        let db = db.get();
        let post_id = draft.post.with_untracked(|p| p.id.clone());
        leptos::task::spawn_local(async move {
            let Ok(Some(blob)) = store::posts::get_media(&db, &m.id).await else {
                return;
            };
            let Ok(small) = downscale(&blob, BLUESKY_MAX_IMAGE_BYTES).await else {
                state.warn_in(move |t| t.get(Msg::DownscaleFailed).to_string());
                return;
            };
            let id = match posts::add_image(&db, &post_id, &small).await {
                Ok(id) => id,
                Err(e) => return state.save_failed(&e),
            };
            if let Ok(url) = web_sys::Url::create_object_url_with_blob(&small) {
                urls.update(|u| {
                    u.insert(id.clone(), url);
                });
            }
            let size = small.size() as u64;
            draft.post.update(|p| {
                for v in &mut p.variants {
                    for r in v.media.iter_mut().filter(|r| r.id == m.id) {
                        r.id = id.clone();
                        r.mime = "image/jpeg".into();
                        r.bytes = size;
                    }
                }
            });
            let _ = posts::remove_image(&db, &m.id).await;
            super::save(state, handle, t, draft, None);
            state.say_in(move |t| {
                t.fill(Msg::Downscaled, &[("size", &bytes(t.lang(), size as f64))])
            });
        });
    };
    let to_bluesky = move || {
        draft
            .post
            .with(|p| p.variants.iter().any(|v| v.network == Network::Bluesky))
    };

    let remove = move |id: String| {
        draft.post.update(|p| {
            p.variants
                .iter_mut()
                .for_each(|v| v.media.retain(|m| m.id != id))
        });
        {
            let db = db.get();
            leptos::task::spawn_local(async move {
                let _ = posts::remove_image(&db, &id).await;
            });
        }
    };

    view! {
        <div class="media drop-zone"
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop>
            <label for="post-images" class="field-label">{t.tr(Msg::ImagesLabel)}</label>
            <p class="hint">{t.tr(Msg::DropHint)}</p>
            <input id="post-images" type="file" accept="image/*" multiple on:change=on_files/>
            <ul class="media-list">
                <For each=media key=|m| m.id.clone() let(m)>
                    {
                        let id = m.id.clone();
                        let field = format!("alt-{id}");
                        let (id_alt, id_rm, id_src) = (id.clone(), id.clone(), id.clone());
                        let heavy = m.bytes > BLUESKY_MAX_IMAGE_BYTES;
                        let m_reduce = m.clone();
                        view! {
                            <li class="media-item">
                                <img class="thumb" alt="" src=move || urls.with(|u| u.get(&id_src).cloned().unwrap_or_default())/>
                                <div class="media-fields">
                                    <label for=field.clone()>{t.tr(Msg::AltLabel)}</label>
                                    <textarea id=field rows="2" prop:value=m.alt.clone()
                                        on:input=move |ev| set_alt(draft, &id_alt, event_target_value(&ev))></textarea>
                                    <div class="actions">
                                        <Show when=move || heavy && to_bluesky()>
                                            {
                                                let m = m_reduce.clone();
                                                view! {
                                                    <button type="button" on:click=move |_| reduce(m.clone())>
                                                        {t.tr(Msg::Downscale)}
                                                    </button>
                                                }
                                            }
                                        </Show>
                                        <button type="button" class="danger" on:click=move |_| remove(id_rm.clone())>
                                            {t.tr(Msg::RemoveImage)}
                                        </button>
                                    </div>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}

fn file_list(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Stores each image as a Blob, then adds it to every variant of the post.
fn add_files(
    state: AppState,
    db: OpenDb,
    draft: Draft,
    urls: RwSignal<HashMap<String, String>>,
    files: Vec<web_sys::File>,
) {
    let db = db.get();
    let post_id = draft.post.with_untracked(|p| p.id.clone());
    for file in files {
        if !file.type_().starts_with("image/") {
            state.warn_in(move |t| t.get(Msg::NotAnImage).to_string());
            continue;
        }
        let (db, post_id) = (db.clone(), post_id.clone());
        leptos::task::spawn_local(async move {
            match posts::add_image(&db, &post_id, &file).await {
                Ok(id) => {
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
                    draft
                        .post
                        .update(|p| p.variants.iter_mut().for_each(|v| v.media.push(m.clone())));
                }
                Err(e) => state.save_failed(&e),
            }
        });
    }
}
