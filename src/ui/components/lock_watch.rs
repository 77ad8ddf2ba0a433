//! Locks an idle app: every key, click or touch counts as activity (shared with the other
//! tabs, `services::lock::activity`), and once the idle time chosen has passed without any,
//! every tab locks. Mounted once in the shell; does nothing while no passphrase is set.

use leptos::prelude::*;

use crate::domain::lock::{idle_over, LockState};
use crate::services::clock::now_ms;
use crate::services::lock;
use crate::ui::state::use_app;

const LOOK_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

#[component]
pub fn LockWatch() -> impl IntoView {
    let state = use_app();
    let seen = move || {
        if state.lock.get_untracked() == LockState::Open {
            lock::activity(now_ms(), true);
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |_| seen());
    let clicks = window_event_listener(leptos::ev::pointerdown, move |_| seen());
    on_cleanup(move || {
        keys.remove();
        clicks.remove();
    });
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let open = state.lock.try_get_untracked() == Some(LockState::Open);
            if open && idle_over(lock::idle_minutes(), lock::last_activity(), now_ms()) {
                lock::lock_now();
            }
        },
        LOOK_EVERY,
    ) {
        on_cleanup(move || handle.clear());
    }
}
