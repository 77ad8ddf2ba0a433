//! What the workspace keeps about one member: notes (dated, signed with the teammate's
//! name), tags, custom fields and the teammate mark, each saved as it is given
//! (`services::member_records`).

use leptos::html;
use leptos::prelude::*;

use crate::domain::member_record::{MemberRecord, RecordError};
use crate::services::member_records::{self as records, RecordChangeError};
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db, AppState};
use crate::ui::text::use_text;

fn problem(e: &RecordChangeError, state: AppState) -> Option<Msg> {
    match e {
        RecordChangeError::Invalid(RecordError::Empty) => Some(Msg::MemberNoteEmpty),
        RecordChangeError::Invalid(RecordError::TooLong) => Some(Msg::MemberTooLong),
        RecordChangeError::Store(e) => {
            state.save_failed(e);
            None
        }
    }
}

#[component]
pub fn MemberRecordPanel(
    member_key: String,
    /// Shared with the member's row (its tags) and the forgetting (what it lists).
    record: RwSignal<MemberRecord>,
    /// Called when the teammate mark changes (the lists change).
    moved: Callback<()>,
) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = StoredValue::new(state.current().map(|w| w.id).unwrap_or_default());
    let key = StoredValue::new(member_key);
    let error = RwSignal::new(None::<Msg>);
    let my_name = LocalResource::new(move || {
        let db = db.get();
        async move { records::my_name(&db).await.unwrap_or_default() }
    });
    let (by, text) = (
        NodeRef::<html::Input>::new(),
        NodeRef::<html::Textarea>::new(),
    );
    let kept = move |r: Result<MemberRecord, RecordChangeError>| match r {
        Ok(r) => {
            error.set(None);
            record.set(r);
            true
        }
        Err(e) => {
            error.set(problem(&e, state));
            false
        }
    };
    let add_note = Action::new_local(move |(who, words): &(String, String)| {
        let (db, ws, who, words) = (db.get(), ws.get_value(), who.clone(), words.clone());
        async move {
            let r = records::add_note(&db, &ws, &key.get_value(), &who, &words).await;
            if kept(r) {
                if let Some(i) = text.get_untracked() {
                    i.set_value("");
                }
                state.say_in(|t| t.get(Msg::MemberNoteAdded).to_string());
            }
        }
    });
    let delete_note = Action::new_local(move |id: &String| {
        let (db, ws, id) = (db.get(), ws.get_value(), id.clone());
        async move {
            let r = records::delete_note(&db, &ws, &key.get_value(), &id).await;
            kept(r.map_err(RecordChangeError::Store));
        }
    });
    let tags = Action::new_local(move |typed: &String| {
        let (db, ws, typed) = (db.get(), ws.get_value(), typed.clone());
        async move {
            kept(records::set_tags(&db, &ws, &key.get_value(), &typed).await);
        }
    });
    let field = Action::new_local(move |(name, value): &(String, String)| {
        let (db, ws, name, value) = (db.get(), ws.get_value(), name.clone(), value.clone());
        async move {
            kept(records::set_member_field(&db, &ws, &key.get_value(), &name, &value).await);
        }
    });
    let teammate = Action::new_local(move |on: &bool| {
        let (db, ws, on) = (db.get(), ws.get_value(), *on);
        async move {
            let r = records::set_teammate(&db, &ws, &key.get_value(), on).await;
            if kept(r.map_err(RecordChangeError::Store)) {
                moved.run(());
            }
        }
    });
    let (field_name, field_value) = (NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new());
    let notes = move || {
        record.with(|r| {
            r.notes
                .iter()
                .map(|n| {
                    let id = n.id.clone();
                    let signed = if n.by.is_empty() {
                        date_time(t.lang(), n.at)
                    } else {
                        t.fill(Msg::MemberNoteBy, &[("date", &date_time(t.lang(), n.at)), ("name", &n.by)])
                    };
                    view! {
                        <li>
                            <p class="muted">{signed}</p>
                            <p class="note-text">{n.text.clone()}</p>
                            <button type="button" class="secondary" on:click=move |_| { delete_note.dispatch(id.clone()); }>
                                {t.get(Msg::MemberNoteDelete)}</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let fields = move || {
        record.with(|r| {
            r.fields
                .iter()
                .map(|f| {
                    let name = f.name.clone();
                    let label = t.fill(Msg::MemberFieldRemove, &[("name", &f.name)]);
                    view! {
                        <li><strong>{f.name.clone()}</strong>" : "{f.value.clone()}" "
                            <button type="button" class="secondary" aria-label=label
                                on:click=move |_| { field.dispatch((name.clone(), String::new())); }>"×"</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="member-record">
            <p>
                <label><input type="checkbox" prop:checked=move || record.with(|r| r.teammate)
                    on:change=move |ev| { teammate.dispatch(event_target_checked(&ev)); }/>
                    " "{t.tr(Msg::MemberTeammate)}</label>
            </p>
            <p>
                <label>{t.tr(Msg::MemberTags)}" "
                    <input type="text" class="member-tags" maxlength="600"
                        prop:value=move || record.with(|r| r.tags.join(", "))
                        on:change=move |ev| { tags.dispatch(event_target_value(&ev)); }/></label>
            </p>
            <h2 class="timeline-head">{t.tr(Msg::MemberFields)}</h2>
            <ul class="member-fields">{fields}</ul>
            <form class="member-field-form" on:submit=move |ev| {
                ev.prevent_default();
                let name = field_name.get().map(|i| i.value()).unwrap_or_default();
                let value = field_value.get().map(|i| i.value()).unwrap_or_default();
                for input in [field_name, field_value] {
                    if let Some(i) = input.get() { i.set_value(""); }
                }
                field.dispatch((name, value));
            }>
                <label>{t.tr(Msg::MemberFieldName)}" "<input type="text" node_ref=field_name maxlength="60"/></label>" "
                <label>{t.tr(Msg::MemberFieldValue)}" "<input type="text" node_ref=field_value maxlength="500"/></label>" "
                <button type="submit" class="secondary">{t.tr(Msg::MemberFieldAdd)}</button>
            </form>
            <h2 class="timeline-head">{t.tr(Msg::MemberNotes)}</h2>
            <ol class="member-notes">{notes}</ol>
            <form class="member-note-form" on:submit=move |ev| {
                ev.prevent_default();
                let who = by.get().map(|i| i.value()).unwrap_or_default();
                let words = text.get().map(|i| i.value()).unwrap_or_default();
                add_note.dispatch((who, words));
            }>
                <label>{t.tr(Msg::MemberNoteText)}" "<textarea node_ref=text rows="3" maxlength="5000"></textarea></label>
                " "
                <label>{t.tr(Msg::MemberNoteSigned)}" "<input type="text" node_ref=by maxlength="80" autocomplete="name"
                    prop:value=move || my_name.get().unwrap_or_default()/></label>
                " "<button type="submit" class="secondary">{t.tr(Msg::MemberNoteAdd)}</button>
            </form>
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{t.get(m)}</p> })}
        </section>
    }
}
