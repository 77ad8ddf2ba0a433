//! Listening while the app is open: once the first screen settled, the leader tab looks
//! every minute for saved searches that are due (`services::listening::run_due`, each at
//! its own interval, later after failures) and runs them one after the other; a search whose
//! today is a spike is notified after a run that found something new, and so is a crisis
//! in a workspace's Inbox (`services::sentiment::crisis`). Each notification's tag names
//! the search and the day (the workspace and the hour for a crisis), and is shown once
//! (`services::reminders::first_time`, kept in IndexedDB): dismissed, it does not come back
//! at the next check; a new day's spike or a new hour's crisis is a new alert.

use leptos::prelude::*;

use crate::services::clock::now_ms;
use crate::services::reminders::{allowed, first_time, notify};
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

const EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Mounted once in the shell.
#[component]
pub fn ListeningLoop() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let pass = Action::new_local(move |_: &()| {
        let db = state.db_if_open();
        async move {
            let Some(db) = db else { return };
            // A crisis in any workspace's Inbox, looked for every 5 minutes (it reads the
            // last 15 days of messages); its tag names the hour.
            let minute = (now_ms() / 60_000.0).floor() as u64;
            let hour = minute / 60;
            let workspaces = if minute.is_multiple_of(5) {
                state.workspace_ids()
            } else {
                vec![]
            };
            for ws in workspaces {
                if let Ok(Some(s)) = crate::services::sentiment::crisis(&db, &ws, now_ms()).await {
                    let title = t.fill(Msg::CrisisTitle, &[("count", &s.today)]);
                    let body = crate::ui::pages::today::crisis::crisis_words(t, &s);
                    let tag = format!("crisis-{ws}-{hour}");
                    if allowed() && first_time(&db, &tag, now_ms()).await {
                        notify(&title, &body, &tag);
                    }
                }
            }
            if let Ok(spikes) = crate::services::listening::run_due(&db, now_ms()).await {
                let day = crate::ui::dates::Day::today().iso();
                for (ws, name, spike) in spikes {
                    let title = t.fill(Msg::ListeningSpikeTitle, &[("name", &name)]);
                    let body = crate::ui::pages::listening::spike_words(t, &spike);
                    let tag = format!("spike-{ws}-{name}-{day}");
                    if allowed() && first_time(&db, &tag, now_ms()).await {
                        notify(&title, &body, &tag);
                    }
                }
            }
        }
    });
    let tick = move || {
        let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
        if state.settled.get_untracked()
            && state.is_leader.get_untracked()
            && online
            && state.lock.get_untracked() != crate::domain::lock::LockState::Locked
            && !pass.pending().get_untracked()
        {
            pass.dispatch(());
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, EVERY) {
        on_cleanup(move || handle.clear());
    }
}
