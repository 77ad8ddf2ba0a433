//! The Outbox: what waits to go out to Mastodon and Bluesky in the current workspace, each
//! row's state, attempts, next try and last problem in plain words, with "retry now" and
//! "cancel"; the posts found past their time, with send now, reschedule or cancel; and the
//! workspace's "send late posts automatically" choice.

use crate::domain::sorting;
use leptos::prelude::*;

use crate::ui::components::no_workspace::NoWorkspace;
use leptos_router::components::A;

use crate::domain::outbox::{blocked_accounts, ItemState, OutboxItem, Why};
use crate::domain::post::{Post, ME};
use crate::services::clock::now_ms;
use crate::services::outbox::{self, DuePost};
use crate::store::{self, Db, StoreError};
use crate::ui::errors::send_problem;
use crate::ui::format::{date_time, time_of_day};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db, AppState};
use crate::ui::text::{use_text, Text};

/// One row with the post it sends.
#[derive(Clone)]
struct Shown {
    row: OutboxItem,
    post: Option<Post>,
    blocked: bool,
}

#[derive(Clone)]
struct Loaded {
    open: Vec<Shown>,
    done: Vec<Shown>,
    late: Vec<DuePost>,
    late_auto: bool,
}

async fn load(db: &Db, workspace_id: &str) -> Result<Loaded, StoreError> {
    let all = store::outbox::all(db).await?;
    let blocked: Vec<String> = blocked_accounts(&all)
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut rows: Vec<OutboxItem> = all
        .into_iter()
        .filter(|r| r.workspace_id == workspace_id)
        .collect();
    sorting::sort_by(&mut rows[..], |a, b| {
        a.next_try_at.total_cmp(&b.next_try_at)
    });
    let (mut open, mut done) = (vec![], vec![]);
    for row in rows {
        let post = store::posts::get(db, &row.post_id).await?;
        let is_blocked = row.state == ItemState::Waiting && blocked.contains(&row.account_id);
        let shown = Shown {
            post,
            blocked: is_blocked,
            row,
        };
        if shown.row.is_open() {
            open.push(shown);
        } else {
            done.push(shown);
        }
    }
    done.reverse();
    let late = outbox::due_posts(db, workspace_id, now_ms(), outbox::LookBack::All)
        .await?
        .into_iter()
        .filter(|d| d.late)
        .collect();
    let late_auto = store::outbox::sends_late_automatically(db, workspace_id).await?;
    Ok(Loaded {
        open,
        done,
        late,
        late_auto,
    })
}

fn excerpt(post: &Option<Post>) -> String {
    let text = post.as_ref().map(|p| p.base_text.as_str()).unwrap_or("");
    let mut out: String = text.chars().take(100).collect();
    if text.chars().count() > 100 {
        out.push('…');
    }
    out
}

fn failed(state: AppState, e: &StoreError) {
    state.save_failed(e);
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let data = LocalResource::new(move || {
        let _ = state.outbox_version.get();
        let current = state.current();
        let db = db.get();
        async move {
            match current {
                Some(ws) => load(&db, &ws.id).await.map(Some),
                _ => Ok(None),
            }
        }
    });
    let body = move || match data.get() {
        None => ().into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{crate::ui::errors::save_failed(t, &e)}</p> }.into_any()
        }
        Some(Ok(None)) => view! { <NoWorkspace/> }.into_any(),
        Some(Ok(Some(loaded))) => view! { <OutboxLists loaded=loaded/> }.into_any(),
    };
    view! {
        <h1>{t.tr(Msg::OutboxTitle)}</h1>
        <p>{t.tr(Msg::OutboxIntro)}</p>
        {body}
    }
}

#[component]
fn OutboxLists(loaded: Loaded) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let Loaded {
        open,
        done,
        late,
        late_auto,
    } = loaded;
    let nothing = open.is_empty() && late.is_empty();
    let toggle_auto = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let db = db.get();
        let Some(ws) = state.current() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match outbox::set_sends_late_automatically(&db, &ws.id, on).await {
                Ok(()) => state.outbox_changed(),
                Err(e) => failed(state, &e),
            }
        });
    };
    view! {
        {nothing.then(|| view! { <p class="empty">{t.get(Msg::OutboxEmpty)}</p> })}
        {(!late.is_empty()).then(|| view! {
            <section class="outbox-late" aria-labelledby="outbox-late">
                <h2 id="outbox-late">{t.get(Msg::OutboxLateHeading)}</h2>
                <p>{t.get(Msg::OutboxLateIntro)}</p>
                <ul class="outbox-list">
                    {late.into_iter().map(|d| view! { <LateRow due=d/> }).collect_view()}
                </ul>
            </section>
        })}
        {(!open.is_empty()).then(|| view! {
            <section aria-labelledby="outbox-open">
                <h2 id="outbox-open">{t.get(Msg::OutboxQueueHeading)}</h2>
                <ul class="outbox-list">
                    {open.into_iter().map(|s| view! { <Row shown=s/> }).collect_view()}
                </ul>
            </section>
        })}
        <p class="outbox-setting">
            <label>
                <input type="checkbox" prop:checked=late_auto on:change=toggle_auto/>
                " "{t.get(Msg::OutboxSendLateAuto)}
            </label>
            <br/><span class="hint">{t.get(Msg::OutboxLateAutoHint)}</span>
        </p>
        {(!done.is_empty()).then(|| view! {
            <section aria-labelledby="outbox-done">
                <h2 id="outbox-done">{t.get(Msg::OutboxDoneHeading)}</h2>
                <ul class="outbox-list">
                    {done.into_iter().map(|s| view! { <Row shown=s/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn Row(shown: Shown) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let Shown { row, post, blocked } = shown;
    let name = row.network.name();
    let line = if blocked {
        t.get(Msg::OutboxAccountBlocked).to_string()
    } else {
        outbox_line(t, &row)
    };
    let problem = post
        .as_ref()
        .and_then(|p| p.variants.iter().find(|v| v.network == row.network))
        .and_then(|v| v.remote.as_ref()?.problem.clone())
        .or_else(|| row.last_error.as_ref()?.problem(row.next_try_at))
        .filter(|_| row.is_open())
        .map(|p| send_problem(t, name, &p));
    let can_retry = matches!(row.state, ItemState::Waiting | ItemState::NeedsUser(_)) && !blocked;
    let can_cancel = matches!(row.state, ItemState::Waiting | ItemState::NeedsUser(_));
    let open = row.is_open();
    let label = format!("{name} — {}", excerpt(&post));
    let compose = format!("/compose?post={}", row.post_id);
    let (for_retry, for_cancel) = (row.clone(), row.clone());
    let retry = move |_| {
        let db = db.get();
        let row = for_retry.clone();
        leptos::task::spawn_local(async move {
            match outbox::retry_now(&db, &row).await {
                Ok(()) => {
                    state.say_in(move |t| t.get(Msg::OutboxRetrying).to_string());
                    state.outbox_changed();
                }
                Err(e) => failed(state, &e),
            }
        });
    };
    let cancel = move |_| {
        let db = db.get();
        let row = for_cancel.clone();
        leptos::task::spawn_local(async move {
            match outbox::cancel(&db, &row).await {
                Ok(true) => {
                    state.say_in(move |t| t.get(Msg::OutboxCancelDone).to_string());
                    state.outbox_changed();
                }
                Ok(false) => state.warn_in(move |t| t.get(Msg::OutboxCancelRefused).to_string()),
                Err(e) => failed(state, &e),
            }
        });
    };
    view! {
        <li class="outbox-row" data-state=format!("{:?}", row.state).to_lowercase()>
            <p class="outbox-what"><strong>{name}</strong>" · "<A href=compose>{excerpt(&post)}</A></p>
            <p class="outbox-state">{line}</p>
            <p class="outbox-attempts">{t.fill(Msg::OutboxAttempts, &[("count", &row.attempts.to_string())])}</p>
            {problem.map(|p| view! { <p class="field-error">{t.fill(Msg::OutboxLastError, &[("problem", &p)])}</p> })}
            {open.then(|| view! {
                <p class="actions">
                    <button type="button" on:click=retry disabled=!can_retry aria-label=format!("{} — {label}", t.get(Msg::OutboxRetryNow))>{t.get(Msg::OutboxRetryNow)}</button>
                    " "
                    <button type="button" on:click=cancel disabled=!can_cancel aria-label=format!("{} — {label}", t.get(Msg::OutboxCancelSend))>{t.get(Msg::OutboxCancelSend)}</button>
                </p>
            })}
        </li>
    }
}

#[component]
fn LateRow(due: DuePost) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let DuePost { post, networks, .. } = due;
    let names: Vec<&str> = networks.iter().map(|n| n.name()).collect();
    let when = post
        .due_at
        .map(|d| date_time(t.lang(), d))
        .unwrap_or_default();
    let text = excerpt(&Some(post.clone()));
    let compose = format!("/compose?post={}", post.id);
    let (id_send, id_cancel) = (post.id.clone(), post.id.clone());
    let send_now = move |_| {
        let db = db.get();
        let id = id_send.clone();
        leptos::task::spawn_local(async move {
            match outbox::send(&db, &id, None, now_ms(), ME).await {
                Ok(_) => state.outbox_changed(),
                Err(crate::services::sending::PublishError::Store(e)) => failed(state, &e),
                Err(_) => {}
            }
        });
    };
    let cancel = move |_| {
        let db = db.get();
        let id = id_cancel.clone();
        leptos::task::spawn_local(async move {
            match outbox::cancel_late(&db, &id).await {
                Ok(()) => {
                    state.say_in(move |t| t.get(Msg::OutboxLateCancelled).to_string());
                    state.outbox_changed();
                }
                Err(crate::services::sending::PublishError::Store(e)) => failed(state, &e),
                Err(_) => {}
            }
        });
    };
    let label = text.clone();
    view! {
        <li class="outbox-row late">
            <p class="outbox-what"><A href=compose.clone()>{text}</A></p>
            <p class="outbox-state">{t.fill(Msg::OutboxLateDue, &[("when", &when), ("networks", &names.join(", "))])}</p>
            <p class="actions">
                <button type="button" on:click=send_now aria-label=format!("{} — {label}", t.get(Msg::OutboxSendNow))>{t.get(Msg::OutboxSendNow)}</button>
                " "
                <A href=compose attr:class="button-link">{t.get(Msg::OutboxReschedule)}</A>
                " "
                <button type="button" on:click=cancel aria-label=format!("{} — {label}", t.get(Msg::OutboxCancelPost))>{t.get(Msg::OutboxCancelPost)}</button>
            </p>
        </li>
    }
}

/// Where a row stands, in plain words.
pub fn outbox_line(t: Text, r: &OutboxItem) -> String {
    match &r.state {
        ItemState::Sending => t.get(Msg::OutboxSending).to_string(),
        ItemState::Waiting if !window().navigator().on_line() => {
            t.get(Msg::OutboxWaitingNetwork).to_string()
        }
        ItemState::Waiting if r.attempts == 0 => t.fill(
            Msg::OutboxWaitingDue,
            &[("when", &date_time(t.lang(), r.next_try_at))],
        ),
        ItemState::Waiting => t.plural(
            Msg::OutboxNextTry,
            r.attempts,
            &[("when", &time_of_day(t.lang(), r.next_try_at))],
        ),
        ItemState::NeedsUser(Why::Reconnect) => t.get(Msg::OutboxNeedsReconnect).to_string(),
        ItemState::NeedsUser(_) => t.get(Msg::OutboxNeedsEdit).to_string(),
        ItemState::Sent => t.get(Msg::OutboxSent).to_string(),
        ItemState::Cancelled => t.get(Msg::OutboxCancelled).to_string(),
    }
}
