//! The one place where results and errors are announced (polite status or alert).

use leptos::prelude::*;

use crate::ui::state::use_app;

#[component]
pub fn StatusLine() -> impl IntoView {
    let state = use_app();
    let polite = move || state.notice.get().filter(|n| !n.is_error).map(|n| n.text);
    let alert = move || state.notice.get().filter(|n| n.is_error).map(|n| n.text);
    view! {
        <p class="status" role="status">{polite}</p>
        <p class="status status-error" role="alert">{alert}</p>
    }
}
