//! Settings → Security: the passphrase lock set up, changed, taken off; the idle time; lock
//! now. Passphrase fields are never kept as typed.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::lock::{LockState, DEFAULT_IDLE_MINUTES, IDLE_CHOICES};
use crate::services::clock::now_ms;
use crate::services::lock::{self, LockError};
use crate::ui::i18n::Msg;
use crate::ui::pages::lock_screen::lock_error;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

fn idle_label(t: Text, minutes: u32) -> String {
    if minutes == 0 {
        t.get(Msg::LockIdleNever).to_string()
    } else {
        t.plural(Msg::LockIdleMinutes, minutes as usize, &[])
    }
}

/// The idle time's choice, `id` for its label.
#[component]
fn IdleSelect(id: &'static str, value: RwSignal<u32>, on_change: Callback<u32>) -> impl IntoView {
    let t = use_text();
    view! {
        <label for=id>{t.tr(Msg::LockIdle)}</label>
        <select id=id on:change=move |ev| {
            let m = event_target_value(&ev).parse().unwrap_or(DEFAULT_IDLE_MINUTES);
            value.set(m);
            on_change.run(m);
        }>
            {IDLE_CHOICES.iter().map(|&m| view! {
                <option value=m.to_string() selected=move || value.get() == m>{move || idle_label(t, m)}</option>
            }).collect_view()}
        </select>
    }
}

#[component]
pub fn SecuritySection() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let body = move || match state.lock.get() {
        LockState::Open => view! { <LockOn/> }.into_any(),
        _ => view! { <LockOff/> }.into_any(),
    };
    view! {
        <section aria-labelledby="settings-security">
            <h2 id="settings-security">{t.tr(Msg::SecurityHeading)}</h2>
            {body}
        </section>
    }
}

/// No passphrase yet: why set one, and the form to set it.
#[component]
fn LockOff() -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let (new, again, idle) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(DEFAULT_IDLE_MINUTES),
    );
    let set = Action::new_local(move |(p, c, m): &(String, String, u32)| {
        let (db, p, c, m) = (db.get(), p.clone(), c.clone(), *m);
        async move {
            // Said here: once set, this form gives way to the lock's settings.
            let done = lock::turn_on(&db, &p, &c, m).await;
            if done.is_ok() {
                state.say(t.get(Msg::LockTurnedOn).to_string());
            }
            done
        }
    });
    let problem = move || set.value().get().and_then(|r| r.err());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !set.pending().get_untracked() {
            set.dispatch((
                new.get_untracked(),
                again.get_untracked(),
                idle.get_untracked(),
            ));
        }
    };
    view! {
        <p>{t.tr(Msg::SecurityOffIntro)}</p>
        <form class="stacked-form" on:submit=submit novalidate>
            <label for="lock-new">{t.tr(Msg::NewPassphrase)}</label>
            <input id="lock-new" type="password" autocomplete="new-password" bind:value=new
                aria-describedby="lock-new-hint lock-set-error"/>
            <p id="lock-new-hint" class="hint">{t.tr(Msg::PassphraseNoRecovery)}</p>
            <label for="lock-again">{t.tr(Msg::ConfirmPassphrase)}</label>
            <input id="lock-again" type="password" autocomplete="new-password" bind:value=again
                aria-describedby="lock-set-error"/>
            <IdleSelect id="lock-idle-new" value=idle on_change=Callback::new(|_| ())/>
            <button type="submit">{t.tr(Msg::LockTurnOn)}</button>
            <p id="lock-set-error" class="field-error" role="alert">{move || problem().map(|e| lock_error(t, &e))}</p>
        </form>
    }
}

/// A passphrase is set and this tab is unlocked.
#[component]
fn LockOn() -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let idle = RwSignal::new(lock::idle_minutes());
    let save_idle = Callback::new(move |m: u32| {
        let db = db.get();
        leptos::task::spawn_local(async move {
            match lock::set_idle(&db, m).await {
                Ok(()) => state.say(t.get(Msg::LockIdleSaved).to_string()),
                Err(LockError::Store(e)) => state.save_failed(&e),
                Err(_) => {}
            }
        });
    });
    let (current, new, again) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let change = Action::new_local(move |(c, n, a): &(String, String, String)| {
        let (db, c, n, a) = (db.get(), c.clone(), n.clone(), a.clone());
        async move { lock::change(&db, &c, &n, &a, now_ms()).await }
    });
    Effect::new(move || {
        if let Some(Ok(())) = change.value().get() {
            for f in [current, new, again] {
                f.set(String::new());
            }
            state.say(t.get(Msg::LockChanged).to_string());
        }
    });
    let change_problem = move || change.value().get().and_then(|r| r.err());
    let on_change = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !change.pending().get_untracked() {
            change.dispatch((
                current.get_untracked(),
                new.get_untracked(),
                again.get_untracked(),
            ));
        }
    };
    let off_pass = RwSignal::new(String::new());
    let off = Action::new_local(move |p: &String| {
        let (db, p) = (db.get(), p.clone());
        async move {
            let done = lock::turn_off(&db, &p, now_ms()).await;
            if done.is_ok() {
                state.say(t.get(Msg::LockTurnedOff).to_string());
            }
            done
        }
    });
    let off_problem = move || off.value().get().and_then(|r| r.err());
    let on_off = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !off.pending().get_untracked() {
            off.dispatch(off_pass.get_untracked());
        }
    };
    view! {
        <p>{t.tr(Msg::SecurityOnIntro)}</p>
        <p><button type="button" on:click=move |_| lock::lock_now()>{t.tr(Msg::LockNow)}</button></p>
        <p class="inline-form"><IdleSelect id="lock-idle" value=idle on_change=save_idle/></p>
        <super::encrypt_everything::EncryptEverything/>
        <details>
            <summary>{t.tr(Msg::LockChange)}</summary>
            <form class="stacked-form" on:submit=on_change novalidate>
                <label for="lock-current">{t.tr(Msg::CurrentPassphrase)}</label>
                <input id="lock-current" type="password" autocomplete="current-password" bind:value=current
                    aria-describedby="lock-change-error"/>
                <label for="lock-change-new">{t.tr(Msg::NewPassphrase)}</label>
                <input id="lock-change-new" type="password" autocomplete="new-password" bind:value=new
                    aria-describedby="lock-change-error"/>
                <label for="lock-change-again">{t.tr(Msg::ConfirmPassphrase)}</label>
                <input id="lock-change-again" type="password" autocomplete="new-password" bind:value=again
                    aria-describedby="lock-change-error"/>
                <button type="submit">{t.tr(Msg::LockChange)}</button>
                <p id="lock-change-error" class="field-error" role="alert">{move || change_problem().map(|e| lock_error(t, &e))}</p>
            </form>
        </details>
        <details>
            <summary>{t.tr(Msg::LockTurnOff)}</summary>
            <form class="stacked-form" on:submit=on_off novalidate>
                <p>{t.tr(Msg::LockTurnOffText)}</p>
                <label for="lock-off-current">{t.tr(Msg::CurrentPassphrase)}</label>
                <input id="lock-off-current" type="password" autocomplete="current-password" bind:value=off_pass
                    aria-describedby="lock-off-error"/>
                <button type="submit" class="danger">{t.tr(Msg::LockTurnOff)}</button>
                <p id="lock-off-error" class="field-error" role="alert">{move || off_problem().map(|e| lock_error(t, &e))}</p>
            </form>
        </details>
    }
}
