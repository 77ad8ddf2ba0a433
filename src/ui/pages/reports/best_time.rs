//! The best time to post for one account (`domain::best_time`): a sentence naming the best
//! hours and the sample, then the week as a table — a row per day, a column per hour — whose
//! cells are shaded by the mean engagement rate; an hour with fewer than 3 posts is greyed
//! and says "not enough data" to screen readers. Colours come from classes (no inline
//! styles under the CSP).

use leptos::prelude::*;

use crate::domain::best_time::BestTimes;
use crate::ui::format::{hhmm, signed, weekday_long};
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

/// Noon on a Monday (2026-11-30, UTC), to write the weekdays out.
const A_MONDAY_MS: f64 = 1_796_040_000_000.0;

fn rate(lang: crate::domain::locale::Lang, r: f64) -> String {
    signed(lang, r, 1, true).trim_start_matches('+').to_string()
}

#[component]
pub fn BestTime(best: BestTimes) -> impl IntoView {
    let t = use_text();
    let lang = t.lang();
    let day = move |d: u8| weekday_long(lang, A_MONDAY_MS + f64::from(d) * 86_400_000.0);
    let sample = t.plural(Msg::BestTimeSample, best.sample as usize, &[]);
    let top = if best.top.is_empty() {
        t.get(Msg::BestTimeNoTop).to_string()
    } else {
        let slots: Vec<String> = best
            .top
            .iter()
            .map(|&(d, h)| {
                let r = best.slots[usize::from(d)][usize::from(h)]
                    .rate
                    .unwrap_or(0.0);
                format!(
                    "{} {}–{} ({})",
                    day(d),
                    hhmm(u16::from(h) * 60),
                    hhmm((u16::from(h) + 1) * 60 % 1440),
                    rate(lang, r)
                )
            })
            .collect();
        t.fill(Msg::BestTimeTop, &[("slots", &slots.join(", "))])
    };
    let highest = best.highest;
    let rows = (0u8..7)
        .map(|d| {
            let cells = (0u8..24)
                .map(|h| {
                    let slot = best.slots[usize::from(d)][usize::from(h)];
                    match slot.rate {
                        Some(r) => {
                            let level = if highest > 0.0 {
                                (r / highest * 4.0).ceil().clamp(1.0, 4.0) as u8
                            } else {
                                1
                            };
                            view! { <td class=format!("heat heat-{level}")>{rate(lang, r)}</td> }.into_any()
                        }
                        None => {
                            let words = t.plural(Msg::BestTimeNotEnough, slot.posts as usize, &[]);
                            view! {
                                <td class="heat heat-none"><span aria-hidden="true">"·"</span><span class="visually-hidden">{words}</span></td>
                            }
                            .into_any()
                        }
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{day(d)}</th>{cells}</tr> }
        })
        .collect_view();
    let caption = t.get(Msg::BestTimeCaption);
    let (state, db) = (crate::ui::state::use_app(), crate::ui::state::use_db());
    let slots: Vec<crate::domain::queue::Slot> = best
        .top
        .iter()
        .map(|&(d, h)| crate::domain::queue::Slot {
            weekday: d,
            minute: u16::from(h) * 60,
        })
        .collect();
    let has_top = !slots.is_empty();
    let slots = StoredValue::new(slots);
    let adopt = Action::new_local(move |_: &()| {
        let db = db.get();
        let ws = state.current().map(|w| w.id).unwrap_or_default();
        let slots = slots.get_value();
        async move {
            match crate::services::queue::adopt_slots(&db, &ws, &slots).await {
                Ok(0) => state.say_in(|t| t.get(Msg::BestTimeAlreadySlots).to_string()),
                Ok(n) => state.say_in(move |t| t.plural(Msg::BestTimeAdopted, n, &[])),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    view! {
        <h4>{t.get(Msg::BestTimeHeading)}</h4>
        <p>{sample}" "{top}</p>
        {has_top.then(|| view! {
            <p class="no-print"><button type="button" class="secondary" disabled=move || adopt.pending().get()
                on:click=move |_| { adopt.dispatch(()); }>{t.tr(Msg::BestTimeAdopt)}</button></p>
        })}
        // Scrolled by keyboard too when the week is wider than the page.
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
            <table class="heatmap">
                <caption>{caption}</caption>
                <thead><tr><td></td>{(0u16..24).map(|h| view! { <th scope="col">{h}<span class="visually-hidden">":00"</span></th> }).collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
