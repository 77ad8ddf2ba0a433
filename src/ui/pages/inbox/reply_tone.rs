//! The glossary in the reply box, as in the composer: each word the workspace's glossary asks
//! to change is marked, with a button that puts the chosen word in its place. It advises; it
//! does not stop a reply.

use leptos::prelude::*;

use crate::domain::strategy::{banned_hits, replace_hit, Term};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

/// `text` is the reply as typed; `set` changes it.
#[component]
pub fn ReplyTone(text: Signal<String>, set: Callback<String>) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let glossary = LocalResource::new(move || {
        let (db, ws) = (db.get(), state.current());
        async move {
            match ws {
                Some(ws) => crate::services::strategy::load(&db, &ws.id)
                    .await
                    .map(|s| s.glossary)
                    .unwrap_or_default(),
                None => Vec::<Term>::new(),
            }
        }
    });
    let lang = t.lang().tag();
    let hits = Memo::new(move |_| {
        let terms = glossary.get().unwrap_or_default();
        text.with(|s| banned_hits(s, &terms, lang))
    });
    let at = t.get(Msg::WhereBase).to_string();
    view! {
        <Show when=move || hits.with(|h| !h.is_empty())>
            <ul class="tone-check" aria-label=t.tr(Msg::ToneCheckHeading)>
                {
                    let at = at.clone();
                    move || hits.get().into_iter().map(|hit| {
                        let said = t.fill(Msg::BannedHit, &[("found", &hit.found), ("replacement", &hit.replacement)]);
                        let label = t.fill(Msg::ReplaceWithAt, &[("found", &hit.found), ("replacement", &hit.replacement), ("place", &at)]);
                        let done = t.fill(Msg::ReplacedWith, &[("replacement", &hit.replacement)]);
                        let word = hit.found.clone();
                        view! {
                            <li>
                                <mark class="banned">{word}</mark>" "<span>{said}</span>" "
                                <button type="button" class="secondary" aria-label=label on:click=move |_| {
                                    set.run(text.with_untracked(|s| replace_hit(s, &hit)));
                                    state.say(done.clone());
                                }>{t.get(Msg::Replace)}</button>
                            </li>
                        }
                    }).collect_view()
                }
            </ul>
        </Show>
    }
}
