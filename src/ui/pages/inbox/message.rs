//! One message of a conversation: its author, time, link, the post of ours it answers and
//! its content. Mastodon's HTML goes through `StatusContent`, never innerHTML; Bluesky's
//! plain text is shown as text, its facets as links.

use leptos::prelude::*;

use crate::domain::inbox::{InboxItem, TextLink};
use crate::domain::network::Network;
use crate::services::sentiment::words_of;
use crate::ui::components::rich_text::StatusContent;
use crate::ui::components::tone::Tone;
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

#[component]
pub fn Message(item: InboxItem) -> impl IntoView {
    let t = use_text();
    let when = date_time(t.lang(), item.at);
    let answered_link = item.post_id.clone().map(|id| {
        view! { " · " <a href=format!("/compose?post={id}")>{t.get(Msg::AnswersOurPost)}</a> }
    });
    if item.is_erased() {
        return view! {
            <div class="inbox-item erased">
                <p class="inbox-meta"><strong>{t.get(Msg::Someone)}</strong>" · "{when}</p>
                <p class="muted">{t.get(Msg::ErasedMessage)}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="inbox-item">
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
            <p class="inbox-tone">
                <Tone url=item.url.clone() text=words_of(&item) lang=item.profile.lang.clone()/>
            </p>
        </div>
    }
    .into_any()
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
