//! The inbox: what the community said to the workspace's accounts (Mastodon and Bluesky side
//! by side), grouped into conversations and triaged — to answer, waiting on them, snoozed,
//! done — with labels, a priority and a teammate; searched and filtered; worked with the
//! mouse or the keyboard alone (`keys.rs`). "Check now" syncs every connected network (and
//! the page syncs once when opened online).

mod conversation;
mod keys;
mod message;
mod reply_box;
mod times;
mod working_hours;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::conversation::{standing, Change, Triage};
use crate::domain::network::Network;
use crate::services::conversations::{self, order, ConversationView, Filter, Tab};
use crate::services::inbox;
use crate::services::sending::SyncError;
use crate::ui::components::no_workspace::NoWorkspace;
use crate::ui::errors::sync_problem;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

use conversation::ConversationRow;

const PAGE: usize = 100;

/// The form draft the replies being written are kept in: conversation key, text, and so on.
const REPLY_DRAFTS: &str = "inbox-replies";

/// The conversations as read, shared without copying.
type List = Arc<Vec<ConversationView>>;

/// What the Inbox's parts share: the list, the filter, the keyboard's place, the selection,
/// and the one way to triage.
#[derive(Clone, Copy)]
pub(crate) struct Inbox {
    /// Every conversation, with the triage saved since the read shown over it.
    all: Memo<List>,
    /// Indexes into `all` of what the filter keeps, in the list's order.
    visible: Memo<Vec<usize>>,
    filter: RwSignal<Filter>,
    /// The conversation the keyboard is on (its key).
    current: RwSignal<Option<String>>,
    opened: RwSignal<HashSet<String>>,
    selected: RwSignal<HashSet<String>>,
    /// Saved triage, shown over what was read.
    changes: RwSignal<HashMap<String, Triage>>,
    /// Replies being written, by conversation: kept as typed (the form draft
    /// [`REPLY_DRAFTS`]), so a triage that draws the row again, leaving the page or a reload
    /// loses none of them.
    replies: RwSignal<HashMap<String, String>>,
    /// The kept replies have been read back (nothing is started or saved before).
    replies_loaded: RwSignal<bool>,
    /// Asks the current row to take the focus (and which of its fields).
    focus: RwSignal<(u64, keys::Field)>,
    /// The last focus request taken.
    focus_done: StoredValue<u64>,
    /// The shortcuts' list is shown.
    help: RwSignal<bool>,
    act: Action<(Vec<Triage>, Vec<String>, Change), ()>,
}

impl Inbox {
    /// Applies `change` to the conversations `keys` (saved in one transaction, then said).
    pub fn apply(&self, keys: &[String], change: Change) {
        let (triage, names): (Vec<Triage>, Vec<String>) = self.all.with_untracked(|all| {
            all.iter()
                .filter(|c| keys.contains(&c.key))
                .map(|c| (c.triage.clone(), c.last().author_name.clone()))
                .unzip()
        });
        if !triage.is_empty() {
            self.act.dispatch((triage, names, change));
        }
    }

    /// Shows `triage` as saved (a reply queued lists itself in it).
    pub fn saved(&self, triage: Triage) {
        self.changes.update(|m| {
            m.insert(triage.key.clone(), triage);
        });
    }

    /// The conversation `key`, as shown now.
    pub fn get(&self, key: &str) -> Option<ConversationView> {
        self.all
            .with_untracked(|all| all.iter().find(|c| c.key == key).cloned())
    }

    /// Moves the keyboard's place by `step` in the visible list and focuses it.
    pub fn step(&self, step: isize) {
        let keys: Vec<String> = self.visible.with_untracked(|v| {
            self.all
                .with_untracked(|all| v.iter().map(|&i| all[i].key.clone()).collect())
        });
        if keys.is_empty() {
            return;
        }
        let at = self
            .current
            .with_untracked(|c| c.as_ref().and_then(|c| keys.iter().position(|k| k == c)));
        let next = match at {
            None => 0,
            Some(i) => (i as isize + step).clamp(0, keys.len() as isize - 1) as usize,
        };
        self.current.set(Some(keys[next].clone()));
        self.focus_on(keys::Field::Row);
    }

    pub fn focus_on(&self, field: keys::Field) {
        self.focus.update(|(n, f)| {
            *n += 1;
            *f = field;
        });
    }

    /// Every label and every assignee used in the workspace, sorted.
    fn known(&self) -> (Vec<String>, Vec<String>) {
        self.all.with(|all| {
            let mut labels: Vec<String> = all
                .iter()
                .flat_map(|c| c.triage.labels.iter().cloned())
                .collect();
            let mut names: Vec<String> = all
                .iter()
                .filter_map(|c| c.triage.assignee.clone())
                .collect();
            for l in [&mut labels, &mut names] {
                l.sort_by_key(|s| s.to_lowercase());
                l.dedup();
            }
            (labels, names)
        })
    }
}

pub(crate) fn use_inbox() -> Inbox {
    expect_context::<Inbox>()
}

/// What a change did, for the notice.
fn did(t: Text, change: &Change, before: &Triage) -> String {
    use crate::domain::conversation::TriageState as S;
    match change {
        Change::State(S::Done) => t.get(Msg::DidDone).to_string(),
        Change::State(S::Open | S::WaitingOnUs) if before.state == S::Done => {
            t.get(Msg::DidReopen).to_string()
        }
        Change::State(S::Open | S::WaitingOnUs) => t.get(Msg::DidWaitingOnUs).to_string(),
        Change::State(S::WaitingOnThem) => t.get(Msg::DidWaitingOnThem).to_string(),
        Change::Snooze(until) => t.fill(
            Msg::DidSnooze,
            &[("when", &crate::ui::format::date_time(t.lang(), *until))],
        ),
        Change::Priority(p) => t.fill(
            Msg::DidPriority,
            &[(
                "priority",
                &t.get(conversation::priority_msg(*p)).to_lowercase(),
            )],
        ),
        Change::Label(l)
            if before
                .labels
                .iter()
                .any(|x| x.eq_ignore_ascii_case(l.trim())) =>
        {
            t.fill(Msg::DidUnlabel, &[("label", &l.trim())])
        }
        Change::Label(l) => t.fill(Msg::DidLabel, &[("label", &l.trim())]),
        Change::Assign(n) if n.trim().is_empty() => t.get(Msg::DidUnassign).to_string(),
        Change::Assign(n) => t.fill(Msg::DidAssign, &[("name", &n.trim())]),
    }
}

#[component]
pub fn InboxPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let version = RwSignal::new(0u32);
    // The time the list is judged at (a snooze ends): read again every minute.
    let now = RwSignal::new(crate::services::clock::now_ms());
    let tick = set_interval_with_handle(
        move || now.set(crate::services::clock::now_ms()),
        std::time::Duration::from_secs(60),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = tick {
            h.clear();
        }
    });
    let data = LocalResource::new(move || {
        version.track();
        // A reply sent from the outbox moves its conversation.
        state.outbox_version.track();
        let (db, ws) = (db.get(), state.current());
        let at = now.get_untracked();
        async move {
            match ws {
                Some(ws) => conversations::load_for_inbox(&db, &ws.id, at)
                    .await
                    .map(|l| Some(Arc::new(l))),
                None => Ok(None),
            }
        }
    });
    // Triage saved since the read, by conversation.
    let changes = RwSignal::new(HashMap::<String, Triage>::new());
    let all = Memo::new_with_compare(
        move |_| {
            let base: List = match data.get() {
                Some(Ok(Some(list))) => list,
                _ => Arc::new(vec![]),
            };
            let at = now.get();
            changes.with(|ch| {
                Arc::new(
                    base.iter()
                        .map(|c| {
                            let mut c = c.clone();
                            // Saved here since the read, unless the read is newer (a reply
                            // that went out since, from the outbox).
                            if let Some(t) = ch.get(&c.key) {
                                if t.updated_at >= c.triage.updated_at {
                                    c.triage = t.clone();
                                }
                            }
                            c.standing = standing(Some(&c.triage), c.last_at, at);
                            c
                        })
                        .collect::<Vec<_>>(),
                )
            })
        },
        // Changed unless it is the same list (a new read, or a triage saved, changes it).
        |a, b| !a.is_some_and(|a| b.is_some_and(|b| Arc::ptr_eq(a, b) || a == b)),
    );
    let filter = RwSignal::new(Filter::default());
    let visible = Memo::new(move |_| {
        let f = filter.get();
        all.with(|all| {
            let mut kept: Vec<usize> = (0..all.len()).filter(|&i| f.keeps(&all[i])).collect();
            kept.sort_by(|&a, &b| order(&all[a], &all[b]));
            kept
        })
    });
    let act = Action::new_local(
        move |(list, names, change): &(Vec<Triage>, Vec<String>, Change)| {
            let (db, list, names, change) = (db.get(), list.clone(), names.clone(), change.clone());
            async move {
                let before = list.first().cloned();
                match conversations::change(&db, list, &change).await {
                    Ok(saved) => {
                        let count = saved.len();
                        // The page may have been left meanwhile.
                        changes.try_update(|m| {
                            for s in saved {
                                m.insert(s.key.clone(), s);
                            }
                        });
                        let Some(before) = before else { return };
                        state.say_in(move |t| {
                            let what = did(t, &change, &before);
                            match names.as_slice() {
                                [one] => {
                                    t.fill(Msg::TriageSaved, &[("name", one), ("what", &what)])
                                }
                                _ => t.plural(Msg::TriageSavedMany, count, &[("what", &what)]),
                            }
                        });
                    }
                    Err(e) => state.save_failed(&e),
                }
            }
        },
    );
    let (replies, replies_loaded) = keep_replies(db.get(), state.current().map(|w| w.id));
    let inbox = Inbox {
        replies,
        replies_loaded,
        all,
        visible,
        filter,
        current: RwSignal::new(None),
        opened: RwSignal::new(HashSet::new()),
        selected: RwSignal::new(HashSet::new()),
        changes,
        focus: RwSignal::new((0, keys::Field::Row)),
        focus_done: StoredValue::new(0),
        help: RwSignal::new(false),
        act,
    };
    provide_context(inbox);
    keys::listen(inbox);
    let check = Action::new_local(move |_: &()| {
        let (db, ws) = (db.get(), state.current());
        async move {
            let Some(ws) = ws else {
                return;
            };
            let checked = inbox::check(&db, &ws.id).await;
            if checked.problems.is_empty() {
                state.say_in(move |t| t.plural(Msg::SyncDone, checked.new, &[]));
            } else {
                let said: Vec<String> = checked
                    .problems
                    .iter()
                    .map(|(n, e)| match e {
                        SyncError::Stopped(p) => sync_problem(t, n.name(), p),
                        SyncError::Store(e) => crate::ui::errors::save_failed(t, e),
                    })
                    .collect();
                state.warn(said.join(" "));
            }
            version.try_update(|v| *v += 1);
        }
    });
    let busy = check.pending();
    // Once when the page opens, if there is an account and a network.
    let online = web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(false);
    if online {
        if let Some(ws) = state.current() {
            let db = db.get();
            leptos::task::spawn_local(async move {
                if inbox::has_accounts(&db, &ws.id).await.unwrap_or(false) {
                    check.dispatch(());
                }
            });
        }
    }
    let shown = RwSignal::new(PAGE);
    let list = move || match data.get() {
        None => ().into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{crate::ui::errors::save_failed(t, &e)}</p> }.into_any()
        }
        Some(Ok(None)) => view! { <NoWorkspace/> }.into_any(),
        Some(Ok(Some(list))) if list.is_empty() => {
            view! { <p class="empty">{t.get(Msg::InboxEmpty)}</p> }.into_any()
        }
        Some(Ok(Some(_))) => view! { <Conversations shown=shown/> }.into_any(),
    };
    view! {
        <h1>{move || t.get(Msg::NavInbox)}</h1>
        <p>{move || t.get(Msg::InboxIntro)}</p>
        <p class="inbox-top">
            <button type="button" on:click=move |_| { check.dispatch(()); } disabled=move || busy.get()>
                {move || if busy.get() { t.get(Msg::Checking) } else { t.get(Msg::CheckNow) }}
            </button>
            " "
            <keys::ShortcutsButton/>
        </p>
        {list}
    }
}

/// The replies being written, read back once and kept as they are typed.
fn keep_replies(
    db: crate::store::Db,
    workspace: Option<String>,
) -> (RwSignal<HashMap<String, String>>, RwSignal<bool>) {
    use crate::services::form_drafts;
    let state = use_app();
    let replies = RwSignal::new(HashMap::<String, String>::new());
    let loaded = RwSignal::new(false);
    let Some(ws) = workspace else {
        return (replies, loaded);
    };
    {
        let (db, ws) = (db.clone(), ws.clone());
        leptos::task::spawn_local(async move {
            if let Ok(Some(kept)) = form_drafts::load(&db, &ws, REPLY_DRAFTS).await {
                replies.try_update(|m| {
                    for pair in kept.chunks(2) {
                        if let [key, text] = pair {
                            m.entry(key.clone()).or_insert_with(|| text.clone());
                        }
                    }
                });
            }
            loaded.try_set(true);
        });
    }
    let autosave = crate::ui::components::autosave::Autosave::new();
    let db = StoredValue::new_local(db);
    Effect::new(move |_| {
        let pairs: Vec<String> = replies.with(|m| {
            m.iter()
                .filter(|(_, text)| !text.trim().is_empty())
                .flat_map(|(k, text)| [k.clone(), text.clone()])
                .collect()
        });
        if !loaded.get() {
            return;
        }
        let (db, ws) = (db.get_value(), ws.clone());
        autosave.change(move || {
            leptos::task::spawn_local(async move {
                if let Err(e) = form_drafts::keep(&db, &ws, REPLY_DRAFTS, &pairs).await {
                    state.save_failed(&e);
                }
            });
        });
    });
    (replies, loaded)
}

/// The filter bar, the selection's actions and the list, a page at a time.
#[component]
fn Conversations(shown: RwSignal<usize>) -> impl IntoView {
    let t = use_text();
    let inbox = use_inbox();
    let counts = Memo::new(move |_| {
        let f = inbox.filter.get();
        inbox.all.with(|all| {
            Tab::ALL.map(|tab| {
                let f = Filter { tab, ..f.clone() };
                all.iter().filter(|c| f.keeps(c)).count()
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
                        shown.set(PAGE);
                    }>
                    {move || t.get(tab_msg(tab))}" "<span class="count">{move || counts.get()[i]}</span>
                </button>
            }
        })
        .collect_view();
    let known = Memo::new(move |_| inbox.known());
    let rows = move || {
        let n = shown.get();
        inbox.visible.with(|v| {
            inbox.all.with(|all| {
                v.iter()
                    .take(n)
                    .map(|&i| all[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let total = move || inbox.visible.with(Vec::len);
    view! {
        <times::ResponseTimes/>
        <div class="inbox-tabs" role="group" aria-label=move || t.get(Msg::InboxViews)>{tabs}</div>
        <div class="inbox-filters">
            <label>{move || t.get(Msg::SearchConversations)}" "
                <input type="search" prop:value=move || inbox.filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev).trim().to_lowercase();
                        inbox.filter.update(|f| f.text = v);
                    }/>
            </label>
            <label>{move || t.get(Msg::FilterLabel)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    inbox.filter.update(|f| f.label = (!v.is_empty()).then_some(v));
                }>
                    <option value="">{move || t.get(Msg::AnyOption)}</option>
                    {move || known.get().0.into_iter().map(|l| view! { <option value=l.clone()>{l.clone()}</option> }).collect_view()}
                </select>
            </label>
            <label>{move || t.get(Msg::FilterNetwork)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    inbox.filter.update(|f| f.network = Network::ALL.into_iter().find(|n| n.name() == v));
                }>
                    <option value="">{move || t.get(Msg::AnyOption)}</option>
                    {[Network::Mastodon, Network::Bluesky].map(|n| view! { <option value=n.name()>{n.name()}</option> }).into_iter().collect_view()}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || inbox.filter.with(|f| f.question)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        inbox.filter.update(|f| f.question = on);
                    }/>
                " "{move || t.get(Msg::FilterQuestion)}
            </label>
            <label>{move || t.get(Msg::FilterAssignee)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    inbox.filter.update(|f| f.assignee = match v.as_str() {
                        "*" => None,
                        "" => Some(String::new()),
                        _ => Some(v),
                    });
                }>
                    <option value="*">{move || t.get(Msg::AnyOption)}</option>
                    <option value="">{move || t.get(Msg::NobodyOption)}</option>
                    {move || known.get().1.into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                </select>
            </label>
        </div>
        <datalist id="inbox-labels">{move || known.get().0.into_iter().map(|l| view! { <option value=l/> }).collect_view()}</datalist>
        <datalist id="inbox-names">{move || known.get().1.into_iter().map(|n| view! { <option value=n/> }).collect_view()}</datalist>
        <SelectionBar/>
        <p aria-live="polite" class="inbox-count">{move || {
            let total = total();
            t.plural(Msg::ConversationCount, total, &[("shown", &total.min(shown.get()).to_string())])
        }}</p>
        {move || (total() == 0).then(|| view! { <p class="empty">{t.get(Msg::NoConversationHere)}</p> })}
        <ol class="inbox-list">
            <For each=rows key=|c| c.render_key() let:c>
                <ConversationRow conv=c/>
            </For>
        </ol>
        {move || {
            let more = total().saturating_sub(shown.get());
            (more > 0).then(|| view! {
                <button type="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {t.plural(Msg::ShowMore, more, &[("more", &PAGE.min(more).to_string())])}
                </button>
            })
        }}
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
            <div class="selection-bar" role="group" aria-label=move || t.get(Msg::SelectionActions)>
                <span>{move || t.plural(Msg::SelectedCount, count(), &[])}</span>
                <button type="button" on:click=move |_| on_all(Change::State(S::Done))>{move || t.get(Msg::MarkDone)}</button>
                <button type="button" class="secondary" on:click=move |_| on_all(Change::State(S::WaitingOnThem))>{move || t.get(Msg::MarkWaitingOnThem)}</button>
                <button type="button" class="secondary" on:click=move |_| on_all(Change::State(S::WaitingOnUs))>{move || t.get(Msg::MarkWaitingOnUs)}</button>
                <button type="button" class="secondary" on:click=move |_| inbox.selected.set(HashSet::new())>{move || t.get(Msg::ClearSelection)}</button>
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
