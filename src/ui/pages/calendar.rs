//! The editorial calendar: a month grid, a week of hours, or a list, filtered by network,
//! campaign and state. A post moves to another day (month) or day and hour (week) by drag
//! and drop, or through its "Move…" dialog (the keyboard way); it keeps its local time of
//! day across daylight-saving changes. The shown period exports as an `.ics` file.

mod month_grid;
mod move_dialog;
mod post_chip;
mod week_grid;

use leptos::prelude::*;

use crate::ui::marks::mark;

use crate::domain::network::Network;
use crate::domain::post::{Post, PostState};
use crate::services::clock::now_ms;
use crate::store;
use crate::ui::components::library_data::{CampaignView, Library};
use crate::ui::dates::Day;
use crate::ui::format::{date_time, long_date, month_year};
use crate::ui::i18n::Msg;
use crate::ui::pages::compose::state_label;
use crate::ui::state::{use_app, use_db, AppState, OpenDb};
use crate::ui::text::{use_text, Text};

/// Posts the list view draws at a time.
const LIST_PAGE: usize = 100;

/// The drag-and-drop type that carries a post's id (links dragged by mistake carry none).
pub const DRAG_TYPE: &str = "application/x-attache-post";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalView {
    Month,
    Week,
    List,
}

/// What the calendar's parts share.
#[derive(Clone, Copy)]
pub struct CalendarCtx {
    /// A day of the shown period (the 1st for a month, any day of the week).
    pub anchor: RwSignal<Day>,
    pub view: RwSignal<CalView>,
    /// The shown period's posts (see [`period_posts`]).
    pub posts: Memo<Vec<Post>>,
    /// The post whose "Move…" dialog is open.
    pub moving: RwSignal<Option<Post>>,
    pub lib: Library,
    /// Bumped after a change: the shown period is read again.
    pub reload: RwSignal<u32>,
}

impl CalendarCtx {
    /// The shown period `[from, to)` in UTC milliseconds (tracked: a load reruns when the
    /// anchor or the view changes).
    fn period(&self) -> (f64, f64) {
        let a = self.anchor.get();
        match self.view.get() {
            CalView::Week => {
                let start = a.week_start();
                (start.start_ms(), start.add_days(7).start_ms())
            }
            _ => {
                let first = Day { day: 1, ..a };
                (first.start_ms(), first.add_months(1).start_ms())
            }
        }
    }

    pub fn colour_of(&self, post: &Post) -> Option<CampaignView> {
        let first = post.campaigns.first()?;
        self.lib.campaigns().into_iter().find(|c| &c.id == first)
    }
}

/// The shown period's posts, read again when the period, the workspace or `ctx.reload`
/// changes; the previous period's stay on screen until the new read lands. Latest wins: a
/// read started for a period the user has already left never replaces the newer one (a
/// `LocalResource` keeps only its latest run's value).
fn period_posts(state: AppState, db: OpenDb, ctx: CalendarCtx) -> Memo<Vec<Post>> {
    let loaded = LocalResource::new(move || {
        ctx.reload.track();
        let (from, to) = ctx.period();
        let (db, ws) = (db.get(), state.current());
        async move {
            match ws {
                Some(ws) => store::posts::due_between(&db, &ws.id, from, to).await,
                _ => Ok(vec![]),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Err(e)) = loaded.get() {
            state.save_failed(&e);
        }
    });
    Memo::new(move |before: Option<&Vec<Post>>| match loaded.get() {
        Some(Ok(posts)) => {
            mark("attache:calendar-loaded");
            // After the reactive update, the next frame has the new grid in the DOM.
            let cb =
                wasm_bindgen::closure::Closure::once_into_js(|| mark("attache:calendar-rendered"));
            if let Some(w) = web_sys::window() {
                let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&cb));
            }
            posts
        }
        _ => before.cloned().unwrap_or_default(),
    })
}

/// The filter's value for a state (the select's option value).
fn state_value(s: PostState) -> &'static str {
    match s {
        PostState::Draft => "Draft",
        PostState::InReview => "InReview",
        PostState::Approved => "Approved",
        PostState::Scheduled => "Scheduled",
        PostState::Publishing => "Publishing",
        PostState::Published => "Published",
        PostState::Failed => "Failed",
        PostState::Cancelled => "Cancelled",
    }
}

/// Sets a post's due time, saves it and reloads the period.
pub fn move_post(
    state: AppState,
    db: OpenDb,
    t: Text,
    ctx: CalendarCtx,
    id: &str,
    due: impl FnOnce(f64) -> f64,
) {
    let Some(mut post) = ctx
        .posts
        .with_untracked(|l| l.iter().find(|p| p.id == id).cloned())
    else {
        return;
    };
    let Some(old) = post.due_at else { return };
    let handle = db;
    let db = db.get();
    let new_due = due(old);
    post = match crate::services::posts::moved(&post, new_due) {
        Ok(p) => p,
        Err(_) => return state.warn_in(move |t| t.get(Msg::DueInPast).to_string()),
    };
    leptos::task::spawn_local(async move {
        use crate::services::mastodon::publish::save_schedule;
        let when = date_time(t.lang(), new_due);
        let id = post.id.clone();
        let back = move || undo_move(state, handle, t, ctx, id.clone(), old);
        match save_schedule(&db, &post).await {
            Ok(None) => state.say_undoable(move |t| t.fill(Msg::Moved, &[("when", &when)]), back),
            Ok(Some(_)) => {
                state.say_undoable(move |t| t.fill(Msg::HeldUpdated, &[("when", &when)]), back)
            }
            Err(e) => move_failed(state, e),
        }
        ctx.reload.update(|n| *n += 1);
    });
}

/// Says why a move (or its undo) was not made in full.
fn move_failed(state: AppState, e: crate::services::mastodon::publish::PublishError) {
    use crate::services::mastodon::publish::PublishError;
    match e {
        PublishError::Stopped(p) => state.warn_sending(move |t| {
            crate::ui::errors::send_problem(t, crate::domain::network::Network::Mastodon.name(), &p)
        }),
        PublishError::Store(e) => state.save_failed(&e),
        PublishError::NoPost => {}
    }
}

/// Undoes a move: the post (as stored now) goes back to its time before, on the server too
/// when one holds it; refused, as any move, if that time has passed since.
fn undo_move(state: AppState, db: OpenDb, t: Text, ctx: CalendarCtx, id: String, due: f64) {
    let db = db.get();
    leptos::task::spawn_local(async move {
        use crate::services::mastodon::publish::save_schedule;
        let post = match crate::store::posts::get(&db, &id).await {
            Ok(Some(p)) => p,
            Ok(None) => return,
            Err(e) => return state.save_failed(&e),
        };
        let post = match crate::services::posts::moved(&post, due) {
            Ok(p) => p,
            Err(_) => return state.warn_in(move |t| t.get(Msg::DueInPast).to_string()),
        };
        let when = date_time(t.lang(), due);
        match save_schedule(&db, &post).await {
            Ok(_) => state.say_in(move |t| t.fill(Msg::MovedBack, &[("when", &when)])),
            Err(e) => move_failed(state, e),
        }
        ctx.reload.try_update(|n| *n += 1);
    });
}

fn export_ics(state: AppState, posts: Vec<Post>) {
    let name = state.current().map(|w| w.name).unwrap_or_default();
    let text = crate::domain::ics::calendar(&posts, now_ms(), &name);
    let file = format!("attache-{}.ics", Day::today().iso());
    if let Err(e) = crate::services::backup::download_as(&file, &text, "text/calendar") {
        state.save_failed(&e);
    }
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let today = Day::today();
    let mut ctx = CalendarCtx {
        anchor: RwSignal::new(Day { day: 1, ..today }),
        view: RwSignal::new(CalView::Month),
        posts: Memo::new(|_| vec![]),
        moving: RwSignal::new(None),
        lib: Library::provide(),
        reload: RwSignal::new(0),
    };
    ctx.posts = period_posts(state, db, ctx);
    provide_context(ctx);
    // The list draws a page at a time: a month may hold thousands of posts.
    let list_limit = RwSignal::new(LIST_PAGE);
    Effect::new(move |_| {
        ctx.anchor.track();
        ctx.view.track();
        list_limit.set(LIST_PAGE);
    });
    let network = RwSignal::new(String::new());
    let campaign = RwSignal::new(String::new());
    let post_state = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let (n, c, s) = (network.get(), campaign.get(), post_state.get());
        ctx.posts.with(|posts| {
            posts
                .iter()
                .filter(|p| {
                    (n.is_empty() || p.variants.iter().any(|v| v.network.name() == n))
                        && (c.is_empty() || p.campaigns.contains(&c))
                        && (s.is_empty() || state_value(p.state) == s)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let states = [
        PostState::Draft,
        PostState::InReview,
        PostState::Approved,
        PostState::Scheduled,
        PostState::Published,
        PostState::Failed,
    ];
    let step = move |n: i32| {
        ctx.anchor.update(|a| {
            *a = match ctx.view.get_untracked() {
                CalView::Week => a.add_days(7 * n),
                _ => a.add_months(n),
            }
        })
    };
    let is_week = move || ctx.view.get() == CalView::Week;
    let title = move || match ctx.view.get() {
        CalView::Week => t.fill(
            Msg::WeekOf,
            &[(
                "date",
                &long_date(t.lang(), ctx.anchor.get().week_start().start_ms()),
            )],
        ),
        _ => month_year(t.lang(), ctx.anchor.get().start_ms()),
    };
    let set_view = move |v: String| {
        let view = match v.as_str() {
            "week" => CalView::Week,
            "list" => CalView::List,
            _ => CalView::Month,
        };
        // Leaving the week for a month shows the month of that week.
        if view != CalView::Week {
            ctx.anchor.update(|a| *a = Day { day: 1, ..*a });
        } else if ctx.anchor.get_untracked().month == today.month
            && ctx.anchor.get_untracked().year == today.year
        {
            ctx.anchor.set(today);
        }
        ctx.view.set(view);
    };
    view! {
        <h1>{t.tr(Msg::NavCalendar)}</h1>
        <div class="calendar-bar">
            <button type="button" on:click=move |_| step(-1)>
                <span aria-hidden="true">"‹ "</span>{move || t.get(if is_week() { Msg::PrevWeek } else { Msg::PrevMonth })}
            </button>
            <h2 class="month-title" aria-live="polite">{title}</h2>
            <button type="button" on:click=move |_| step(1)>
                {move || t.get(if is_week() { Msg::NextWeek } else { Msg::NextMonth })}<span aria-hidden="true">" ›"</span>
            </button>
        </div>
        <div class="calendar-filters">
            <label for="cal-view">{t.tr(Msg::ViewLabel)}</label>
            <select id="cal-view" prop:value=move || match ctx.view.get() { CalView::Week => "week", CalView::List => "list", CalView::Month => "month" }
                on:change=move |ev| set_view(event_target_value(&ev))>
                <option value="month">{t.tr(Msg::ViewMonth)}</option>
                <option value="week">{t.tr(Msg::ViewWeek)}</option>
                <option value="list">{t.tr(Msg::ViewList)}</option>
            </select>
            <label for="cal-network">{t.tr(Msg::FilterNetwork)}</label>
            <select id="cal-network" on:change=move |ev| network.set(event_target_value(&ev))>
                <option value="">{t.tr(Msg::FilterAll)}</option>
                {Network::ALL.into_iter().map(|n| view! { <option value=n.name()>{n.name()}</option> }).collect_view()}
            </select>
            <label for="cal-campaign">{t.tr(Msg::FilterCampaign)}</label>
            <select id="cal-campaign" on:change=move |ev| campaign.set(event_target_value(&ev))>
                <option value="">{t.tr(Msg::FilterAll)}</option>
                {move || ctx.lib.campaigns().into_iter().map(|c| view! { <option value=c.id>{c.name}</option> }).collect_view()}
            </select>
            <label for="cal-state">{t.tr(Msg::FilterState)}</label>
            <select id="cal-state" on:change=move |ev| post_state.set(event_target_value(&ev))>
                <option value="">{t.tr(Msg::FilterAll)}</option>
                {states.into_iter().map(|s| view! { <option value=state_value(s)>{move || t.get(state_label(s))}</option> }).collect_view()}
            </select>
            <button type="button" on:click=move |_| export_ics(state, shown.get_untracked())>{t.tr(Msg::ExportIcs)}</button>
        </div>
        <p class="hint">{t.tr(Msg::DragHint)}</p>
        {move || match ctx.view.get() {
            CalView::List => {
                let posts = shown.get();
                let total = posts.len();
                let limit = list_limit.get();
                if posts.is_empty() {
                    view! { <p>{t.get(Msg::CalendarEmpty)}</p> }.into_any()
                } else {
                    let hidden = total.saturating_sub(limit);
                    view! {
                        <ul class="post-list calendar-list">
                            {posts.into_iter().take(limit).map(|p| view! { <li><post_chip::PostChip post=p/></li> }).collect_view()}
                        </ul>
                        {(hidden > 0).then(|| view! {
                            <button type="button" class="more" on:click=move |_| list_limit.update(|l| *l += LIST_PAGE)>
                                {t.plural(Msg::ShowMore, hidden, &[("more", &LIST_PAGE.min(hidden).to_string())])}
                            </button>
                        })}
                    }.into_any()
                }
            }
            CalView::Week => view! { <week_grid::WeekGrid posts=shown/> }.into_any(),
            CalView::Month => view! { <month_grid::MonthGrid posts=shown/> }.into_any(),
        }}
        <move_dialog::MoveDialog/>
    }
}
