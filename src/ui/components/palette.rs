//! The command palette (`Ctrl-K`, `⌘-K` on a Mac, from anywhere): every page and action by
//! name — go to a page, write a post, switch workspace, the keyboard shortcuts — found
//! by fuzzy matching as typed (`domain::fuzzy`), chosen with the arrows and Enter or a click.
//! `?` outside a field opens it on the list of shortcuts.
//! A modal `<dialog>`: the focus stays in it, Escape closes it and gives the focus back.

use gloo_events::{EventListener, EventListenerOptions};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::domain::fuzzy::rank;
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

/// What a command does.
#[derive(Debug, Clone, PartialEq)]
enum Does {
    Go(&'static str),
    Workspace(String),
    Shortcuts,
}

const PAGES: [(&str, Msg); 12] = [
    ("/today", Msg::NavToday),
    ("/", Msg::NavWorkspaces),
    ("/strategy", Msg::NavStrategy),
    ("/compose", Msg::NavCompose),
    ("/calendar", Msg::NavCalendar),
    ("/library", Msg::NavLibrary),
    ("/inbox", Msg::NavInbox),
    ("/people", Msg::NavPeople),
    ("/outbox", Msg::NavOutbox),
    ("/accounts", Msg::NavAccounts),
    ("/notes", Msg::NavNotes),
    ("/settings", Msg::NavSettings),
];

#[component]
pub fn Palette() -> impl IntoView {
    let (t, state) = (use_text(), use_app());
    let navigate = use_navigate();
    let dialog = NodeRef::<html::Dialog>::new();
    let input = NodeRef::<html::Input>::new();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let help = RwSignal::new(false);
    let open = move || {
        let Some(d) = dialog.get_untracked() else {
            return;
        };
        query.set(String::new());
        active.set(0);
        help.set(false);
        if !d.open() {
            let _ = d.show_modal();
        }
        if let Some(i) = input.get_untracked() {
            i.set_value("");
            let _ = i.focus();
        }
    };
    // Ctrl-K / ⌘-K anywhere, even in a field: the browser's own use of it (the search bar)
    // gives way.
    let options = EventListenerOptions::enable_prevent_default();
    let listener = EventListener::new_with_options(&document(), "keydown", options, move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && ev.key().eq_ignore_ascii_case("k") {
            ev.prevent_default();
            open();
        }
    });
    // Dropped (and so removed) with the component.
    let _ = StoredValue::new_local(listener);
    // `?` outside a field lists the shortcuts; heard on the window, after the pages' own
    // listeners (the Inbox answers `?` with its own list, and says so).
    let options = EventListenerOptions::enable_prevent_default();
    let help_key = EventListener::new_with_options(&window(), "keydown", options, move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if ev.key() == "?"
            && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented())
            && !super::keyboard::typing(ev)
        {
            ev.prevent_default();
            open();
            help.set(true);
        }
    });
    let _ = StoredValue::new_local(help_key);
    let commands = Memo::new(move |_| {
        let mut all: Vec<(String, Does)> = vec![(
            t.get(Msg::PaletteNewPost).to_string(),
            Does::Go("/compose?new=1"),
        )];
        all.extend(PAGES.iter().map(|(path, m)| {
            (
                t.fill(Msg::PaletteGoTo, &[("page", &t.get(*m).to_string())]),
                Does::Go(path),
            )
        }));
        let current = state.current().map(|w| w.id);
        all.extend(
            state
                .workspaces
                .get()
                .into_iter()
                .filter(|w| Some(&w.id) != current.as_ref())
                .map(|w| {
                    (
                        t.fill(Msg::PaletteSwitch, &[("name", &w.name)]),
                        Does::Workspace(w.id),
                    )
                }),
        );
        all.push((t.get(Msg::PaletteShortcuts).to_string(), Does::Shortcuts));
        all
    });
    let found = Memo::new(move |_| {
        let q = query.get();
        commands.with(|all| {
            let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
            rank(&q, &names)
                .into_iter()
                .take(12)
                .map(|i| all[i].clone())
                .collect::<Vec<_>>()
        })
    });
    let run = move |does: Does| match does {
        Does::Go(path) => {
            if let Some(d) = dialog.get_untracked() {
                d.close();
            }
            navigate(path, Default::default());
        }
        Does::Workspace(id) => {
            if let Some(d) = dialog.get_untracked() {
                d.close();
            }
            state.update_prefs(|p| p.current_workspace = Some(id));
            if let Some(w) = state.current() {
                state.say_in(move |t| t.fill(Msg::Switched, &[("name", &w.name)]));
            }
        }
        Does::Shortcuts => help.set(true),
    };
    let run = StoredValue::new_local(run);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if super::keyboard::choose_in_list(&ev, found.with(Vec::len), active) {
            if let Some((_, does)) = found.with(|f| f.get(active.get_untracked()).cloned()) {
                run.with_value(|r| r(does));
            }
        }
    };
    let option_id = |i: usize| format!("palette-option-{i}");
    let rows = move || {
        found
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (name, does))| {
                view! {
                    <li id=option_id(i) role="option" aria-selected=move || (active.get() == i).to_string()
                        class:active=move || active.get() == i
                        on:mousedown=move |ev| ev.prevent_default()
                        on:click=move |_| run.with_value(|r| r(does.clone()))>{name}</li>
                }
            })
            .collect_view()
    };
    view! {
        <dialog node_ref=dialog class="palette" aria-labelledby="palette-title">
            <h2 id="palette-title" class="visually-hidden">{t.tr(Msg::PaletteTitle)}</h2>
            <input type="text" node_ref=input role="combobox" aria-expanded="true" aria-controls="palette-list"
                aria-autocomplete="list" autocomplete="off" spellcheck="false"
                aria-label=t.tr(Msg::PaletteTitle)
                aria-activedescendant=move || (found.with(Vec::len) > 0).then(|| option_id(active.get()))
                prop:placeholder=t.tr(Msg::PalettePlaceholder)
                on:input=move |ev| { query.set(event_target_value(&ev)); active.set(0); }
                on:keydown=on_key/>
            <ul id="palette-list" role="listbox" aria-label=t.tr(Msg::PaletteTitle)>{rows}</ul>
            {move || found.with(Vec::is_empty).then(|| view! { <p class="muted">{t.get(Msg::PaletteNothing)}</p> })}
            {move || help.get().then(|| view! {
                <section class="palette-help" aria-labelledby="palette-help-title">
                    <h3 id="palette-help-title">{t.get(Msg::PaletteShortcuts)}</h3>
                    <dl>
                        <dt><kbd>"Ctrl K"</kbd>" / "<kbd>"⌘ K"</kbd></dt><dd>{t.get(Msg::KeyPalette)}</dd>
                        <dt><kbd>"/"</kbd></dt><dd>{t.get(Msg::KeySearch)}</dd>
                        <dt><kbd>"?"</kbd></dt><dd>{t.get(Msg::KeyShortcuts)}</dd>
                        <dt><kbd>"↑"</kbd>" "<kbd>"↓"</kbd>" "<kbd>"Enter"</kbd></dt><dd>{t.get(Msg::KeyPaletteMove)}</dd>
                        <dt><kbd>"Esc"</kbd></dt><dd>{t.get(Msg::KeyPaletteClose)}</dd>
                        <dt><kbd>"j k o e r l s a x ?"</kbd></dt><dd>{t.get(Msg::KeyInboxList)}</dd>
                    </dl>
                </section>
            })}
        </dialog>
    }
}
