//! The one place where results and errors are announced (polite status or alert). A notice
//! shows on the page that raised it only (it is dropped when the user goes to another page),
//! in the current language, and has a button to dismiss it; a deletion's notice offers "Undo"
//! for `UNDO_MS`, then goes.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, UNDO_MS};
use crate::ui::text::use_text;

#[component]
pub fn StatusLine() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let location = use_location();
    // Leaving the page drops its notice.
    Effect::new(move |_| {
        let path = location.pathname.get();
        let stale = state
            .notice
            .with_untracked(|n| n.as_ref().is_some_and(|n| n.path != path));
        if stale {
            state.dismiss();
        }
    });
    let shown = move |error: bool| {
        let path = location.pathname.get();
        state
            .notice
            .get()
            .filter(|n| n.is_error == error && n.path == path)
            .and_then(|n| n.text(t))
    };
    let any = move || shown(false).is_some() || shown(true).is_some();
    // "Undo" is offered for a while; then its notice goes (unless another replaced it).
    Effect::new(move |_| {
        let Some(serial) = state
            .notice
            .with(|n| n.as_ref().filter(|n| n.undo.is_some()).map(|n| n.serial))
        else {
            return;
        };
        set_timeout(
            move || {
                let same = state
                    .notice
                    .try_with_untracked(|n| n.as_ref().is_some_and(|n| n.serial == serial));
                if same == Some(true) {
                    state.dismiss();
                }
            },
            std::time::Duration::from_millis(UNDO_MS),
        );
    });
    let undo = move || {
        state
            .notice
            .with(|n| n.as_ref().and_then(|n| n.undo.clone()))
    };
    view! {
        <div class="status-line">
            <p class="status" role="status">{move || shown(false)}</p>
            <p class="status status-error" role="alert">{move || shown(true)}</p>
            {move || undo().filter(|_| any()).map(|undo| view! {
                <button type="button" class="undo" on:click=move |_| {
                    state.dismiss();
                    undo();
                }>{t.get(Msg::Undo)}</button>
            })}
            <Show when=any>
                <button type="button" class="dismiss" on:click=move |_| state.dismiss()>
                    {t.tr(Msg::DismissNotice)}
                </button>
            </Show>
        </div>
    }
}
