//! One counter per chosen network: what remains or is over, and the network's other limits
//! (bytes, links, hashtags). The previews (`preview.rs`) show where the text is cut.

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
                    (v.network, c)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="counters">
            {move || rows().into_iter().map(|(network, c)| {
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
                view! {
                    <li class="counter" class:over=over data-network=name.to_lowercase()>
                        <span class="counter-line">{line}</span>
                        {extras.into_iter().map(|x| view! { <span class="counter-extra">{x}</span> }).collect_view()}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
