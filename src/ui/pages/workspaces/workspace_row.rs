//! One workspace in the list: its name and date, and switch / rename / delete, each done
//! in place. Deleting asks for confirmation with the focus on "Cancel".

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::domain::workspace::{current_after_delete, Workspace};
use crate::services::tabs::Change;
use crate::services::undo::{self, Deleted};
use crate::services::workspaces::{self, WorkspaceError};
use crate::ui::errors::name_error;
use crate::ui::format::long_date;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db, AppState, OpenDb};
use crate::ui::text::{use_text, Text};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Showing,
    Renaming,
    ConfirmingDelete,
}

fn failure(t: Text, e: WorkspaceError) -> String {
    match e {
        WorkspaceError::Invalid(e) => t.get(name_error(e)).to_string(),
        WorkspaceError::Store(e) => crate::ui::errors::save_failed(t, &e),
    }
}

/// Moves the focus once the element exists (after the next render).
fn focus_later(find: impl Fn() -> Option<web_sys::HtmlElement> + 'static) {
    request_animation_frame(move || {
        if let Some(el) = find() {
            let _ = el.focus();
        }
    });
}

macro_rules! focus {
    ($node:expr) => {{
        let node = $node;
        focus_later(move || {
            node.try_get_untracked()
                .flatten()
                .map(|e| wasm_bindgen::JsCast::unchecked_into(e))
        })
    }};
}

#[component]
pub fn WorkspaceRow(workspace: Workspace, list_heading: NodeRef<html::H2>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let mode = RwSignal::new(Mode::Showing);
    let error = RwSignal::new(None::<String>);
    let draft = RwSignal::new(workspace.name.clone());
    let rename_input = NodeRef::<html::Input>::new();
    let cancel_delete = NodeRef::<html::Button>::new();
    let rename_button = NodeRef::<html::Button>::new();

    let id = workspace.id.clone();
    let is_current = {
        let id = id.clone();
        move || {
            state
                .prefs
                .with(|p| p.current_workspace.as_deref() == Some(id.as_str()))
        }
    };
    let name = workspace.name.clone();
    let created = workspace.created_at;

    let switch = {
        let (id, name) = (id.clone(), name.clone());
        move |_| {
            let id = id.clone();
            state.update_prefs(|p| p.current_workspace = Some(id));
            let name = name.clone();
            state.say_in(move |t| t.fill(Msg::Switched, &[("name", &name)]));
        }
    };
    let start_rename = move |_| {
        mode.set(Mode::Renaming);
        focus!(rename_input);
    };
    let stop = move || {
        mode.set(Mode::Showing);
        error.set(None);
        focus!(rename_button);
    };
    let save_rename = {
        let id = id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            save(state, db, t, id.clone(), draft.get_untracked(), mode, error);
        }
    };
    let ask_delete = move |_| {
        mode.set(Mode::ConfirmingDelete);
        focus!(cancel_delete);
    };
    let confirm_delete = {
        let (id, name) = (id.clone(), name.clone());
        move |_| remove(state, db, t, id.clone(), name.clone(), error, list_heading)
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            stop();
        }
    };

    let heading_id = format!("ws-{}", id);
    view! {
        <li class="workspace" class:current=is_current.clone() on:keydown=on_key>
            <div class="workspace-summary">
                <span class="workspace-name" id=heading_id.clone()>{name.clone()}</span>
                <Show when=is_current.clone()>
                    <span class="badge">{t.tr(Msg::CurrentBadge)}</span>
                </Show>
                <span class="workspace-date">
                    {move || t.fill(Msg::CreatedOn, &[("date", &long_date(t.lang(), created))])}
                </span>
            </div>
            {
                let name = name.clone();
                let is_current = is_current.clone();
                let switch = switch.clone();
                let save_rename = save_rename.clone();
                let confirm_delete = confirm_delete.clone();
                move || match mode.get() {
                Mode::Showing => {
                    let (switch, is_current) = (switch.clone(), is_current.clone());
                    let hidden = format!(" {name}");
                    let (h1, h2, h3) = (hidden.clone(), hidden.clone(), hidden);
                    view! {
                    <div class="actions">
                        <Show when={let c = is_current.clone(); move || !c()}>
                            <button type="button" on:click=switch.clone()>
                                {t.tr(Msg::SwitchTo)}
                                <span class="visually-hidden">{h1.clone()}</span>
                            </button>
                        </Show>
                        <button type="button" node_ref=rename_button on:click=start_rename>
                            {t.tr(Msg::Rename)}
                            <span class="visually-hidden">{h2}</span>
                        </button>
                        <button type="button" class="danger" on:click=ask_delete>
                            {t.tr(Msg::Delete)}
                            <span class="visually-hidden">{h3}</span>
                        </button>
                    </div>
                }.into_any()
                }
                Mode::Renaming => {
                    let save_rename = save_rename.clone();
                    let input_id = format!("rename-{}", id);
                    view! {
                        <form class="inline-form" on:submit=save_rename.clone() novalidate>
                            <label for=input_id.clone()>{
                                let name = name.clone();
                                move || t.fill(Msg::RenameLabel, &[("name", &name)])
                            }</label>
                            <input id=input_id type="text" autocomplete="off" maxlength="200"
                                node_ref=rename_input bind:value=draft/>
                            <button type="submit">{t.tr(Msg::Save)}</button>
                            <button type="button" on:click=move |_| stop()>{t.tr(Msg::Cancel)}</button>
                        </form>
                    }.into_any()
                }
                Mode::ConfirmingDelete => {
                    let (id, confirm_delete) = (id.clone(), confirm_delete.clone());
                    view! {
                    <div class="confirm" role="group" aria-labelledby=format!("confirm-{}", id)>
                        <p id=format!("confirm-{}", id)>{
                            let name = name.clone();
                            move || t.fill(Msg::ConfirmDelete, &[("name", &name)])
                        }</p>
                        <button type="button" class="danger" on:click=confirm_delete.clone()>
                            {t.tr(Msg::ConfirmDeleteYes)}
                        </button>
                        <button type="button" node_ref=cancel_delete on:click=move |_| stop()>
                            {t.tr(Msg::Cancel)}
                        </button>
                    </div>
                }.into_any()
                }
            }}
            <p class="field-error" role="alert">{move || error.get()}</p>
        </li>
    }
}

fn save(
    state: AppState,
    db: OpenDb,
    t: Text,
    id: String,
    raw: String,
    mode: RwSignal<Mode>,
    error: RwSignal<Option<String>>,
) {
    let db = db.get();
    let existing = state.workspaces.get_untracked();
    leptos::task::spawn_local(async move {
        match workspaces::rename(&db, &existing, &id, &raw).await {
            Ok(w) => {
                let list = existing
                    .into_iter()
                    .map(|x| if x.id == w.id { w.clone() } else { x })
                    .collect();
                mode.set(Mode::Showing);
                state.set_workspaces(list);
                state.say_in(move |t| t.fill(Msg::Renamed, &[("name", &w.name)]));
                state.changed(Change::Workspaces);
            }
            Err(e) => error.set(Some(failure(t, e))),
        }
    });
}

fn remove(
    state: AppState,
    db: OpenDb,
    t: Text,
    id: String,
    name: String,
    error: RwSignal<Option<String>>,
    heading: NodeRef<html::H2>,
) {
    let handle = db;
    let db = db.get();
    leptos::task::spawn_local(async move {
        match workspaces::delete(&db, &id).await {
            Ok(deleted) => {
                let remaining: Vec<Workspace> = state
                    .workspaces
                    .get_untracked()
                    .into_iter()
                    .filter(|w| w.id != id)
                    .collect();
                let current = state.prefs.with_untracked(|p| p.current_workspace.clone());
                let next = current_after_delete(&remaining, current.as_deref(), &id);
                state.set_workspaces(remaining);
                state.update_prefs(|p| p.current_workspace = next);
                let words = name.clone();
                state.say_undoable(
                    move |t| t.fill(Msg::Deleted, &[("name", &words)]),
                    move || put_back(state, handle, id.clone(), name.clone(), deleted.clone()),
                );
                state.changed(Change::Workspaces);
                focus!(heading);
            }
            Err(e) => error.set(Some(failure(t, e))),
        }
    });
}

/// Undoes a deletion: the workspace and everything in it come back exactly, and it is the
/// current workspace again.
fn put_back(state: AppState, db: OpenDb, id: String, name: String, deleted: Deleted) {
    let db = db.get();
    leptos::task::spawn_local(async move {
        if let Err(e) = undo::put_back(&db, &deleted).await {
            return state.save_failed(&e);
        }
        match workspaces::list(&db).await {
            Ok(list) => state.set_workspaces(list),
            Err(e) => return state.save_failed(&e),
        }
        state.update_prefs(|p| p.current_workspace = Some(id));
        state.say_in(move |t| t.fill(Msg::WorkspaceBack, &[("name", &name)]));
        state.changed(Change::Workspaces);
    });
}
