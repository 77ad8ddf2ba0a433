//! "Publish everywhere now": one action for every network of the post. The networks Attaché
//! sends to (with an account connected) go to the outbox at once; each one's outcome shows
//! in its own section below; the share-intent networks are named, to publish by hand.

use leptos::prelude::*;

use crate::domain::post::{Blocker, ME};
use crate::services::outbox;
use crate::services::sending::PublishError;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::Draft;

#[component]
pub fn PublishEverywhere(blockers: Memo<Vec<Blocker>>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let send = Action::new_local(move |_: &()| {
        let db = db.get();
        let post = draft.post.get_untracked();
        async move {
            if let Err(e) = crate::services::posts::save_edit(&db, &post).await {
                state.save_failed(&e);
                return;
            }
            let now = crate::services::clock::now_ms();
            let (_, by_hand) = post.scheduled_sending();
            match outbox::send(&db, &post.id, None, now, ME).await {
                Ok(rows) => {
                    super::api_publish::reload(&db, draft, &post.id).await;
                    state.outbox_changed();
                    let sent: Vec<&str> = rows.iter().map(|r| r.network.name()).collect();
                    let sent = sent.join(", ");
                    let by_hand = by_hand
                        .iter()
                        .map(|n| n.name())
                        .collect::<Vec<_>>()
                        .join(", ");
                    state.say_in(move |t| {
                        let mut said = vec![];
                        if !sent.is_empty() {
                            said.push(t.fill(Msg::EverywhereQueued, &[("networks", &sent)]));
                        }
                        if !by_hand.is_empty() {
                            said.push(t.fill(Msg::EverywhereByHand, &[("networks", &by_hand)]));
                        }
                        if said.is_empty() {
                            said.push(t.get(Msg::EverywhereNothing).to_string());
                        }
                        said.join(" ")
                    });
                }
                Err(PublishError::Store(e)) => state.save_failed(&e),
                Err(PublishError::Stopped(p)) => {
                    let name = post
                        .variants
                        .iter()
                        .map(|v| v.network)
                        .find(|n| n.has_api())
                        .map_or("", |n| n.name());
                    state.warn_sending(move |t| crate::ui::errors::send_problem(t, name, &p))
                }
                Err(PublishError::NoPost) => {}
            }
        }
    });
    let shown = move || draft.post.with(|p| p.variants.len() > 1);
    view! {
        <Show when=shown>
            <p>
                <button type="button" id="publish-everywhere"
                    disabled=move || send.pending().get() || !blockers.with(|b| b.is_empty())
                    on:click=move |_| { send.dispatch(()); }>
                    {t.tr(Msg::PublishEverywhere)}
                </button>
            </p>
        </Show>
    }
}
