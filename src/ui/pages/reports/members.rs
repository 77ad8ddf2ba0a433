//! The report's members by level: how many members stood at each Orbit level at the end of
//! the period, how they got there since it began (moved up or new, held, moved down), the
//! same count at the end of the period before, as a sentence, a table and a CSV. Read apart
//! from the rest of the report, since it places every member (`services::reports::levels`).

use leptos::prelude::*;

use crate::domain::member_level::Level;
use crate::domain::report::{levels_csv, Period};
use crate::services::reports::Levels;
use crate::ui::format::number;
use crate::ui::i18n::Msg;
use crate::ui::pages::people::words::level_name;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

fn summary(t: Text, levels: &Levels) -> String {
    let lang = t.lang();
    let sum = |f: &dyn Fn(&crate::domain::gravity::Moves) -> u32,
               m: &crate::domain::gravity::Month| {
        m.moves.iter().map(f).sum::<u32>()
    };
    let count = sum(&|m| m.members(), &levels.now);
    t.plural(
        Msg::ReportLevelsSummary,
        count as usize,
        &[
            (
                "before",
                &number(lang, f64::from(sum(&|m| m.members(), &levels.before))),
            ),
            ("up", &number(lang, f64::from(sum(&|m| m.up, &levels.now)))),
            (
                "down",
                &number(lang, f64::from(sum(&|m| m.down, &levels.now))),
            ),
        ],
    )
}

#[component]
fn LevelsTable(levels: Levels) -> impl IntoView {
    let t = use_text();
    let lang = t.lang();
    let n = move |v: u32| number(lang, f64::from(v));
    let rows = Level::ALL
        .into_iter()
        .enumerate()
        .map(|(i, level)| {
            let (m, b) = (levels.now.moves[i], levels.before.moves[i]);
            view! {
                <tr>
                    <th scope="row">{level_name(t, level)}</th>
                    <td class="num">{n(m.members())}</td>
                    <td class="num">{n(m.up)}</td>
                    <td class="num">{n(m.held)}</td>
                    <td class="num">{n(m.down)}</td>
                    <td class="num">{n(b.members())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="report-table report-levels">
            <caption>{t.get(Msg::ReportLevelsCaption)}</caption>
            <thead><tr>
                <th scope="col">{t.get(Msg::ReportLevel)}</th>
                <th scope="col" class="num">{t.get(Msg::ReportLevelMembers)}</th>
                <th scope="col" class="num">{t.get(Msg::ReportLevelUp)}</th>
                <th scope="col" class="num">{t.get(Msg::ReportLevelHeld)}</th>
                <th scope="col" class="num">{t.get(Msg::ReportLevelDown)}</th>
                <th scope="col" class="num">{t.get(Msg::ReportLevelBefore)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The members by level over `period`, read when the report is.
#[component]
pub fn MembersSection(period: Period) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = state.current().map(|w| w.id).unwrap_or_default();
    let data = LocalResource::new(move || {
        let (db, ws) = (db.get(), ws.clone());
        let now = crate::services::clock::now_ms();
        async move { crate::services::reports::levels(&db, &ws, period, now).await }
    });
    let body = move || match data.get() {
        None => ().into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{crate::ui::errors::read_failed(t, &e)}</p> }.into_any()
        }
        Some(Ok(levels)) => {
            let file = levels_csv(&levels.now, &levels.before, |l| level_name(t, l));
            view! {
                <p class="report-summary">{summary(t, &levels)}</p>
                <LevelsTable levels=levels/>
                <p><button type="button" class="secondary"
                    on:click=move |_| super::download(state, "levels", &file)>{t.tr(Msg::ReportLevelsCsv)}</button></p>
            }
            .into_any()
        }
    };
    view! {
        <section aria-labelledby="report-levels">
            <h2 id="report-levels">{t.tr(Msg::ReportLevelsHeading)}</h2>
            <p>{t.tr(Msg::ReportLevelsIntro)}</p>
            <Transition>{body}</Transition>
        </section>
    }
}
