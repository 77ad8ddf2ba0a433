//! Threads: a variant whose text is too long for its network can be split into numbered
//! parts at sentence ends; each part is then edited on its own, with its own counter.

use leptos::prelude::*;

use crate::domain::counting::count;
use crate::domain::network::Network;
use crate::domain::thread::split_thread;
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

use super::Draft;

/// Only networks where a thread is a thing people read.
const THREADABLE: [Network; 4] = [
    Network::X,
    Network::Mastodon,
    Network::Bluesky,
    Network::Threads,
];

fn set_part(draft: Draft, network: Network, index: usize, value: String) {
    draft.post.update(|p| {
        if let Some(v) = p.variants.iter_mut().find(|v| v.network == network) {
            if index == 0 {
                v.text = Some(value);
            } else if let Some(seg) = v.thread.get_mut(index - 1) {
                *seg = value;
            }
        }
    });
}

#[component]
pub fn ThreadEditor() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let rows = move || {
        let rules = draft.rules.get();
        draft.post.with(|p| {
            p.variants
                .iter()
                .filter(|v| THREADABLE.contains(&v.network))
                .map(|v| {
                    let c = count(v.network, p.text_for(v), &v.content_warning, rules);
                    let parts: Vec<String> = if v.thread.is_empty() {
                        vec![]
                    } else {
                        std::iter::once(p.text_for(v).to_string())
                            .chain(v.thread.iter().cloned())
                            .collect()
                    };
                    (v.network, c.used > c.limit, c.limit, parts)
                })
                .collect::<Vec<_>>()
        })
    };
    let split = move |network: Network| {
        let mut n = 0;
        draft.post.update(|p| {
            let base = p.base_text.clone();
            if let Some(v) = p.variants.iter_mut().find(|v| v.network == network) {
                let cw = v.content_warning.clone();
                let rules = draft.rules.get_untracked();
                let limit = count(network, "", &cw, rules).limit;
                let text = v.text.clone().unwrap_or(base);
                let mut parts =
                    split_thread(&text, limit, |s| count(network, s, &cw, rules).used).into_iter();
                v.text = parts.next();
                v.thread = parts.collect();
                n = v.thread.len() + 1;
            }
        });
        state.say_in(move |t| t.plural(Msg::ThreadSplit, n, &[]));
    };
    let join = move |network: Network| {
        draft.post.update(|p| {
            if let Some(v) = p.variants.iter_mut().find(|v| v.network == network) {
                v.text = None;
                v.thread.clear();
            }
        });
    };
    view! {
        {move || rows().into_iter().filter(|(_, over, _, parts)| *over || !parts.is_empty()).map(|(network, _, limit, parts)| {
            let name = network.name();
            let total = parts.len();
            if parts.is_empty() {
                view! {
                    <div class="thread-offer">
                        <button type="button" on:click=move |_| split(network)>{t.fill(Msg::SplitThread, &[("network", &name)])}</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <section class="thread" aria-label=format!("{} · {}", t.get(Msg::ThreadHeading), name)>
                        <h2 class="thread-title">{format!("{} · {}", t.get(Msg::ThreadHeading), name)}</h2>
                        <ol class="thread-parts">
                            {parts.into_iter().enumerate().map(|(i, text)| {
                                let field = format!("thread-{}-{}", name.to_lowercase(), i + 1);
                                let used = count(network, &text, "", draft.rules.get_untracked()).used;
                                let over = used > limit;
                                let line = if used > limit {
                                    t.plural(Msg::CharsOver, used - limit, &[("network", &name)])
                                } else {
                                    t.plural(Msg::CharsLeft, limit - used, &[("network", &name)])
                                };
                                view! {
                                    <li class="thread-part" class:over=over>
                                        <label for=field.clone()>{t.fill(Msg::ThreadSegment, &[("part", &(i + 1).to_string()), ("total", &total.to_string())])}</label>
                                        <textarea id=field rows="3" prop:value=text
                                            on:change=move |ev| set_part(draft, network, i, event_target_value(&ev))></textarea>
                                        <span class="counter-line">{line}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <button type="button" on:click=move |_| join(network)>{t.get(Msg::JoinThread)}</button>
                    </section>
                }.into_any()
            }
        }).collect_view()}
    }
}
