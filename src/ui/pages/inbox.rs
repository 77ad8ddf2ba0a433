//! The inbox: mentions of the workspace's accounts (Mastodon and Bluesky side by side),
//! newest first, a page at a time, each with its author, time, link and the post it answers;
//! "Check now" syncs every connected network (and the page syncs once when opened online).
//! Mastodon's HTML goes through `StatusContent`, never innerHTML; Bluesky's plain text is
//! shown as text, its facets as links.

use leptos::prelude::*;

use crate::ui::components::no_workspace::NoWorkspace;

use crate::domain::inbox::{InboxItem, TextLink};
use crate::domain::network::Network;
use crate::services::inbox;
use crate::services::sending::SyncError;
use crate::store;
use crate::ui::components::rich_text::StatusContent;
use crate::ui::errors::sync_problem;
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

const PAGE: u32 = 100;

#[component]
pub fn InboxPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let version = RwSignal::new(0u32);
    let shown = RwSignal::new(PAGE);
    let items = LocalResource::new(move || {
        version.track();
        let limit = shown.get();
        let (db, ws) = (db.get(), state.current());
        async move {
            match ws {
                Some(ws) => store::inbox::latest(&db, &ws.id, limit).await.map(Some),
                _ => Ok(None),
            }
        }
    });
    let check = Action::new_local(move |_: &()| {
        let (db, ws) = (db.get(), state.current());
        async move {
            let Some(ws) = ws else {
                return;
            };
            let checked = inbox::check(&db, &ws.id).await;
            if checked.problems.is_empty() {
                state.say_in(move |t| t.plural(Msg::SyncDone, checked.new, &[]));
            } else {
                let said: Vec<String> = checked
                    .problems
                    .iter()
                    .map(|(n, e)| match e {
                        SyncError::Stopped(p) => sync_problem(t, n.name(), p),
                        SyncError::Store(e) => crate::ui::errors::save_failed(t, e),
                    })
                    .collect();
                state.warn(said.join(" "));
            }
            version.update(|v| *v += 1);
        }
    });
    let busy = check.pending();
    // Once when the page opens, if there is an account and a network.
    let online = web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(false);
    if online {
        if let Some(ws) = state.current() {
            let db = db.get();
            leptos::task::spawn_local(async move {
                if inbox::has_accounts(&db, &ws.id).await.unwrap_or(false) {
                    check.dispatch(());
                }
            });
        }
    }
    let list = move || match items.get() {
        None => ().into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{crate::ui::errors::save_failed(t, &e)}</p> }.into_any()
        }
        Some(Ok(None)) => view! { <NoWorkspace/> }.into_any(),
        Some(Ok(Some(page))) if page.items.is_empty() => {
            view! { <p class="empty">{t.get(Msg::InboxEmpty)}</p> }.into_any()
        }
        Some(Ok(Some(page))) => {
            let more = page.total.saturating_sub(page.items.len() as u32);
            view! {
                <p>{t.plural(Msg::InboxCount, page.total, &[("shown", &page.items.len().to_string())])}</p>
                <ol class="inbox-list">
                    {page.items.into_iter().map(|i| view! { <InboxEntry item=i/> }).collect_view()}
                </ol>
                {(more > 0).then(|| view! {
                    <button type="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {t.plural(Msg::ShowMore, more, &[("more", &PAGE.min(more).to_string())])}
                    </button>
                })}
            }.into_any()
        }
    };
    view! {
        <h1>{move || t.get(Msg::NavInbox)}</h1>
        <p>{move || t.get(Msg::InboxIntro)}</p>
        <p><button type="button" on:click=move |_| { check.dispatch(()); } disabled=move || busy.get()>
            {move || if busy.get() { t.get(Msg::Checking) } else { t.get(Msg::CheckNow) }}
        </button></p>
        {list}
    }
}

#[component]
fn InboxEntry(item: InboxItem) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let when = date_time(t.lang(), item.at);
    let answered = RwSignal::new(item.answered_at.is_some());
    let stored = StoredValue::new(item.clone());
    let toggle = Action::new_local(move |_: &()| {
        let (db, it) = (db.get(), stored.get_value());
        async move {
            match inbox::set_answered(&db, &it, it.answered_at.is_none()).await {
                Ok(saved) => {
                    answered.set(saved.answered_at.is_some());
                    stored.set_value(saved);
                }
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let toggle = move |_| {
        toggle.dispatch(());
    };
    let answered_link = item.post_id.clone().map(|id| {
        view! { " · " <a href=format!("/compose?post={id}")>{t.get(Msg::AnswersOurPost)}</a> }
    });
    view! {
        <li class="inbox-item" class:answered=move || answered.get()>
            <p class="inbox-meta">
                <strong>{item.author_name.clone()}</strong>" "
                <a href=item.author_url.clone() rel="nofollow noopener noreferrer" target="_blank">{item.author_handle.clone()}</a>
                " · "<a href=item.url.clone() rel="nofollow noopener noreferrer" target="_blank">{when}</a>
                {answered_link}
            </p>
            {(!item.spoiler.is_empty()).then(|| view! { <p class="spoiler">{item.spoiler.clone()}</p> })}
            {if item.network == Network::Bluesky {
                view! { <PlainWithLinks text=item.text.clone() links=item.links.clone()/> }.into_any()
            } else {
                view! { <StatusContent html=item.html.clone()/> }.into_any()
            }}
            // A toggle: its name stays, its pressed state says whether it is answered.
            <p class="inbox-actions">
                <button type="button" class="secondary toggle" aria-pressed=move || if answered.get() { "true" } else { "false" } on:click=toggle>
                    {move || t.get(Msg::Answered)}
                </button>
            </p>
        </li>
    }
}

/// Plain text with some of its byte ranges as links; a range that does not fit the text is
/// shown as text.
#[component]
fn PlainWithLinks(text: String, links: Vec<TextLink>) -> impl IntoView {
    let mut parts = vec![];
    let mut at = 0;
    for l in links {
        let fits = l.start >= at
            && l.start < l.end
            && l.end <= text.len()
            && text.is_char_boundary(l.start)
            && text.is_char_boundary(l.end);
        let safe = l.href.starts_with("https://") || l.href.starts_with("http://");
        if !fits || !safe {
            continue;
        }
        parts.push(view! { {text[at..l.start].to_string()} }.into_any());
        parts.push(
            view! {
                <a href=l.href rel="nofollow noopener noreferrer ugc" target="_blank">{text[l.start..l.end].to_string()}</a>
            }
            .into_any(),
        );
        at = l.end;
    }
    parts.push(view! { {text[at..].to_string()} }.into_any());
    view! { <p class="inbox-text">{parts}</p> }
}
