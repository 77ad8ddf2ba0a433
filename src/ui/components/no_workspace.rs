//! What a screen about one workspace shows while none exists yet: one sentence, the same
//! everywhere.

use leptos::prelude::*;

use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

#[component]
pub fn NoWorkspace() -> impl IntoView {
    let t = use_text();
    view! { <p>{t.tr(Msg::NoWorkspaceYet)}</p> }
}
