//! The glossary in the composer: each word to avoid in the text — the base text, a network's
//! own version, and each part of a thread — marked, with a button that puts the workspace's
//! chosen word in its place (a button, so the keyboard does it too).

use leptos::prelude::*;

use crate::domain::locale::Lang;
use crate::domain::network::Network;
use crate::domain::post::Post;
use crate::domain::strategy::{banned_hits, replace_hit, Hit, Term};
use crate::store;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

use super::Draft;

/// Which text of the post a hit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Base,
    /// A network's own version (its first part, when it is a thread).
    Own(Network),
    /// Thread part `n` (2, 3, …) of a network's version.
    Part(Network, usize),
}

fn texts(p: &Post) -> Vec<(Place, String)> {
    let mut out = vec![(Place::Base, p.base_text.clone())];
    for v in &p.variants {
        if let Some(own) = &v.text {
            out.push((Place::Own(v.network), own.clone()));
        }
        for (i, part) in v.thread.iter().enumerate() {
            out.push((Place::Part(v.network, i + 2), part.clone()));
        }
    }
    out
}

fn set_text(p: &mut Post, place: Place, hit: &Hit) {
    match place {
        Place::Base => p.base_text = replace_hit(&p.base_text, hit),
        Place::Own(n) => {
            if let Some(v) = p.variants.iter_mut().find(|v| v.network == n) {
                v.text = v.text.as_deref().map(|t| replace_hit(t, hit));
            }
        }
        Place::Part(n, k) => {
            if let Some(part) = p
                .variants
                .iter_mut()
                .find(|v| v.network == n)
                .and_then(|v| v.thread.get_mut(k - 2))
            {
                *part = replace_hit(part, hit);
            }
        }
    }
}

fn where_(t: Text, place: Place) -> String {
    match place {
        Place::Base => t.get(Msg::WhereBase).to_string(),
        Place::Own(n) => t.fill(Msg::WhereOwn, &[("network", &n.name())]),
        Place::Part(n, k) => t.fill(
            Msg::WherePart,
            &[("network", &n.name()), ("part", &k.to_string())],
        ),
    }
}

#[component]
pub fn ToneCheck() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let glossary = RwSignal::new(Vec::<Term>::new());
    if let Some(ws) = state.current() {
        let db = db.get();
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
                texts(p)
                    .into_iter()
                    .flat_map(|(place, text)| {
                        banned_hits(&text, g, &lang)
                            .into_iter()
                            .map(move |h| (place, h))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || hits.with(|h| !h.is_empty())>
            <section class="tone" aria-labelledby="tone-check-heading">
                <h2 id="tone-check-heading" class="field-label">{t.tr(Msg::ToneCheckHeading)}</h2>
                <ul class="tone-check">
                    {move || hits.get().into_iter().map(|(place, hit)| {
                        let at = where_(t, place);
                        let said = t.fill(Msg::BannedHit, &[("found", &hit.found), ("replacement", &hit.replacement)]);
                        let label = t.fill(Msg::ReplaceWithAt, &[("found", &hit.found), ("replacement", &hit.replacement), ("place", &at)]);
                        let done = t.fill(Msg::ReplacedWith, &[("replacement", &hit.replacement)]);
                        let word = hit.found.clone();
                        view! {
                            <li>
                                <mark class="banned">{word}</mark>
                                <span>{said}" "<span class="hint">{format!("({at})")}</span></span>
                                <button type="button" aria-label=label on:click=move |_| {
                                    draft.post.update(|p| set_text(p, place, &hit));
                                    state.say(done.clone());
                                }>{t.get(Msg::Replace)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
