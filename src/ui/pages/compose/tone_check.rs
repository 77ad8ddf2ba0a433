//! The glossary in the composer: each word to avoid in the text, marked, with a button that
//! puts the workspace's chosen word in its place (a button, so the keyboard does it too).

use leptos::prelude::*;

use crate::domain::i18n::Msg;
use crate::domain::locale::Lang;
use crate::domain::strategy::{banned_hits, replace_hit, Term};
use crate::store;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

use super::Draft;

#[component]
pub fn ToneCheck() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let glossary = RwSignal::new(Vec::<Term>::new());
    if let (Some(db), Some(ws)) = (state.db(), state.current()) {
        leptos::task::spawn_local(async move {
            if let Ok(s) = store::library::strategy(&db, &ws.id).await {
                glossary.set(s.glossary);
            }
        });
    }
    // The post's own language when one variant says it, else the language the user works in.
    let hits = Memo::new(move |_| {
        let ui = match t.lang() {
            Lang::En => "en",
            Lang::Fr => "fr",
        };
        glossary.with(|g| {
            draft.post.with(|p| {
                let lang = p
                    .variants
                    .iter()
                    .find_map(|v| v.language.clone())
                    .unwrap_or_else(|| ui.to_string());
                banned_hits(&p.base_text, g, &lang)
            })
        })
    });
    view! {
        <Show when=move || hits.with(|h| !h.is_empty())>
            <section class="tone" aria-labelledby="tone-check-heading">
                <h2 id="tone-check-heading" class="field-label">{move || t.get(Msg::ToneCheckHeading)}</h2>
                <ul class="tone-check">
                    {move || hits.get().into_iter().map(|hit| {
                        let said = t.fill(Msg::BannedHit, &[&hit.found, &hit.replacement]);
                        let label = t.fill(Msg::ReplaceWith, &[&hit.found, &hit.replacement]);
                        let done = t.fill(Msg::ReplacedWith, &[&hit.replacement]);
                        let word = hit.found.clone();
                        view! {
                            <li>
                                <mark class="banned">{word}</mark>
                                <span>{said}</span>
                                <button type="button" on:click=move |_| {
                                    draft.post.update(|p| p.base_text = replace_hit(&p.base_text, &hit));
                                    state.say(done.clone());
                                }>{label}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
