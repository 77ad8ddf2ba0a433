//! One post a search found: who wrote it, where and when, its words as text with the
//! search's matches marked (a Mastodon post read through the sanitiser's tree, a Bluesky
//! post as its text), and what it can become in one action: a reply or a quote in the
//! composer, a conversation in the Inbox, a member in People.

use leptos::prelude::*;

use crate::domain::listening::{highlights, Hit, Query};
use crate::services::listening::{self, DraftKind};
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

/// The text cut in parts, each marked or not.
fn marked(text: &str, q: &Query) -> Vec<(String, bool)> {
    let mut out = vec![];
    let mut at = 0;
    for (s, e) in highlights(q, text) {
        if s > at {
            out.push((text[at..s].to_string(), false));
        }
        out.push((text[s..e].to_string(), true));
        at = e;
    }
    if at < text.len() {
        out.push((text[at..].to_string(), false));
    }
    out
}

#[component]
pub fn HitRow(hit: Hit, query: StoredValue<Query>) -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let navigate = leptos_router::hooks::use_navigate();
    let lang = t.lang();
    let item = hit.item.clone();
    let network = item.network.name();
    let words = hit.words();
    let parts = query.with_value(|q| marked(&words, q));
    let taken = RwSignal::new(hit.taken.clone());
    let hit = StoredValue::new(hit);
    let draft = Action::new_local(move |kind: &DraftKind| {
        let (db, kind, navigate) = (db.get(), *kind, navigate.clone());
        let h = hit.get_value();
        let lang = match h.item.profile.lang.as_str() {
            "" => state.lang.get_untracked().tag().to_string(),
            l => l.to_string(),
        };
        async move {
            match listening::to_draft(&db, &h, kind, &lang).await {
                Ok(Some(post)) => {
                    navigate(&format!("/compose?post={}", post.id), Default::default())
                }
                Ok(None) => state.warn_in(|t| t.get(Msg::ListeningGone).to_string()),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let to_inbox = Action::new_local(move |_: &()| {
        let (db, h) = (db.get(), hit.get_value());
        async move {
            match listening::to_conversation(&db, &h).await {
                Ok(Some(kept)) => {
                    taken.set(kept.taken);
                    state.say_in(|t| t.get(Msg::ListeningAddedInbox).to_string());
                }
                Ok(None) => state.warn_in(|t| t.get(Msg::ListeningGone).to_string()),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let to_people = Action::new_local(move |_: &()| {
        let (db, h) = (db.get(), hit.get_value());
        async move {
            match listening::to_member(&db, &h).await {
                Ok(None) => state.warn_in(|t| t.get(Msg::ListeningGone).to_string()),
                Ok(Some(kept)) => {
                    taken.set(kept.taken);
                    let name = h.item.author_name.clone();
                    state.say_in(move |t| t.fill(Msg::ListeningAddedPeople, &[("name", &name)]));
                }
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let has = move |what: &'static str| taken.with(|t| t.iter().any(|x| x == what));
    view! {
        <li class="hit">
            <p class="hit-who">
                <a href=item.author_url.clone() rel="nofollow noopener noreferrer" target="_blank">
                    <strong>{item.author_name.clone()}</strong>" "{item.author_handle.clone()}
                </a>
                " · "{network}" · "{date_time(lang, item.at)}
            </p>
            <p class="hit-text">
                {parts.into_iter().map(|(s, m)| if m {
                    view! { <mark>{s}</mark> }.into_any()
                } else {
                    s.into_any()
                }).collect_view()}
            </p>
            <p class="hit-tone">
                <crate::ui::components::tone::Tone url=item.url.clone() text=words.clone() lang=item.profile.lang.clone()/>
            </p>
            <p class="hit-actions">
                <a href=item.url.clone() rel="nofollow noopener noreferrer" target="_blank">
                    {t.fill(Msg::ListeningOpen, &[("network", &network)])}
                </a>" "
                <button type="button" class="secondary" on:click=move |_| { draft.dispatch(DraftKind::Reply); }>
                    {t.tr(Msg::ListeningReply)}
                </button>" "
                <button type="button" class="secondary" on:click=move |_| { draft.dispatch(DraftKind::Quote); }>
                    {t.tr(Msg::ListeningQuote)}
                </button>" "
                <button type="button" class="secondary" disabled=move || has("conversation") || to_inbox.pending().get()
                    on:click=move |_| { to_inbox.dispatch(()); }>
                    {move || t.get(if has("conversation") { Msg::ListeningInInbox } else { Msg::ListeningToInbox })}
                </button>" "
                <button type="button" class="secondary" disabled=move || has("member") || to_people.pending().get()
                    on:click=move |_| { to_people.dispatch(()); }>
                    {move || t.get(if has("member") { Msg::ListeningInPeople } else { Msg::ListeningToPeople })}
                </button>
            </p>
        </li>
    }
}
