//! The post as each chosen network's feed will show it: the author (the connected account's
//! picture, name and handle, else the workspace's initial and name), the time, Mastodon's content warning, the
//! text with links, mentions and hashtags drawn as the network draws them, the network's
//! "see more" fold, the part over the limit marked, the images in the network's grid or
//! carousel, the link card and the thread's next posts. One network at a time, chosen with
//! radio buttons (arrow keys move between them).

use leptos::prelude::*;

use crate::domain::account::Account;
use crate::domain::counting::count;
use crate::domain::network::Network;
use crate::domain::post::MediaRef;
use crate::domain::preview::{
    draws_link_card, first_link, images_shown, link_host, pieces, Look, Part, Piece,
};
use crate::ui::format::long_date_time;
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::{use_text, Text};

use super::Draft;

#[component]
pub fn Previews() -> impl IntoView {
    let t = use_text();
    let draft = expect_context::<Draft>();
    let chosen = RwSignal::new(None::<Network>);
    let networks = Memo::new(move |_| {
        draft
            .post
            .with(|p| p.variants.iter().map(|v| v.network).collect::<Vec<_>>())
    });
    // The network chosen, while the post still goes there; else the first one.
    let shown = Memo::new(move |_| {
        let list = networks.get();
        chosen
            .get()
            .filter(|n| list.contains(n))
            .or(list.first().copied())
    });
    view! {
        <Show when=move || !networks.with(|l| l.is_empty())>
            <section class="previews" aria-labelledby="previews-heading">
                <h2 id="previews-heading">{t.tr(Msg::PreviewsHeading)}</h2>
                <fieldset class="preview-tabs">
                    <legend class="visually-hidden">{t.tr(Msg::PreviewChoose)}</legend>
                    <For each=move || networks.get() key=|n| *n let(n)>
                        {
                            let id = format!("preview-{}", n.name().to_lowercase());
                            view! {
                                <span class="preview-tab">
                                    <input type="radio" name="preview-network" id=id.clone()
                                        prop:checked=move || shown.get() == Some(n)
                                        on:change=move |_| chosen.set(Some(n))/>
                                    <label for=id>{n.name()}</label>
                                </span>
                            }
                        }
                    </For>
                </fieldset>
                <For each=move || networks.get() key=|n| *n let(n)>
                    <FeedPost network=n hidden=Signal::derive(move || shown.get() != Some(n))/>
                </For>
            </section>
        </Show>
    }
}

/// The author a feed shows: the connected account, else the workspace.
fn author(account: Option<Account>, workspace: &str) -> (String, Option<String>) {
    match account {
        Some(a) if !a.display_name.trim().is_empty() => (a.display_name, Some(a.handle)),
        Some(a) => (a.handle.clone(), Some(a.handle)),
        None => (workspace.to_string(), None),
    }
}

/// The words after which a feed hides the rest of a long text.
fn see_more(t: Text, network: Network) -> &'static str {
    match network {
        Network::Instagram => t.get(Msg::SeeMoreInstagram),
        Network::Facebook => t.get(Msg::SeeMoreFacebook),
        _ => t.get(Msg::SeeMoreLinkedIn),
    }
}

fn draw(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            let class = match p.look {
                Look::Plain => "",
                Look::Link => "pv-link",
                Look::Mention => "pv-mention",
                Look::Tag => "pv-tag",
            };
            view! { <span class=class>{p.text}</span> }
        })
        .collect_view()
}

/// A thread's later post: its text, with what is over the limit marked.
fn draw_marked(all: Vec<Piece>) -> impl IntoView {
    let (fits, over): (Vec<Piece>, Vec<Piece>) =
        all.into_iter().partition(|p| p.part != Part::Over);
    let over = (!over.is_empty()).then(|| view! { <mark>{draw(over)}</mark> });
    view! { {draw(fits)}{over} }
}

/// The text of one post of the feed: shown, then the fold (a button that opens it), then
/// what is over the limit in one mark.
fn feed_text(t: Text, network: Network, all: Vec<Piece>, open: RwSignal<bool>) -> impl IntoView {
    let take = |part: Part| {
        all.iter()
            .filter(|p| p.part == part)
            .cloned()
            .collect::<Vec<_>>()
    };
    let (shown, folded, over) = (take(Part::Shown), take(Part::Folded), take(Part::Over));
    let has_fold = !folded.is_empty();
    let has_over = !over.is_empty();
    // Behind a fold, what is over the limit is hidden with the rest (in reading order).
    let mark = has_over.then(|| view! { <mark>{draw(over)}</mark> });
    let (folded_mark, open_mark) = if has_fold { (mark, None) } else { (None, mark) };
    view! {
        <p class="pv-text">
            {draw(shown)}
            {has_fold.then(|| view! {
                <span class="pv-folded" hidden=move || !open.get()>{draw(folded)}{folded_mark}</span>
                <button type="button" class="pv-more" aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { t.get(Msg::SeeLess) } else { see_more(t, network) }}
                </button>
            })}
            {open_mark}
        </p>
        {has_fold.then(|| view! {
            <p class="hint pv-note">{t.fill(Msg::PreviewFoldHint, &[("network", &network.name()), ("more", &see_more(t, network))])}</p>
        })}
        {has_over.then(|| view! { <p class="hint pv-note">{t.get(Msg::OverflowHint)}</p> })}
    }
}

fn media_grid(
    t: Text,
    network: Network,
    media: Vec<MediaRef>,
    thumbs: RwSignal<std::collections::HashMap<String, String>>,
) -> impl IntoView {
    let total = media.len();
    let shown = images_shown(network, total);
    let hidden = total - shown;
    (total > 0).then(|| {
        let carousel = network == Network::Instagram && total > 1;
        view! {
            <div class="pv-media" data-count=shown class:pv-carousel=carousel>
                {media.into_iter().take(shown).enumerate().map(|(i, m)| {
                    let id = m.id.clone();
                    // A carousel counts its images instead ("1 of 3").
                    let last = i + 1 == shown && hidden > 0 && !carousel;
                    view! {
                        <div class="pv-image">
                            <img alt=m.alt src=move || thumbs.with(|u| u.get(&id).cloned().unwrap_or_default())/>
                            {last.then(|| view! { <span class="pv-more-images">{t.plural(Msg::PreviewMoreImages, hidden, &[])}</span> })}
                        </div>
                    }
                }).collect_view()}
                {carousel.then(|| view! { <span class="pv-carousel-count">{t.plural(Msg::PreviewCarousel, total, &[])}</span> })}
            </div>
        }
    })
}

#[component]
fn FeedPost(network: Network, hidden: Signal<bool>) -> impl IntoView {
    let t = use_text();
    let state = use_app();
    let draft = expect_context::<Draft>();
    let open = RwSignal::new(false);
    let warned_open = RwSignal::new(false);
    let name_class = format!("pv pv-{}", network.name().to_lowercase());
    let body = move || {
        let rules = draft.rules.get();
        let account = match network {
            Network::Mastodon => draft.mastodon.get(),
            Network::Bluesky => draft.bluesky.get(),
            _ => None,
        };
        let workspace = state.current().map(|w| w.name).unwrap_or_default();
        let (name, handle) = author(account, &workspace);
        let initial = name.chars().next().map(|c| c.to_uppercase().to_string());
        let picture = draft.avatars.with(|a| a.get(&network).cloned());
        draft.post.with(|p| {
            let v = p.variants.iter().find(|v| v.network == network)?;
            let text = p.text_for(v).to_string();
            let warning = v.content_warning.trim().to_string();
            let warning = (network == Network::Mastodon && !warning.is_empty()).then_some(warning);
            let c = count(network, &text, &v.content_warning, rules);
            let main = pieces(network, &text, c.overflow_at);
            let thread: Vec<Vec<Piece>> = v
                .thread
                .iter()
                .filter(|s| !s.trim().is_empty())
                // Mastodon sends the content warning with every part.
                .map(|s| pieces(network, s, count(network, s, &v.content_warning, rules).overflow_at))
                .collect();
            let has_media = !v.media.is_empty();
            let card = first_link(network, &text)
                .filter(|_| draws_link_card(network, has_media))
                .and_then(|uri| match network {
                    // Bluesky shows only the card the post carries (written in the composer).
                    Network::Bluesky => v
                        .link_card
                        .clone()
                        .map(|c| (link_host(&uri), c.title, c.description, false)),
                    _ => Some((link_host(&uri), String::new(), String::new(), true)),
                });
            let when = p
                .due_at
                .map(|d| long_date_time(t.lang(), d))
                .unwrap_or_else(|| t.get(Msg::PreviewNow).to_string());
            let lang = v.language.clone();
            let media = v.media.clone();
            let instagram = network == Network::Instagram;
            let empty = text.trim().is_empty() && media.is_empty();
            let head = {
                let (name, handle, when) = (name.clone(), handle.clone(), when.clone());
                view! {
                    <header class="pv-head">
                        {match picture.clone() {
                            Some(src) => view! { <img class="pv-avatar" alt="" src=src/> }.into_any(),
                            None => view! { <span class="pv-avatar" aria-hidden="true">{initial.clone()}</span> }.into_any(),
                        }}
                        <span class="pv-who">
                            <strong class="pv-name">{name}</strong>
                            {handle.map(|h| view! { <span class="pv-handle">{h}</span> })}
                        </span>
                        <span class="pv-when">{when}</span>
                    </header>
                }
            };
            let grid = media_grid(t, network, media, draft.thumbs);
            let text_part = if empty {
                view! { <p class="hint">{t.get(Msg::PreviewEmpty)}</p> }.into_any()
            } else {
                let has_warning = warning.is_some();
                view! {
                    {warning.map(|w| view! {
                        <p class="pv-cw">
                            <span>{w}</span>
                            <button type="button" class="pv-more" aria-expanded=move || warned_open.get().to_string()
                                on:click=move |_| warned_open.update(|o| *o = !*o)>
                                {move || if warned_open.get() { t.get(Msg::PreviewCwHide) } else { t.get(Msg::PreviewCwShow) }}
                            </button>
                        </p>
                    })}
                    <div class="pv-body" lang=lang hidden=move || has_warning && !warned_open.get()>
                        {instagram.then(|| view! { <strong class="pv-name">{handle.clone().unwrap_or_else(|| name.clone())}</strong> })}
                        {feed_text(t, network, main, open)}
                    </div>
                }
                .into_any()
            };
            let card = card.map(|(host, title, description, by_network)| view! {
                <div class="pv-card">
                    <span class="pv-card-host">{host}</span>
                    {(!title.is_empty()).then(|| view! { <strong class="pv-card-title">{title}</strong> })}
                    {(!description.is_empty()).then(|| view! { <span class="pv-card-description">{description}</span> })}
                    {by_network.then(|| view! { <span class="hint">{t.fill(Msg::PreviewCardByNetwork, &[("network", &network.name())])}</span> })}
                </div>
            });
            let replies = thread
                .into_iter()
                .map(|part| {
                    view! {
                        <div class="pv-reply">
                            <span class="pv-avatar" aria-hidden="true">{initial.clone()}</span>
                            <p class="pv-text">{draw_marked(part)}</p>
                        </div>
                    }
                })
                .collect_view();
            Some(if instagram {
                view! { {head}{grid}{text_part}{card}{replies} }.into_any()
            } else {
                view! { {head}{text_part}{grid}{card}{replies} }.into_any()
            })
        })
    };
    view! {
        <article class=name_class data-network=network.name().to_lowercase() hidden=move || hidden.get()
            aria-label=move || t.fill(Msg::PreviewHeading, &[("network", &network.name())])>
            {body}
        </article>
    }
}
