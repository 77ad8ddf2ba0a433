//! The "new workspace" form: a name, checked as the user submits, then saved.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::ui::i18n::Msg;

use crate::domain::workspace::Workspace;
use crate::services::storage_health;
use crate::services::tabs::Change;
use crate::services::workspaces::{self, WorkspaceError};
use crate::ui::errors::name_error;
use crate::ui::state::{use_app, use_db, AppState};
use crate::ui::text::use_text;

/// A workspace just created becomes the current one: added to the list, announced here and
/// to the other tabs; the first one asks the browser not to evict the data.
pub fn adopt_created(state: AppState, w: &Workspace) {
    // Read the list again: another submit may have added to it meanwhile.
    let mut list = state.workspaces.get_untracked();
    let first = list.is_empty();
    list.push(w.clone());
    state.set_workspaces(list);
    state.update_prefs(|p| p.current_workspace = Some(w.id.clone()));
    let name = w.name.clone();
    state.say_in(move |t| t.fill(Msg::Created, &[("name", &name)]));
    state.changed(Change::Workspaces);
    if first {
        // The first real data: ask the browser not to evict it.
        leptos::task::spawn_local(async {
            storage_health::ask_persistence().await;
        });
    }
}

#[component]
pub fn NewWorkspaceForm() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let db = db.get();
        let existing = state.workspaces.get_untracked();
        let raw = name.get_untracked();
        // The field empties at once, so a user who types the next name while this one
        // is being saved keeps what they typed; it comes back only if the save fails.
        name.set(String::new());
        leptos::task::spawn_local(async move {
            match workspaces::create(&db, &existing, &raw).await {
                Ok(w) => {
                    error.set(None);
                    adopt_created(state, &w);
                }
                Err(failure) => {
                    // The form may be gone by now (another page): nothing to put back then.
                    if name.try_with_untracked(String::is_empty) == Some(true) {
                        name.set(raw);
                    }
                    error.set(Some(match failure {
                        WorkspaceError::Invalid(e) => t.get(name_error(e)).to_string(),
                        WorkspaceError::Store(e) => crate::ui::errors::save_failed(t, &e),
                    }));
                }
            }
        });
    };
    view! {
        <section aria-labelledby="new-workspace">
            <h2 id="new-workspace">{t.tr(Msg::NewWorkspaceHeading)}</h2>
            <form class="inline-form" on:submit=submit novalidate>
                <label for="new-workspace-name">{t.tr(Msg::NewWorkspaceLabel)}</label>
                <input id="new-workspace-name" type="text" autocomplete="off" maxlength="200"
                    bind:value=name
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby="new-workspace-error"/>
                <button type="submit">{t.tr(Msg::Create)}</button>
                <p id="new-workspace-error" class="field-error">{move || error.get()}</p>
            </form>
        </section>
    }
}
