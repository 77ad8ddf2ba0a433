//! The inbox: mentions of the workspace's accounts, newest first, a page at a time, each
//! with its author, time, link and the post it answers; "Check now" syncs (and the page
//! syncs once when opened online). Status HTML goes through `StatusContent`, never innerHTML.

use leptos::prelude::*;

use crate::domain::i18n::Msg;
use crate::domain::inbox::InboxItem;
use crate::domain::network::Network;
use crate::services::mastodon::sync::{self, SyncError};
use crate::store;
use crate::ui::components::rich_text::StatusContent;
use crate::ui::errors::{send_problem, store_error};
use crate::ui::format::date_time;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

const PAGE: u32 = 100;

#[component]
pub fn InboxPage() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let version = RwSignal::new(0u32);
    let shown = RwSignal::new(PAGE);
    let busy = RwSignal::new(false);
    let items = LocalResource::new(move || {
        version.track();
        let limit = shown.get();
        let (db, ws) = (state.db(), state.current());
        async move {
            match (db, ws) {
                (Some(db), Some(ws)) => store::inbox::latest(&db, &ws.id, limit).await.map(Some),
                _ => Ok(None),
            }
        }
    });
    let check = move || {
        let (Some(db), Some(ws)) = (state.db(), state.current()) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match sync::sync(&db, &ws.id).await {
                Ok(r) => state.say(t.fill(Msg::SyncDone, &[&r.mentions.to_string()])),
                Err(SyncError::Stopped(p)) => {
                    state.warn(send_problem(t, Network::Mastodon.name(), &p))
                }
                Err(SyncError::Store(e)) => {
                    state.warn(t.fill(Msg::SaveFailed, &[t.get(store_error(&e))]))
                }
            }
            busy.set(false);
            version.update(|v| *v += 1);
        });
    };
    // Once when the page opens, if there is an account and a network.
    let online = web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(false);
    if online {
        if let (Some(db), Some(ws)) = (state.db(), state.current()) {
            leptos::task::spawn_local(async move {
                if let Ok(Some(_)) =
                    crate::services::mastodon::publish::account_for(&db, &ws.id).await
                {
                    check();
                }
            });
        }
    }
    let list = move || match items.get() {
        None => ().into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{t.fill(Msg::SaveFailed, &[t.get(store_error(&e))])}</p> }
                .into_any()
        }
        Some(Ok(None)) => view! { <p>{t.get(Msg::NoWorkspaceYet)}</p> }.into_any(),
        Some(Ok(Some(page))) if page.items.is_empty() => {
            view! { <p class="empty">{t.get(Msg::InboxEmpty)}</p> }.into_any()
        }
        Some(Ok(Some(page))) => {
            let more = page.total.saturating_sub(page.items.len() as u32);
            view! {
                <p>{t.fill(Msg::InboxCount, &[&page.items.len().to_string(), &page.total.to_string()])}</p>
                <ol class="inbox-list">
                    {page.items.into_iter().map(|i| view! { <InboxEntry item=i/> }).collect_view()}
                </ol>
                {(more > 0).then(|| view! {
                    <button type="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {t.fill(Msg::ShowMore, &[&PAGE.min(more).to_string(), &more.to_string()])}
                    </button>
                })}
            }.into_any()
        }
    };
    view! {
        <h1>{move || t.get(Msg::NavInbox)}</h1>
        <p>{move || t.get(Msg::InboxIntro)}</p>
        <p><button type="button" on:click=move |_| check() disabled=move || busy.get()>
            {move || if busy.get() { t.get(Msg::Checking) } else { t.get(Msg::CheckNow) }}
        </button></p>
        {list}
    }
}

#[component]
fn InboxEntry(item: InboxItem) -> impl IntoView {
    let t = use_text();
    let when = date_time(t.lang(), item.at);
    let answered = item.post_id.clone().map(|id| {
        view! { " · " <a href=format!("/compose?post={id}")>{t.get(Msg::AnswersOurPost)}</a> }
    });
    view! {
        <li class="inbox-item">
            <p class="inbox-meta">
                <strong>{item.author_name.clone()}</strong>" "
                <a href=item.author_url.clone() rel="nofollow noopener noreferrer" target="_blank">{item.author_handle.clone()}</a>
                " · "<a href=item.url.clone() rel="nofollow noopener noreferrer" target="_blank">{when}</a>
                {answered}
            </p>
            {(!item.spoiler.is_empty()).then(|| view! { <p class="spoiler">{item.spoiler.clone()}</p> })}
            <StatusContent html=item.html.clone()/>
        </li>
    }
}
