//! The screen shown when the database cannot be opened: what happened, what to do, and
//! that nothing was deleted. Never a blank page.

use leptos::prelude::*;

use crate::store::StoreError;
use crate::ui::errors::store_error;
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

#[component]
pub fn OpenFailed(error: StoreError) -> impl IntoView {
    let t = use_text();
    let reason = store_error(&error);
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="open-failed" role="alert" aria-labelledby="open-failed-title">
            <h1 id="open-failed-title">{t.tr(Msg::OpenFailedTitle)}</h1>
            <p>{move || t.fill(Msg::OpenFailedBody, &[("reason", &t.get(reason))])}</p>
            <p>{t.tr(Msg::OpenFailedWhat)}</p>
            <button type="button" on:click=reload>{t.tr(Msg::Reload)}</button>
        </section>
    }
}
