//! Reports: over the last 7, 30 or 90 days or days of the user's choosing
//! (`services::reports`), each account's followers
//! as a line chart with its table and a sentence of growth against the period before, and
//! the posts published with Attaché, the highest engagement rate first; both as CSV; the
//! the members by level and how they moved (`reports/members.rs`); the
//! brand, the period and the objectives on top, and a print layout (`@media print` in the
//! stylesheet) for "Save as PDF".

mod best_time;
mod chart;
mod members;
mod responses;
mod top_posts;

use leptos::prelude::*;

use crate::domain::network::Network;
use crate::domain::objectives::Metric;
use crate::domain::report::RangeError;
use crate::domain::report::{
    followers_csv, posts_csv, DayCount, Growth, Period, PostFigures, Week,
};
use crate::services::reports::{self, AccountReport, Report, PERIODS};
use crate::ui::components::no_workspace::NoWorkspace;
use crate::ui::dates::Day;
use crate::ui::format::{date_time, day_month, long_date, number, signed};
use crate::ui::i18n::Msg;
use crate::ui::pages::strategy::objectives::objective_words;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

use chart::{LineChart, Point};

/// Noon of a report's day in the user's zone (UTC ms), to write it out.
fn day_ms(d: chrono::NaiveDate) -> f64 {
    use chrono::Datelike;
    Day {
        year: d.year(),
        month: d.month(),
        day: d.day(),
    }
    .start_ms()
        + 12.0 * 3_600_000.0
}

fn account_name(r: &AccountReport) -> String {
    let a = &r.account;
    if a.display_name.is_empty() {
        format!("{} · {}", a.handle, a.network.name())
    } else {
        format!("{} ({}) · {}", a.display_name, a.handle, a.network.name())
    }
}

fn growth_words(t: Text, g: &Growth, days: usize) -> String {
    let lang = t.lang();
    let values = [
        ("change", signed(lang, g.change as f64, 0, false)),
        ("from", number(lang, g.from as f64)),
        ("to", number(lang, g.to as f64)),
        ("counted", g.days_counted.to_string()),
        ("days", days.to_string()),
        (
            "percent",
            g.percent
                .map(|p| signed(lang, p, 1, true))
                .unwrap_or_default(),
        ),
    ];
    let pairs: Vec<(&str, &dyn std::fmt::Display)> = values
        .iter()
        .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
        .collect();
    let msg = if g.percent.is_some() {
        Msg::ReportGrowth
    } else {
        Msg::ReportGrowthNoPercent
    };
    t.fill(msg, &pairs)
}

#[component]
fn AccountSection(report: AccountReport) -> impl IntoView {
    let t = use_text();
    let lang = t.lang();
    let name = account_name(&report);
    let id = format!(
        "followers-{}",
        report.account.id.replace([':', '.', '/', '@'], "-")
    );
    let days = report.days.len();
    let summary = match &report.growth {
        Some(g) => growth_words(t, g, days),
        None => t.get(Msg::ReportNoCount).to_string(),
    };
    let before = match &report.before {
        Some(g) => t.fill(
            Msg::ReportBefore,
            &[("change", &signed(lang, g.change as f64, 0, false))],
        ),
        None => t.get(Msg::ReportBeforeNone).to_string(),
    };
    let written = |d: &DayCount| long_date(lang, day_ms(d.day));
    let points: Vec<Point> = report
        .days
        .iter()
        .map(|d| Point {
            label: day_month(lang, day_ms(d.day)),
            value: d.followers.map(|f| f as f64),
            named: t.fill(
                Msg::ReportPoint,
                &[
                    ("day", &written(d)),
                    (
                        "count",
                        &d.followers
                            .map(|f| number(lang, f as f64))
                            .unwrap_or_default(),
                    ),
                ],
            ),
        })
        .collect();
    let rows = report
        .days
        .iter()
        .map(|d| {
            let value = match d.followers {
                Some(f) => number(lang, f as f64),
                None => t.get(Msg::ReportNoFigure).to_string(),
            };
            (written(d), value)
        })
        .collect();
    let chart_name = t.fill(Msg::ReportChartOf, &[("account", &name)]);
    let heading_id = id.clone();
    view! {
        <section class="report-account" aria-labelledby=id>
            <h3 id=heading_id>{name}</h3>
            <p class="report-summary">{summary}" "{before}</p>
            <LineChart name=chart_name points=points value_label=move |v| number(lang, v)/>
            <DaysTable value_heading=Msg::ReportFollowers rows=rows/>
            <best_time::BestTime best=report.best/>
        </section>
    }
}

/// A chart's figures as a table, one row per day, folded under "Show the figures as a table"
/// and drawn when unfolded.
#[component]
fn DaysTable(value_heading: Msg, rows: Vec<(String, String)>) -> impl IntoView {
    let t = use_text();
    let open = RwSignal::new(false);
    let rows = StoredValue::new(rows);
    let table = move || {
        open.get().then(|| {
            let body = rows.with_value(|rows| {
                rows.iter()
                    .map(|(day, value)| view! { <tr><th scope="row">{day.clone()}</th><td>{value.clone()}</td></tr> })
                    .collect_view()
            });
            view! {
                <table class="report-table">
                    <thead><tr><th scope="col">{t.get(Msg::ReportDay)}</th><th scope="col">{t.get(value_heading)}</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            }
        })
    };
    view! {
        <details on:toggle=move |ev| open.set(crate::ui::pages::people::gravity::is_open(&ev))>
            <summary>{t.get(Msg::ReportTable)}</summary>
            {table}
        </details>
    }
}

/// The posts of each week per network, against the objective of a number a week when the
/// strategy has one for that network.
#[component]
fn WeeksTable(
    weeks: Vec<Week>,
    networks: Vec<Network>,
    targets: Vec<(Network, f64)>,
) -> impl IntoView {
    let t = use_text();
    let lang = t.lang();
    let target_of = move |n: Network| targets.iter().find(|(m, _)| *m == n).map(|(_, v)| *v);
    let head = networks
        .iter()
        .map(|&n| {
            let name = match target_of(n) {
                Some(v) => t.fill(
                    Msg::ReportWeekObjective,
                    &[("network", &n.name()), ("target", &number(lang, v))],
                ),
                None => n.name().to_string(),
            };
            view! { <th scope="col">{name}</th> }
        })
        .collect_view();
    let rows = weeks
        .iter()
        .map(|w| {
            let cells = networks
                .iter()
                .map(|&n| {
                    let count = w.on(n);
                    let text = match target_of(n) {
                        Some(v) => t.fill(
                            Msg::ReportWeekOfTarget,
                            &[("count", &count.to_string()), ("target", &number(lang, v))],
                        ),
                        None => count.to_string(),
                    };
                    view! { <td class="num">{text}</td> }
                })
                .collect_view();
            view! {
                <tr><th scope="row">{t.fill(Msg::ReportWeekOf, &[("date", &long_date(lang, day_ms(w.monday)))])}</th>{cells}</tr>
            }
        })
        .collect_view();
    let empty = networks.is_empty();
    view! {
        <section aria-labelledby="report-weeks">
            <h2 id="report-weeks">{t.tr(Msg::ReportWeeksHeading)}</h2>
            {if empty {
                view! { <p class="empty">{t.get(Msg::ReportWeeksNone)}</p> }.into_any()
            } else {
                view! {
                    <table class="report-table">
                        <thead><tr><td></td>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn MessagesSection(period: Period, messages: Vec<u64>, before: u64) -> impl IntoView {
    let t = use_text();
    let lang = t.lang();
    let total: u64 = messages.iter().sum();
    let summary = t.plural(
        Msg::ReportMessages,
        total,
        &[("before", &number(lang, before as f64))],
    );
    let days: Vec<(f64, u64)> = period
        .each_day()
        .map(day_ms)
        .zip(messages.iter().copied())
        .collect();
    let points = days
        .iter()
        .map(|&(ms, n)| Point {
            label: day_month(lang, ms),
            value: Some(n as f64),
            named: t.fill(
                Msg::ReportMessagesPoint,
                &[
                    ("day", &long_date(lang, ms)),
                    ("count", &number(lang, n as f64)),
                ],
            ),
        })
        .collect();
    let rows = days
        .iter()
        .map(|&(ms, n)| (long_date(lang, ms), number(lang, n as f64)))
        .collect();
    view! {
        <section aria-labelledby="report-messages">
            <h2 id="report-messages">{t.tr(Msg::ReportMessagesHeading)}</h2>
            <p class="report-summary">{summary}</p>
            <LineChart name=t.get(Msg::ReportMessagesChart).to_string() points=points value_label=move |v| number(lang, v)/>
            <DaysTable value_heading=Msg::ReportMessagesCount rows=rows/>
        </section>
    }
}

/// How many posts the table draws before "Show all" (the CSV holds them all).
const POSTS_SHOWN: usize = 100;

#[component]
fn PostsTable(posts: Vec<PostFigures>) -> impl IntoView {
    let t = use_text();
    let total = posts.len();
    let all = RwSignal::new(false);
    let posts = StoredValue::new(posts);
    let rows = move || {
        let n = if all.get() { total } else { POSTS_SHOWN };
        posts.with_value(|p| post_rows(t, &p[..n.min(total)]))
    };
    view! {
        // Scrolled by keyboard too when the table is wider than the page.
        <div class="table-scroll" tabindex="0" role="region" aria-label=t.get(Msg::ReportPostsTable)>
            <table class="report-table report-posts">
                <thead><tr>
                    <th scope="col">{t.get(Msg::ReportPublished)}</th>
                    <th scope="col">{t.get(Msg::ReportNetwork)}</th>
                    <th scope="col">{t.get(Msg::ReportPost)}</th>
                    <th scope="col">{t.get(Msg::ReportLikes)}</th>
                    <th scope="col">{t.get(Msg::ReportBoosts)}</th>
                    <th scope="col">{t.get(Msg::ReportReplies)}</th>
                    <th scope="col">{t.get(Msg::ReportQuotes)}</th>
                    <th scope="col">{t.get(Msg::ReportFollowersThen)}</th>
                    <th scope="col">{t.get(Msg::ReportRate)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {move || (total > POSTS_SHOWN && !all.get()).then(|| view! {
            <p class="no-print"><button type="button" class="secondary" on:click=move |_| all.set(true)>
                {t.fill(Msg::ReportShowAllPosts, &[("count", &number(t.lang(), total as f64))])}
            </button></p>
        })}
    }
}

/// The rows of the posts' table.
fn post_rows(t: Text, posts: &[PostFigures]) -> impl IntoView {
    let lang = t.lang();
    posts
        .iter()
        .map(|p| {
            let words: String = p.post.text.chars().take(80).collect();
            let rate = match p.rate() {
                Some(r) => signed(lang, r, 2, true).trim_start_matches('+').to_string(),
                None if p.counted_at.is_none() => t.get(Msg::ReportNotCounted).to_string(),
                None => "—".to_string(),
            };
            let then = p
                .followers_then
                .map(|f| number(lang, f as f64))
                .unwrap_or_else(|| "—".to_string());
            let text = if p.post.url.is_empty() {
                view! { <span>{words}</span> }.into_any()
            } else {
                view! { <a href=p.post.url.clone() rel="noopener noreferrer" target="_blank">{words}</a> }.into_any()
            };
            view! {
                <tr>
                    <td>{date_time(lang, p.post.at)}</td>
                    <td>{p.post.network.name()}</td>
                    <td>{text}</td>
                    <td class="num">{number(lang, p.favourites as f64)}</td>
                    <td class="num">{number(lang, p.boosts as f64)}</td>
                    <td class="num">{number(lang, p.replies as f64)}</td>
                    <td class="num">{number(lang, p.quotes as f64)}</td>
                    <td class="num">{then}</td>
                    <td class="num">{rate}</td>
                </tr>
            }
        })
        .collect_view()
}

fn download(state: crate::ui::state::AppState, name: &str, text: &str) {
    let file = format!("attache-{name}-{}.csv", Day::today().iso());
    if let Err(e) = crate::services::backup::download_as(&file, text, "text/csv;charset=utf-8") {
        state.save_failed(&e);
    }
}

#[component]
fn ReportView(report: Report) -> impl IntoView {
    let (t, state) = (use_text(), use_app());
    let Report {
        period,
        objectives,
        figures,
        accounts,
        posts,
        messages,
        messages_before,
        per_week,
    } = report;
    let mut networks: Vec<Network> = accounts.iter().map(|a| a.account.network).collect();
    networks.extend(
        per_week
            .iter()
            .flat_map(|w| w.posts.iter().map(|(n, _)| *n)),
    );
    crate::domain::sorting::sort(&mut networks);
    networks.dedup();
    let targets: Vec<(Network, f64)> = objectives
        .iter()
        .filter_map(|o| match o.metric {
            Metric::PostsPerWeek { network } => Some((network, o.target)),
            _ => None,
        })
        .collect();
    let lang = t.lang();
    let brand = state.current().map(|w| w.name).unwrap_or_default();
    let heading = t.fill(
        Msg::ReportFor,
        &[
            ("brand", &brand),
            ("from", &long_date(lang, day_ms(period.first))),
            ("to", &long_date(lang, day_ms(period.last))),
        ],
    );
    let now = crate::services::clock::now_ms();
    let objective_lines = objectives
        .iter()
        .map(|o| {
            let (words, standing) = objective_words(t, o, &figures, now);
            view! { <li>{words}{standing.map(|m| view! { " "<span class="badge">{t.get(m)}</span> })}</li> }
        })
        .collect_view();
    let no_objective = objectives.is_empty();
    let followers_file = followers_csv(
        &accounts
            .iter()
            .map(|a| (account_name(a), a.days.clone()))
            .collect::<Vec<_>>(),
    );
    let posts_file = posts_csv(&posts);
    let no_account = accounts.is_empty();
    let no_posts = posts.is_empty();
    view! {
        <p class="report-for">{heading}</p>
        <p class="no-print"><button type="button" on:click=move |_| {
            let _ = window().print();
        }>{t.tr(Msg::ReportPrint)}</button></p>
        <section aria-labelledby="report-objectives">
            <h2 id="report-objectives">{t.tr(Msg::ReportObjectivesHeading)}</h2>
            {if no_objective {
                view! { <p class="empty">{t.get(Msg::ReportNoObjectives)}</p> }.into_any()
            } else {
                view! { <ul class="report-objectives">{objective_lines}</ul> }.into_any()
            }}
        </section>
        <section aria-labelledby="report-followers">
            <h2 id="report-followers">{t.tr(Msg::ReportFollowersHeading)}</h2>
            {no_account.then(|| view! { <p class="empty">{t.get(Msg::ReportNoAccount)}</p> })}
            {accounts.into_iter().map(|a| view! { <AccountSection report=a/> }).collect_view()}
            {(!no_account).then(|| view! {
                <p><button type="button" class="secondary"
                    on:click=move |_| download(state, "followers", &followers_file)>{t.tr(Msg::ReportFollowersCsv)}</button></p>
            })}
        </section>
        <MessagesSection period=period messages=messages before=messages_before/>
        <responses::ResponsesSection period=period/>
        <members::MembersSection period=period/>
        <WeeksTable weeks=per_week networks=networks targets=targets/>
        <section aria-labelledby="report-posts">
            <h2 id="report-posts">{t.tr(Msg::ReportPostsHeading)}</h2>
            <p>{t.tr(Msg::ReportPostsIntro)}</p>
            {if no_posts {
                view! { <p class="empty">{t.get(Msg::ReportNoPosts)}</p> }.into_any()
            } else {
                view! {
                    <top_posts::TopAndBottom posts=posts.clone()/>
                    <PostsTable posts=posts/>
                    <p><button type="button" class="secondary"
                        on:click=move |_| download(state, "posts", &posts_file)>{t.tr(Msg::ReportPostsCsv)}</button></p>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    // "7", "30", "90", or "range" for days of the user's choosing.
    let choice = RwSignal::new("30".to_string());
    let (first, last) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let period = Memo::new(move |_| {
        let now = crate::services::clock::now_ms();
        let days = choice.with(|c| c.parse().ok());
        first.with(|f| last.with(|l| reports::chosen(days, f, l, now)))
    });
    let data = LocalResource::new(move || {
        let (db, ws, period) = (db.get(), state.current(), period.get());
        let now = crate::services::clock::now_ms();
        async move {
            match (ws, period) {
                (Some(ws), Ok(period)) => reports::load(&db, &ws.id, period, now).await.map(Some),
                _ => Ok(None),
            }
        }
    });
    // For the benchmark: the chosen period's report read, then the next frame with it drawn.
    Effect::new(move |_| {
        let read = data.with(|d| match d {
            Some(Ok(Some(r))) => period.with_untracked(|p| p.as_ref().ok() == Some(&r.period)),
            _ => false,
        });
        if read {
            crate::ui::marks::mark("attache:report-loaded");
            let cb = wasm_bindgen::closure::Closure::once_into_js(|| {
                crate::ui::marks::mark("attache:report-rendered")
            });
            if let Some(w) = web_sys::window() {
                let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&cb));
            }
        }
    });
    let body = move || match (period.get(), data.get()) {
        (Err(e), _) => {
            let msg = match e {
                RangeError::Missing => Msg::ReportRangeMissing,
                RangeError::Reversed => Msg::ReportRangeReversed,
                RangeError::TooLong => Msg::ReportRangeTooLong,
            };
            view! { <p role="alert">{t.get(msg)}</p> }.into_any()
        }
        (_, None) => ().into_any(),
        (_, Some(Err(e))) => {
            view! { <p role="alert">{crate::ui::errors::read_failed(t, &e)}</p> }.into_any()
        }
        (_, Some(Ok(None))) => view! { <NoWorkspace/> }.into_any(),
        (_, Some(Ok(Some(report)))) => view! { <ReportView report=report/> }.into_any(),
    };
    let range = move || {
        (choice.get() == "range").then(|| {
            view! {
                <label>{t.tr(Msg::ReportFrom)}" "
                    <input type="date" prop:value=move || first.get()
                        on:change=move |ev| first.set(event_target_value(&ev))/>
                </label>" "
                <label>{t.tr(Msg::ReportTo)}" "
                    <input type="date" prop:value=move || last.get()
                        on:change=move |ev| last.set(event_target_value(&ev))/>
                </label>
            }
        })
    };
    view! {
        <h1>{t.tr(Msg::NavReports)}</h1>
        <p>{t.tr(Msg::ReportsIntro)}</p>
        <p class="no-print report-period">
            <label>{t.tr(Msg::ReportPeriod)}" "
                <select on:change=move |ev| choice.set(event_target_value(&ev))>
                    {PERIODS.into_iter().map(|n| view! {
                        <option value=n.to_string() selected=move || choice.get() == n.to_string()>{move || t.plural(Msg::ReportLastDays, n as usize, &[])}</option>
                    }).collect_view()}
                    <option value="range">{t.tr(Msg::ReportRangeChosen)}</option>
                </select>
            </label>" "
            {range}
        </p>
        <Transition>{body}</Transition>
    }
}
