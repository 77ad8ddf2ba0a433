//! The Inbox's response-time report: first response, reply time and resolution over the last
//! weeks (median, 90th percentile, share within an hour, buckets), then by week, network and
//! teammate; worked out only while the panel is open. The workspace's working hours are set
//! here too (`working_hours.rs`).

use leptos::prelude::*;

use crate::domain::response_report::Row;
use crate::domain::response_times::{Summary, WorkingHours};
use crate::services::conversations::report_weeks;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

use super::use_inbox;
use super::working_hours::WorkingHoursForm;

const PERIODS: [u32; 3] = [4, 12, 26];

/// A duration as people say it: "45 min", "2 h 05", "3 days".
pub(super) fn duration(t: Text, ms: f64) -> String {
    let minutes = (ms / 60_000.0).round() as u64;
    if minutes < 60 {
        t.plural(Msg::DurationMinutes, minutes, &[])
    } else if minutes < 24 * 60 {
        t.fill(
            Msg::DurationHours,
            &[
                ("hours", &(minutes / 60).to_string()),
                ("minutes", &format!("{:02}", minutes % 60)),
            ],
        )
    } else {
        t.plural(Msg::DurationDays, (ms / 86_400_000.0).round() as u64, &[])
    }
}

fn figure(t: Text, d: Option<f64>) -> String {
    d.map(|ms| duration(t, ms))
        .unwrap_or_else(|| t.get(Msg::NoFigure).to_string())
}

fn share(t: Text, s: &Summary) -> String {
    s.within_hour
        .map(|x| {
            format!(
                "{} %",
                crate::ui::format::number(t.lang(), (x * 100.0).round())
            )
        })
        .unwrap_or_else(|| t.get(Msg::NoFigure).to_string())
}

/// One line of a table: its heading and the summary's figures.
fn line(t: Text, head: String, s: &Summary) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{head}</th>
            <td>{s.count}</td>
            <td>{figure(t, s.median)}</td>
            <td>{figure(t, s.p90)}</td>
            <td>{share(t, s)}</td>
        </tr>
    }
}

pub(crate) fn table(t: Text, caption: Msg, lines: Vec<(String, Summary)>) -> impl IntoView {
    // Scrolls sideways on a narrow screen (focusable, so the keyboard can scroll it too).
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=t.get(caption)>
        <table class="response-table">
            <caption>{t.get(caption)}</caption>
            <thead><tr>
                <td></td>
                <th scope="col">{t.get(Msg::CountHeader)}</th>
                <th scope="col">{t.get(Msg::MedianHeader)}</th>
                <th scope="col">{t.get(Msg::P90Header)}</th>
                <th scope="col">{t.get(Msg::WithinHourHeader)}</th>
            </tr></thead>
            <tbody>{lines.into_iter().map(|(h, s)| line(t, h, &s)).collect_view()}</tbody>
        </table>
        </div>
    }
}

/// The table of a report's totals: first response, reply time, resolution.
pub(crate) fn totals_table(t: Text, r: &crate::domain::response_report::Report) -> impl IntoView {
    table(
        t,
        Msg::ResponseTimes,
        vec![
            (
                t.get(Msg::FirstResponse).to_string(),
                r.total.first_response.clone(),
            ),
            (t.get(Msg::ReplyTime).to_string(), r.total.reply.clone()),
            (
                t.get(Msg::Resolution).to_string(),
                r.total.resolution.clone(),
            ),
        ],
    )
}

/// Whether the `<details>` a toggle event came from is now open.
pub(super) fn opened(ev: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|el| el.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|d| d.has_attribute("open"))
}

/// The panel: closed at first, so a big inbox pays for the figures only when they are asked.
#[component]
pub(super) fn ResponseTimes() -> impl IntoView {
    let t = use_text();
    let state = use_app();
    let db = use_db();
    let inbox = use_inbox();
    let open = RwSignal::new(false);
    let weeks = RwSignal::new(PERIODS[0]);
    let hours = RwSignal::new(None::<WorkingHours>);
    let stored = LocalResource::new(move || {
        let (db, ws) = (db.get(), state.current());
        async move {
            match ws {
                Some(ws) => crate::services::strategy::load(&db, &ws.id)
                    .await
                    .map(|s| s.working_hours)
                    .unwrap_or(None),
                None => None,
            }
        }
    });
    Effect::new(move |_| {
        if let Some(h) = stored.get() {
            hours.set(h);
        }
    });
    let report = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let (h, w) = (hours.get(), weeks.get());
        let now = crate::services::clock::now_ms();
        Some(inbox.all.with(|all| report_weeks(all, h.as_ref(), w, now)))
    });
    let body = move || {
        report.get().map(|r| {
            let totals = totals_table(t, &r);
            let first = |row: &Row| row.first_response.clone();
            let by_week = table(
                t,
                Msg::ByWeek,
                r.weeks
                    .iter()
                    .map(|(w, row)| {
                        let date = crate::ui::format::day_month(
                            t.lang(),
                            crate::domain::queue::local_to_utc(
                                &crate::services::queue::BrowserZone,
                                *w,
                                12 * 60,
                            ),
                        );
                        (t.fill(Msg::WeekOf, &[("date", &date)]), first(row))
                    })
                    .collect(),
            );
            let by_network = table(
                t,
                Msg::ByNetwork,
                r.networks
                    .iter()
                    .map(|(n, row)| (n.name().to_string(), first(row)))
                    .collect(),
            );
            let by_person = table(
                t,
                Msg::ByTeammate,
                r.assignees
                    .iter()
                    .map(|(n, row)| {
                        let who = n
                            .clone()
                            .unwrap_or_else(|| t.get(Msg::NobodyAssigned).to_string());
                        (who, first(row))
                    })
                    .collect(),
            );
            let total = r.total.first_response.count.max(1) as f64;
            let buckets = [
                Msg::BucketUnder1h,
                Msg::Bucket1to4h,
                Msg::Bucket4to8h,
                Msg::Bucket8to24h,
                Msg::BucketOver24h,
            ]
            .into_iter()
            .zip(r.total.first_response.buckets)
            .map(|(m, n)| {
                view! {
                    <li><span class="bucket-name">{t.get(m)}</span>
                        <meter class="bucket-bar" aria-hidden="true" min="0" max=total value=n as f64></meter>
                        <span class="bucket-count">{n}</span></li>
                }
            })
            .collect_view();
            let empty =
                r.total.first_response.count + r.total.reply.count + r.total.resolution.count == 0;
            view! {
                {empty.then(|| view! { <p class="empty">{t.get(Msg::NothingAnsweredYet)}</p> })}
                {totals}
                <h3>{t.get(Msg::Buckets)}</h3>
                <ul class="buckets">{buckets}</ul>
                {by_week}
                {by_network}
                {by_person}
            }
        })
    };
    view! {
        <details class="response-times"
            on:toggle=move |ev| open.set(opened(&ev))>
            <summary>{t.tr(Msg::ResponseTimes)}</summary>
            <p>{t.tr(Msg::ResponseTimesIntro)}</p>
            <label>{t.tr(Msg::ResponsePeriod)}" "
                <select on:change=move |ev| {
                    if let Ok(w) = event_target_value(&ev).parse() {
                        weeks.set(w);
                    }
                }>
                    {PERIODS.map(|w| view! {
                        <option value=w.to_string() selected=move || weeks.get() == w>
                            {move || t.plural(Msg::LastWeeks, w, &[])}
                        </option>
                    }).into_iter().collect_view()}
                </select>
            </label>
            {body}
            <WorkingHoursForm hours=hours/>
        </details>
    }
}
