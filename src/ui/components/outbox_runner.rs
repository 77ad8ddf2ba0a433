//! Starts the outbox's runner when this tab becomes the leader, and turns what needs the
//! user into notifications (when allowed) and the status line. Mounted once in the shell.

use std::rc::Rc;

use leptos::prelude::*;

use crate::services::outbox::runner::{self, Attention, Hooks};
use crate::services::reminders::notify;
use crate::store;
use crate::ui::errors::send_problem;
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

#[component]
pub fn OutboxRunner() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let ready = state.is_leader.get() && state.settled.get();
        let Some(db) = state.db_if_open().filter(|_| ready) else {
            return false;
        };
        let attention_db = db.clone();
        let hooks = Hooks {
            changed: Rc::new(move || state.outbox_changed_by_runner()),
            attention: Rc::new(move |a| {
                let db = attention_db.clone();
                leptos::task::spawn_local(async move {
                    match a {
                        Attention::Stopped(row) => {
                            let post = store::posts::get(&db, &row.post_id).await.ok().flatten();
                            let problem = post
                                .as_ref()
                                .and_then(|p| p.variants.iter().find(|v| v.network == row.network))
                                .and_then(|v| v.remote.as_ref()?.problem.clone())
                                .or_else(|| row.last_error.as_ref()?.problem(row.next_try_at));
                            let name = row.network.name();
                            let why = problem
                                .map(|p| send_problem(t, name, &p))
                                .unwrap_or_default();
                            let title = t.fill(Msg::OutboxNeedsYou, &[("network", &name)]);
                            notify(&title, &why, &format!("outbox-{}", row.id));
                        }
                        Attention::Late(posts) => {
                            let title = t.plural(Msg::OutboxLateTitle, posts.len(), &[]);
                            let body: String = posts
                                .first()
                                .map(|d| d.post.base_text.chars().take(120).collect())
                                .unwrap_or_default();
                            notify(&title, &body, "outbox-late");
                        }
                    }
                });
            }),
            workspaces: Rc::new(move || state.workspace_ids()),
        };
        runner::lead(db, hooks);
        state.outbox_seen();
        true
    });
    // Every tab counts what waits, for its badge, once the store is open.
    Effect::new(move |counted: Option<bool>| {
        if counted == Some(true) {
            return true;
        }
        if state.settled.get() && !state.workspaces.with(Vec::is_empty) {
            state.outbox_seen();
            return true;
        }
        false
    });
}
