//! Listening while the app is open: once the first screen settled, the leader tab looks
//! every minute for saved searches that are due (`services::listening::run_due`, each at
//! its own interval, later after failures) and runs them one after the other; a search whose
//! today is a spike is notified after a run that found something new, and so is a crisis
//! in a workspace's Inbox (`services::sentiment::crisis`). Each notification's tag names
//! the search and the day (the workspace and the hour for a crisis): one still on screen is
//! replaced, not stacked; one the user dismissed can come again.

use leptos::prelude::*;

use crate::services::clock::now_ms;
use crate::services::reminders::notify;
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
                    notify(&title, &body, &format!("crisis-{ws}-{hour}"));
                }
            }
            if let Ok(spikes) = crate::services::listening::run_due(&db, now_ms()).await {
                let day = crate::ui::dates::Day::today().iso();
                for (ws, name, spike) in spikes {
                    let title = t.fill(Msg::ListeningSpikeTitle, &[("name", &name)]);
                    let body = crate::ui::pages::listening::spike_words(t, &spike);
                    notify(&title, &body, &format!("spike-{ws}-{name}-{day}"));
                }
            }
        }
    });
    let tick = move || {
        let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
        if state.settled.get_untracked()
            && state.is_leader.get_untracked()
            && online
            && !pass.pending().get_untracked()
        {
            pass.dispatch(());
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, EVERY) {
        on_cleanup(move || handle.clear());
    }
}
