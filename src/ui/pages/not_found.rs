//! Shown for an address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_text();
    view! {
        <h1>{t.tr(Msg::NotFound)}</h1>
        <p><A href="/">{t.tr(Msg::BackToWorkspaces)}</A></p>
    }
}
