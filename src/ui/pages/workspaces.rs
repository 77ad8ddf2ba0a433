//! The workspaces screen: create one, then switch, rename or delete each.

pub mod new_workspace_form;
mod workspace_row;

use leptos::prelude::*;

use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

use new_workspace_form::NewWorkspaceForm;
use workspace_row::WorkspaceRow;

#[component]
pub fn WorkspacesPage() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let list_heading = NodeRef::<leptos::html::H2>::new();
    view! {
        <h1>{t.tr(Msg::NavWorkspaces)}</h1>
        // A first visit (no workspace yet): the guided setup comes first.
        <Show when=move || state.workspaces.with(Vec::is_empty)>
            <section class="welcome" aria-labelledby="welcome-heading">
                <h2 id="welcome-heading">{t.tr(Msg::WelcomeHeading)}</h2>
                <p>{t.tr(Msg::WelcomeText)}</p>
                <p><a class="start-link button-link" href="/start">{t.tr(Msg::StartLink)}</a></p>
                <p class="hint">{t.tr(Msg::WelcomeOr)}</p>
            </section>
        </Show>
        <p>{t.tr(Msg::WorkspacesIntro)}</p>
        <NewWorkspaceForm/>
        <section aria-labelledby="your-workspaces">
            <h2 id="your-workspaces" tabindex="-1" node_ref=list_heading>
                {t.tr(Msg::YourWorkspaces)}
            </h2>
            <Show when=move || state.workspaces.with(|l| !l.is_empty())
                fallback=move || view! {
                    <p class="empty">{t.tr(Msg::WorkspacesEmpty)}</p>
                }>
                <ul class="workspace-list">
                    <For each=move || state.workspaces.get()
                        key=|w| (w.id.clone(), w.name.clone())
                        let(w)>
                        <WorkspaceRow workspace=w list_heading=list_heading/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
