//! The workspace's working hours, set from the response-time report: the same opening and
//! closing time on each ticked day, or every hour counting. Saved into the strategy, so the
//! objectives count the same way.

use leptos::prelude::*;

use crate::domain::response_times::WorkingHours;
use crate::ui::format::{hhmm, parse_hhmm, weekday_long};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

/// A Monday at noon UTC (2026-11-30): Monday wherever the user is; day `i` is `i` days later.
const A_MONDAY_NOON: f64 = 1_796_040_000_000.0;

#[component]
pub(super) fn WorkingHoursForm(hours: RwSignal<Option<WorkingHours>>) -> impl IntoView {
    let t = use_text();
    let state = use_app();
    let db = use_db();
    let on = RwSignal::new(false);
    let start = RwSignal::new(hhmm(9 * 60));
    let end = RwSignal::new(hhmm(18 * 60));
    let days = RwSignal::new([true, true, true, true, true, false, false]);
    let invalid = RwSignal::new(false);
    // The form shows what is saved (once read, and after each save).
    Effect::new(move |_| {
        let h = hours.get();
        on.set(h.is_some());
        if let Some(h) = h {
            if let Some((s, e)) = h.days.iter().flatten().next() {
                start.set(hhmm(*s));
                end.set(hhmm(*e));
            }
            days.set(h.days.map(|d| d.is_some()));
        }
    });
    let save = Action::new_local(move |wanted: &Option<WorkingHours>| {
        let (db, ws, wanted) = (db.get(), state.current(), *wanted);
        async move {
            let Some(ws) = ws else { return };
            match crate::services::strategy::set_working_hours(&db, &ws.id, wanted).await {
                Ok(_) => {
                    hours.try_set(wanted);
                    state.say_in(move |t| {
                        t.get(if wanted.is_some() {
                            Msg::WorkingHoursSaved
                        } else {
                            Msg::WorkingHoursCleared
                        })
                        .to_string()
                    });
                }
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !on.get_untracked() {
            invalid.set(false);
            save.dispatch(None);
            return;
        }
        let wanted = parse_hhmm(&start.get_untracked())
            .zip(parse_hhmm(&end.get_untracked()))
            .and_then(|(s, e)| WorkingHours::on_days(s, e, days.get_untracked()));
        invalid.set(wanted.is_none());
        if wanted.is_some() {
            save.dispatch(wanted);
        }
    };
    let day_boxes = move || {
        (0..7usize)
            .map(|i| {
                let name = move || weekday_long(t.lang(), A_MONDAY_NOON + i as f64 * 86_400_000.0);
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || days.get()[i]
                            on:change=move |ev| {
                                let c = event_target_checked(&ev);
                                days.update(|d| d[i] = c);
                            }/>
                        " "{name}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <form class="working-hours" on:submit=submit>
            <h3>{t.tr(Msg::WorkingHours)}</h3>
            <p>{t.tr(Msg::WorkingHoursIntro)}</p>
            <label class="check">
                <input type="checkbox" prop:checked=move || on.get()
                    on:change=move |ev| on.set(event_target_checked(&ev))/>
                " "{t.tr(Msg::CountWorkingHoursOnly)}
            </label>
            <Show when=move || on.get()>
                <fieldset>
                    <legend>{t.tr(Msg::WorkingDays)}</legend>
                    {day_boxes}
                </fieldset>
                <label>{t.tr(Msg::OpensAt)}" "
                    <input type="time" bind:value=start/>
                </label>
                " "
                <label>{t.tr(Msg::ClosesAt)}" "
                    <input type="time" bind:value=end/>
                </label>
            </Show>
            {move || invalid.get().then(|| view! { <p role="alert" class="field-error">{t.get(Msg::WorkingHoursInvalid)}</p> })}
            <p><button type="submit" disabled=move || save.pending().get()>{t.tr(Msg::Save)}</button></p>
        </form>
    }
}
