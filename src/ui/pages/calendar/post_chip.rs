//! A post in the calendar: time, campaign colour, networks, the start of its text; draggable,
//! with a "Move…" button that opens the move dialog (the keyboard way).

use leptos::prelude::*;

use crate::domain::post::Post;
use crate::ui::format::{long_date, time_of_day};
use crate::ui::i18n::Msg;
use crate::ui::pages::compose::state_label;
use crate::ui::text::use_text;

use super::CalendarCtx;

#[component]
pub fn PostChip(post: Post, #[prop(optional)] compact: bool) -> impl IntoView {
    let t = use_text();
    let ctx = expect_context::<CalendarCtx>();
    let due = post.due_at.unwrap_or_default();
    let keep = if compact { 40 } else { 100 };
    let mut excerpt: String = post.base_text.chars().take(keep).collect();
    if post.base_text.chars().nth(keep).is_some() {
        excerpt.push('…');
    }
    let networks = post
        .variants
        .iter()
        .map(|v| v.network.name())
        .collect::<Vec<_>>()
        .join(", ");
    // The library may land after the posts: the colour and name follow it.
    let campaign = {
        let post = post.clone();
        Memo::new(move |_| ctx.colour_of(&post))
    };
    let border =
        move || campaign.with(|c| c.as_ref().map(|c| c.colour.clone()).unwrap_or_default());
    let id = post.id.clone();
    let drag_id = id.clone();
    let label = t.fill(Msg::MoveDialog, &[("title", &excerpt)]);
    let state = post.state;
    let held = post.held_by_server(crate::domain::network::Network::Mastodon);
    let open = move |_| ctx.moving.set(Some(post.clone()));
    view! {
        <div class="chip" draggable="true" data-post=id.clone()
            style:border-left-color=border
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data(super::DRAG_TYPE, &drag_id);
                }
            }>
            <span class="chip-time">
                {(!compact).then(|| view! { {long_date(t.lang(), due)} " · " })}
                {time_of_day(t.lang(), due)}
            </span>
            {move || campaign.get().map(|c| if compact {
                // In a day cell the colour bar says it; the name is for screen readers.
                view! { <span class="visually-hidden">{c.name}</span> }.into_any()
            } else {
                view! { <span class="campaign-tag" style:background-color=c.colour.clone()>{c.name}</span> }.into_any()
            })}
            <span class="chip-networks">{networks}</span>
            <a href=format!("/compose?post={id}")>{excerpt}</a>
            {(!compact).then(|| view! { <span class="badge">{t.get(state_label(state))}</span> })}
            {held.then(|| view! { <span class="badge held-badge">{t.get(Msg::HeldBadge)}</span> })}
            <button type="button" class="chip-move" aria-label=label on:click=open>{t.get(Msg::MoveMenu)}</button>
        </div>
    }
}
