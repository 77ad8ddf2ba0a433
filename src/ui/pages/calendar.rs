//! The editorial calendar: a month grid or a list of the month's scheduled posts, filtered
//! by network and state. A post moves to another day by drag and drop, or by its date
//! field (the keyboard way); it keeps its time of day in the user's time zone, across
//! daylight-saving changes. The month exports as an `.ics` file.

mod month_grid;
mod post_chip;

use leptos::prelude::*;

use crate::domain::i18n::Msg;
use crate::domain::network::Network;
use crate::domain::post::{Post, PostState};
use crate::services::clock::now_ms;
use crate::store;
use crate::ui::dates::Day;
use crate::ui::errors::store_error;
use crate::ui::format::{long_date, month_year};
use crate::ui::pages::compose::state_label;
use crate::ui::state::{use_app, AppState};
use crate::ui::text::{use_text, Text};

/// What the calendar's parts share.
#[derive(Clone, Copy)]
pub struct CalendarCtx {
    pub month: RwSignal<Day>,
    pub posts: RwSignal<Vec<Post>>,
}

fn load(state: AppState, ctx: CalendarCtx) {
    let (Some(db), Some(ws)) = (state.db(), state.current()) else {
        return;
    };
    let month = ctx.month.get_untracked();
    leptos::task::spawn_local(async move {
        let (from, to) = (month.start_ms(), month.add_months(1).start_ms());
        match store::posts::due_between(&db, &ws.id, from, to).await {
            Ok(posts) => ctx.posts.set(posts),
            Err(e) => state.warn(store_error(&e).text(state.lang.get_untracked()).to_string()),
        }
    });
}

/// Moves a post to `day`, keeping its local time of day; saves and reloads the month.
pub fn move_post(state: AppState, t: Text, ctx: CalendarCtx, id: &str, day: Day) {
    let Some(mut post) = ctx
        .posts
        .with_untracked(|l| l.iter().find(|p| p.id == id).cloned())
    else {
        return;
    };
    let Some(due) = post.due_at else { return };
    let Some(db) = state.db() else { return };
    post.due_at = Some(day.at_time_of(due));
    post.updated_at = now_ms();
    leptos::task::spawn_local(async move {
        match store::posts::put(&db, &post).await {
            Ok(()) => {
                state.say(t.fill(
                    Msg::Moved,
                    &[&long_date(t.lang(), post.due_at.unwrap_or(due))],
                ));
                load(state, ctx);
            }
            Err(e) => state.warn(t.fill(Msg::SaveFailed, &[t.get(store_error(&e))])),
        }
    });
}

fn export_ics(state: AppState, t: Text, posts: Vec<Post>) {
    let name = state.current().map(|w| w.name).unwrap_or_default();
    let text = crate::domain::ics::calendar(&posts, now_ms(), &name);
    let file = format!("attache-{}.ics", Day::today().iso());
    if let Err(e) = crate::services::backup::download_as(&file, &text, "text/calendar") {
        state.warn(t.fill(Msg::SaveFailed, &[t.get(store_error(&e))]));
    }
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let today = Day::today();
    let ctx = CalendarCtx {
        month: RwSignal::new(Day { day: 1, ..today }),
        posts: RwSignal::new(vec![]),
    };
    provide_context(ctx);
    Effect::new(move |_| {
        ctx.month.track();
        state.prefs.with(|p| p.current_workspace.clone());
        load(state, ctx);
    });
    let list_view = RwSignal::new(false);
    let network = RwSignal::new(String::new());
    let post_state = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let (n, s) = (network.get(), post_state.get());
        ctx.posts
            .get()
            .into_iter()
            .filter(|p| {
                (n.is_empty() || p.variants.iter().any(|v| v.network.name() == n))
                    && (s.is_empty() || format!("{:?}", p.state) == s)
            })
            .collect::<Vec<_>>()
    });
    let states = [
        PostState::Draft,
        PostState::InReview,
        PostState::Approved,
        PostState::Scheduled,
        PostState::Published,
        PostState::Failed,
    ];
    view! {
        <h1>{move || t.get(Msg::NavCalendar)}</h1>
        <div class="calendar-bar">
            <button type="button" on:click=move |_| ctx.month.update(|m| *m = m.add_months(-1))>
                <span aria-hidden="true">"‹ "</span>{move || t.get(Msg::PrevMonth)}
            </button>
            <h2 class="month-title" aria-live="polite">{move || month_year(t.lang(), ctx.month.get().start_ms())}</h2>
            <button type="button" on:click=move |_| ctx.month.update(|m| *m = m.add_months(1))>
                {move || t.get(Msg::NextMonth)}<span aria-hidden="true">" ›"</span>
            </button>
        </div>
        <div class="calendar-filters">
            <label for="cal-view">{move || t.get(Msg::ViewLabel)}</label>
            <select id="cal-view" on:change=move |ev| list_view.set(event_target_value(&ev) == "list")>
                <option value="month">{move || t.get(Msg::ViewMonth)}</option>
                <option value="list">{move || t.get(Msg::ViewList)}</option>
            </select>
            <label for="cal-network">{move || t.get(Msg::FilterNetwork)}</label>
            <select id="cal-network" on:change=move |ev| network.set(event_target_value(&ev))>
                <option value="">{move || t.get(Msg::FilterAll)}</option>
                {Network::ALL.into_iter().map(|n| view! { <option value=n.name()>{n.name()}</option> }).collect_view()}
            </select>
            <label for="cal-state">{move || t.get(Msg::FilterState)}</label>
            <select id="cal-state" on:change=move |ev| post_state.set(event_target_value(&ev))>
                <option value="">{move || t.get(Msg::FilterAll)}</option>
                {states.into_iter().map(|s| view! { <option value=format!("{s:?}")>{move || t.get(state_label(s))}</option> }).collect_view()}
            </select>
            <button type="button" on:click=move |_| export_ics(state, t, shown.get_untracked())>{move || t.get(Msg::ExportIcs)}</button>
        </div>
        <p class="hint">{move || t.get(Msg::DragHint)}</p>
        {move || if list_view.get() {
            let posts = shown.get();
            if posts.is_empty() {
                view! { <p>{t.get(Msg::CalendarEmpty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="post-list calendar-list">
                        {posts.into_iter().map(|p| view! { <li><post_chip::PostChip post=p/></li> }).collect_view()}
                    </ul>
                }.into_any()
            }
        } else {
            view! { <month_grid::MonthGrid posts=shown/> }.into_any()
        }}
    }
}
