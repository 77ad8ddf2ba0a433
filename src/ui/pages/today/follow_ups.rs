//! Today's follow-ups: the members' follow-ups due by the end of the day, the oldest first,
//! each marked done here or opened in People.

use leptos::prelude::*;

use crate::domain::follow_up::due_before;
use crate::services::follow_ups;
use crate::ui::dates::Day;
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::pages::people::follow_ups::mark_done;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

#[component]
pub fn FollowUpsBlock() -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = StoredValue::new(state.current().map(|w| w.id).unwrap_or_default());
    let version = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        version.track();
        let (db, ws) = (db.get(), ws.get_value());
        async move { follow_ups::list(&db, &ws).await }
    });
    let done = move |id: String| mark_done(state, db.get(), ws.get_value(), id, version);
    let lines = move || {
        let all = list.get().and_then(Result::ok).unwrap_or_default();
        // Due before the end of today, the day as it is now (the page may stay open overnight).
        let due = due_before(&all, Day::today().add_days(1).start_ms());
        if due.is_empty() {
            return view! { <p class="empty">{t.get(Msg::TodayNoFollowUps)}</p> }.into_any();
        }
        view! {
            <ul class="today-follow-ups">
                {due.into_iter().map(|f| {
                    let id = f.id.clone();
                    let label = t.fill(Msg::FollowUpDoneNamed, &[("what", &f.what)]);
                    let line = t.fill(Msg::TodayFollowUpLine, &[
                        ("name", &f.member_name),
                        ("what", &f.what),
                        ("when", &date_time(t.lang(), f.due)),
                    ]);
                    view! {
                        <li>{line}" "
                            <button type="button" class="secondary" aria-label=label
                                on:click=move |_| done(id.clone())>{t.get(Msg::FollowUpDone)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="today-block" aria-labelledby="today-follow-ups">
            <h2 id="today-follow-ups">{t.tr(Msg::TodayFollowUps)}</h2>
            {lines}
            <p><a href="/people">{t.tr(Msg::TodayOpenPeople)}</a></p>
        </section>
    }
}
