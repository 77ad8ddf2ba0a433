//! One conversation in the Inbox: a row with who wrote, how many messages, its state,
//! priority, labels and teammate; closed, its newest message; open, the whole thread oldest
//! first and the triage controls (state, priority, snooze, labels, assignee).

use leptos::html;
use leptos::prelude::*;

use crate::domain::conversation::{Change, Priority, TriageState as S};
use crate::services::conversations::ConversationView;
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

use super::keys::Field;
use super::message::Message;
use super::reply_box::ReplyBox;
use super::thread::Thread;
use super::use_inbox;

pub(super) fn priority_msg(p: Priority) -> Msg {
    match p {
        Priority::Low => Msg::PriorityLow,
        Priority::Normal => Msg::PriorityNormal,
        Priority::High => Msg::PriorityHigh,
        Priority::Urgent => Msg::PriorityUrgent,
    }
}

fn state_msg(s: S) -> Msg {
    match s {
        S::Open => Msg::StateOpen,
        S::WaitingOnUs => Msg::StateWaitingOnUs,
        S::WaitingOnThem => Msg::StateWaitingOnThem,
        S::Done => Msg::StateDone,
    }
}

fn state_class(s: S) -> &'static str {
    match s {
        S::Open => "badge state-open",
        S::WaitingOnUs => "badge state-us",
        S::WaitingOnThem => "badge state-them",
        S::Done => "badge state-done",
    }
}

/// Whether `key` is the one the keyboard is on and a focus request for `field` is pending:
/// takes the request (once).
fn takes_focus(key: &str, field: Field) -> bool {
    let inbox = use_inbox();
    let (n, wanted) = inbox.focus.get();
    let mine = wanted == field
        && n > inbox.focus_done.get_value()
        && inbox.current.with_untracked(|c| c.as_deref() == Some(key));
    if mine {
        inbox.focus_done.set_value(n);
    }
    mine
}

#[component]
pub fn ConversationRow(
    conv: std::sync::Arc<ConversationView>,
    /// Where each drawn row is in the whole list (1 first).
    places: Memo<std::collections::HashMap<String, usize>>,
    total: Signal<usize>,
) -> impl IntoView {
    let t = use_text();
    let inbox = use_inbox();
    let key = StoredValue::new(conv.key.clone());
    let name = if conv.last().is_erased() {
        t.get(Msg::Someone).to_string()
    } else {
        conv.last().author_name.clone()
    };
    let is = move |set: RwSignal<std::collections::HashSet<String>>| {
        move || key.with_value(|k| set.with(|s| s.contains(k)))
    };
    let (is_open, is_selected) = (is(inbox.opened), is(inbox.selected));
    let is_current = move || key.with_value(|k| inbox.current.with(|c| c.as_ref() == Some(k)));
    let toggle = move |set: RwSignal<std::collections::HashSet<String>>| {
        let k = key.get_value();
        set.update(|s| {
            if !s.remove(&k) {
                s.insert(k);
            }
        });
    };
    let button = NodeRef::<html::Button>::new();
    let row = NodeRef::<html::Li>::new();
    Effect::new(move |_| {
        if key.with_value(|k| takes_focus(k, Field::Reply)) {
            if let Some(area) = row
                .get()
                .and_then(|r| r.query_selector(".reply-box textarea").ok().flatten())
            {
                use wasm_bindgen::JsCast;
                let _ = area.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    });
    Effect::new(move |first: Option<()>| {
        let asked = key.with_value(|k| takes_focus(k, Field::Row));
        // Drawn again (a triage changed it) while it was the keyboard's place and the focus
        // fell with the old row: it takes the focus back.
        let lost = first.is_none()
            && key.with_value(|k| inbox.current.with_untracked(|c| c.as_deref() == Some(k)))
            && document()
                .active_element()
                .is_none_or(|e| e.tag_name() == "BODY");
        if asked || lost {
            if let Some(b) = button.get() {
                let _ = b.focus();
            }
        }
    });
    let standing = conv.standing;
    let triage = conv.triage.clone();
    let count = conv.items.len();
    let when = date_time(t.lang(), conv.last_at);
    let last = conv.last().clone();
    let whole = StoredValue::new(conv.clone());
    let select_label = t.fill(Msg::SelectConversation, &[("name", &name)]);
    view! {
        <li class="conversation" node_ref=row class:current=is_current class:selected=is_selected class:open=is_open
            data-key=key.get_value()
            aria-setsize=move || total.get()
            aria-posinset=move || key.with_value(|k| places.with(|p| p.get(k).copied().unwrap_or(0)))>
            <div class="conv-head">
                <input type="checkbox" aria-label=select_label prop:checked=is_selected
                    on:change=move |_| toggle(inbox.selected)/>
                <button type="button" class="conv-open" node_ref=button
                    aria-expanded=move || is_open().to_string()
                    on:focus=move |_| inbox.current.set(Some(key.get_value()))
                    on:click=move |_| toggle(inbox.opened)>
                    <strong>{name.clone()}</strong>
                    " · "{t.plural(Msg::MessagesInConversation, count, &[])}" · "{when}
                </button>
                {if standing.came_back {
                    view! { <span class="badge came-back">{t.get(Msg::CameBack)}</span> }.into_any()
                } else {
                    view! { <span class=state_class(standing.state)>{t.get(state_msg(standing.state))}</span> }.into_any()
                }}
                {(standing.snoozed).then(|| {
                    let until = triage.snoozed_until.map(|u| date_time(t.lang(), u)).unwrap_or_default();
                    view! { <span class="badge snoozed">{t.fill(Msg::SnoozedUntil, &[("when", &until)])}</span> }
                })}
                {(triage.priority != Priority::Normal).then(|| view! {
                    <span class=format!("badge priority-{:?}", triage.priority).to_lowercase()>{t.get(priority_msg(triage.priority))}</span>
                })}
                {triage.labels.iter().map(|l| view! { <span class="badge label coloured" style:background-color=super::labels::colour(inbox, l.clone())>{l.clone()}</span> }).collect_view()}
                {triage.assignee.clone().map(|a| view! { <span class="badge assignee">"→ "{a}</span> })}
            </div>
            {move || if is_open() {
                view! {
                    <Thread conv=whole.get_value()/>
                    <ReplyBox conv_key=key.get_value()/>
                    <TriageBar conv_key=key.get_value()/>
                }.into_any()
            } else {
                view! { <Message item=last.clone()/> }.into_any()
            }}
        </li>
    }
}

/// Local time `days` days from today at `hour`:00, as UTC ms.
fn local_at(days: u32, hour: u32) -> f64 {
    let d = js_sys::Date::new_0();
    d.set_date(d.get_date() + days);
    d.set_hours(hour);
    d.set_minutes(0);
    d.set_seconds(0);
    d.set_milliseconds(0);
    d.get_time()
}

/// The snooze choices: (value, words), as UTC ms from now.
fn snooze_choices() -> [(f64, Msg); 4] {
    let now = crate::services::clock::now_ms();
    let evening = match local_at(0, 18) {
        e if e > now => e,
        _ => local_at(1, 18),
    };
    let today = js_sys::Date::new_0().get_day(); // Sunday = 0
    let to_monday = match (8 - today) % 7 {
        0 => 7,
        n => n,
    };
    [
        (now + 3_600_000.0, Msg::SnoozeHour),
        (evening, Msg::SnoozeEvening),
        (local_at(1, 9), Msg::SnoozeTomorrow),
        (local_at(to_monday, 9), Msg::SnoozeMonday),
    ]
}

/// The triage controls of an open conversation.
#[component]
fn TriageBar(conv_key: String) -> impl IntoView {
    let t = use_text();
    let inbox = use_inbox();
    let key = StoredValue::new(conv_key);
    let apply =
        move |change: Change| key.with_value(|k| inbox.apply(std::slice::from_ref(k), change));
    let now = move || key.with_value(|k| inbox.get(k));
    let state = move || now().map(|c| c.standing.state).unwrap_or_default();
    let (label_input, assign_input) =
        (NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new());
    let snooze = NodeRef::<html::Select>::new();
    let snooze_at = NodeRef::<html::Input>::new();
    let snooze_problem = RwSignal::new(false);
    Effect::new(move |_| {
        for field in [Field::Label, Field::Assign, Field::Snooze] {
            if key.with_value(|k| takes_focus(k, field)) {
                let _ = match field {
                    Field::Label => label_input.get().map(|e| e.focus()),
                    Field::Assign => assign_input.get().map(|e| e.focus()),
                    _ => snooze.get().map(|e| e.focus()),
                };
            }
        }
    });
    let labels = move || now().map(|c| c.triage.labels).unwrap_or_default();
    let assignee = move || now().and_then(|c| c.triage.assignee).unwrap_or_default();
    let priority = move || now().map(|c| c.triage.priority).unwrap_or_default();
    let choices = snooze_choices();
    view! {
        <div class="triage-bar">
            <p class="triage-states">
                {move || if state() == S::Done {
                    view! { <button type="button" on:click=move |_| apply(Change::State(S::WaitingOnUs))>{t.get(Msg::Reopen)}</button> }.into_any()
                } else {
                    view! {
                        <button type="button" on:click=move |_| apply(Change::State(S::Done))>{t.get(Msg::MarkDone)}</button>
                        " "
                        <button type="button" class="secondary" aria-pressed=move || (state() == S::WaitingOnThem).to_string()
                            on:click=move |_| apply(Change::State(S::WaitingOnThem))>{t.get(Msg::MarkWaitingOnThem)}</button>
                        " "
                        <button type="button" class="secondary" aria-pressed=move || (state() == S::WaitingOnUs).to_string()
                            on:click=move |_| apply(Change::State(S::WaitingOnUs))>{t.get(Msg::MarkWaitingOnUs)}</button>
                    }.into_any()
                }}
            </p>
            <p class="triage-fields">
                <label>{t.tr(Msg::PriorityLabel)}" "
                    <select on:change=move |ev| {
                        let p = Priority::ALL.into_iter().find(|p| format!("{p:?}") == event_target_value(&ev));
                        if let Some(p) = p { apply(Change::Priority(p)); }
                    }>
                        {Priority::ALL.map(|p| view! {
                            <option value=format!("{p:?}") selected=move || priority() == p>{move || t.get(priority_msg(p))}</option>
                        }).into_iter().collect_view()}
                    </select>
                </label>
                " "
                <label>{t.tr(Msg::SnoozeLabel)}" "
                    <select node_ref=snooze on:change=move |ev| {
                        if let Ok(until) = event_target_value(&ev).parse::<f64>() { apply(Change::Snooze(until)); }
                    }>
                        <option value="" selected>{t.tr(Msg::SnoozeChoose)}</option>
                        {choices.map(|(at, msg)| view! { <option value=at.to_string()>{move || t.get(msg)}</option> }).into_iter().collect_view()}
                    </select>
                </label>
            </p>
            <form class="triage-snooze-at" on:submit=move |ev| {
                ev.prevent_default();
                let Some(input) = snooze_at.get() else { return };
                // `datetime-local` is the user's own clock: the browser reads it as local time.
                let at = js_sys::Date::new(&input.value().into()).get_time();
                if at.is_finite() && at > crate::services::clock::now_ms() {
                    snooze_problem.set(false);
                    input.set_value("");
                    apply(Change::Snooze(at));
                } else {
                    snooze_problem.set(true);
                }
            }>
                <label>{t.tr(Msg::SnoozeAt)}" "
                    <input type="datetime-local" node_ref=snooze_at aria-invalid=move || snooze_problem.get().to_string()/>
                </label>
                " "<button type="submit" class="secondary">{t.tr(Msg::SnoozeAtButton)}</button>
                {move || snooze_problem.get().then(|| view! { <p class="field-error" role="alert">{t.get(Msg::SnoozePast)}</p> })}
            </form>
            <form class="triage-label" on:submit=move |ev| {
                ev.prevent_default();
                let Some(input) = label_input.get() else { return };
                let v = input.value();
                if !v.trim().is_empty() {
                    input.set_value("");
                    apply(Change::Label(v));
                }
            }>
                <label>{t.tr(Msg::LabelAdd)}" "<input node_ref=label_input list="inbox-labels" autocomplete="off"/></label>
                " "<button type="submit" class="secondary">{t.tr(Msg::LabelAddButton)}</button>
                " "
                {move || labels().into_iter().map(|l| {
                    let name = t.fill(Msg::LabelRemove, &[("label", &l)]);
                    let off = l.clone();
                    view! {
                        <span class="badge label coloured" style:background-color=super::labels::colour(inbox, l.clone())>{l.clone()}
                            <button type="button" class="chip-remove" aria-label=name.clone() title=name
                                on:click=move |_| apply(Change::Label(off.clone()))>"×"</button>
                        </span>
                    }
                }).collect_view()}
            </form>
            <form class="triage-assign" on:submit=move |ev| {
                ev.prevent_default();
                if let Some(input) = assign_input.get() { apply(Change::Assign(input.value())); }
            }>
                <label>{t.tr(Msg::AssignTo)}" "<input node_ref=assign_input list="inbox-names" autocomplete="off" prop:value=assignee/></label>
                " "<button type="submit" class="secondary">{t.tr(Msg::AssignButton)}</button>
            </form>
        </div>
    }
}
