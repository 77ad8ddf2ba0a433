//! The PWA share target (`/share?title=…&text=…&url=…`): what another app shared is kept
//! as a note in the current workspace, then the notes list replaces this address (so a
//! reload cannot keep the same share twice).

use leptos::prelude::*;

use crate::ui::i18n::Msg;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::services::notes::{keep, Shared};
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

#[component]
pub fn SharePage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let query = use_query_map();
    let navigate = use_navigate();
    let shared = query.with_untracked(|q| Shared {
        title: q.get("title").unwrap_or_default(),
        text: q.get("text").unwrap_or_default(),
        url: q.get("url").unwrap_or_default(),
    });
    let to_notes = move || {
        navigate(
            "/notes",
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        )
    };
    match (db.get(), state.current()) {
        _ if shared.is_empty() => {
            state.say_on("/notes", true, |t| t.get(Msg::SharedNothing).to_string());
            leptos::task::spawn_local(async move { to_notes() });
        }
        (db, Some(ws)) => leptos::task::spawn_local(async move {
            match keep(&db, &ws.id, shared).await {
                Ok(_) => state.say_on("/notes", false, move |t| {
                    t.fill(Msg::SharedKept, &[("name", &ws.name)])
                }),
                Err(e) => state.save_failed(&e),
            }
            to_notes();
        }),
        _ => {
            state.say_on("/notes", true, |t| t.get(Msg::NoWorkspaceYet).to_string());
            leptos::task::spawn_local(async move { to_notes() });
        }
    }
    view! { <p>{t.tr(Msg::Opening)}</p> }
}
