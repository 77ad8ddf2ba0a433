//! One week: a column per day, a row per hour. Dropping a post on an hour moves it to that
//! day and hour, keeping its minutes.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::post::Post;
use crate::ui::dates::Day;
use crate::ui::format::{long_date, weekday_short};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::post_chip::PostChip;
use super::{move_post, CalendarCtx};

#[component]
pub fn WeekGrid(posts: Memo<Vec<Post>>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let ctx = expect_context::<CalendarCtx>();
    let today = Day::today();
    view! {
        {move || {
            let start = ctx.anchor.get().week_start();
            let days: Vec<Day> = (0..7).map(|i| start.add_days(i)).collect();
            let mut by_hour: HashMap<(Day, u32), Vec<Post>> = HashMap::new();
            posts.with(|l| for p in l {
                if let Some(d) = p.due_at {
                    let hour = js_sys::Date::new(&d.into()).get_hours();
                    by_hour.entry((Day::of(d), hour)).or_default().push(p.clone());
                }
            });
            view! {
                <div class="week-grid" role="grid" aria-readonly="true">
                    <div class="week-row week-head" role="row">
                        <div class="hour-label" role="columnheader"><span class="visually-hidden">{t.get(Msg::NewTime)}</span></div>
                        {days.iter().map(|d| {
                            let ms = d.start_ms();
                            view! {
                                <div class="week-day-head" class:today=*d == today role="columnheader">
                                    <abbr title=long_date(t.lang(), ms)>{format!("{} {}", weekday_short(t.lang(), ms), d.day)}</abbr>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    {(0u32..24).map(|hour| view! {
                        <div class="week-row" role="row">
                            <div class="hour-label" role="rowheader">{format!("{hour:02}:00")}</div>
                            {days.iter().map(|&day| {
                                let here = by_hour.remove(&(day, hour)).unwrap_or_default();
                                let on_drop = move |ev: leptos::ev::DragEvent| {
                                    ev.prevent_default();
                                    let id = ev.data_transfer().and_then(|d| d.get_data(super::DRAG_TYPE).ok()).unwrap_or_default();
                                    if !id.is_empty() {
                                        move_post(state, db, t, ctx, &id, |old| {
                                            let minutes = js_sys::Date::new(&old.into()).get_minutes();
                                            day.at_minute(hour * 60 + minutes)
                                        });
                                    }
                                };
                                view! {
                                    <div class="hour-cell" role="gridcell" data-date=day.iso() data-hour=hour.to_string()
                                        on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                                        on:drop=on_drop>
                                        {here.into_iter().map(|p| view! { <PostChip post=p compact=true/> }).collect_view()}
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    }).collect_view()}
                </div>
            }
        }}
    }
}
