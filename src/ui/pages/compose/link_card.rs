//! The link card under a Bluesky post: the post's first link with a title and description the
//! user writes. The browser may not read another site's page (CORS), so nothing is fetched
//! and the composer says so instead of pretending.

use leptos::prelude::*;

use crate::domain::facets::{detect, FacetKind};
use crate::domain::network::Network;
use crate::domain::post::LinkCard;
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

use super::Draft;

#[component]
pub fn LinkCardEditor() -> impl IntoView {
    let t = use_text();
    let draft = expect_context::<Draft>();
    // The first link of the Bluesky text, if the post goes to Bluesky.
    let first_link = Memo::new(move |_| {
        draft.post.with(|p| {
            let v = p.variants.iter().find(|v| v.network == Network::Bluesky)?;
            detect(p.text_for(v))
                .into_iter()
                .find_map(|f| match f.kind {
                    FacetKind::Link { uri } => Some(uri),
                    _ => None,
                })
        })
    });
    let card = move || {
        draft.post.with(|p| {
            p.variants
                .iter()
                .find(|v| v.network == Network::Bluesky)
                .and_then(|v| v.link_card.clone())
                .unwrap_or_default()
        })
    };
    let edit = move |f: &dyn Fn(&mut LinkCard)| {
        let uri = first_link.get_untracked().unwrap_or_default();
        draft.post.update(|p| {
            if let Some(v) = p
                .variants
                .iter_mut()
                .find(|v| v.network == Network::Bluesky)
            {
                let c = v.link_card.get_or_insert_with(LinkCard::default);
                c.uri = uri;
                f(c);
                if c.title.trim().is_empty() && c.description.trim().is_empty() {
                    v.link_card = None;
                }
            }
        });
    };
    view! {
        <Show when=move || first_link.get().is_some()>
            <fieldset class="link-card">
                <legend>{move || t.fill(Msg::LinkCardLegend, &[("link", &first_link.get().unwrap_or_default())])}</legend>
                <p class="hint">{t.tr(Msg::LinkCardHint)}</p>
                <label for="card-title">{t.tr(Msg::LinkCardTitle)}</label>
                <input id="card-title" type="text" maxlength="300"
                    prop:value=move || card().title
                    on:input=move |ev| { let v = event_target_value(&ev); edit(&|c| c.title = v.clone()); }/>
                <label for="card-description">{t.tr(Msg::LinkCardDescription)}</label>
                <textarea id="card-description" rows="2" maxlength="1000"
                    prop:value=move || card().description
                    on:input=move |ev| { let v = event_target_value(&ev); edit(&|c| c.description = v.clone()); }></textarea>
            </fieldset>
        </Show>
    }
}
