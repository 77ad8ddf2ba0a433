//! The search box (`/` from anywhere outside a field, or the header's button): members,
//! conversations, posts, notes, snippets and the strategy, grouped by kind, found as typed
//! in an index kept in memory (`domain::search`). The index is built once the first screen
//! is up, and read again each time the box opens — the last one answers meanwhile, so
//! results come at once and are current a moment later. Arrows and Enter, or a click, open
//! a result's page; Escape closes and gives the focus back.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use gloo_events::{EventListener, EventListenerOptions};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::domain::search::{Index, Kind};
use crate::store::{Db, StoreError};
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::{use_text, Text};

/// Results shown per kind.
const PER_KIND: usize = 5;

/// An index read and the workspace it is of, with the number of the read that made it.
#[derive(Clone)]
struct Built(u64, Arc<(String, Index)>);

/// One result as shown.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    kind: Kind,
    title: String,
    detail: String,
    href: String,
}

fn kind_name(t: Text, k: Kind) -> String {
    t.get(match k {
        Kind::Member => Msg::SearchGroupMembers,
        Kind::Conversation => Msg::SearchGroupConversations,
        Kind::Post => Msg::SearchGroupPosts,
        Kind::Note => Msg::NavNotes,
        Kind::Snippet => Msg::SnippetsHeading,
        Kind::Strategy => Msg::NavStrategy,
    })
    .to_string()
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// Where a result opens.
fn href(kind: Kind, id: &str, handle: &str) -> String {
    match kind {
        Kind::Member => format!("/people?q={}", encode(handle)),
        Kind::Conversation => format!("/inbox?q={}&open={}", encode(handle), encode(id)),
        Kind::Post => format!("/compose?post={}", encode(id)),
        Kind::Note => "/notes".into(),
        Kind::Snippet => "/library".into(),
        Kind::Strategy => "/strategy".into(),
    }
}

fn shortened(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(100) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let (t, state) = (use_text(), use_app());
    let navigate = use_navigate();
    let dialog = NodeRef::<html::Dialog>::new();
    let input = NodeRef::<html::Input>::new();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    // One read of the workspace into an index, numbered; a read asked during another runs
    // beside it, and reads may end in any order. Each read, as it ends, keeps its index only
    // if no newer read's index is kept (what changed meanwhile would not be in it), and its
    // failure only if it is the newest failure (an `Action`'s value is only the read that
    // ended last: two ending before the page looks at it would leave the older one).
    let asked = StoredValue::new(0u64);
    let index = RwSignal::new(None::<Built>);
    let failure = RwSignal::new(None::<(u64, StoreError)>);
    // Kept unless a newer read's index of the same workspace is kept.
    let publish = move |built: Built| {
        index.try_update(|kept| {
            let newer = kept
                .as_ref()
                .is_none_or(|k| k.1 .0 != built.1 .0 || k.0 < built.0);
            if newer {
                *kept = Some(built);
            }
        });
    };
    let read = Action::new_local(move |(db, ws, n): &(Db, String, u64)| {
        let (db, ws, n) = (db.clone(), ws.clone(), *n);
        async move {
            use crate::services::search;
            // Nothing of this workspace shown yet: the index its last build kept answers
            // (as number 0, older than any read) while everything is read again.
            // (A box taken off the page meanwhile — a lock, another tab's newer version —
            // answers nothing: its signals are gone.)
            let none_yet = index
                .try_with_untracked(|i| i.as_ref().is_none_or(|b| b.1 .0 != ws))
                .unwrap_or(false);
            if none_yet {
                if let Ok(Some(kept)) = search::head_start(&db, &ws).await {
                    crate::ui::marks::mark("attache:search-index-ready");
                    publish(Built(0, Arc::new((ws.clone(), kept))));
                }
            }
            match search::build(&db, &ws).await {
                Ok(read) => {
                    crate::ui::marks::mark("attache:search-index-ready");
                    crate::ui::marks::mark("attache:search-index-built");
                    let built = Arc::new((ws.clone(), read.index));
                    publish(Built(n, built.clone()));
                    // For the next session's head start, unless a newer read's index is
                    // shown (an older read ending last must not replace its copy); not
                    // kept, the next start is only slower.
                    let newest = index
                        .try_with_untracked(|i| i.as_ref().is_some_and(|b| b.0 == n))
                        .unwrap_or(false);
                    if !newest {
                        return;
                    }
                    if let Ok(true) = search::keep(&db, &ws, &built.1, read.from).await {
                        crate::ui::marks::mark("attache:search-index-kept");
                    }
                }
                Err(e) => {
                    failure.try_update(|kept| {
                        if kept.as_ref().is_none_or(|k| k.0 < n) {
                            *kept = Some((n, e));
                        }
                    });
                }
            }
        }
    });
    // A failed read is said unless a newer read has succeeded since.
    let failed = move || {
        let shown = index.with(|i| i.as_ref().map_or(0, |b| b.0));
        failure.with(|f| match f {
            Some((n, e)) if *n > shown => Some(e.clone()),
            _ => None,
        })
    };
    let alive = Arc::new(AtomicBool::new(true));
    on_cleanup({
        let alive = alive.clone();
        move || alive.store(false, Ordering::Relaxed)
    });
    let rebuild = move || {
        if let (Some(db), Some(ws)) = (state.db_if_open(), state.current()) {
            asked.update_value(|n| *n += 1);
            read.dispatch((db, ws.id, asked.get_value()));
        }
    };
    // Built a moment after the first screen is painted, so it never delays it.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !state.settled.get() {
            return done.unwrap_or(false);
        }
        let alive = alive.clone();
        set_timeout(
            move || {
                if alive.load(Ordering::Relaxed) {
                    rebuild();
                }
            },
            Duration::from_millis(500),
        );
        true
    });
    let open = move || {
        let Some(d) = dialog.get_untracked() else {
            return;
        };
        active.set(0);
        if !d.open() {
            let _ = d.show_modal();
        }
        if let Some(i) = input.get_untracked() {
            let _ = i.focus();
            i.select();
        }
        rebuild();
    };
    let options = EventListenerOptions::enable_prevent_default();
    let listener = EventListener::new_with_options(&document(), "keydown", options, move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if ev.key() == "/"
            && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented())
            && !super::keyboard::typing(ev)
        {
            ev.prevent_default();
            open();
        }
    });
    let _ = StoredValue::new_local(listener);
    let found = Memo::new(move |_| {
        let q = query.get();
        let current = state.current().map(|w| w.id);
        index.with(|i| match i.as_ref().map(|b| &*b.1) {
            Some((ws, i)) if Some(ws) == current.as_ref() => i
                .search(&q, PER_KIND)
                .into_iter()
                .map(|h| Found {
                    kind: h.doc.kind,
                    title: h.doc.title.clone(),
                    // Not the title again (a one-line post).
                    detail: Some(shortened(&h.doc.body))
                        .filter(|d| *d != shortened(&h.doc.title))
                        .unwrap_or_default(),
                    href: href(h.doc.kind, &h.doc.id, &h.doc.handle),
                })
                .collect::<Vec<_>>(),
            _ => vec![],
        })
    });
    let go = move |href: String| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        navigate(&href, Default::default());
    };
    let go = StoredValue::new_local(go);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if super::keyboard::choose_in_list(&ev, found.with(Vec::len), active) {
            if let Some(f) = found.with(|f| f.get(active.get_untracked()).cloned()) {
                go.with_value(|g| g(f.href));
            }
        }
    };
    let option_id = |i: usize| format!("search-option-{i}");
    let groups = move || {
        let list = found.get();
        Kind::ALL
            .into_iter()
            .filter_map(|k| {
                let rows: Vec<(usize, Found)> = list
                    .iter()
                    .cloned()
                    .enumerate()
                    .filter(|(_, f)| f.kind == k)
                    .collect();
                if rows.is_empty() {
                    return None;
                }
                let label = format!("search-group-{k:?}");
                let labelled = label.clone();
                Some(view! {
                    <ul role="group" aria-labelledby=labelled>
                        <li role="presentation" id=label class="search-group">{kind_name(t, k)}</li>
                        {rows.into_iter().map(|(i, f)| {
                            let href = f.href.clone();
                            view! {
                                <li id=option_id(i) role="option" aria-selected=move || (active.get() == i).to_string()
                                    class:active=move || active.get() == i
                                    on:mousedown=move |ev| ev.prevent_default()
                                    on:click=move |_| go.with_value(|g| g(href.clone()))>
                                    <span class="search-title">{f.title}</span>
                                    <span class="search-detail muted">{f.detail}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            })
            .collect_view()
    };
    let status = move || {
        let q = query.with(|q| !q.trim().is_empty());
        let none = found.with(Vec::is_empty);
        if let Some(e) = failed() {
            Some(crate::ui::errors::read_failed(t, &e))
        } else if read.pending().get() && none {
            Some(t.get(Msg::SearchReading).to_string())
        } else if q && none {
            Some(t.get(Msg::SearchNothing).to_string())
        } else {
            None
        }
    };
    view! {
        <button type="button" class="secondary search-open" aria-keyshortcuts="/" on:click=move |_| open()>
            {t.tr(Msg::SearchTitle)}" "<kbd>"/"</kbd>
        </button>
        <dialog node_ref=dialog class="palette search-box" aria-labelledby="search-title">
            <h2 id="search-title" class="visually-hidden">{t.tr(Msg::SearchTitle)}</h2>
            <input type="text" node_ref=input role="combobox" aria-expanded="true" aria-controls="search-list"
                aria-autocomplete="list" autocomplete="off" spellcheck="false"
                aria-label=t.tr(Msg::SearchTitle)
                aria-activedescendant=move || (found.with(Vec::len) > 0).then(|| option_id(active.get()))
                prop:placeholder=t.tr(Msg::SearchPlaceholder)
                on:input=move |ev| { query.set(event_target_value(&ev)); active.set(0); }
                on:keydown=on_key/>
            <div id="search-list" role="listbox" aria-label=t.tr(Msg::SearchTitle)>{groups}</div>
            <p class="muted" role="status">{status}</p>
        </dialog>
    }
}
