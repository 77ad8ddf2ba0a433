//! The keyboard way to move a post: a dialog with its date and time, opened from the
//! post's "Move…" button; Escape or Cancel closes it and focus returns to the button.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::ui::dates::Day;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::{move_post, CalendarCtx};

#[component]
pub fn MoveDialog() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let ctx = expect_context::<CalendarCtx>();
    let dialog = NodeRef::<Dialog>::new();
    let date = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        match ctx.moving.get() {
            Some(p) => {
                let due = p.due_at.unwrap_or_default();
                let d = js_sys::Date::new(&due.into());
                date.set(Day::of(due).iso());
                time.set(format!("{:02}:{:02}", d.get_hours(), d.get_minutes()));
                if !el.open() {
                    let _ = el.show_modal();
                }
            }
            None => {
                if el.open() {
                    el.close();
                }
            }
        }
    });
    let title = move || {
        ctx.moving.with(|p| {
            p.as_ref()
                .map(|p| {
                    let excerpt: String = p.base_text.chars().take(40).collect();
                    t.fill(Msg::MoveDialog, &[("title", &excerpt)])
                })
                .unwrap_or_default()
        })
    };
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(post) = ctx.moving.get_untracked() else {
            return;
        };
        let minute = time
            .get_untracked()
            .split_once(':')
            .and_then(|(h, m)| Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?));
        let (Some(day), Some(minute)) = (Day::parse(&date.get_untracked()), minute) else {
            state.warn_in(move |t| t.get(Msg::DueMissing).to_string());
            return;
        };
        ctx.moving.set(None);
        move_post(state, db, t, ctx, &post.id, |_| day.at_minute(minute));
    };
    view! {
        <dialog node_ref=dialog class="move-dialog" aria-labelledby="move-title"
            on:close=move |_| if ctx.moving.get_untracked().is_some() { ctx.moving.set(None) }>
            <form on:submit=apply class="stacked-form">
                <h2 id="move-title">{title}</h2>
                <label for="move-date">{t.tr(Msg::NewDate)}</label>
                <input id="move-date" type="date" bind:value=date/>
                <label for="move-time">{t.tr(Msg::NewTime)}</label>
                <input id="move-time" type="time" bind:value=time/>
                <div class="actions">
                    <button type="submit">{t.tr(Msg::MovePost)}</button>
                    <button type="button" on:click=move |_| ctx.moving.set(None)>{t.tr(Msg::Cancel)}</button>
                </div>
            </form>
        </dialog>
    }
}
