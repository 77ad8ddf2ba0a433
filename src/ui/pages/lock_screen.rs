//! The lock screen, shown alone while a passphrase is set and this tab does not hold the key:
//! the passphrase asked (wrong tries said, and the wait after too many), and what to do when
//! it is forgotten (nothing can recover it; erase this device's data, then import an export).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::services::clock::now_ms;
use crate::services::lock::{self, LockError};
use crate::ui::format::time_of_day;
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::{use_text, Text};

/// What a failed passphrase step says, in the user's language.
pub fn lock_error(t: Text, e: &LockError) -> String {
    match e {
        LockError::Wrong { next_try_at } if *next_try_at > now_ms() => format!(
            "{} {}",
            t.get(Msg::LockWrong),
            t.fill(
                Msg::LockWait,
                &[("time", &time_of_day(t.lang(), *next_try_at))]
            )
        ),
        LockError::Wrong { .. } => t.get(Msg::LockWrong).to_string(),
        LockError::Wait { until } => {
            t.fill(Msg::LockWait, &[("time", &time_of_day(t.lang(), *until))])
        }
        LockError::Refused(crate::domain::lock::PassphraseProblem::TooShort) => {
            t.get(Msg::PassphraseTooShort).to_string()
        }
        LockError::Refused(crate::domain::lock::PassphraseProblem::Mismatch) => {
            t.get(Msg::PassphraseMismatch).to_string()
        }
        LockError::NotSet | LockError::AlreadySet => t.get(Msg::ErrOther).to_string(),
        LockError::Store(e) => t.get(crate::ui::errors::store_error(e)).to_string(),
    }
}

#[component]
pub fn LockScreen() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let passphrase = RwSignal::new(String::new());
    let unlock = Action::new_local(move |typed: &String| {
        let (db, typed) = (state.db_if_open(), typed.clone());
        async move {
            let Some(db) = db else {
                return Err(LockError::Store(crate::store::StoreError::Closed));
            };
            lock::unlock(&db, &typed, now_ms()).await
        }
    });
    let problem = move || unlock.value().get().and_then(|r| r.err());
    // A wrong passphrase is cleared from the field, which keeps the focus for the next try.
    Effect::new(move || {
        if problem().is_some() {
            passphrase.set(String::new());
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !unlock.pending().get_untracked() {
            unlock.dispatch(passphrase.get_untracked());
        }
    };
    let understood = RwSignal::new(false);
    let erase = Action::new_local(move |_: &()| {
        let db = state.db_if_open();
        async move {
            let Some(db) = db else { return Ok(()) };
            lock::erase_device(db).await?;
            // Starts again from nothing, at the first run.
            let _ = window().location().replace("/");
            Ok::<(), crate::store::StoreError>(())
        }
    });
    view! {
        <section class="lock-screen" aria-labelledby="lock-heading">
            <h1 id="lock-heading">{t.tr(Msg::LockedHeading)}</h1>
            <p>{t.tr(Msg::LockedIntro)}</p>
            <form on:submit=submit novalidate>
                <label for="unlock-passphrase">{t.tr(Msg::Passphrase)}</label>
                <input id="unlock-passphrase" type="password" autocomplete="current-password" autofocus
                    bind:value=passphrase aria-describedby="unlock-error"
                    aria-invalid=move || if problem().is_some() { "true" } else { "false" }/>
                <button type="submit" aria-disabled=move || if unlock.pending().get() { "true" } else { "false" }>
                    {move || t.get(if unlock.pending().get() { Msg::Unlocking } else { Msg::Unlock })}
                </button>
                <p id="unlock-error" class="field-error" role="alert">{move || problem().map(|e| lock_error(t, &e))}</p>
            </form>
            <details class="lock-forgotten">
                <summary>{t.tr(Msg::LockForgotten)}</summary>
                <p>{t.tr(Msg::LockForgottenText)}</p>
                <p class="choice">
                    <input type="checkbox" id="erase-understood" bind:checked=understood/>
                    <label for="erase-understood">{t.tr(Msg::LockEraseConfirm)}</label>
                </p>
                <button type="button" class="danger" disabled=move || !understood.get() || erase.pending().get()
                    on:click=move |_| { erase.dispatch(()); }>{t.tr(Msg::LockErase)}</button>
                <p role="alert">{move || erase.value().get().and_then(|r| r.err()).map(|e| {
                    t.fill(Msg::LockEraseFailed, &[("error", &t.get(crate::ui::errors::store_error(&e)))])
                })}</p>
            </details>
        </section>
    }
}
