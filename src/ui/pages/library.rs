//! The content library: snippets to insert in the composer, campaigns to tag posts with
//! (each with a colour), and the workspace's posting slots for the queue.

pub(crate) mod campaigns;
mod slots;
mod snippets;

use leptos::prelude::*;

use crate::ui::components::no_workspace::NoWorkspace;

use crate::services::library::{self, ChangeError};
use crate::ui::components::library_data::Library;
use crate::ui::errors::library_error;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, AppState, OpenDb};
use crate::ui::text::{use_text, Text};

/// The library's delete action (a snippet or a campaign, by id and name): says so with
/// "Undo" (which puts the record back as it was) and reloads the library.
pub(crate) fn delete_action(
    state: AppState,
    db: OpenDb,
    lib: Library,
) -> Action<(String, String), ()> {
    Action::new_local(move |(id, name): &(String, String)| {
        let (id, name, db) = (id.clone(), name.clone(), db.get());
        let kept = lib
            .items
            .with_untracked(|items| items.iter().find(|i| i.id == id).cloned());
        async move {
            match library::delete(&db, &id).await {
                Ok(()) => {
                    lib.reload();
                    let said = name.clone();
                    let words = move |t: Text| t.fill(Msg::ItemDeleted, &[("name", &said)]);
                    let Some(item) = kept else {
                        state.say_in(words);
                        return;
                    };
                    state.say_undoable(words, move || {
                        let (item, name) = (item.clone(), name.clone());
                        let db = db.clone();
                        leptos::task::spawn_local(async move {
                            match library::restore(&db, &item).await {
                                Ok(()) => {
                                    lib.reload();
                                    state
                                        .say_in(move |t| t.fill(Msg::Restored, &[("name", &name)]));
                                }
                                Err(e) => state.save_failed(&e),
                            }
                        });
                    });
                }
                Err(e) => state.save_failed(&e),
            }
        }
    })
}

/// The outcome of adding to the library: said, the library reloaded, or the rule broken
/// shown beside the form.
pub(crate) fn added(
    state: AppState,
    lib: Library,
    error: RwSignal<Option<Msg>>,
    result: Result<String, ChangeError>,
) {
    match result {
        Ok(done) => {
            error.set(None);
            state.say(done);
            lib.reload();
        }
        Err(ChangeError::Invalid(e)) => error.set(Some(library_error(e))),
        Err(ChangeError::Code(e)) => error.set(Some(snippets::code_error(e))),
        Err(ChangeError::Store(e)) => state.save_failed(&e),
    }
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let lib = Library::provide();
    let has_workspace = move || state.current().is_some();
    view! {
        <h1>{t.tr(Msg::NavLibrary)}</h1>
        <p>{t.tr(Msg::LibraryIntro)}</p>
        <Show when=has_workspace fallback=NoWorkspace>
            <snippets::Snippets lib=lib/>
            <campaigns::Campaigns lib=lib/>
            <slots::Slots lib=lib/>
        </Show>
    }
}
