//! The strategy's objectives: each bound to a figure the app measures, with its progress
//! computed from that figure (or "no figures yet"), its deadline, owner and standing.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::network::Network;
use crate::domain::objectives::{
    progress, Figures, Metric, Objective, ObjectiveError, Progress, Standing,
};
use crate::domain::strategy::Strategy;
use crate::services::clock::now_ms;
use crate::services::objectives::figures;
use crate::services::strategy::new_objective;
use crate::ui::components::form_draft::keep_typed;
use crate::ui::format::{long_date, number};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

/// An objective in words ("Followers on Mastodon: 1,200 of 1,500 by …") and the word of
/// its standing, if it was measured.
pub fn objective_words(t: Text, o: &Objective, f: &Figures, now: f64) -> (String, Option<Msg>) {
    let name = metric_name(t, o.metric);
    let by = long_date(t.lang(), o.deadline);
    match progress(o, f, now) {
        Progress::NoData => (t.fill(Msg::ObjectiveNoData, &[("name", &name)]), None),
        Progress::Value {
            current, standing, ..
        } => (
            t.fill(
                Msg::ObjectiveProgress,
                &[
                    ("name", &name),
                    ("current", &number(t.lang(), current)),
                    ("target", &number(t.lang(), o.target)),
                    ("deadline", &by),
                ],
            ),
            Some(match standing {
                Standing::Reached => Msg::StandingReached,
                Standing::OnTrack => Msg::StandingOnTrack,
                Standing::AtRisk => Msg::StandingAtRisk,
            }),
        ),
    }
}

pub fn metric_name(t: Text, m: Metric) -> String {
    match m {
        Metric::Followers { network } => {
            t.fill(Msg::MetricFollowers, &[("network", &network.name())])
        }
        Metric::PostsPerWeek { network } => {
            t.fill(Msg::MetricPostsPerWeek, &[("network", &network.name())])
        }
        Metric::MedianAnswerHours => t.get(Msg::MetricAnswerHours).to_string(),
        Metric::AnsweredShare => t.get(Msg::MetricAnsweredShare).to_string(),
        Metric::ReplyShare => t.get(Msg::MetricReplyShare).to_string(),
    }
}

/// The networks whose followers the app reads (at each sync).
pub const FOLLOWED: [Network; 2] = [Network::Mastodon, Network::Bluesky];

/// The metric behind a value of the metric menu (`followers:<network>`, `posts:<network>`,
/// …); a bare `followers` is Mastodon's.
pub fn metric_from(value: &str) -> Metric {
    match value {
        "answer-hours" => return Metric::MedianAnswerHours,
        "answered-share" => return Metric::AnsweredShare,
        "reply-share" => return Metric::ReplyShare,
        _ => {}
    }
    let named = |prefix: &str| {
        Network::ALL
            .into_iter()
            .find(|n| value == format!("{prefix}:{}", n.name().to_lowercase()))
    };
    if let Some(network) = named("posts") {
        return Metric::PostsPerWeek { network };
    }
    Metric::Followers {
        network: named("followers").unwrap_or(Network::Mastodon),
    }
}

/// What to tell the user when the typed objective was refused.
pub fn objective_error(e: ObjectiveError) -> Msg {
    match e {
        ObjectiveError::Target => Msg::ErrTarget,
        ObjectiveError::Deadline => Msg::ErrDeadline,
    }
}

#[component]
pub fn Objectives(strategy: RwSignal<Strategy>, loaded: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let measured = RwSignal::new(Figures::default());
    if let Some(ws) = state.current() {
        let db = db.get();
        leptos::task::spawn_local(async move {
            if let Ok(f) = figures(&db, &ws.id, now_ms()).await {
                measured.set(f);
            }
        });
    }
    let (metric, target, deadline, owner) = (
        RwSignal::new("followers:mastodon".to_string()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let problem = RwSignal::new(None::<Msg>);
    // The measure has a default, so only what the user types is kept.
    keep_typed("objective", vec![target, deadline, owner]);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = new_objective(
            metric_from(&metric.get_untracked()),
            &target.get_untracked(),
            &deadline.get_untracked(),
            &owner.get_untracked(),
        );
        let objective = match typed {
            Ok(o) => o,
            Err(e) => {
                problem.set(Some(objective_error(e)));
                return;
            }
        };
        problem.set(None);
        strategy.update(|s| s.objectives.push(objective));
        target.set(String::new());
        owner.set(String::new());
        super::save(state, db, strategy, t.get(Msg::ObjectiveAdded).to_string());
    };
    let remove = move |id: String| {
        let Some((at, name)) = strategy.with_untracked(|s| {
            let at = s.objectives.iter().position(|o| o.id == id)?;
            Some((at, metric_name(t, s.objectives[at].metric)))
        }) else {
            return;
        };
        super::remove_undoably(
            state,
            db,
            strategy,
            |s| &mut s.objectives,
            at,
            |t| t.get(Msg::ObjectiveRemoved).to_string(),
            name,
        );
    };
    view! {
        <section aria-labelledby="objectives-heading">
            <h2 id="objectives-heading">{t.tr(Msg::ObjectivesHeading)}</h2>
            <p>{t.tr(Msg::ObjectivesIntro)}</p>
            {move || {
                let list = strategy.with(|s| s.objectives.clone());
                if list.is_empty() {
                    return view! { <p class="empty">{t.get(Msg::ObjectivesEmpty)}</p> }.into_any();
                }
                let f = measured.get();
                let now = now_ms();
                view! {
                    <ul class="glossary-list objectives">
                        {list.into_iter().map(|o| {
                            let name = metric_name(t, o.metric);
                            let label = t.fill(Msg::RemoveObjectiveNamed, &[("name", &name)]);
                            let line = objective_words(t, &o, &f, now);
                            let owner = (!o.owner.is_empty()).then(|| t.fill(Msg::ObjectiveOwner, &[("owner", &o.owner)]));
                            let id = o.id.clone();
                            view! {
                                <li class="objective">
                                    <span>{line.0}</span>
                                    {line.1.map(|m| view! { <span class="badge">{t.get(m)}</span> })}
                                    {owner.map(|w| view! { <span class="hint">{w}</span> })}
                                    <button type="button" class="danger" aria-label=label
                                        on:click=move |_| remove(id.clone())>{t.get(Msg::RemoveTerm)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form class="inline-form" on:submit=add novalidate>
                <label for="objective-metric">{t.tr(Msg::MetricLabel)}</label>
                <select id="objective-metric" on:change=move |ev| metric.set(event_target_value(&ev))>
                    {FOLLOWED.into_iter().enumerate().map(|(i, n)| view! {
                        <option value=format!("followers:{}", n.name().to_lowercase()) selected=i == 0>{move || t.fill(Msg::MetricFollowers, &[("network", &n.name())])}</option>
                    }).collect_view()}
                    {Network::ALL.into_iter().map(|n| view! {
                        <option value=format!("posts:{}", n.name().to_lowercase())>{move || t.fill(Msg::MetricPostsPerWeek, &[("network", &n.name())])}</option>
                    }).collect_view()}
                    <option value="answer-hours">{t.tr(Msg::MetricAnswerHours)}</option>
                    <option value="answered-share">{t.tr(Msg::MetricAnsweredShare)}</option>
                    <option value="reply-share">{t.tr(Msg::MetricReplyShare)}</option>
                </select>
                <label for="objective-target">{t.tr(Msg::TargetLabel)}</label>
                <input id="objective-target" type="number" min="1" step="any" bind:value=target
                    aria-invalid=move || if problem.get() == Some(Msg::ErrTarget) { "true" } else { "false" }
                    aria-describedby="objective-error"/>
                <label for="objective-deadline">{t.tr(Msg::DeadlineLabel)}</label>
                <input id="objective-deadline" type="date" bind:value=deadline
                    aria-invalid=move || if problem.get() == Some(Msg::ErrDeadline) { "true" } else { "false" }
                    aria-describedby="objective-error"/>
                <label for="objective-owner">{t.tr(Msg::OwnerLabel)}</label>
                <input id="objective-owner" type="text" maxlength="100" bind:value=owner/>
                <button type="submit" disabled=move || !loaded.get()>{t.tr(Msg::AddObjective)}</button>
                <p id="objective-error" class="field-error" role="alert">{move || problem.get().map(|m| t.get(m))}</p>
            </form>
        </section>
    }
}
