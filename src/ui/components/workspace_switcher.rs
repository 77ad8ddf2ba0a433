//! The header's workspace switcher: a plain `<select>`, so it works by keyboard and with
//! every screen reader.

use leptos::prelude::*;

use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

#[component]
pub fn WorkspaceSwitcher() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let current_id = move || {
        state
            .prefs
            .with(|p| p.current_workspace.clone())
            .unwrap_or_default()
    };
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        if id.is_empty() {
            return;
        }
        state.update_prefs(|p| p.current_workspace = Some(id));
        if let Some(w) = state.current() {
            state.say_in(move |t| t.fill(Msg::Switched, &[("name", &w.name)]));
        }
    };
    view! {
        <div class="switcher">
            <label for="workspace-switcher">{t.tr(Msg::SwitcherLabel)}</label>
            <select id="workspace-switcher" on:change=on_change
                disabled=move || state.workspaces.with(|l| l.is_empty())>
                <Show when=move || state.workspaces.with(|l| l.is_empty())>
                    <option value="">{t.tr(Msg::SwitcherNone)}</option>
                </Show>
                <For each=move || state.workspaces.get()
                    key=|w| (w.id.clone(), w.name.clone())
                    let(w)>
                    {
                        let id = w.id.clone();
                        view! {
                            <option value=w.id.clone() prop:selected=move || current_id() == id>
                                {w.name.clone()}
                            </option>
                        }
                    }
                </For>
            </select>
        </div>
    }
}
