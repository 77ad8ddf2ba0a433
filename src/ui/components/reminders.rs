//! Due-time reminders while the app is open: the leader tab looks every 30 seconds for
//! posts to publish by hand that fell due, for the steps of the current workspace's daily
//! routine whose time came, and for the members' follow-ups that fell due, and shows a
//! notification for each. The button
//! asks for the permission only when the user wants reminders.

use leptos::prelude::*;

use crate::services::clock::now_ms;
use crate::services::reminders::{allowed, due_by_hand, notify};
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

const EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Mounted once in the shell.
#[component]
pub fn ReminderLoop() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let last = StoredValue::new(now_ms());
    let tick = move || {
        // Locked: nothing is shown; what falls due meanwhile is told once unlocked.
        if state.lock.get_untracked() == crate::domain::lock::LockState::Locked {
            return;
        }
        let now = now_ms();
        let from = last.get_value();
        last.set_value(now);
        if !state.is_leader.get_untracked() || !allowed() {
            return;
        }
        let Some(db) = state.db_if_open() else { return };
        let ids = state.workspace_ids();
        let current = state.current().map(|w| w.id);
        leptos::task::spawn_local(async move {
            if let Some(ws) = current {
                if let Ok(Some(routine)) = crate::store::library::routine(&db, &ws).await {
                    for item in routine.due_items(&crate::services::queue::BrowserZone, from, now) {
                        notify(
                            &t.fill(Msg::RoutineReminder, &[("step", &item.label)]),
                            "",
                            &format!("routine-{}", item.id),
                        );
                    }
                }
            }
            // Members' follow-ups that fell due since the last look, in every workspace.
            for ws in &ids {
                if let Ok(all) = crate::services::follow_ups::list(&db, ws).await {
                    for f in crate::domain::follow_up::due_before(&all, now + 1.0)
                        .into_iter()
                        .filter(|f| f.due > from)
                    {
                        let title = t.fill(Msg::FollowUpReminder, &[("name", &f.member_name)]);
                        notify(&title, &f.what, &format!("follow-up-{}", f.id));
                    }
                }
            }
            if let Ok(due) = due_by_hand(&db, &ids, from, now).await {
                for (post, networks) in due {
                    let names: Vec<&str> = networks.iter().map(|n| n.name()).collect();
                    let title = t.fill(Msg::ReminderTitle, &[("networks", &names.join(", "))]);
                    let body: String = post.base_text.chars().take(120).collect();
                    notify(&title, &body, &post.id);
                }
            }
        });
    };
    // The same interval mechanism as the routine's day watch (Leptos' own).
    if let Ok(handle) = set_interval_with_handle(tick, EVERY) {
        on_cleanup(move || handle.clear());
    }
}

/// "Remind me when it is due": asks for the notification permission, politely, on click.
#[component]
pub fn RemindMe() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let ask = move |_| {
        let Ok(promise) = web_sys::Notification::request_permission() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            if allowed() {
                state.say_in(move |t| t.get(Msg::RemindersOn).to_string());
            } else {
                state.warn_in(move |t| t.get(Msg::RemindersDenied).to_string());
            }
        });
    };
    view! {
        <p>
            <button type="button" class="link-button" on:click=ask>{t.tr(Msg::RemindMe)}</button>
        </p>
    }
}
