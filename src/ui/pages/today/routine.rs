//! The daily routine on Today: today's checklist (ticks kept per local day, so it starts
//! fresh at local midnight, even with the page left open), the streak, the last 30 days, and
//! the editor (add, set a time, move, remove).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::ui::components::form_draft::keep_typed;
use crate::ui::format::{hhmm, parse_hhmm};
use crate::ui::i18n::Msg;

use crate::domain::routine::{day_key, local_day, DefaultStep, Routine, RoutineError, KEEP_DAYS};
use crate::services::clock::now_ms;
use crate::services::queue::BrowserZone;
use crate::services::strategy::add_routine_step;
use crate::services::strategy::save_routine;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

/// The words of a step of the default routine.
pub fn step_msg(step: DefaultStep) -> Msg {
    match step {
        DefaultStep::Overnight => Msg::RoutineStepOvernight,
        DefaultStep::Answer => Msg::RoutineStepAnswer,
        DefaultStep::Publish => Msg::RoutineStepPublish,
        DefaultStep::Listen => Msg::RoutineStepListen,
        DefaultStep::Report => Msg::RoutineStepReport,
    }
}

#[component]
pub fn RoutineBlock(routine: RwSignal<Routine>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    // The local day, looked at again every 15 seconds: the checklist resets at midnight. A
    // tick already queued when the block goes (a clock that jumps runs several at once)
    // finds the day gone and does nothing.
    let today = RwSignal::new(local_day(&BrowserZone, now_ms()));
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let d = local_day(&BrowserZone, now_ms());
            if today.try_get_untracked().is_some_and(|day| day != d) {
                today.set(d);
            }
        },
        std::time::Duration::from_secs(15),
    ) {
        on_cleanup(move || handle.clear());
    }
    let save = move |said: Option<String>| {
        let db = db.get();
        routine.update(|r| r.prune(today.get_untracked(), KEEP_DAYS));
        let r = routine.get_untracked();
        leptos::task::spawn_local(async move {
            match save_routine(&db, &r).await {
                Ok(saved) => {
                    routine.update(|r| r.updated_at = saved.updated_at);
                    if let Some(s) = said {
                        state.say(s);
                    }
                }
                Err(e) => state.save_failed(&e),
            }
        });
    };
    let toggle = move |id: String| {
        routine.update(|r| {
            r.toggle(&id, today.get_untracked());
        });
        save(None);
    };
    let (label, time, problem) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(None::<Msg>),
    );
    keep_typed("routine-step", vec![label, time]);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let at = parse_hhmm(&time.get_untracked());
        let mut result = Ok(());
        routine.update(|r| {
            result = add_routine_step(r, &label.get_untracked(), at, today.get_untracked());
        });
        match result {
            Ok(()) => {
                problem.set(None);
                label.set(String::new());
                time.set(String::new());
                save(Some(t.get(Msg::RoutineItemAdded).to_string()));
            }
            Err(e) => problem.set(Some(match e {
                RoutineError::TooLong => Msg::LibTooLong,
                _ => Msg::LibEmpty,
            })),
        }
    };
    // The history starts the day the workspace was created.
    let first_day = move || {
        let created = state.current().map(|w| w.created_at).unwrap_or(0.0);
        local_day(&BrowserZone, created)
    };
    let streak = move || routine.with(|r| r.streak(today.get()));
    let done_today = move || routine.with(|r| (r.done_on(today.get()).len(), r.items.len()));
    view! {
        <section class="today-block routine" aria-labelledby="routine-heading">
            <h2 id="routine-heading">{t.tr(Msg::RoutineHeading)}</h2>
            <p>
                {move || { let (d, n) = done_today(); t.plural(Msg::RoutineDoneToday, d, &[("total", &n.to_string())]) }}
                {move || (streak() > 0).then(|| view! { " · "<strong>{t.plural(Msg::RoutineStreak, streak(), &[])}</strong> })}
            </p>
            <ul class="routine-list">
                {move || {
                    let day = today.get();
                    routine.with(|r| {
                        let done = r.done_on(day).into_iter().map(str::to_string).collect::<Vec<_>>();
                        r.items.iter().map(|i| {
                            let id = i.id.clone();
                            let field = format!("routine-{}", i.id);
                            let checked = done.contains(&i.id);
                            let text = match i.time {
                                Some(m) => format!("{} · {}", hhmm(m), i.label),
                                None => i.label.clone(),
                            };
                            view! {
                                <li class="choice" class:done=checked>
                                    <input type="checkbox" id=field.clone() prop:checked=checked
                                        on:change=move |_| toggle(id.clone())/>
                                    <label for=field>{text}</label>
                                </li>
                            }
                        }).collect_view()
                    })
                }}
            </ul>
            <h3 class="small-heading">{t.tr(Msg::RoutineHistory)}</h3>
            <ol class="routine-history">
                {move || routine.with(|r| r.history_since(today.get(), KEEP_DAYS, first_day()).into_iter().map(|(d, done, total)| {
                    let full = total > 0 && done >= total;
                    let some = done > 0 && !full;
                    view! {
                        <li class:full=full class:some=some>
                            <span class="visually-hidden">{t.plural(Msg::RoutineDay, done, &[("day", &day_key(d)), ("total", &total.to_string())])}</span>
                        </li>
                    }
                }).collect_view())}
            </ol>
            <details class="routine-edit">
                <summary>{t.tr(Msg::RoutineEdit)}</summary>
                <ul class="routine-edit-list">
                    {move || routine.with(|r| r.items.iter().map(|i| {
                        let (up, down, gone, when) = (i.id.clone(), i.id.clone(), i.id.clone(), i.id.clone());
                        let name = i.label.clone();
                        let time_field = format!("routine-time-{}", i.id);
                        view! {
                            <li>
                                <span>{name.clone()}</span>
                                <label class="visually-hidden" for=time_field.clone()>{t.fill(Msg::RoutineTimeOf, &[("name", &name)])}</label>
                                <input type="time" id=time_field prop:value=i.time.map(hhmm).unwrap_or_default()
                                    on:change=move |ev| {
                                        let at = parse_hhmm(&event_target_value(&ev));
                                        routine.update(|r| { let _ = r.set_time(&when, at); });
                                        save(None);
                                    }/>
                                <button type="button" class="secondary" aria-label=t.fill(Msg::MoveUpNamed, &[("name", &name)])
                                    on:click=move |_| { routine.update(|r| { r.move_item(&up, true); }); save(None); }>"↑"</button>
                                <button type="button" class="secondary" aria-label=t.fill(Msg::MoveDownNamed, &[("name", &name)])
                                    on:click=move |_| { routine.update(|r| { r.move_item(&down, false); }); save(None); }>"↓"</button>
                                <button type="button" class="danger" aria-label=t.fill(Msg::RemoveNamed, &[("name", &name)])
                                    on:click=move |_| { routine.update(|r| { r.remove_item(&gone); }); save(None); }>{t.get(Msg::RemoveTerm)}</button>
                            </li>
                        }
                    }).collect_view())}
                </ul>
                <form class="inline-form" on:submit=add novalidate>
                    <label for="routine-new">{t.tr(Msg::RoutineNewItem)}</label>
                    <input id="routine-new" type="text" maxlength="120" bind:value=label
                        aria-invalid=move || if problem.get().is_some() { "true" } else { "false" } aria-describedby="routine-error"/>
                    <label for="routine-new-time" class="visually-hidden">{t.tr(Msg::RoutineNewTime)}</label>
                    <input id="routine-new-time" type="time" bind:value=time/>
                    <button type="submit">{t.tr(Msg::RoutineAdd)}</button>
                    <p id="routine-error" class="field-error" role="alert">{move || problem.get().map(|m| t.get(m))}</p>
                </form>
            </details>
        </section>
    }
}
