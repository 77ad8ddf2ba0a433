//! Saving an export while a passphrase is set: encrypted with it (the passphrase typed and
//! checked), or in the clear only once the user has said they understand anyone can read it.

use std::sync::Arc;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::services::backup::{self, Export};
use crate::services::clock::now_ms;
use crate::services::lock;
use crate::ui::i18n::Msg;
use crate::ui::pages::lock_screen::lock_error;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

#[component]
pub fn SaveSealed(ready: RwSignal<Option<Arc<Export>>>) -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let typed = RwSignal::new(String::new());
    let clear_ok = RwSignal::new(false);
    let seal = Action::new_local(move |passphrase: &String| {
        let (db, passphrase, file) = (db.get(), passphrase.clone(), ready.get_untracked());
        async move {
            let Some(file) = file else { return Ok(()) };
            let sealed = lock::sealed_export(&db, &file, &passphrase, now_ms()).await?;
            backup::download(&sealed.name, &sealed.text).map_err(lock::LockError::Store)?;
            let name = sealed.name.clone();
            state.say_in(move |t| t.fill(Msg::Exported, &[("file", &name)]));
            ready.set(None);
            Ok(())
        }
    });
    let problem = move || seal.value().get().and_then(|r| r.err());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !seal.pending().get_untracked() {
            seal.dispatch(typed.get_untracked());
        }
    };
    view! {
        <form class="stacked-form" on:submit=submit novalidate>
            <label for="export-passphrase">{t.tr(Msg::ExportPassphrase)}</label>
            <input id="export-passphrase" type="password" autocomplete="current-password" bind:value=typed
                aria-describedby="export-passphrase-error"/>
            <button type="submit">{t.tr(Msg::SaveEncrypted)}</button>
            <p id="export-passphrase-error" class="field-error" role="alert">{move || problem().map(|e| lock_error(t, &e))}</p>
        </form>
        <p class="choice">
            <input type="checkbox" id="export-clear-ok" bind:checked=clear_ok/>
            <label for="export-clear-ok">{t.tr(Msg::ExportClearConfirm)}</label>
        </p>
        <button type="button" class="secondary" disabled=move || !clear_ok.get()
            on:click=move |_| super::data_section::save_export(state, ready)>{t.tr(Msg::SaveInClear)}</button>
        <button type="button" on:click=move |_| ready.set(None)>{t.get(Msg::Cancel)}</button>
    }
}
