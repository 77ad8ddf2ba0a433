//! The month as a grid of days (weeks start on Monday), each day a drop target. A busy day
//! shows its first posts and a button to open its week.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::post::Post;
use crate::ui::dates::Day;
use crate::ui::format::{long_date, weekday_long, weekday_short};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::post_chip::PostChip;
use super::{move_post, CalView, CalendarCtx};

/// Posts shown in one day cell before "n more".
const PER_DAY: usize = 3;

#[component]
pub fn MonthGrid(posts: Memo<Vec<Post>>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let ctx = expect_context::<CalendarCtx>();
    let cells = move || {
        let first = ctx.anchor.get();
        let first = Day { day: 1, ..first };
        let lead = first.weekday_from_monday();
        let days = Day::days_in_month(first.year, first.month);
        let mut cells: Vec<Option<Day>> = (0..lead).map(|_| None).collect();
        cells.extend((1..=days).map(|d| Some(Day { day: d, ..first })));
        while !cells.len().is_multiple_of(7) {
            cells.push(None);
        }
        cells
    };
    // Monday 2026-11-23 onward: the names of the week, in the user's language.
    let weekdays = move || {
        (0..7)
            .map(|i| {
                let ms = Day {
                    year: 2026,
                    month: 11,
                    day: 23 + i,
                }
                .start_ms();
                (weekday_short(t.lang(), ms), weekday_long(t.lang(), ms))
            })
            .collect::<Vec<_>>()
    };
    let today = Day::today();
    view! {
        <div class="month-grid" role="grid" aria-readonly="true">
            <div class="week weekdays" role="row">
                {move || weekdays().into_iter().map(|(short, long)| view! {
                    <div class="weekday" role="columnheader"><abbr title=long>{short}</abbr></div>
                }).collect_view()}
            </div>
            {move || {
                // Group once: each post is looked at once, whatever the month holds.
                let mut by_day: HashMap<Day, Vec<Post>> = HashMap::new();
                posts.with(|l| for p in l {
                    if let Some(d) = p.due_at {
                        by_day.entry(Day::of(d)).or_default().push(p.clone());
                    }
                });
                let all = cells();
                all.chunks(7).map(|week| {
                    let week = week.to_vec();
                    let cells = week.into_iter().map(|cell| match cell {
                        None => view! { <div class="day empty" role="gridcell"></div> }.into_any(),
                        Some(day) => {
                            let iso = day.iso();
                            let day_posts = by_day.remove(&day).unwrap_or_default();
                            let more = day_posts.len().saturating_sub(PER_DAY);
                            let on_drop = move |ev: leptos::ev::DragEvent| {
                                ev.prevent_default();
                                let id = ev.data_transfer().and_then(|d| d.get_data(super::DRAG_TYPE).ok()).unwrap_or_default();
                                if !id.is_empty() {
                                    move_post(state, db, t, ctx, &id, |old| day.at_time_of(old));
                                }
                            };
                            let open_week = move |_| {
                                ctx.anchor.set(day);
                                ctx.view.set(CalView::Week);
                            };
                            view! {
                                <div class="day" class:today=day == today role="gridcell" data-date=iso
                                    on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                                    on:drop=on_drop>
                                    <span class="day-number">{day.day}</span>
                                    {day_posts.into_iter().take(PER_DAY).map(|p| view! { <PostChip post=p compact=true/> }).collect_view()}
                                    {(more > 0).then(|| view! {
                                        <button type="button" class="more" on:click=open_week>
                                            {t.plural(Msg::MoreOnDay, more, &[("date", &long_date(t.lang(), day.start_ms()))])}
                                        </button>
                                    })}
                                </div>
                            }.into_any()
                        }
                    }).collect_view();
                    view! { <div class="week" role="row">{cells}</div> }
                }).collect_view()
            }}
        </div>
    }
}
