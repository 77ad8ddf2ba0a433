//! Forgetting a member: the confirmation that lists what will be erased, the download of
//! their data before (JSON), and the erasure itself (`services::member_records::forget`,
//! one strict transaction).

use leptos::prelude::*;

use crate::domain::follow_up::open_for;
use crate::domain::member::Member;
use crate::domain::member_record::MemberRecord;
use crate::services::{follow_ups, member_records};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

#[component]
pub fn ForgetMember(
    member: Member,
    record: RwSignal<MemberRecord>,
    /// Called once they are forgotten (the list reads again).
    gone: Callback<()>,
) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = StoredValue::new(state.current().map(|w| w.id).unwrap_or_default());
    let member = StoredValue::new(member);
    let asked = RwSignal::new(false);
    let list = LocalResource::new(move || {
        let (db, ws, asked) = (db.get(), ws.get_value(), asked.get());
        async move {
            if asked {
                follow_ups::list(&db, &ws).await.unwrap_or_default()
            } else {
                vec![]
            }
        }
    });
    let forget = Action::new_local(move |()| {
        let (db, ws) = (db.get(), ws.get_value());
        let m = member.get_value();
        async move {
            match member_records::forget(&db, &ws, &m).await {
                Ok(_) => {
                    let name = m.name.clone();
                    state.say_in(move |t| t.fill(Msg::MemberForgotten, &[("name", &name)]));
                    gone.run(());
                }
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let download = move |_| {
        let all = list.get().unwrap_or_default();
        let text = member
            .with_value(|m| record.with_untracked(|r| member_records::export(m, Some(r), &all)));
        let file = member.with_value(|m| {
            format!(
                "attache-member-{}.json",
                m.handle
                    .trim_start_matches('@')
                    .replace(['@', '.', '/'], "-")
            )
        });
        if let Err(e) = crate::services::backup::download_as(&file, &text, "application/json") {
            state.save_failed(&e);
        }
    };
    let what = move || {
        let follow = list.get().map_or(0, |all| {
            member.with_value(|m| {
                let keys: Vec<&str> = m.identities.iter().map(|i| i.key.as_str()).collect();
                open_for(&all, &keys).len()
            })
        });
        let (messages, signs) = member.with_value(|m| {
            let messages = m
                .timeline
                .iter()
                .filter(|x| x.conversation().is_some())
                .count();
            (messages, m.timeline.len() - messages)
        });
        let (notes, tags, fields) = record.with(|r| (r.notes.len(), r.tags.len(), r.fields.len()));
        let n = |x: usize| x.to_string();
        [
            t.plural(Msg::ForgetMessages, messages, &[]),
            t.plural(Msg::ForgetSigns, signs, &[]),
            t.fill(
                Msg::ForgetRecord,
                &[
                    ("notes", &n(notes)),
                    ("tags", &n(tags)),
                    ("fields", &n(fields)),
                ],
            ),
            t.fill(Msg::ForgetFollowUps, &[("count", &n(follow))]),
            t.get(Msg::ForgetThreads).to_string(),
        ]
        .into_iter()
        .map(|l| view! { <li>{l}</li> })
        .collect_view()
    };
    view! {
        <div class="forget">
            <button type="button" class="secondary danger" aria-expanded=move || asked.get().to_string()
                on:click=move |_| asked.update(|a| *a = !*a)>{t.tr(Msg::ForgetOpen)}</button>
            {move || asked.get().then(|| view! {
                <div class="forget-confirm" role="group" aria-label=t.tr(Msg::ForgetOpen)>
                    <p>{move || t.fill(Msg::ForgetIntro, &[("name", &member.with_value(|m| m.name.clone()))])}</p>
                    <ul>{what}</ul>
                    <p class="muted">{t.tr(Msg::ForgetAfter)}</p>
                    <button type="button" class="secondary" on:click=download>{t.tr(Msg::ForgetDownload)}</button>" "
                    <button type="button" class="danger" disabled=move || forget.pending().get()
                        on:click=move |_| { forget.dispatch(()); }>{t.tr(Msg::ForgetConfirm)}</button>" "
                    <button type="button" class="secondary" on:click=move |_| asked.set(false)>{t.tr(Msg::Cancel)}</button>
                </div>
            })}
        </div>
    }
}
