//! Settings → Security → "Encrypt everything": whether every record is sealed at rest or only
//! the tokens, and the switch between the two, which writes every record again (its count
//! said as it goes, its end or its failure said in the live region, with "Try again", which
//! finishes a switch stopped midway).

use leptos::prelude::*;

use crate::services::lock::{everything, LockError};
use crate::ui::format::number;
use crate::ui::i18n::Msg;
use crate::ui::pages::lock_screen::lock_error;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

#[component]
pub fn EncryptEverything() -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let on = RwSignal::new(everything::is_on());
    let count = RwSignal::new(0usize);
    let switch = Action::new_local(move |turn_on: &bool| {
        let (db, turn_on) = (db.get(), *turn_on);
        async move {
            count.set(0);
            let progress = move |_: &str, n: usize| count.set(n);
            let done = if turn_on {
                everything::turn_on(&db, &progress).await
            } else {
                everything::turn_off(&db, &progress).await
            };
            on.set(everything::is_on());
            let n = || number(t.lang(), *done.as_ref().unwrap_or(&0) as f64);
            if done.is_ok() {
                let msg = if turn_on {
                    Msg::EverythingDone
                } else {
                    Msg::EverythingUndone
                };
                state.say(t.fill(msg, &[("count", &n())]));
            }
            done
        }
    });
    let problem = move || {
        switch
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e: LockError| t.fill(Msg::EverythingFailed, &[("error", &lock_error(t, &e))]))
    };
    let working = move || {
        switch.pending().get().then(|| {
            t.fill(
                Msg::EverythingWorking,
                &[("count", &number(t.lang(), count.get() as f64))],
            )
        })
    };
    let click = move |_| {
        if !switch.pending().get_untracked() {
            switch.dispatch(!on.get_untracked());
        }
    };
    // After a stop midway: the same way again, which finishes it.
    let again = move |_| {
        if !switch.pending().get_untracked() {
            switch.dispatch(on.get_untracked());
        }
    };
    view! {
        <section aria-labelledby="encrypt-everything">
            <h3 id="encrypt-everything">{t.tr(Msg::EverythingHeading)}</h3>
            <p id="encrypt-everything-state">{move || t.get(if on.get() { Msg::EverythingOnText } else { Msg::EverythingOffText })}</p>
            <p>
                <button type="button" id="encrypt-everything-switch" on:click=click
                    class=move || if on.get() { "secondary" } else { "" }
                    aria-describedby="encrypt-everything-state encrypt-everything-error"
                    disabled=move || switch.pending().get()>
                    {move || t.get(if on.get() { Msg::EverythingTurnOff } else { Msg::EverythingTurnOn })}
                </button>
            </p>
            <p class="hint" aria-live="polite">{working}</p>
            <p id="encrypt-everything-error" class="field-error" role="alert">{problem}</p>
            <Show when=move || problem().is_some() && !switch.pending().get()>
                <p><button type="button" on:click=again>{t.tr(Msg::TryAgain)}</button></p>
            </Show>
        </section>
    }
}
