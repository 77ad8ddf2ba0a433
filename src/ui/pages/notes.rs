//! Notes of the current workspace, newest first, a page at a time.

use leptos::prelude::*;

use crate::ui::components::no_workspace::NoWorkspace;

use crate::domain::note::Note;
use crate::store;
use crate::ui::format::long_date;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

const PAGE: u32 = 50;

#[component]
pub fn NotesPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let version = RwSignal::new(0u32);
    let notes = LocalResource::new(move || {
        version.track();
        let current = state.current();
        let db = db.get();
        async move {
            match current {
                Some(ws) => store::notes::latest(&db, &ws.id, PAGE).await.map(Some),
                _ => Ok(None),
            }
        }
    });
    let remove = move |note: Note| {
        let db = db.get();
        leptos::task::spawn_local(async move {
            match crate::services::notes::delete(&db, &note.id).await {
                Ok(()) => {
                    version.update(|v| *v += 1);
                    state.say_undoable(
                        |t| t.get(Msg::NoteDeleted).to_string(),
                        move || {
                            let note = note.clone();
                            let db = db.clone();
                            leptos::task::spawn_local(async move {
                                match crate::services::notes::restore(&db, &note).await {
                                    Ok(()) => {
                                        version.try_update(|v| *v += 1);
                                        let name = note.title.clone();
                                        state.say_in(move |t| {
                                            t.fill(Msg::Restored, &[("name", &name)])
                                        });
                                    }
                                    Err(e) => state.save_failed(&e),
                                }
                            });
                        },
                    );
                }
                Err(e) => state.save_failed(&e),
            }
        });
    };
    let list = move || {
        match notes.get() {
        None => ().into_any(),
        Some(Err(e)) => view! { <p role="alert">{crate::ui::errors::save_failed(t, &e)}</p> }.into_any(),
        Some(Ok(None)) => view! { <NoWorkspace/> }.into_any(),
        Some(Ok(Some(page))) if page.items.is_empty() => view! { <p class="empty">{t.get(Msg::NotesEmpty)}</p> }.into_any(),
        Some(Ok(Some(page))) => view! {
            <p>{t.plural(Msg::NotesCount, page.total, &[("shown", &page.items.len().to_string())])}</p>
            <ul class="note-list">
                {page.items.into_iter().map(|n| view! { <NoteItem note=n on_delete=remove/> }).collect_view()}
            </ul>
        }.into_any(),
    }
    };
    view! {
        <h1>{t.tr(Msg::NavNotes)}</h1>
        <p>{t.tr(Msg::NotesIntro)}</p>
        {list}
    }
}

#[component]
fn NoteItem(note: Note, on_delete: impl Fn(Note) + Copy + 'static) -> impl IntoView {
    let t = use_text();
    let title = if note.title.is_empty() {
        None
    } else {
        Some(note.title.clone())
    };
    let url = note.url.clone();
    let has_url = url.starts_with("https://") || url.starts_with("http://");
    let note_for_draft = note.clone();
    let note_to_delete = note.clone();
    let state = crate::ui::state::use_app();
    let db = use_db();
    let navigate = leptos_router::hooks::use_navigate();
    let make_draft = move |note: Note| {
        let db = db.get();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match crate::services::notes::make_draft(&db, &note).await {
                Ok(post) => navigate(&format!("/compose?post={}", post.id), Default::default()),
                Err(e) => state.save_failed(&e),
            }
        });
    };
    view! {
        <li class="note">
            <p class="note-title">{move || title.clone().unwrap_or_else(|| t.get(Msg::Untitled).to_string())}</p>
            {(!note.text.is_empty()).then(|| view! { <p class="note-text">{note.text.clone()}</p> })}
            {has_url.then(|| view! { <p><a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a></p> })}
            <p class="workspace-date">{move || long_date(t.lang(), note.created_at)}</p>
            <div class="actions">
                <button type="button" on:click=move |_| make_draft(note_for_draft.clone())>
                    {t.tr(Msg::MakeDraft)}
                </button>
                <button type="button" class="danger" on:click=move |_| on_delete(note_to_delete.clone())>
                    {t.tr(Msg::DeleteNote)}
                </button>
            </div>
        </li>
    }
}
