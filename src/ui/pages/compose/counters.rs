//! One counter and one preview per chosen network: what remains, what is over, and the
//! part of the text that does not fit, marked.

use leptos::prelude::*;

use crate::domain::counting::{count, count_prepared, Excess, Prepared};
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

use super::Draft;

#[component]
pub fn Counters() -> impl IntoView {
    let t = use_text();
    let draft = expect_context::<Draft>();
    let rows = move || {
        let rules = draft.rules.get();
        draft.post.with(|p| {
            // The base text is segmented once for every network that uses it.
            let base = Prepared::new(&p.base_text);
            p.variants
                .iter()
                .map(|v| {
                    let c = match &v.text {
                        None => count_prepared(v.network, &base, &v.content_warning, rules),
                        Some(own) => count(v.network, own, &v.content_warning, rules),
                    };
                    (v.network, c, p.text_for(v).to_string())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="counters">
            {move || rows().into_iter().map(|(network, c, text)| {
                let name = network.name();
                let over = c.used > c.limit;
                let line = if over {
                    t.plural(Msg::CharsOver, c.used - c.limit, &[("network", &name)])
                } else {
                    t.plural(Msg::CharsLeft, c.limit - c.used, &[("network", &name)])
                };
                let extras: Vec<String> = c.excess.iter().map(|e| match e {
                    Excess::Bytes(n) => t.plural(Msg::ExtraBytes, n, &[("network", &name)]),
                    Excess::Links(n) => t.plural(Msg::ExtraLinks, n, &[("network", &name)]),
                    Excess::Hashtags(n) => t.plural(Msg::ExtraHashtags, n, &[("network", &name)]),
                }).collect();
                let (fits, spills) = match c.overflow_at {
                    Some(at) => (text[..at].to_string(), text[at..].to_string()),
                    None => (text.clone(), String::new()),
                };
                let has_spill = !spills.is_empty();
                view! {
                    <li class="counter" class:over=over data-network=name.to_lowercase()>
                        <span class="counter-line">{line}</span>
                        {extras.into_iter().map(|x| view! { <span class="counter-extra">{x}</span> }).collect_view()}
                        <details class="preview">
                            <summary>{t.fill(Msg::PreviewHeading, &[("network", &name)])}</summary>
                            <p class="preview-text">{fits}{has_spill.then(|| view! { <mark>{spills.clone()}</mark> })}</p>
                            {has_spill.then(|| view! { <p class="hint">{t.get(Msg::OverflowHint)}</p> })}
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
