//! A member's follow-ups: the open ones with "done", and the form to add one (what, and a
//! date and time). Today lists those due (`pages/today/follow_ups.rs`).

use leptos::html;
use leptos::prelude::*;

use crate::domain::follow_up::{open_for, FollowUpError};
use crate::services::follow_ups::{self, AddError};
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

fn problem(e: FollowUpError) -> Msg {
    match e {
        FollowUpError::Empty => Msg::FollowUpEmpty,
        FollowUpError::TooLong => Msg::FollowUpTooLong,
        FollowUpError::NoDue => Msg::FollowUpNoDue,
    }
}

#[component]
pub fn MemberFollowUps(
    member_key: String,
    member_name: String,
    /// Every identity of the member (a merged member's follow-ups were written on any).
    keys: Vec<String>,
) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = StoredValue::new(state.current().map(|w| w.id).unwrap_or_default());
    let key = StoredValue::new(member_key);
    let keys = StoredValue::new(keys);
    let name = StoredValue::new(member_name);
    let version = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        version.track();
        let (db, ws) = (db.get(), ws.get_value());
        async move { follow_ups::list(&db, &ws).await }
    });
    let error = RwSignal::new(None::<Msg>);
    let (when, what) = (NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new());
    let add = Action::new_local(move |(text, due): &(String, f64)| {
        let (db, ws, text, due) = (db.get(), ws.get_value(), text.clone(), *due);
        async move {
            match follow_ups::add(&db, &ws, &key.get_value(), &name.get_value(), &text, due).await {
                Ok(_) => {
                    error.set(None);
                    for input in [when, what] {
                        if let Some(i) = input.get_untracked() {
                            i.set_value("");
                        }
                    }
                    state.say_in(|t| t.get(Msg::FollowUpAdded).to_string());
                    version.update(|v| *v += 1);
                }
                Err(AddError::Invalid(e)) => error.set(Some(problem(e))),
                Err(AddError::Store(e)) => state.save_failed(&e),
            }
        }
    });
    let done = move |id: String| mark_done(state, db.get(), ws.get_value(), id, version);
    let open = move || {
        list.get().and_then(Result::ok).map(|all| {
            keys.with_value(|k| {
                open_for(&all, k)
                    .into_iter()
                    .map(|f| {
                        let id = f.id.clone();
                        let label = t.fill(Msg::FollowUpDoneNamed, &[("what", &f.what)]);
                        view! {
                            <li>{f.what.clone()}" · "{t.fill(Msg::FollowUpDue, &[("when", &date_time(t.lang(), f.due))])}" "
                                <button type="button" class="secondary" aria-label=label
                                    on:click=move |_| done(id.clone())>{t.get(Msg::FollowUpDone)}</button>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <h2 class="timeline-head">{t.tr(Msg::FollowUpsHeading)}</h2>
        <ul class="follow-ups">{open}</ul>
        <form class="follow-up-form" on:submit=move |ev| {
            ev.prevent_default();
            // `datetime-local` is the user's own clock: the browser reads it as local time.
            let due = when.get().map_or(f64::NAN, |i| js_sys::Date::new(&i.value().into()).get_time());
            let text = what.get().map(|i| i.value()).unwrap_or_default();
            add.dispatch((text, due));
        }>
            <label>{t.tr(Msg::FollowUpWhen)}" "<input type="datetime-local" node_ref=when/></label>
            " "
            <label>{t.tr(Msg::FollowUpWhat)}" "<input type="text" node_ref=what maxlength="500"
                aria-invalid=move || error.get().is_some().to_string()/></label>
            " "<button type="submit" class="secondary">{t.tr(Msg::FollowUpAdd)}</button>
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{t.get(m)}</p> })}
        </form>
    }
}

/// Marks the follow-up `id` done, then counts `version` up (its list reads again).
pub(crate) fn mark_done(
    state: crate::ui::state::AppState,
    db: crate::store::Db,
    ws: String,
    id: String,
    version: RwSignal<u32>,
) {
    leptos::task::spawn_local(async move {
        match follow_ups::done(&db, &ws, &id).await {
            Ok(()) => version.update(|v| *v += 1),
            Err(e) => state.save_failed(&e),
        }
    });
}
