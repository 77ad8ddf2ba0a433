//! After a Mastodon account connects: the posts already scheduled for it that the server
//! could hold, offered to the server in one action (they then go out even while Attaché is
//! closed), with what happened said in plain words.

use leptos::prelude::*;

use crate::services::mastodon::publish::{account_for, hold_all, holdable};
use crate::services::sending::PublishError;
use crate::ui::errors::send_problem;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

#[component]
pub fn HandOver() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let done = RwSignal::new(0u32);
    let waiting = LocalResource::new(move || {
        done.track();
        let (db, ws) = (db.get(), state.current());
        async move {
            match ws {
                Some(ws) => match account_for(&db, &ws.id).await {
                    Ok(Some(_)) => holdable(&db, &ws.id).await.map(|p| p.len()).unwrap_or(0),
                    _ => 0,
                },
                _ => 0,
            }
        }
    });
    let hand_over = Action::new_local(move |_: &()| {
        let (db, ws) = (db.get(), state.current());
        async move {
            let Some(ws) = ws else {
                return;
            };
            match hold_all(&db, &ws.id).await {
                Ok(r) => {
                    let (held, not_held) = (r.held, r.not_held);
                    let why = match r.problem {
                        Some(PublishError::Stopped(p)) => Some(p),
                        _ => None,
                    };
                    if not_held == 0 {
                        state.say_in(move |t| t.plural(Msg::HandedOver, held, &[]));
                    } else {
                        state.warn_in(move |t| {
                            let reason = why
                                .as_ref()
                                .map(|p| send_problem(t, "Mastodon", p))
                                .unwrap_or_default();
                            t.plural(
                                Msg::HandedOverPartly,
                                not_held,
                                &[("held", &held), ("why", &reason)],
                            )
                        });
                    }
                }
                Err(e) => state.save_failed(&e),
            }
            done.update(|n| *n += 1);
        }
    });
    let count = move || waiting.get().unwrap_or(0);
    view! {
        <Show when=move || { count() > 0 }>
            <section class="hand-over" aria-labelledby="hand-over-heading">
                <h2 id="hand-over-heading">{t.tr(Msg::HandOverHeading)}</h2>
                <p>{move || t.plural(Msg::HandOverOffer, count(), &[])}</p>
                <button type="button" disabled=move || hand_over.pending().get()
                    on:click=move |_| { hand_over.dispatch(()); }>
                    {t.tr(Msg::HandOverButton)}
                </button>
            </section>
        </Show>
    }
}
