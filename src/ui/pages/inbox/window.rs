//! The Inbox's list is drawn a window at a time: only the conversations around what is on
//! screen exist in the page; the list's padding stands for the others, at their measured
//! height (or the usual height of a closed row until they have been drawn once). The page
//! scrolls as usual; each scroll re-reads the heights drawn and moves the window, once per
//! frame. The keyboard moves the window too ([`bring_in`]) so the next row exists to focus.

use crate::domain::sorting;
use std::collections::HashMap;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Inbox;

/// Rows drawn at first, before a row is measured.
pub(super) const FIRST_DRAWN: usize = 24;
/// Rows drawn above and below what is on screen.
const ABOVE: usize = 5;
/// A closed row's height until one is measured (px, with the gap).
const GUESS: f64 = 84.0;
/// The gap between rows (`.inbox-list`'s CSS gap).
const ROW_GAP: f64 = 12.0;

/// The usual height of a closed row (measured), and the height of each open row measured
/// while drawn: every other row counts the usual height.
struct Heights {
    usual: f64,
    open: HashMap<String, f64>,
}

/// The rows taller than the usual (open ones), as (place in the list, extra height), in
/// the list's order.
fn extras(h: &Heights, open_places: &[(usize, String)]) -> Vec<(usize, f64)> {
    open_places
        .iter()
        .filter_map(|(at, k)| h.open.get(k).map(|x| (*at, (x - h.usual).max(0.0))))
        .collect()
}

/// The first row on screen for a list scrolled `offset` px past its top (of `n`).
fn first_at(offset: f64, n: usize, usual: f64, extras: &[(usize, f64)]) -> usize {
    let (mut before, mut from) = (0.0, 0usize);
    for &(at, extra) in extras {
        let bottom = (at + 1) as f64 * usual + before + extra;
        if bottom > offset {
            let top_of_from = from as f64 * usual + before;
            let i = from + ((offset - top_of_from).max(0.0) / usual) as usize;
            return i.min(at);
        }
        before += extra;
        from = at + 1;
    }
    let top_of_from = from as f64 * usual + before;
    (from + ((offset - top_of_from).max(0.0) / usual) as usize).min(n.saturating_sub(1))
}

/// Makes row `index` of the visible list drawn (the keyboard is going there).
pub(super) fn bring_in(inbox: Inbox, index: usize) {
    let start = inbox.start.get_untracked();
    if index < start || index >= start + inbox.drawn.get_untracked() {
        inbox.start.set(index.saturating_sub(ABOVE));
    }
}

/// Reads the drawn rows' heights into `heights` (one read of the layout).
fn measure(list: &web_sys::HtmlElement, heights: &mut Heights) {
    let rows = list.children();
    let mut closed = vec![];
    for i in 0..rows.length() {
        let Some(row) = rows.item(i) else { continue };
        let Some(key) = row.get_attribute("data-key") else {
            continue;
        };
        let h = row
            .dyn_ref::<web_sys::HtmlElement>()
            .map(|e| f64::from(e.offset_height()))
            .unwrap_or(0.0)
            + ROW_GAP;
        if row.class_list().contains("open") {
            heights.open.insert(key, h);
        } else {
            heights.open.remove(&key);
            closed.push(h);
        }
    }
    if !closed.is_empty() {
        sorting::sort_numbers(&mut closed[..]);
        heights.usual = closed[closed.len() / 2].max(1.0);
    }
}

/// Which drawn row (from the window's first) holds the focus, if one does.
fn focused_row(list: &web_sys::HtmlElement) -> Option<usize> {
    let active = document().active_element()?;
    let rows = list.children();
    (0..rows.length())
        .find(|&i| {
            rows.item(i)
                .is_some_and(|r| r.contains(Some(active.unchecked_ref())))
        })
        .map(|i| i as usize)
}

/// Where the keyboard's conversation is in the visible list.
fn current_place(inbox: Inbox) -> Option<usize> {
    let key = inbox.current.get_untracked()?;
    inbox.visible.with_untracked(|v| {
        inbox
            .all
            .with_untracked(|all| v.iter().position(|&i| all[i].key == key))
    })
}

/// Keeps the window where the page is scrolled and pads the list for the rows not drawn.
pub(super) fn follow(inbox: Inbox, list: NodeRef<html::Ol>) {
    let heights = StoredValue::new_local(Heights {
        usual: GUESS,
        open: HashMap::new(),
    });
    // Where the open conversations are in the list (none: nothing to look for).
    let open_places = Memo::new(move |_| {
        let opened = inbox.opened.get();
        if opened.is_empty() {
            return vec![];
        }
        inbox.visible.with(|v| {
            inbox.all.with(|all| {
                v.iter()
                    .enumerate()
                    .filter(|(_, &i)| opened.contains(&all[i].key))
                    .map(|(at, &i)| (at, all[i].key.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    // The list held the focus at the last frame (a click anywhere clears it).
    let had_focus = StoredValue::new(false);
    let click = window_event_listener(leptos::ev::pointerdown, move |_| {
        had_focus.set_value(false);
    });
    // Re-reads heights and moves the window (after the rows drawn have been laid out).
    let place = move || {
        // A frame asked for just before the list went (a new read draws it again).
        if heights.try_with_value(|_| ()).is_none() {
            return;
        }
        let Some(ol) = list.get_untracked() else {
            return;
        };
        let ol: web_sys::HtmlElement = ol.unchecked_into();
        heights.update_value(|h| measure(&ol, h));
        let n = inbox.visible.with_untracked(Vec::len);
        let (usual, extras) =
            heights.with_value(|h| (h.usual, open_places.with_untracked(|p| extras(h, p))));
        // How far the list's top is above the screen's.
        let offset = (-ol.get_bounding_client_rect().top()).max(0.0);
        let mut start = first_at(offset, n, usual, &extras).saturating_sub(ABOVE);
        // A screenful of closed rows, and some above and below.
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(900.0);
        let drawn = (screen / usual).ceil() as usize + 2 * ABOVE;
        // The row with the focus stays drawn (the keyboard may have moved faster than the
        // page scrolled to it). A focus the list lost while drawn again (not by a click
        // elsewhere) goes back to the keyboard's conversation.
        let focused = focused_row(&ol).map(|at| inbox.start.get_untracked() + at);
        let lost = focused.is_none()
            && had_focus.get_value()
            && document()
                .active_element()
                .is_none_or(|e| e.tag_name() == "BODY");
        let keep = focused.or_else(|| lost.then(|| current_place(inbox)).flatten());
        if let Some(at) = keep {
            start = start.clamp((at + 1).saturating_sub(drawn), at);
        }
        had_focus.set_value(keep.is_some());
        if focused.is_none() && keep.is_some() {
            inbox.focus_on(super::keys::Field::Row);
        }
        if start != inbox.start.get_untracked() {
            inbox.start.set(start);
        }
        if drawn != inbox.drawn.get_untracked() {
            inbox.drawn.set(drawn);
        }
        let end = (start + drawn).min(n);
        let before: f64 = start as f64 * usual
            + extras
                .iter()
                .filter(|(at, _)| *at < start)
                .map(|(_, e)| e)
                .sum::<f64>();
        let after: f64 = n.saturating_sub(end) as f64 * usual
            + extras
                .iter()
                .filter(|(at, _)| *at >= end)
                .map(|(_, e)| e)
                .sum::<f64>();
        let style = ol.style();
        let _ = style.set_property("padding-top", &format!("{before}px"));
        let _ = style.set_property("padding-bottom", &format!("{after}px"));
    };
    // Once per frame at most.
    let queued = StoredValue::new(false);
    let on_scroll = move || {
        if queued.get_value() {
            return;
        }
        queued.set_value(true);
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
            if queued.try_set_value(false).is_none() {
                place();
            }
        });
        let _ = window().request_animation_frame(cb.unchecked_ref());
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| on_scroll());
    let resize = window_event_listener(leptos::ev::resize, move |_| on_scroll());
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
        click.remove();
    });
    // The list or the window changed: pad again once drawn.
    Effect::new(move |_| {
        inbox.visible.track();
        inbox.start.track();
        inbox.drawn.track();
        open_places.track();
        on_scroll();
    });
}
