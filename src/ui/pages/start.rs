//! The guided first run: four short steps in plain words — name the workspace, pick the
//! networks, set one objective, write a first draft — each skippable, by mouse or keyboard.
//! Each step's heading takes the focus, so a screen reader announces where the user is.

use crate::domain::sorting;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::ui::i18n::Msg;
use leptos_router::hooks::use_navigate;

use crate::domain::network::Network;
use crate::domain::objectives::Metric;
use crate::domain::workspace::Workspace;
use crate::services::workspaces::{self, WorkspaceError};
use crate::services::{posts, strategy};
use crate::store::StoreError;
use crate::ui::errors::name_error;
use crate::ui::pages::strategy::objectives::{metric_from, objective_error, FOLLOWED};
use crate::ui::pages::workspaces::new_workspace_form::adopt_created;
use crate::ui::state::{use_app, use_db, AppState};
use crate::ui::text::use_text;

const STEPS: u8 = 4;

fn saved_or_warn<T>(state: AppState, r: Result<T, StoreError>) -> bool {
    match r {
        Ok(_) => true,
        Err(e) => {
            state.save_failed(&e);
            false
        }
    }
}

#[component]
pub fn StartPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let navigate = use_navigate();
    let step = RwSignal::new(1u8);
    let workspace = RwSignal::new(None::<Workspace>);
    let error = RwSignal::new(None::<String>);
    let heading = NodeRef::<html::H2>::new();
    // The new step's heading takes the focus (not on the first paint).
    Effect::new(move |prev: Option<u8>| {
        let now = step.get();
        if prev.is_some_and(|p| p != now) {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
        now
    });
    let next = move || {
        error.set(None);
        step.update(|s| *s += 1);
    };
    let finish = {
        let navigate = navigate.clone();
        move || navigate("/today", Default::default())
    };

    // 1. the workspace's name
    let name = RwSignal::new(String::new());
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let db = db.get();
        let existing = state.workspaces.get_untracked();
        let raw = name.get_untracked();
        leptos::task::spawn_local(async move {
            match workspaces::create(&db, &existing, &raw).await {
                Ok(w) => {
                    adopt_created(state, &w);
                    workspace.set(Some(w));
                    next();
                }
                Err(WorkspaceError::Invalid(e)) => {
                    error.set(Some(t.get(name_error(e)).to_string()))
                }
                Err(WorkspaceError::Store(e)) => {
                    error.set(Some(crate::ui::errors::save_failed(t, &e)))
                }
            }
        });
    };

    // 2. the networks
    let networks = RwSignal::new(vec![Network::Mastodon, Network::Bluesky]);
    let save_networks = move |ev: SubmitEvent| {
        ev.prevent_default();
        let db = db.get();
        let Some(ws) = workspace.get_untracked() else {
            return;
        };
        let chosen = networks.get_untracked();
        leptos::task::spawn_local(async move {
            if saved_or_warn(state, strategy::set_networks(&db, &ws.id, chosen).await) {
                next();
            }
        });
    };

    // 3. one objective
    let (metric, target, deadline) = (
        RwSignal::new("followers".to_string()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let followed = move || {
        networks
            .get_untracked()
            .into_iter()
            .find(|n| FOLLOWED.contains(n))
            .unwrap_or(Network::Mastodon)
    };
    let save_objective = move |ev: SubmitEvent| {
        ev.prevent_default();
        let db = db.get();
        let Some(ws) = workspace.get_untracked() else {
            return;
        };
        // "Posts per week" goes to the first network the brand is on, followers to the
        // first one whose followers the app reads.
        let m = match metric.get_untracked().as_str() {
            "followers" => Metric::Followers {
                network: followed(),
            },
            "posts" => Metric::PostsPerWeek {
                network: networks
                    .get_untracked()
                    .first()
                    .copied()
                    .unwrap_or(Network::Mastodon),
            },
            other => metric_from(other),
        };
        let typed =
            strategy::new_objective(m, &target.get_untracked(), &deadline.get_untracked(), "");
        let objective = match typed {
            Ok(o) => o,
            Err(e) => {
                error.set(Some(t.get(objective_error(e)).to_string()));
                return;
            }
        };
        leptos::task::spawn_local(async move {
            if saved_or_warn(state, strategy::add_objective(&db, &ws.id, objective).await) {
                next();
            }
        });
    };

    // 4. a first draft
    let draft = RwSignal::new(String::new());
    let save_draft = {
        let finish = finish.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let db = db.get();
            let Some(ws) = workspace.get_untracked() else {
                return;
            };
            let text = draft.get_untracked();
            if text.trim().is_empty() {
                error.set(Some(t.get(Msg::StartDraftEmpty).to_string()));
                return;
            }
            let lang = t.lang().tag().to_string();
            let chosen = networks.get_untracked();
            let finish = finish.clone();
            leptos::task::spawn_local(async move {
                let created = posts::create_draft(&db, &ws.id, &chosen, &lang, &text).await;
                if saved_or_warn(state, created) {
                    state.say_on("/today", false, |t| t.get(Msg::StartDone).to_string());
                    finish();
                }
            });
        }
    };

    let skip_step = move |_| next();
    let skip_all = {
        let finish = finish.clone();
        move |_| finish()
    };
    let title = move || match step.get() {
        1 => Msg::StartStepName,
        2 => Msg::StartStepNetworks,
        3 => Msg::StartStepObjective,
        _ => Msg::StartStepDraft,
    };
    view! {
        <h1>{t.tr(Msg::StartHeading)}</h1>
        <p>{t.tr(Msg::StartIntro)}</p>
        <section class="start-step" aria-labelledby="start-step-heading">
            <p class="hint">{move || t.fill(Msg::StepOf, &[("step", &step.get().to_string()), ("total", &STEPS.to_string())])}</p>
            <h2 id="start-step-heading" tabindex="-1" node_ref=heading>{move || t.get(title())}</h2>
            <Show when=move || step.get() == 1>
                <form class="stacked-form" on:submit=create novalidate>
                    <label for="start-name">{t.tr(Msg::StartNameLabel)}</label>
                    <input id="start-name" type="text" maxlength="80" bind:value=name autofocus
                        aria-describedby="start-error"/>
                    <button type="submit">{t.tr(Msg::Next)}</button>
                </form>
            </Show>
            <Show when=move || step.get() == 2>
                <form class="stacked-form" on:submit=save_networks novalidate>
                    <fieldset>
                        <legend>{t.tr(Msg::StartNetworksLegend)}</legend>
                        {Network::ALL.into_iter().map(|n| {
                            let id = format!("start-net-{}", n.name().to_lowercase());
                            view! {
                                <div class="choice">
                                    <input type="checkbox" id=id.clone()
                                        prop:checked=move || networks.with(|l| l.contains(&n))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            networks.update(|l| { l.retain(|x| *x != n); if on { l.push(n); sorting::sort(&mut l[..]); } });
                                        }/>
                                    <label for=id>{n.name()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <button type="submit">{t.tr(Msg::Next)}</button>
                </form>
            </Show>
            <Show when=move || step.get() == 3>
                <form class="stacked-form" on:submit=save_objective novalidate>
                    <p class="hint">{t.tr(Msg::StartObjectiveHint)}</p>
                    <label for="start-metric">{t.tr(Msg::MetricLabel)}</label>
                    <select id="start-metric" on:change=move |ev| metric.set(event_target_value(&ev))>
                        <option value="followers" selected=true>{move || t.fill(Msg::MetricFollowers, &[("network", &followed().name())])}</option>
                        <option value="posts">{t.tr(Msg::StartMetricPosts)}</option>
                        <option value="answer-hours">{t.tr(Msg::MetricAnswerHours)}</option>
                    </select>
                    <label for="start-target">{t.tr(Msg::TargetLabel)}</label>
                    <input id="start-target" type="number" min="1" step="any" bind:value=target aria-describedby="start-error"/>
                    <label for="start-deadline">{t.tr(Msg::DeadlineLabel)}</label>
                    <input id="start-deadline" type="date" bind:value=deadline aria-describedby="start-error"/>
                    <button type="submit">{t.tr(Msg::Next)}</button>
                    <button type="button" class="secondary" on:click=skip_step>{t.tr(Msg::SkipStep)}</button>
                </form>
            </Show>
            <Show when=move || step.get() == 4>
                <form class="stacked-form" on:submit=save_draft.clone() novalidate>
                    <label for="start-draft">{t.tr(Msg::StartDraftLabel)}</label>
                    <textarea id="start-draft" rows="4" bind:value=draft aria-describedby="start-error"></textarea>
                    <button type="submit">{t.tr(Msg::StartSaveDraft)}</button>
                </form>
            </Show>
            <p id="start-error" class="field-error" role="alert">{move || error.get()}</p>
        </section>
        <p>
            <button type="button" class="link-button" on:click=skip_all.clone()>{t.tr(Msg::SkipGuide)}</button>
        </p>
    }
}
