//! Export and import in Settings. An import is checked whole first; a full import asks for
//! confirmation (offering an export of what it replaces); then it is written all or nothing.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::backup::{Backup, ImportError, Scope};
use crate::domain::lock::LockState;
use crate::services::backup::{self, Export, ImportFailure, Imported};
use crate::services::tabs::Change;
use crate::store;
use crate::store::backup::ImportControl;
use crate::ui::errors::{problem_line, store_error};
use crate::ui::format::bytes;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db, AppState, OpenDb};
use crate::ui::text::{use_text, Text};

#[derive(Clone)]
enum Stage {
    Idle,
    Checking,
    Refused {
        heading: String,
        lines: Vec<String>,
    },
    ConfirmReplace {
        backup: Arc<Backup>,
        notes_now: u32,
    },
    ConfirmAdd {
        backup: Arc<Backup>,
    },
    /// An encrypted export picked: its passphrase is asked.
    AskPassphrase {
        text: Arc<String>,
        wrong: bool,
    },
    Writing {
        done: usize,
        total: usize,
    },
}

fn refusal(t: Text, failure: ImportFailure) -> Stage {
    let (heading, lines) = match failure {
        ImportFailure::Unreadable => (t.get(Msg::ImportUnreadable).to_string(), vec![]),
        ImportFailure::Invalid(ImportError::NotJson { line, column }) => (
            t.fill(
                Msg::ImportNotJson,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            vec![],
        ),
        ImportFailure::Invalid(ImportError::NotABackup) => {
            (t.get(Msg::ImportNotBackup).to_string(), vec![])
        }
        ImportFailure::Invalid(ImportError::NewerVersion { found }) => (
            t.fill(Msg::ImportNewer, &[("format", &found.to_string())]),
            vec![],
        ),
        ImportFailure::Invalid(ImportError::Problems { listed, total }) => {
            let mut lines: Vec<String> = listed.iter().map(|p| problem_line(t, p)).collect();
            if total > listed.len() {
                lines.push(t.plural(Msg::ImportMoreProblems, total - listed.len(), &[]));
            }
            (t.plural(Msg::ImportProblems, total, &[]), lines)
        }
        ImportFailure::Store(e) => (
            t.fill(Msg::ImportFailed, &[("reason", &t.get(store_error(&e)))]),
            vec![],
        ),
        // Asked for before any refusal (`checked`).
        ImportFailure::Encrypted(_) | ImportFailure::WrongPassphrase => {
            (t.get(Msg::ImportUnreadable).to_string(), vec![])
        }
    };
    Stage::Refused { heading, lines }
}

/// Makes the export ready (records and images read, the file's text built) without
/// writing it: its size is shown first.
fn export(state: AppState, db: OpenDb, ready: RwSignal<Option<Arc<Export>>>, current_only: bool) {
    let db = db.get();
    let workspace = if current_only { state.current() } else { None };
    leptos::task::spawn_local(async move {
        match backup::export(&db, workspace.as_ref()).await {
            Ok(file) => ready.set(Some(Arc::new(file))),
            Err(e) => state.save_failed(&e),
        }
    });
}

/// Hands the ready export to the browser as a download.
pub(super) fn save_export(state: AppState, ready: RwSignal<Option<Arc<Export>>>) {
    let Some(file) = ready.get_untracked() else {
        return;
    };
    match backup::download(&file.name, &file.text) {
        Ok(()) => {
            ready.set(None);
            let name = file.name.clone();
            state.say_in(move |t| t.fill(Msg::Exported, &[("file", &name)]));
        }
        Err(e) => state.save_failed(&e),
    }
}

fn check_file(db: OpenDb, t: Text, stage: RwSignal<Stage>, file: web_sys::File) {
    let db = db.get();
    stage.set(Stage::Checking);
    leptos::task::spawn_local(async move {
        let read = backup::read(&file).await;
        checked(&db, t, stage, read).await;
    });
}

/// The next stage once a file is read (or opened with its passphrase).
async fn checked(
    db: &store::Db,
    t: Text,
    stage: RwSignal<Stage>,
    read: Result<Backup, ImportFailure>,
) {
    match read {
        Ok(b) if b.scope == Scope::All => {
            let notes_now = store::notes::count(db).await.unwrap_or(0);
            stage.set(Stage::ConfirmReplace {
                backup: Arc::new(b),
                notes_now,
            });
        }
        Ok(b) => stage.set(Stage::ConfirmAdd {
            backup: Arc::new(b),
        }),
        Err(ImportFailure::Encrypted(text)) => stage.set(Stage::AskPassphrase {
            text: Arc::new(text),
            wrong: false,
        }),
        Err(f) => stage.set(refusal(t, f)),
    }
}

/// Opens the encrypted export with the passphrase typed.
fn open_file(db: OpenDb, t: Text, stage: RwSignal<Stage>, text: Arc<String>, passphrase: String) {
    let db = db.get();
    stage.set(Stage::Checking);
    leptos::task::spawn_local(async move {
        match backup::open_sealed(&text, &passphrase).await {
            Err(ImportFailure::WrongPassphrase) => {
                stage.set(Stage::AskPassphrase { text, wrong: true })
            }
            read => checked(&db, t, stage, read).await,
        }
    });
}

fn write(state: AppState, db: OpenDb, t: Text, stage: RwSignal<Stage>, backup: Arc<Backup>) {
    let db = db.get();
    let existing = state.workspaces.get_untracked();
    let total = backup.record_count();
    stage.set(Stage::Writing { done: 0, total });
    let control = ImportControl {
        progress: Some(Rc::new(move |done, total| {
            stage.set(Stage::Writing { done, total })
        })),
        abort_after: None,
    };
    leptos::task::spawn_local(async move {
        match backup::import(&db, &backup, &existing, control).await {
            Ok(done) => {
                stage.set(Stage::Idle);
                state.reload();
                state.changed(Change::Everything);
                state.say(match done {
                    Imported::Everything { workspaces, notes } => t.fill(
                        Msg::ImportedAll,
                        &[
                            (
                                "workspaces",
                                &t.plural(Msg::WorkspaceCount, workspaces, &[]),
                            ),
                            ("notes", &t.plural(Msg::NoteCount, notes, &[])),
                        ],
                    ),
                    Imported::Workspace { workspace, notes } => t.fill(
                        Msg::ImportedWorkspace,
                        &[
                            ("name", &workspace.name),
                            ("notes", &t.plural(Msg::NoteCount, notes, &[])),
                        ],
                    ),
                });
            }
            Err(f) => stage.set(refusal(t, f)),
        }
    });
}

#[component]
pub fn DataSection() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let stage = RwSignal::new(Stage::Idle);
    let ready = RwSignal::new(None::<Arc<Export>>);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            check_file(db, t, stage, file);
        }
        input.set_value(""); // the same file can be picked again after a fix
    };
    let current_name = move || state.current().map(|w| w.name);
    let body = move || {
        match stage.get() {
        Stage::Idle => ().into_any(),
        Stage::Checking => view! { <p role="status">{t.get(Msg::ImportChecking)}</p> }.into_any(),
        Stage::Refused { heading, lines } => view! {
            <div class="problems" role="alert">
                <p>{heading}</p>
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        }.into_any(),
        Stage::ConfirmReplace { backup, notes_now } => {
            let ws_now = state.workspaces.with_untracked(|l| l.len());
            let text = t.fill(Msg::ConfirmReplace, &[
                ("workspaces_now", &t.plural(Msg::WorkspaceCount, ws_now, &[])),
                ("notes_now", &t.plural(Msg::NoteCount, notes_now, &[])),
                ("workspaces_file", &t.plural(Msg::WorkspaceCount, backup.workspaces.len(), &[])),
                ("notes_file", &t.plural(Msg::NoteCount, backup.notes.len(), &[])),
            ]);
            view! {
                <div class="confirm" role="group" aria-labelledby="confirm-replace">
                    <p id="confirm-replace">{text}</p>
                    <button type="button" on:click=move |_| export(state, db, ready, false)>{t.get(Msg::ExportFirst)}</button>
                    <button type="button" class="danger" on:click=move |_| write(state, db, t, stage, backup.clone())>
                        {t.get(Msg::ReplaceEverything)}
                    </button>
                    <button type="button" on:click=move |_| stage.set(Stage::Idle)>{t.get(Msg::Cancel)}</button>
                </div>
            }.into_any()
        }
        Stage::ConfirmAdd { backup } => {
            let name = backup.workspaces.first().map(|w| w.name.clone()).unwrap_or_default();
            let text = t.fill(Msg::ConfirmAddWorkspace, &[("name", &name), ("notes", &t.plural(Msg::NoteCount, backup.notes.len(), &[]))]);
            let members = backup.members.as_ref().map_or(0, Vec::len);
            view! {
                <div class="confirm" role="group" aria-labelledby="confirm-add">
                    <p id="confirm-add">{text}</p>
                    {(members > 0).then(|| view! { <p>{t.plural(Msg::AddWorkspaceMembers, members, &[])}</p> })}
                    <button type="button" on:click=move |_| write(state, db, t, stage, backup.clone())>{t.get(Msg::AddWorkspace)}</button>
                    <button type="button" on:click=move |_| stage.set(Stage::Idle)>{t.get(Msg::Cancel)}</button>
                </div>
            }.into_any()
        }
        Stage::AskPassphrase { text, wrong } => view! { <AskPassphrase text=text wrong=wrong stage=stage/> }.into_any(),
        Stage::Writing { done, total } => view! {
            <p id="import-progress-label">{t.get(Msg::Importing)}</p>
            <progress aria-labelledby="import-progress-label" max=total.to_string() value=done.to_string()>
                {format!("{done} / {total}")}
            </progress>
        }.into_any(),
    }
    };
    view! {
        <section aria-labelledby="settings-data">
            <h2 id="settings-data">{t.tr(Msg::DataHeading)}</h2>
            <p>{t.tr(Msg::DataIntro)}</p>
            <div class="actions">
                <button type="button" on:click=move |_| export(state, db, ready, false)>{t.tr(Msg::ExportAll)}</button>
                {move || current_name().map(|name| view! {
                    <button type="button" on:click=move |_| export(state, db, ready, true)>
                        {t.fill(Msg::ExportWorkspace, &[("name", &name)])}
                    </button>
                })}
            </div>
            {move || ready.get().map(|file| {
                let said = t.plural(Msg::ExportReady, file.images, &[
                    ("file", &file.name),
                    ("size", &bytes(t.lang(), file.size() as f64)),
                ]);
                let locked_away = state.lock.get_untracked() == LockState::Open;
                view! {
                    <div class="confirm" role="group" aria-labelledby="export-ready">
                        <p id="export-ready" role="status">{said}</p>
                        {if locked_away {
                            view! { <super::sealed_export::SaveSealed ready=ready/> }.into_any()
                        } else {
                            view! {
                                <button type="button" on:click=move |_| save_export(state, ready)>{t.get(Msg::SaveExport)}</button>
                                <button type="button" on:click=move |_| ready.set(None)>{t.get(Msg::Cancel)}</button>
                            }.into_any()
                        }}
                    </div>
                }
            })}
            <p>
                <label for="import-file">{t.tr(Msg::ImportLabel)}</label><br/>
                <input id="import-file" type="file" accept="application/json,.json"
                    aria-describedby="import-hint" on:change=on_file/>
            </p>
            <p id="import-hint" class="hint">{t.tr(Msg::ImportHint)}</p>
            {body}
        </section>
    }
}

/// An encrypted export picked: its passphrase, a wrong one said.
#[component]
fn AskPassphrase(text: Arc<String>, wrong: bool, stage: RwSignal<Stage>) -> impl IntoView {
    let (db, t) = (use_db(), use_text());
    let typed = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open_file(db, t, stage, text.clone(), typed.get_untracked());
    };
    view! {
        <form class="stacked-form confirm" on:submit=submit novalidate>
            <p>{t.tr(Msg::ImportEncrypted)}</p>
            <label for="import-passphrase">{t.tr(Msg::ImportPassphrase)}</label>
            <input id="import-passphrase" type="password" autocomplete="current-password" bind:value=typed
                autofocus aria-describedby="import-passphrase-error" aria-invalid=if wrong { "true" } else { "false" }/>
            <button type="submit">{t.tr(Msg::ImportOpen)}</button>
            <button type="button" on:click=move |_| stage.set(Stage::Idle)>{t.tr(Msg::Cancel)}</button>
            <p id="import-passphrase-error" class="field-error" role="alert">{wrong.then(|| t.get(Msg::ImportWrongPassphrase))}</p>
        </form>
    }
}
