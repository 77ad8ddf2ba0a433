//! Today: where the community manager's day starts. Today's posts by network and state, the
//! posts to publish by hand that fell due, the inbox items still waiting (and for how long),
//! the objectives at risk, the accounts that need signing in again and the posts that
//! failed. Every block links to where the work is done; everything is computed from what is
//! stored here, so it works offline and with empty states.

pub mod audit;
pub mod crisis;
pub mod follow_ups;
pub mod listening;
pub mod routine;

use leptos::prelude::*;

use crate::domain::account::{Account, AccountStatus};
use crate::domain::today::{compute, Today};
use crate::services::clock::now_ms;
use crate::services::today::{load, TodayData};
use crate::ui::dates::Day;
use crate::ui::format::{date_time, long_date};
use crate::ui::i18n::Msg;
use crate::ui::pages::compose::state_label;
use crate::ui::pages::strategy::objectives::metric_name;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

/// "3 hours", "2 days": how long something has waited.
fn waited(t: Text, since: f64, now: f64) -> String {
    let hours = ((now - since) / 3_600_000.0).max(0.0);
    if hours < 1.0 {
        t.get(Msg::LessThanAnHour).to_string()
    } else if hours < 48.0 {
        t.plural(Msg::Hours, hours.floor() as u64, &[])
    } else {
        t.plural(Msg::Days, (hours / 24.0).floor() as u64, &[])
    }
}

#[component]
pub fn TodayPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let data = LocalResource::new(move || {
        // Read again whenever the outbox changes (a post sent, here or in another tab).
        state.outbox_version.track();
        let (db, ws) = (db.get(), state.current());
        let lang = t.lang();
        async move {
            match ws {
                Some(ws) => {
                    let step_label = |step| routine::step_msg(step).get(lang).to_string();
                    load(&db, &ws.id, step_label).await.map(Some)
                }
                _ => Ok(None),
            }
        }
    });
    // What the page shows, by kind and workspace: a reload (the outbox changed, here or in
    // another tab) redraws the figures in place and leaves the rest — the routine being
    // changed, a field with the focus — as it is.
    let shown = Memo::new(move |_| match data.get() {
        None => Shown::Opening,
        Some(Err(_)) => Shown::Failed,
        Some(Ok(None)) => Shown::NoWorkspace,
        Some(Ok(Some(d))) => Shown::Workspace(d.routine.workspace_id),
    });
    let loaded = move || data.get().and_then(Result::ok).flatten();
    let body = move || match shown.get() {
        Shown::Opening => view! { <p>{t.get(Msg::Opening)}</p> }.into_any(),
        Shown::Failed => {
            let e = data.get_untracked().and_then(|r| r.err());
            view! { <p role="alert">{e.map(|e| crate::ui::errors::save_failed(t, &e))}</p> }
                .into_any()
        }
        Shown::NoWorkspace => view! {
            <p>{t.get(Msg::TodayNoWorkspace)}" "<a href="/start">{t.get(Msg::StartHeading)}</a></p>
        }
        .into_any(),
        Shown::Workspace(_) => {
            // The routine as this screen holds it; a reload replaces it only with a newer one
            // (or, while none is saved, with the default one in the language now chosen).
            let first = data.get_untracked().and_then(Result::ok).flatten();
            let routine = RwSignal::new(first.map(|d| d.routine).unwrap_or_default());
            Effect::new(move || {
                if let Some(d) = loaded() {
                    let (held, words) =
                        routine.with_untracked(|r| (r.updated_at, r.items != d.routine.items));
                    let unsaved = d.routine.updated_at == 0.0 && held == 0.0;
                    if d.routine.updated_at > held || unsaved && words {
                        routine.set(d.routine);
                    }
                }
            });
            view! {
                {move || loaded().map(|d| view! { <Alerts data=d/> })}
                <crisis::CrisisBlock/>
                <div class="today-grid">
                    <routine::RoutineBlock routine=routine/>
                    {move || loaded().map(|d| view! { <Figures data=d/> })}
                    <follow_ups::FollowUpsBlock/>
                    <listening::ListeningBlock/>
                    {move || loaded().map(|d| view! { <audit::AuditBlock findings=d.audit/> })}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <h1>{t.tr(Msg::NavToday)}</h1>
        <p class="today-date">{move || long_date(t.lang(), now_ms())}</p>
        {body}
    }
}

/// What the page shows, apart from the figures.
#[derive(Clone, PartialEq)]
enum Shown {
    Opening,
    Failed,
    NoWorkspace,
    Workspace(String),
}

/// The accounts to sign in to again and the posts that failed, when there are any.
#[component]
fn Alerts(data: TodayData) -> impl IntoView {
    let t = use_text();
    let failed = today_summary(&data, Day::today()).failed;
    let reconnect: Vec<Account> = data
        .accounts
        .iter()
        .filter(|a| a.status == AccountStatus::ReconnectNeeded)
        .cloned()
        .collect();
    (!reconnect.is_empty() || failed > 0).then(|| view! {
        <section class="today-block alerts" aria-labelledby="today-alerts">
            <h2 id="today-alerts">{t.get(Msg::TodayAlerts)}</h2>
            <ul>
                {reconnect.into_iter().map(|a| view! {
                    <li role="alert"><a href="/accounts">{t.fill(Msg::TodaySignInAgain, &[("handle", &a.handle)])}</a></li>
                }).collect_view()}
                {(failed > 0).then(|| view! {
                    <li><a href="/compose">{t.plural(Msg::TodayFailed, failed, &[])}</a></li>
                })}
            </ul>
        </section>
    })
}

/// Today's figures from what is stored, the day and the time now.
fn today_summary(d: &TodayData, day: Day) -> Today {
    compute(
        &d.posts,
        &d.answering.waiting,
        &d.answering.snoozed_until,
        day.start_ms(),
        day.add_days(1).start_ms(),
        now_ms(),
    )
}

/// Today's posts, the inbox and the objectives: the blocks a reload redraws.
#[component]
fn Figures(data: TodayData) -> impl IntoView {
    let t = use_text();
    let now = now_ms();
    let summary = today_summary(&data, Day::today());
    let posts_today = if summary.scheduled.is_empty() {
        view! { <p class="empty">{t.get(Msg::TodayNoPosts)}</p> }.into_any()
    } else {
        view! {
            <ul class="today-counts">
                {summary.scheduled.iter().map(|c| view! {
                    <li><strong>{c.network.name()}</strong>" · "{t.get(state_label(c.state))}" · "{c.posts}</li>
                }).collect_view()}
            </ul>
        }.into_any()
    };
    let by_hand = (summary.by_hand_due > 0).then(|| {
        view! {
            <p class="warn">{t.plural(Msg::TodayByHand, summary.by_hand_due, &[])}</p>
        }
    });
    let inbox = match summary.oldest_unanswered {
        Some(oldest) => view! {
            <p>{t.plural(Msg::TodayUnanswered, summary.unanswered, &[("waited", &waited(t, oldest, now))])}</p>
        }.into_any(),
        None => view! { <p class="empty">{t.get(Msg::TodayInboxClear)}</p> }.into_any(),
    };
    let snoozed = (summary.snoozed_today > 0)
        .then(|| view! { <p>{t.plural(Msg::TodaySnoozedBack, summary.snoozed_today, &[])}</p> });
    let objectives = if data.strategy.objectives.is_empty() {
        view! { <p class="empty">{t.get(Msg::TodayNoObjectives)}</p> }.into_any()
    } else if data.no_data == data.strategy.objectives.len() {
        view! { <p class="empty">{t.get(Msg::TodayObjectivesNoData)}</p> }.into_any()
    } else if data.at_risk.is_empty() {
        view! { <p class="ok">{t.get(Msg::TodayObjectivesOnTrack)}</p> }.into_any()
    } else {
        view! {
            <ul>
                {data.at_risk.iter().map(|o| view! {
                    <li class="warn">{t.fill(Msg::TodayObjectiveAtRisk, &[("objective", &metric_name(t, o.metric)), ("deadline", &long_date(t.lang(), o.deadline))])}</li>
                }).collect_view()}
            </ul>
            <p><leptos_router::components::A href="/reports">{t.tr(Msg::TodaySeeReport)}</leptos_router::components::A></p>
        }.into_any()
    };
    let last_sync = data.latest_message.map(|at| date_time(t.lang(), at));
    view! {
            <section class="today-block" aria-labelledby="today-posts">
                <h2 id="today-posts">{t.get(Msg::TodayPosts)}</h2>
                {posts_today}
                {by_hand}
                <p><a href="/calendar">{t.get(Msg::TodayOpenCalendar)}</a></p>
            </section>
            <section class="today-block" aria-labelledby="today-inbox">
                <h2 id="today-inbox">{t.get(Msg::NavInbox)}</h2>
                {inbox}
                {snoozed}
                {last_sync.map(|s| view! { <p class="hint">{t.fill(Msg::TodayLatestMessage, &[("when", &s)])}</p> })}
                <p><a href="/inbox">{t.get(Msg::TodayOpenInbox)}</a></p>
            </section>
            <section class="today-block" aria-labelledby="today-objectives">
                <h2 id="today-objectives">{t.get(Msg::ObjectivesHeading)}</h2>
                {objectives}
                <p><a href="/strategy">{t.get(Msg::TodayOpenStrategy)}</a></p>
            </section>
    }
}
