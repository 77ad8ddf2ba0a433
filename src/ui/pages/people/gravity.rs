//! The workspace's gravity over the last six months and, month by month, how many members
//! moved up to each level, held it or moved down to it (`domain::gravity`): worked out only
//! when the table is opened.

use leptos::prelude::*;

use crate::domain::gravity::{by_month, month_starts};
use crate::domain::member::Member;
use crate::domain::member_level::{Level, Weights};
use crate::services::queue::BrowserZone;
use crate::ui::format::{month_year, number};
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

/// How many months the table shows.
const MONTHS: usize = 6;

#[component]
pub fn GravityTable(
    members: StoredValue<std::sync::Arc<Vec<Member>>>,
    weights: Weights,
) -> impl IntoView {
    let t = use_text();
    let open = RwSignal::new(false);
    let weights = StoredValue::new(weights);
    let table = move || {
        open.get().then(|| {
            let now = crate::services::clock::now_ms();
            let months = members.with_value(|all| {
                weights.with_value(|w| {
                    // The browser's clock asked once per quarter of an hour.
                    let zone = crate::domain::zone_cache::CachedZone::new(BrowserZone);
                    by_month(all, w, &zone, &month_starts(&zone, now, MONTHS), now)
                })
            });
            let rows = months
                .into_iter()
                .rev()
                .map(|m| {
                    let cells = m
                        .moves
                        .iter()
                        .map(|x| {
                            t.fill(
                                Msg::GravityMoves,
                                &[
                                    ("up", &x.up.to_string()),
                                    ("held", &x.held.to_string()),
                                    ("down", &x.down.to_string()),
                                ],
                            )
                        })
                        .map(|c| view! { <td>{c}</td> })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{month_year(t.lang(), m.start)}</th>
                            <td>{number(t.lang(), m.gravity.round())}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p class="muted">{t.get(Msg::GravityExplained)}</p>
                <table class="gravity">
                    <caption>{t.get(Msg::GravityCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.get(Msg::GravityMonth)}</th>
                            <th scope="col">{t.get(Msg::Gravity)}</th>
                            {Level::ALL.map(|l| view! { <th scope="col">{super::words::level_name(t, l)}</th> }).into_iter().collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        <details class="gravity-details" on:toggle=move |ev| open.set(is_open(&ev))>
            <summary>{t.tr(Msg::GravitySummary)}</summary>
            {table}
        </details>
    }
}

/// Whether the `<details>` a toggle event came from is now open.
pub(crate) fn is_open(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|d| js_sys::Reflect::get(&d, &"open".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
