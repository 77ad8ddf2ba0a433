//! Publishing through the network's API (Mastodon, Bluesky): "Publish now", what the server
//! holds for later (Mastodon), the counts read at the last sync (Bluesky), and why a send
//! stopped, in plain words with the way out.

use leptos::prelude::*;

use crate::ui::i18n::Msg;

use crate::domain::network::Network;
use crate::domain::post::{Blocker, Post, ME};
use leptos_router::components::A;

use crate::domain::outbox::ItemState;
use crate::services::mastodon::publish::{self, PublishError, Sent};
use crate::services::outbox;
use crate::store;
use crate::ui::errors::send_problem;
use crate::ui::format::{date_time, long_date_time};
use crate::ui::pages::outbox::outbox_line;
use crate::ui::state::{use_app, use_db, AppState, OpenDb};
use crate::ui::text::{use_text, Text};

use super::publish_by_hand::blocked;
use super::Draft;

/// Reads the post back after a service changed it, so the composer shows what is stored.
pub(super) async fn reload(db: &crate::store::Db, draft: Draft, id: &str) {
    if let Ok(Some(p)) = store::posts::get(db, id).await {
        if draft.post.with_untracked(|d| d.id == p.id) {
            draft.post.set(p);
        }
    }
    draft.saved.update(|n| *n += 1);
}

fn report(
    state: AppState,
    t: Text,
    network: Network,
    result: Result<Sent, PublishError>,
    post: &Post,
) {
    let name = network.name();
    match result {
        Ok(Sent::Published(_)) => {
            state.say_in(move |t| t.fill(Msg::PublishedOnNamed, &[("network", &name)]))
        }
        Ok(Sent::Held) => {
            let due = post
                .due_at
                .map(|d| date_time(t.lang(), d))
                .unwrap_or_default();
            state.say_in(move |t| t.fill(Msg::HeldByServer, &[("network", &name), ("when", &due)]));
        }
        Err(PublishError::Stopped(p)) => state.warn_sending(move |t| send_problem(t, name, &p)),
        Err(PublishError::Store(e)) => state.save_failed(&e),
        Err(PublishError::NoPost) => {}
    }
}

/// Saves the scheduled draft; the service hands it to the server when the server can hold
/// it (or moves it there when it already does).
pub fn save_schedule(state: AppState, db: OpenDb, t: Text, draft: Draft) {
    let db = db.get();
    let post = draft.post.get_untracked();
    leptos::task::spawn_local(async move {
        let result = publish::save_schedule(&db, &post).await;
        reload(&db, draft, &post.id).await;
        match result {
            Ok(None) => {
                let due = post
                    .due_at
                    .map(|d| long_date_time(t.lang(), d))
                    .unwrap_or_default();
                state.say_in(move |t| t.fill(Msg::Scheduled, &[("when", &due)]));
            }
            Ok(Some(sent)) => report(state, t, Network::Mastodon, Ok(sent), &post),
            Err(e) => report(state, t, Network::Mastodon, Err(e), &post),
        }
    });
}

/// "Publish now" for a network the app posts to itself, shown when the workspace has an
/// account there and the post goes to it.
#[component]
pub fn ApiPublish(network: Network, blockers: Memo<Vec<Blocker>>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let busy = RwSignal::new(false);
    let name = network.name();
    let variant = move || {
        draft
            .post
            .with(|p| p.variants.iter().find(|v| v.network == network).cloned())
    };
    let account = match network {
        Network::Bluesky => draft.bluesky,
        _ => draft.mastodon,
    };
    let shown = move || account.with(|a| a.is_some()) && variant().is_some();
    // The post's row in the outbox for this network, read again at every outbox change.
    let post_id = Memo::new(move |_| draft.post.with(|p| p.id.clone()));
    let row = LocalResource::new(move || {
        let _ = state.outbox_version.get();
        let id = post_id.get();
        let db = db.get();
        async move {
            let rows = store::outbox::for_post(&db, &id).await.ok()?;
            rows.into_iter()
                .filter(|r| r.network == network)
                .max_by(|a, b| a.created_at.total_cmp(&b.created_at))
        }
    });
    let current = move || row.get().flatten();
    let can_send = move || {
        !busy.get()
            && !current().is_some_and(|r| r.state == ItemState::Sending)
            && variant().is_some_and(|v| v.published.is_none())
            && !blockers.with(|b| b.iter().any(|b| blocked(b, network)))
            && !draft.post.with(|p: &Post| p.held_by_server(network))
    };
    // Says what became of a send started here (`watching`: the post it was started for),
    // once per change of its row; the post is read again at every change.
    let seen = StoredValue::new(None::<(String, ItemState, u32, u64)>);
    let watching = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let Some(r) = current() else { return };
        let key = (
            r.id.clone(),
            r.state.clone(),
            r.attempts,
            r.next_try_at.to_bits(),
        );
        if seen.get_value().as_ref() == Some(&key) {
            return;
        }
        seen.set_value(Some(key));
        let db = db.get();
        leptos::task::spawn_local(async move {
            reload(&db, draft, &r.post_id).await;
            if watching.get_value().as_deref() != Some(r.post_id.as_str()) {
                return;
            }
            let problem = draft.post.with_untracked(|p| {
                p.variants
                    .iter()
                    .find(|v| v.network == network)
                    .and_then(|v| v.remote.as_ref()?.problem.clone())
            });
            match &r.state {
                ItemState::Sent => {
                    watching.set_value(None);
                    busy.set(false);
                    state.say_in(move |t| t.fill(Msg::PublishedOnNamed, &[("network", &name)]));
                }
                ItemState::NeedsUser(_) | ItemState::Cancelled => {
                    watching.set_value(None);
                    busy.set(false);
                    if let Some(p) = problem {
                        state.warn_sending(move |t| send_problem(t, name, &p));
                    }
                }
                // A retry is planned: say why, let the user retry at once, and keep
                // watching so a later success is told too.
                ItemState::Waiting if r.attempts > 0 && r.last_error.is_some() => {
                    busy.set(false);
                    if let Some(p) = problem {
                        state.warn_sending(move |t| send_problem(t, name, &p));
                    }
                }
                _ => {}
            }
        });
    });
    let publish_now = move |_| {
        let db = db.get();
        let post = draft.post.get_untracked();
        busy.set(true);
        watching.set_value(Some(post.id.clone()));
        let online = window().navigator().on_line();
        if online {
            state.say_in(move |t| t.fill(Msg::SendingTo, &[("network", &name)]));
        }
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::services::posts::save_edit(&db, &post).await {
                state.save_failed(&e);
                busy.set(false);
                return;
            }
            let now = crate::services::clock::now_ms();
            let result = outbox::send(&db, &post.id, Some(network), now, ME).await;
            reload(&db, draft, &post.id).await;
            state.outbox_changed();
            match result {
                Ok(_) if !online => {
                    busy.set(false);
                    watching.set_value(None);
                    state.say_in(move |t| t.fill(Msg::QueuedOffline, &[("network", &name)]));
                }
                Ok(_) => {}
                Err(e) => {
                    busy.set(false);
                    watching.set_value(None);
                    report(state, t, network, Err(e), &post);
                }
            }
        });
    };
    let take_back = move |_| {
        let db = db.get();
        let id = draft.post.with_untracked(|p| p.id.clone());
        busy.set(true);
        leptos::task::spawn_local(async move {
            match publish::release(&db, &id).await {
                Ok(()) => state.say_in(move |t| t.get(Msg::TakenBack).to_string()),
                Err(PublishError::Stopped(p)) => {
                    state.warn_sending(move |t| send_problem(t, name, &p))
                }
                Err(PublishError::Store(e)) => state.save_failed(&e),
                Err(PublishError::NoPost) => {}
            }
            reload(&db, draft, &id).await;
            busy.set(false);
        });
    };
    view! {
        <Show when=shown>
            <section class="api-publish" aria-labelledby=format!("api-publish-{}", name.to_lowercase())>
                <h2 id=format!("api-publish-{}", name.to_lowercase())>{move || t.fill(Msg::PublishNowOn, &[("network", &name)])}</h2>
                {move || variant().and_then(|v| v.published).map(|p| view! {
                    <p class="ok">{t.fill(Msg::PublishedOnNamed, &[("network", &name)])}" "
                        <a href=p.url.clone() target="_blank" rel="noopener noreferrer">{t.fill(Msg::SeeItOn, &[("network", &name)])}</a>
                    </p>
                })}
                {move || variant().and_then(|v| v.remote?.metrics.last().copied()).map(|m| view! {
                    <p class="post-counts">{t.fill(Msg::PostCounts, &[("likes", &m.favourites.to_string()), ("reposts", &m.boosts.to_string()), ("replies", &m.replies.to_string()), ("quotes", &m.quotes.to_string()), ("when", &date_time(t.lang(), m.at))])}</p>
                })}
                {move || draft.post.with(|p: &Post| p.held_by_server(network)).then(|| {
                    let due = draft.post.with(|p| p.due_at).map(|d| date_time(t.lang(), d)).unwrap_or_default();
                    view! {
                        <p class="held">{t.fill(Msg::HeldByServer, &[("network", &name), ("when", &due)])}</p>
                    }
                })}
                {move || draft.post.with(|p: &Post| p.held_is_stale(network)).then(|| {
                    // The server takes a new version only while it could hold it (one
                    // status, five minutes ahead).
                    let can = draft.post.with(|p: &Post| p.can_be_held(network, crate::services::clock::now_ms()));
                    view! {
                        <p class="field-error held-stale" role="status">{t.fill(Msg::HeldStale, &[("network", &name)])}</p>
                        {if can {
                            view! {
                                <div class="actions">
                                    <button type="button" on:click=move |_| save_schedule(state, db, t, draft)>{t.fill(Msg::UpdateHeld, &[("network", &name)])}</button>
                                </div>
                            }.into_any()
                        } else {
                            view! { <p class="hint">{t.fill(Msg::HeldStaleTooLate, &[("network", &name)])}</p> }.into_any()
                        }}
                    }
                })}
                {move || current().filter(|r| r.is_open()).map(|r| view! {
                    <p class="outbox-line">{outbox_line(t, &r)}" "<A href="/outbox">{t.get(Msg::SeeOutbox)}</A></p>
                })}
                {move || variant().and_then(|v| v.remote?.problem).map(|p| view! {
                    <p class="field-error" role="alert">{send_problem(t, name, &p)}</p>
                })}
                <div class="actions">
                    {move || draft.post.with(|p: &Post| p.held_by_server(network)).then(|| view! {
                        <button type="button" on:click=take_back disabled=move || busy.get()>{t.get(Msg::TakeBack)}</button>
                    })}
                    <button type="button" id=format!("publish-{}", name.to_lowercase()) on:click=publish_now disabled=move || !can_send()>
                        {move || if busy.get() { t.fill(Msg::SendingTo, &[("network", &name)]) } else { t.fill(Msg::PublishNowOn, &[("network", &name)]) }}
                    </button>
                </div>
            </section>
        </Show>
    }
}
