//! The content library: snippets to insert in the composer, campaigns to tag posts with
//! (each with a colour), and the workspace's posting slots for the queue.

mod campaigns;
mod slots;
mod snippets;

use leptos::prelude::*;

use crate::domain::library::LibraryItem;
use crate::store;
use crate::ui::components::library_data::Library;
use crate::ui::errors::store_error;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, AppState};
use crate::ui::text::{use_text, Text};

/// Saves one library record, says `done` and reloads the library.
pub(crate) fn save_item(state: AppState, t: Text, lib: Library, item: LibraryItem, done: String) {
    let Some(db) = state.db() else { return };
    leptos::task::spawn_local(async move {
        match store::library::put(&db, &item).await {
            Ok(()) => {
                state.say(done);
                lib.reload();
            }
            Err(e) => state.warn(t.fill(Msg::SaveFailed, &[("reason", &t.get(store_error(&e)))])),
        }
    });
}

/// Deletes one library record, says so and reloads the library.
pub(crate) fn delete_item(state: AppState, t: Text, lib: Library, id: String, name: String) {
    let Some(db) = state.db() else { return };
    leptos::task::spawn_local(async move {
        match store::library::delete(&db, &id).await {
            Ok(()) => {
                state.say(t.fill(Msg::ItemDeleted, &[("name", &name)]));
                lib.reload();
            }
            Err(e) => state.warn(t.fill(Msg::SaveFailed, &[("reason", &t.get(store_error(&e)))])),
        }
    });
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let lib = Library::provide();
    let has_workspace = move || state.current().is_some();
    view! {
        <h1>{move || t.get(Msg::NavLibrary)}</h1>
        <p>{move || t.get(Msg::LibraryIntro)}</p>
        <Show when=has_workspace fallback=move || view! { <p>{t.get(Msg::NoWorkspaceYet)}</p> }>
            <snippets::Snippets lib=lib/>
            <campaigns::Campaigns lib=lib/>
            <slots::Slots lib=lib/>
        </Show>
    }
}
