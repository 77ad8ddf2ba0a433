//! Triage by keyboard, as in mail clients: `j`/`k` next and previous, `o` open, `e` done,
//! `r` reply, `l` label, `s` snooze, `a` assign, `x` select, `?` the list of shortcuts. Nothing happens
//! while the user types in a field or holds a modifier; every action is also a button, and
//! each says what it did in the status line.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::conversation::{Change, TriageState};
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

use super::{use_inbox, Inbox};

/// Which part of the current conversation a shortcut puts the focus on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Row,
    Reply,
    Label,
    Assign,
    Snooze,
}

use crate::ui::components::keyboard::typing;

/// Listens to the keyboard while the Inbox is on screen.
pub fn listen(inbox: Inbox) {
    use gloo_events::{EventListener, EventListenerOptions};
    let options = EventListenerOptions::enable_prevent_default();
    let handler = EventListener::new_with_options(&document(), "keydown", options, move |ev| {
        let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
        // Escape leaves a field for the conversation it belongs to.
        if ev.key() == "Escape" && typing(ev) && inbox.current.with_untracked(Option::is_some) {
            inbox.focus_on(Field::Row);
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(ev) || ev.default_prevented() {
            return;
        }
        let current = inbox.current.get_untracked();
        let open_current = |field: Field| {
            if let Some(k) = &current {
                inbox.opened.update(|o| {
                    o.insert(k.clone());
                });
                inbox.focus_on(field);
            }
        };
        match ev.key().as_str() {
            "j" => inbox.step(1),
            "k" => inbox.step(-1),
            "o" => {
                if let Some(k) = &current {
                    inbox.opened.update(|o| {
                        if !o.remove(k) {
                            o.insert(k.clone());
                        }
                    });
                    inbox.focus_on(Field::Row);
                }
            }
            "e" => {
                let selected: Vec<String> = inbox.selected.get_untracked().into_iter().collect();
                if !selected.is_empty() {
                    inbox.apply(&selected, Change::State(TriageState::Done));
                    inbox.selected.set(Default::default());
                } else if let Some(k) = current {
                    // The keyboard moves on to the next one before this one leaves the list.
                    inbox.step(1);
                    if inbox.current.get_untracked().as_ref() == Some(&k) {
                        inbox.step(-1);
                    }
                    inbox.apply(&[k], Change::State(TriageState::Done));
                }
            }
            "r" => open_current(Field::Reply),
            "l" => open_current(Field::Label),
            "a" => open_current(Field::Assign),
            "s" => open_current(Field::Snooze),
            "x" => {
                if let Some(k) = current {
                    inbox.selected.update(|s| {
                        if !s.remove(&k) {
                            s.insert(k);
                        }
                    });
                }
            }
            "?" => inbox.help.set(true),
            _ => return,
        }
        ev.prevent_default();
    });
    // Dropped (and so removed) with the page.
    let _ = StoredValue::new_local(handler);
}

/// The button that shows the shortcuts, and the dialog listing them.
#[component]
pub fn ShortcutsButton() -> impl IntoView {
    let t = use_text();
    let inbox = use_inbox();
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        if inbox.help.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        } else if d.open() {
            d.close();
        }
    });
    let rows = [
        ("j", Msg::KeyNext),
        ("k", Msg::KeyPrevious),
        ("o", Msg::KeyOpen),
        ("e", Msg::KeyDone),
        ("r", Msg::KeyReply),
        ("l", Msg::KeyLabel),
        ("s", Msg::KeySnooze),
        ("a", Msg::KeyAssign),
        ("x", Msg::KeySelect),
        ("?", Msg::KeyHelp),
    ];
    view! {
        <button type="button" class="secondary" on:click=move |_| inbox.help.set(true)>{t.tr(Msg::ShortcutsButton)}</button>
        <dialog node_ref=dialog class="shortcuts" aria-labelledby="shortcuts-title" on:close=move |_| inbox.help.set(false)>
            <h2 id="shortcuts-title">{t.tr(Msg::ShortcutsTitle)}</h2>
            <dl>
                {rows.map(|(k, m)| view! { <dt><kbd>{k}</kbd></dt><dd>{move || t.get(m)}</dd> }).into_iter().collect_view()}
            </dl>
            <p>{t.tr(Msg::KeysIgnoredInFields)}</p>
            <button type="button" on:click=move |_| inbox.help.set(false)>{t.tr(Msg::ShortcutsClose)}</button>
        </dialog>
    }
}
