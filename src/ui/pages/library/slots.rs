//! Posting slots: weekday × time of day, in the user's time zone, for "Add to queue".

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::queue::Slot;
use crate::services::queue::change_slot;
use crate::ui::components::library_data::Library;
use crate::ui::dates::Day;
use crate::ui::format::weekday_long;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

/// The weekday's name (0 = Monday) in the user's language.
pub fn weekday_name(t: Text, weekday: u8) -> String {
    // 23 November 2026 is a Monday.
    let ms = Day {
        year: 2026,
        month: 11,
        day: 23 + u32::from(weekday),
    }
    .start_ms();
    weekday_long(t.lang(), ms)
}

fn slot_label(t: Text, s: Slot) -> String {
    format!("{} {}", weekday_name(t, s.weekday), s.label_hhmm())
}

#[component]
pub fn Slots(lib: Library) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let weekday = RwSignal::new(0u8);
    let time = RwSignal::new("09:00".to_string());
    // `add`: true adds the slot, false removes it; read and written in one transaction.
    let write = move |slot: Slot, add: bool| {
        let db = db.get();
        let Some(ws) = state.current() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match change_slot(&db, &ws.id, slot, add).await {
                Ok(false) if add => state.warn_in(move |t| t.get(Msg::SlotExists).to_string()),
                Ok(_) => {
                    let msg = if add {
                        Msg::SlotAdded
                    } else {
                        Msg::SlotRemoved
                    };
                    state.say_in(move |t| t.fill(msg, &[("slot", &slot_label(t, slot))]));
                    lib.reload();
                }
                Err(e) => state.save_failed(&e),
            }
        });
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = time.get_untracked();
        let minute = value
            .split_once(':')
            .and_then(|(h, m)| Some(h.parse::<u16>().ok()? * 60 + m.parse::<u16>().ok()?));
        let Some(slot) = minute.and_then(|m| Slot::new(weekday.get_untracked(), m).ok()) else {
            state.warn_in(move |t| t.get(Msg::DueMissing).to_string());
            return;
        };
        write(slot, true);
    };
    view! {
        <section aria-labelledby="slots-heading" class="library-section">
            <h2 id="slots-heading">{t.tr(Msg::SlotsHeading)}</h2>
            <p>{t.tr(Msg::SlotsIntro)}</p>
            <form class="inline-form" on:submit=submit novalidate>
                <label for="slot-day">{t.tr(Msg::SlotDay)}</label>
                <select id="slot-day" on:change=move |ev| weekday.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {(0u8..7).map(|d| view! { <option value=d.to_string()>{move || weekday_name(t, d)}</option> }).collect_view()}
                </select>
                <label for="slot-time">{t.tr(Msg::SlotTime)}</label>
                <input id="slot-time" type="time" bind:value=time/>
                <button type="submit">{t.tr(Msg::AddSlot)}</button>
            </form>
            {move || {
                let slots = lib.slots();
                if slots.is_empty() {
                    view! { <p class="empty">{t.get(Msg::SlotsEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="library-list slots">
                            {slots.into_iter().map(|s| {
                                let label = slot_label(t, s);
                                let aria = t.fill(Msg::DeleteNamed, &[("name", &label)]);
                                view! {
                                    <li class="slot">
                                        <span>{label}</span>
                                        <button type="button" class="danger" aria-label=aria
                                            on:click=move |_| write(s, false)>
                                            {t.get(Msg::Delete)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
