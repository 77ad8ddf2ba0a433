//! The Inbox's list: the tabs with their counts, the filters, the selection's actions and
//! the conversations, drawn a window at a time (`window.rs`).

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::domain::conversation::{Change, Priority};
use crate::domain::network::Network;
use crate::services::conversations::{Filter, Tab};
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

use super::conversation::ConversationRow;
use super::{use_inbox, window};

/// The filter bar, the selection's actions and the list, drawn a window at a time.
#[component]
pub(super) fn Conversations() -> impl IntoView {
    let t = use_text();
    let inbox = use_inbox();
    let counts = Memo::new(move |_| {
        inbox.matching.with(|m| {
            inbox.all.with(|all| {
                let mut counts = [0usize; Tab::ALL.len()];
                for &i in m {
                    for (n, tab) in counts.iter_mut().zip(Tab::ALL) {
                        if tab.holds(&all[i].standing) {
                            *n += 1;
                        }
                    }
                }
                counts
            })
        })
    });
    let tabs = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, &tab)| {
            let pressed = move || inbox.filter.with(|f| f.tab == tab);
            view! {
                <button type="button" class="tab" aria-pressed=move || pressed().to_string()
                    on:click=move |_| {
                        inbox.filter.update(|f| f.tab = tab);
                    }>
                    {move || t.get(tab_msg(tab))}" "<span class="count">{move || counts.get()[i]}</span>
                </button>
            }
        })
        .collect_view();
    let known = Memo::new(move |_| inbox.known());
    let list = NodeRef::<leptos::html::Ol>::new();
    window::follow(inbox, list);
    // A new filter starts at the top.
    Effect::new(move |_| {
        inbox.filter.track();
        inbox.start.set(0);
    });
    let rows = move || {
        let start = inbox.start.get();
        inbox.visible.with(|v| {
            inbox.all.with(|all| {
                v.iter()
                    .enumerate()
                    .skip(start)
                    .take(inbox.drawn.get())
                    .map(|(at, &i)| (at, all[i].clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    // Each drawn row's place in the whole list (for screen readers: "3 of 50,000").
    let places = Memo::new(move |_| {
        rows()
            .into_iter()
            .map(|(at, c)| (c.key.clone(), at + 1))
            .collect::<HashMap<String, usize>>()
    });
    let total = move || inbox.visible.with(Vec::len);
    view! {
        <super::times::ResponseTimes/>
        <super::interactions::Interactions/>
        <super::views::SavedViews/>
        <super::labels::LabelColoursPanel/>
        <div class="inbox-tabs" role="group" aria-label=t.tr(Msg::InboxViews)>{tabs}</div>
        <div class="inbox-filters">
            <label>{t.tr(Msg::SearchConversations)}" "
                <input type="search" prop:value=move || inbox.filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev).trim().to_lowercase();
                        inbox.filter.update(|f| f.text = v);
                    }/>
            </label>
            <label>{t.tr(Msg::FilterLabel)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    inbox.filter.update(|f| f.label = (!v.is_empty()).then_some(v));
                }>
                    <option value="" prop:selected=move || inbox.filter.with(|f| f.label.is_none())>{t.tr(Msg::AnyOption)}</option>
                    {move || known.get().0.into_iter().map(|l| {
                        let mine = l.clone();
                        view! { <option value=l.clone() prop:selected=move || inbox.filter.with(|f| f.label.as_ref() == Some(&mine))>{l.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{t.tr(Msg::FilterNetwork)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    inbox.filter.update(|f| f.network = Network::ALL.into_iter().find(|n| n.name() == v));
                }>
                    <option value="" prop:selected=move || inbox.filter.with(|f| f.network.is_none())>{t.tr(Msg::AnyOption)}</option>
                    {[Network::Mastodon, Network::Bluesky].map(|n| view! {
                        <option value=n.name() prop:selected=move || inbox.filter.with(|f| f.network == Some(n))>{n.name()}</option>
                    }).into_iter().collect_view()}
                </select>
            </label>
            // With more than one account, which one a message came to.
            {move || (inbox.accounts.with(Vec::len) > 1).then(|| view! {
                <label>{t.tr(Msg::FilterAccount)}" "
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        inbox.filter.update(|f| f.account = (!v.is_empty()).then_some(v));
                    }>
                        <option value="" prop:selected=move || inbox.filter.with(|f| f.account.is_none())>{t.tr(Msg::AnyOption)}</option>
                        {inbox.accounts.get().into_iter().map(|a| {
                            let id = a.id.clone();
                            view! {
                                <option value=a.id.clone() prop:selected=move || inbox.filter.with(|f| f.account.as_ref() == Some(&id))>
                                    {format!("{} ({})", a.handle, a.network.name())}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
            })}
            <label>{t.tr(Msg::FilterLevel)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    inbox.filter.update(|f| f.level = v.parse().ok());
                }>
                    <option value="" prop:selected=move || inbox.filter.with(|f| f.level.is_none())>{t.tr(Msg::AnyOption)}</option>
                    {crate::domain::member_level::Level::ALL.into_iter().map(|l| view! {
                        <option value=l.number().to_string() prop:selected=move || inbox.filter.with(|f| f.level == Some(l.number()))>
                            {move || crate::ui::pages::people::level_name(t, l)}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <FilterCheck field=|f| &mut f.question words=Msg::FilterQuestion/>
            <FilterCheck field=|f| &mut f.unanswered words=Msg::FilterUnanswered/>
            <label>{t.tr(Msg::PriorityLabel)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    inbox.filter.update(|f| {
                        f.priority = Priority::ALL.into_iter().find(|p| format!("{p:?}") == v);
                    });
                }>
                    <option value="" prop:selected=move || inbox.filter.with(|f| f.priority.is_none())>{t.tr(Msg::AnyOption)}</option>
                    {Priority::ALL.into_iter().rev().map(|p| view! {
                        <option value=format!("{p:?}") prop:selected=move || inbox.filter.with(|f| f.priority == Some(p))>{move || t.get(super::conversation::priority_msg(p))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{t.tr(Msg::FilterAssignee)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    inbox.filter.update(|f| f.assignee = match v.as_str() {
                        "*" => None,
                        "" => Some(String::new()),
                        _ => Some(v),
                    });
                }>
                    <option value="*" prop:selected=move || inbox.filter.with(|f| f.assignee.is_none())>{t.tr(Msg::AnyOption)}</option>
                    <option value="" prop:selected=move || inbox.filter.with(|f| f.assignee.as_deref() == Some(""))>{t.tr(Msg::NobodyOption)}</option>
                    {move || known.get().1.into_iter().map(|n| {
                        let mine = n.clone();
                        view! { <option value=n.clone() prop:selected=move || inbox.filter.with(|f| f.assignee.as_ref() == Some(&mine))>{n.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
        <datalist id="inbox-labels">{move || known.get().0.into_iter().map(|l| view! { <option value=l/> }).collect_view()}</datalist>
        <datalist id="inbox-names">{move || known.get().1.into_iter().map(|n| view! { <option value=n/> }).collect_view()}</datalist>
        <SelectionBar/>
        <p aria-live="polite" class="inbox-count">{move || {
            let total = total();
            let count = t.plural(Msg::ConversationCount, total, &[]);
            if inbox.read_all.get() {
                count
            } else {
                format!("{count} {}", t.get(Msg::ReadingOlder))
            }
        }}</p>
        {move || (total() == 0).then(|| view! { <p class="empty">{t.get(Msg::NoConversationHere)}</p> })}
        <ol class="inbox-list" node_ref=list>
            <For each=rows key=|(_, c)| c.render_key() let:((_, c))>
                <ConversationRow conv=c places=places total=Signal::derive(total)/>
            </For>
        </ol>
    }
}

/// What can be done to every selected conversation at once.
#[component]
fn SelectionBar() -> impl IntoView {
    use crate::domain::conversation::TriageState as S;
    let t = use_text();
    let inbox = use_inbox();
    let count = move || inbox.selected.with(HashSet::len);
    let on_all = move |change: Change| {
        let keys: Vec<String> = inbox.selected.get_untracked().into_iter().collect();
        inbox.apply(&keys, change);
        inbox.selected.set(HashSet::new());
    };
    view! {
        <Show when=move || { count() > 0 }>
            <div class="selection-bar" role="group" aria-label=t.tr(Msg::SelectionActions)>
                <span>{move || t.plural(Msg::SelectedCount, count(), &[])}</span>
                <button type="button" on:click=move |_| on_all(Change::State(S::Done))>{t.tr(Msg::MarkDone)}</button>
                <button type="button" class="secondary" on:click=move |_| on_all(Change::State(S::WaitingOnThem))>{t.tr(Msg::MarkWaitingOnThem)}</button>
                <button type="button" class="secondary" on:click=move |_| on_all(Change::State(S::WaitingOnUs))>{t.tr(Msg::MarkWaitingOnUs)}</button>
                <button type="button" class="secondary" on:click=move |_| inbox.selected.set(HashSet::new())>{t.tr(Msg::ClearSelection)}</button>
            </div>
        </Show>
    }
}

fn tab_msg(tab: Tab) -> Msg {
    match tab {
        Tab::ToAnswer => Msg::TabToAnswer,
        Tab::WaitingOnThem => Msg::TabWaitingOnThem,
        Tab::Snoozed => Msg::TabSnoozed,
        Tab::Done => Msg::TabDone,
        Tab::All => Msg::TabAll,
    }
}

/// A yes/no filter of the Inbox: `field` is the flag it turns on and off.
#[component]
fn FilterCheck(field: fn(&mut Filter) -> &mut bool, words: Msg) -> impl IntoView {
    let (t, inbox) = (use_text(), use_inbox());
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || inbox.filter.with(|f| *field(&mut f.clone()))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    inbox.filter.update(|f| *field(f) = on);
                }/>
            " "{move || t.get(words)}
        </label>
    }
}
