//! Publishing on networks without an API (X, Threads, LinkedIn, Facebook, Instagram): open
//! the network's share window with the text (copying it first when the intent carries only
//! a link), then ask whether it went out, and record it with the post's address if given.

use leptos::prelude::*;

use crate::ui::i18n::Msg;

use crate::domain::intent::{plan, IntentPlan};
use crate::domain::network::Network;
use crate::domain::post::Blocker;
use crate::services::posts;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::{adopt_saved, change_failed, Draft};

fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        // Started inside the click, as the Clipboard API requires.
        let _ = w.navigator().clipboard().write_text(text);
    }
}

fn open(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target(url, "_blank");
    }
}

/// The Web Share API, where the browser has one (phones, some desktops).
fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}

pub(super) fn blocked(b: &Blocker, network: Network) -> bool {
    match b {
        Blocker::NoNetwork => true,
        Blocker::Empty(n)
        | Blocker::TooLong(n)
        | Blocker::OtherLimit(n)
        | Blocker::TooManyImages(n)
        | Blocker::NeedsMedia(n) => *n == network,
        Blocker::MissingAltText(n, _) | Blocker::ImageTooLarge(n, _) => *n == network,
    }
}

#[component]
pub fn PublishByHand(blockers: Memo<Vec<Blocker>>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let asking = RwSignal::new(None::<Network>);
    let published_url = RwSignal::new(String::new());
    let networks = move || {
        draft.post.with(|p| {
            p.variants
                .iter()
                .filter(|v| !v.network.has_api())
                .map(|v| (v.network, v.published.is_some(), p.text_for(v).to_string()))
                .collect::<Vec<_>>()
        })
    };
    let publish = move |network: Network, text: String| {
        match plan(network, &text) {
            Some(IntentPlan::Open(url)) => open(&url),
            Some(IntentPlan::CopyThenOpen { text, url }) => {
                copy(&text);
                open(&url);
                state.say_in(move |t| {
                    t.fill(Msg::CopiedThenOpened, &[("network", &network.name())])
                });
            }
            Some(IntentPlan::CopyOnly(text)) => {
                copy(&text);
                state.say_in(move |t| t.fill(Msg::CopiedOnly, &[("network", &network.name())]));
            }
            None => return,
        }
        published_url.set(String::new());
        asking.set(Some(network));
    };
    // The system share sheet: the user picks the app; then we ask as for an intent.
    let share = move |network: Network, text: String| {
        let Some(w) = web_sys::window() else { return };
        let data = web_sys::ShareData::new();
        data.set_text(&text);
        let promise = w.navigator().share_with_data(&data);
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                published_url.set(String::new());
                asking.set(Some(network));
            }
        });
    };
    let sharing = can_share();
    let confirm = move |_| {
        let Some(network) = asking.get_untracked() else {
            return;
        };
        let url = published_url.get_untracked();
        asking.set(None);
        let (db, post) = (db.get(), draft.post.get_untracked());
        leptos::task::spawn_local(async move {
            match posts::mark_published(&db, &post, network, &url).await {
                Ok(saved) => {
                    adopt_saved(draft, saved);
                    draft.saved.update(|n| *n += 1);
                    state.say_in(move |t| {
                        t.fill(Msg::MarkedPublished, &[("network", &network.name())])
                    });
                }
                Err(e) => change_failed(state, e),
            }
        });
    };
    view! {
        <Show when=move || !networks().is_empty()>
            <section class="publish-by-hand" aria-labelledby="publish-heading">
                <h2 id="publish-heading">{t.tr(Msg::PublishHeading)}</h2>
                <p class="hint">{t.tr(Msg::PublishHint)}</p>
                <div class="actions">
                    {move || networks().into_iter().map(|(network, done, text)| if done {
                        view! { <span class="badge">{t.fill(Msg::PublishedOnAt, &[("network", &network.name())])}</span> }.into_any()
                    } else {
                        let shared_text = text.clone();
                        let off = move || blockers.with(|b| b.iter().any(|b| blocked(b, network)));
                        view! {
                            <button type="button" disabled=off
                                on:click=move |_| publish(network, text.clone())>
                                {t.fill(Msg::PublishOn, &[("network", &network.name())])}
                            </button>
                            {sharing.then(|| view! {
                                <button type="button" disabled=off
                                    aria-label=format!("{} ({})", t.get(Msg::ShareWith), network.name())
                                    on:click=move |_| share(network, shared_text.clone())>
                                    {t.get(Msg::ShareWith)}
                                </button>
                            })}
                        }.into_any()
                    }).collect_view()}
                </div>
                <crate::ui::components::reminders::RemindMe/>
                {move || asking.get().map(|network| view! {
                    <div class="confirm" role="group" aria-labelledby="did-it-go-out">
                        <p id="did-it-go-out">{t.fill(Msg::DidItGoOut, &[("network", &network.name())])}</p>
                        <label for="published-url">{t.fill(Msg::PublishedUrl, &[("network", &network.name())])}</label>
                        <input id="published-url" type="url" bind:value=published_url/>
                        <button type="button" on:click=confirm>{t.get(Msg::YesPublished)}</button>
                        <button type="button" on:click=move |_| asking.set(None)>{t.get(Msg::NotYet)}</button>
                    </div>
                })}
            </section>
        </Show>
    }
}
