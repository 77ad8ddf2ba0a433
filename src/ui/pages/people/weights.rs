//! "Activity weights": what each kind of activity weighs in this workspace, changed and saved
//! (`services::members::save_weights`), or put back to the Orbit model's defaults; the levels
//! are worked out again at once.

use leptos::prelude::*;

use crate::domain::member_level::{ActivityKind, Weights};
use crate::services::members::{self, MAX_WEIGHT};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

fn kind_name(t: Text, k: ActivityKind) -> &'static str {
    t.get(match k {
        ActivityKind::Follow => Msg::KindFollow,
        ActivityKind::Favourite => Msg::KindFavourite,
        ActivityKind::Boost => Msg::KindBoost,
        ActivityKind::Mention => Msg::KindMention,
        ActivityKind::Reply => Msg::KindReply,
        ActivityKind::Quote => Msg::KindQuote,
        ActivityKind::ConversationStarted => Msg::KindConversation,
        ActivityKind::ContentAboutBrand => Msg::KindContent,
        ActivityKind::EventHosted => Msg::KindEvent,
    })
}

/// The weights form; `saved` is called once new weights are kept; `open` (the page's) keeps it
/// open while the list is worked out again and drawn anew.
#[component]
pub fn WeightsForm(weights: Weights, saved: Callback<()>, open: RwSignal<bool>) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let edited = RwSignal::new(weights);
    let save = Action::new_local(move |w: &Weights| {
        let (db, ws, w) = (db.get(), state.current(), w.clone());
        async move {
            let Some(ws) = ws else { return };
            match members::save_weights(&db, &ws.id, &w).await {
                Ok(()) => {
                    state.say_in(|t| t.get(Msg::WeightsSaved).to_string());
                    saved.run(());
                }
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let fields = ActivityKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <label>{move || kind_name(t, k)}" "
                    <input type="number" min="0" max=MAX_WEIGHT.to_string() step="1" inputmode="numeric"
                        prop:value=move || edited.with(|w| w.of(k).to_string())
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().parse::<u32>().unwrap_or(0).min(MAX_WEIGHT);
                            edited.update(|w| w.set(k, v));
                        }/>
                </label>
            }
        })
        .collect_view();
    view! {
        <details class="weights" prop:open=move || open.get()
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            <summary>{t.tr(Msg::WeightsHeading)}</summary>
            <p>{t.tr(Msg::WeightsIntro)}</p>
            <form on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(edited.get_untracked());
            }>
                <div class="weights-grid">{fields}</div>
                <p>
                    <button type="submit">{t.tr(Msg::WeightsSave)}</button>" "
                    <button type="button" class="secondary" on:click=move |_| {
                        edited.set(Weights::default());
                        save.dispatch(Weights::default());
                    }>{t.tr(Msg::WeightsDefaults)}</button>
                </p>
            </form>
        </details>
    }
}
