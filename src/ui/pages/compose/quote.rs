//! The post a draft quotes (a listening find taken as a quote), named with its link and
//! removable. Bluesky sends it as a quote embed with the first part of the post.

use leptos::prelude::*;

use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

use super::Draft;

#[component]
pub fn QuoteNote() -> impl IntoView {
    let t = use_text();
    let draft = expect_context::<Draft>();
    move || {
        draft.post.with(|p| p.quote.clone()).map(|q| {
            view! {
                <p class="quote-note">
                    {t.tr(Msg::ComposeQuotes)}" "
                    <a href=q.url.clone() rel="noopener noreferrer" target="_blank">{q.url.clone()}</a>" "
                    <button type="button" class="secondary"
                        on:click=move |_| draft.post.update(|p| p.quote = None)>
                        {t.tr(Msg::ComposeRemoveQuote)}
                    </button>
                </p>
            }
        })
    }
}
