//! A scheduled post in the calendar: time, networks, the start of its text; draggable,
//! and with a date field to move it by keyboard.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::i18n::Msg;
use crate::domain::post::Post;
use crate::ui::dates::Day;
use crate::ui::format::{long_date, time_of_day};
use crate::ui::pages::compose::state_label;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

use super::{move_post, CalendarCtx};

#[component]
pub fn PostChip(post: Post, #[prop(optional)] compact: bool) -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let ctx = expect_context::<CalendarCtx>();
    let due = post.due_at.unwrap_or_default();
    let excerpt: String = post
        .base_text
        .chars()
        .take(if compact { 40 } else { 100 })
        .collect();
    let networks = post
        .variants
        .iter()
        .map(|v| v.network.name())
        .collect::<Vec<_>>()
        .join(", ");
    let id = post.id.clone();
    let drag_id = id.clone();
    let field = format!("move-{id}");
    let target = RwSignal::new(Day::of(due).iso());
    let do_move = {
        let id = id.clone();
        move |_| {
            if let Some(day) = Day::parse(&target.get_untracked()) {
                move_post(state, t, ctx, &id, day);
            }
        }
    };
    let label = {
        let excerpt = excerpt.clone();
        move || t.fill(Msg::MoveLabel, &[&excerpt])
    };
    view! {
        <div class="chip" draggable="true" data-post=id.clone()
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data("text/plain", &drag_id);
                }
            }>
            <span class="chip-time">
                {(!compact).then(|| view! { {move || long_date(t.lang(), due)} " · " })}
                {move || time_of_day(t.lang(), due)}
            </span>
            <span class="chip-networks">{networks}</span>
            <A href=format!("/compose?post={id}")>{excerpt}</A>
            <span class="badge">{move || t.get(state_label(post.state))}</span>
            <span class="chip-move">
                <label for=field.clone() class="visually-hidden">{label}</label>
                <input id=field type="date" bind:value=target/>
                <button type="button" on:click=do_move>{move || t.get(Msg::MovePost)}</button>
            </span>
        </div>
    }
}
