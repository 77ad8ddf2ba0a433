//! "Add to queue" (the next free posting slot) and the evergreen repeat of a scheduled post.

use leptos::prelude::*;

use crate::domain::post::Blocker;
use crate::domain::queue::Recurrence;
use crate::services::queue::{add_to_queue, schedule_repeats};
use crate::ui::components::library_data::Library;
use crate::ui::dates::Day;
use crate::ui::format::{date_time, long_date};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::Draft;
use crate::domain::post::ME;

#[component]
pub fn QueueActions(lib: Library, blockers: Memo<Vec<Blocker>>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let draft = expect_context::<Draft>();
    let queue = move |_| {
        let db = db.get();
        let post = draft.post.get_untracked();
        let slots = lib.slots();
        leptos::task::spawn_local(async move {
            match add_to_queue(&db, &post, &slots, ME).await {
                Ok(Some(saved)) => {
                    let due = saved.due_at.unwrap_or_default();
                    draft.post.set(saved);
                    draft.saved.update(|n| *n += 1);
                    state.say_in(move |t| {
                        t.fill(Msg::Queued, &[("when", &date_time(t.lang(), due))])
                    });
                }
                Ok(None) => state.warn_in(move |t| t.get(Msg::NoSlots).to_string()),
                Err(e) => state.save_failed(&e),
            }
        });
    };
    let every = RwSignal::new("7".to_string());
    let until = RwSignal::new(String::new());
    let repeat = move |_| {
        let db = db.get();
        let post = draft.post.get_untracked();
        let end = Day::parse(&until.get_untracked()).map(|d| d.add_days(1).start_ms() - 1.0);
        let recurrence = every
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .zip(end)
            .and_then(|(n, end)| Recurrence::new(n, end).ok())
            .filter(|r| post.due_at.is_some_and(|d| d < r.until));
        let Some(recurrence) = recurrence else {
            state.warn_in(move |t| t.get(Msg::RepeatBad).to_string());
            return;
        };
        let slots = lib.slots();
        leptos::task::spawn_local(async move {
            match schedule_repeats(&db, &post, &recurrence, &slots, ME).await {
                Ok(dues) => {
                    draft.saved.update(|n| *n += 1);
                    state.say_in(move |t| {
                        t.plural(
                            Msg::RepeatScheduled,
                            dues.len(),
                            &[("first", &long_date(t.lang(), dues[0]))],
                        )
                    });
                }
                Err(e) => state.save_failed(&e),
            }
        });
    };
    let ready = move || blockers.with(|b| b.is_empty());
    let scheduled = move || {
        draft
            .post
            .with(|p| p.due_at.is_some() && p.repeat_of.is_none())
    };
    view! {
        <div class="actions">
            <button type="button" id="add-to-queue" on:click=queue disabled=move || !ready()>
                {t.tr(Msg::AddToQueue)}
            </button>
        </div>
        <Show when=scheduled>
            <fieldset class="repeat">
                <legend>{t.tr(Msg::RepeatLabel)}</legend>
                <label for="repeat-every">{t.tr(Msg::RepeatEvery)}</label>
                <input id="repeat-every" type="number" min="1" max="365" bind:value=every/>
                <label for="repeat-until">{t.tr(Msg::RepeatUntil)}</label>
                <input id="repeat-until" type="date" bind:value=until/>
                <button type="button" id="repeat" on:click=repeat>{t.tr(Msg::Schedule)}</button>
            </fieldset>
        </Show>
    }
}
