//! The inbox: what the community said to the workspace's accounts (Mastodon and Bluesky side
//! by side), grouped into conversations and triaged — to answer, waiting on them, snoozed,
//! done — with labels, a priority and a teammate; searched and filtered; worked with the
//! mouse or the keyboard alone (`keys.rs`). "Check now" syncs every connected network (and
//! the page syncs once when opened online).

mod conversation;
mod interactions;
mod keys;
mod labels;
mod list;
mod member_filter;
mod message;
mod reply_box;
mod reply_tone;
mod thread;
pub(crate) mod times;
mod views;
mod window;
mod working_hours;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::account::Account;
use crate::domain::conversation::{standing, Change, Triage};
use crate::services::conversations::{self, order, ConversationView, Filter};
use crate::services::inbox;
use crate::services::sending::SyncError;
use crate::ui::components::no_workspace::NoWorkspace;
use crate::ui::errors::sync_problem;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

/// How many of the newest messages are read first, to draw the list at once.
const NEWEST: u32 = 600;

/// The form draft the replies being written are kept in: conversation key, text, and so on.
const REPLY_DRAFTS: &str = "inbox-replies";

/// The conversations as read, shared without copying: a triage makes a new view of the one
/// conversation it changed and shares the others.
pub(crate) type List = Arc<Vec<Arc<ConversationView>>>;

/// What the Inbox's parts share: the list, the filter, the keyboard's place, the selection,
/// and the one way to triage.
#[derive(Clone, Copy)]
pub(crate) struct Inbox {
    /// Every conversation, with the triage saved since the read shown over it.
    all: Memo<List>,
    /// Indexes into `all` of what the filter keeps but for the tab.
    matching: Memo<Vec<usize>>,
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
    /// Every message has been read (else the newest only, or the list kept from last time).
    read_all: Signal<bool>,
    /// The first conversation of the visible list that is drawn (`window.rs`).
    start: RwSignal<usize>,
    /// How many are drawn from there (a screenful and some).
    drawn: RwSignal<usize>,
    /// Asks the current row to take the focus (and which of its fields).
    focus: RwSignal<(u64, keys::Field)>,
    /// The last focus request taken.
    focus_done: StoredValue<u64>,
    /// The shortcuts' list is shown.
    help: RwSignal<bool>,
    act: Action<(Vec<Triage>, Vec<String>, Change), ()>,
    /// The threads read this visit, by conversation (a row drawn again keeps its read).
    threads: thread::Reads,
    /// The workspace's connected accounts.
    accounts: Signal<Vec<Account>>,
    /// The colours chosen for its labels.
    colours: RwSignal<crate::domain::label_colour::LabelColours>,
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
            .with_untracked(|all| all.iter().find(|c| c.key == key).map(|c| (**c).clone()))
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
        window::bring_in(*self, next);
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
                crate::domain::sorting::sort_by_key(l, |s| s.to_lowercase());
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

/// Opened from the search box (`?q=` a handle, `open=` a conversation's key): every list,
/// narrowed to that person, the conversation opened once it is read.
fn opened_from_search(inbox: Inbox) {
    let asked = leptos_router::hooks::use_query_map();
    Effect::new(move |_| {
        if let Some(q) = asked.with(|q| q.get("q")) {
            inbox.filter.set(Filter {
                tab: conversations::Tab::All,
                text: q.trim().to_lowercase(),
                ..Filter::default()
            });
        }
    });
    // Opened once per key asked, as soon as the list holds it.
    Effect::new(move |done: Option<Option<String>>| {
        let done = done.flatten();
        let key = asked.with(|q| q.get("open"))?;
        if done.as_ref() == Some(&key) || !inbox.all.with(|all| all.iter().any(|c| c.key == key)) {
            return done;
        }
        inbox.opened.update(|o| {
            o.insert(key.clone());
        });
        inbox.current.set(Some(key.clone()));
        Some(key)
    });
}

#[component]
pub fn InboxPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    crate::ui::components::tone::provide_corrections();
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
    // Sorted in the list's order: sorting what is shown is then nearly free.
    let shared = |l: Vec<ConversationView>| {
        let mut l: Vec<Arc<ConversationView>> = l.into_iter().map(Arc::new).collect();
        l.sort_by(|a, b| order(a, b));
        Some(Arc::new(l))
    };
    // The list read last time in this workspace shows at once; the read replaces it.
    let ws_id = state.current().map(|w| w.id);
    let cached: StoredValue<Option<List>> = StoredValue::new(state.inbox_cache.with_value(|c| {
        c.as_ref()
            .filter(|(id, _)| Some(id) == ws_id.as_ref())
            .map(|(_, l)| l.clone())
    }));
    // Without it, the first read draws the newest messages' conversations first: reading
    // all 150,000 messages takes seconds.
    let newest = RwSignal::new(None::<List>);
    let data = LocalResource::new(move || {
        version.track();
        // A reply sent from the outbox moves its conversation.
        state.outbox_version.track();
        let (db, ws) = (db.get(), state.current());
        let at = now.get_untracked();
        let first = cached.with_value(Option::is_none) && newest.with_untracked(Option::is_none);
        async move {
            let Some(ws) = ws else { return Ok(None) };
            if first {
                if let Ok(l) = conversations::load_newest(&db, &ws.id, at, NEWEST).await {
                    newest.try_set(shared(l));
                    // Drawn and shown before the long read holds the page.
                    gloo_timers::future::TimeoutFuture::new(50).await;
                }
            }
            let read = conversations::load_for_inbox(&db, &ws.id, at)
                .await
                .map(shared);
            crate::ui::marks::mark("attache:inbox-read");
            read
        }
    });
    let read = move || {
        data.get()
            .or_else(|| cached.get_value().map(|l| Ok(Some(l))))
            .or_else(|| newest.get().map(|l| Ok(Some(l))))
    };
    // Triage saved since the read, by conversation.
    let changes = RwSignal::new(HashMap::<String, Triage>::new());
    let all = Memo::new_with_compare(
        move |_| {
            let base: List = match read() {
                Some(Ok(Some(list))) => list,
                _ => Arc::new(vec![]),
            };
            let at = now.get();
            changes.with(|ch| {
                Arc::new(
                    base.iter()
                        .map(|c| {
                            // Saved here since the read, unless the read is newer (a reply
                            // that went out since, from the outbox).
                            let saved = ch
                                .get(&c.key)
                                .filter(|t| t.updated_at >= c.triage.updated_at);
                            let triage = saved.unwrap_or(&c.triage);
                            let now_standing = standing(Some(triage), c.last_at, at);
                            if saved.is_none() && now_standing == c.standing {
                                return c.clone();
                            }
                            let mut c = (**c).clone();
                            c.triage = triage.clone();
                            c.standing = now_standing;
                            Arc::new(c)
                        })
                        .collect::<Vec<_>>(),
                )
            })
        },
        // Changed unless every conversation is the very same.
        |a, b| {
            !a.is_some_and(|a| {
                b.is_some_and(|b| {
                    Arc::ptr_eq(a, b)
                        || (a.len() == b.len()
                            && a.iter().zip(b.iter()).all(|(x, y)| Arc::ptr_eq(x, y)))
                })
            })
        },
    );
    // Kept for the next visit, with what was triaged here.
    {
        let cache = state.inbox_cache;
        Effect::new(move |_| {
            if let (Some(id), Some(Ok(Some(_)))) = (ws_id.clone(), data.get()) {
                cache.set_value(Some((id, all.get_untracked())));
            }
        });
        let ws_id = state.current().map(|w| w.id);
        on_cleanup(move || {
            if let (Some(id), Some(list)) = (ws_id, all.try_get_untracked()) {
                if !list.is_empty() {
                    cache.try_set_value(Some((id, list)));
                }
            }
        });
    }
    let filter = RwSignal::new(Filter::default());
    // What the filter keeps whatever the tab (the tabs count it), in the list's order.
    let levels = member_filter::levels(db.get(), state.current().map(|w| w.id), filter);
    let matching = Memo::new(move |_| {
        filter.with(|f| {
            levels.with(|levels| {
                let at_level = |c: &ConversationView| match (f.level, levels) {
                    (None, _) => true,
                    (Some(n), Some(levels)) => conversations::member_keys(c)
                        .any(|k| levels.get(&k).is_some_and(|l| l.number() == n)),
                    // The levels are being read: nothing yet.
                    (Some(_), None) => false,
                };
                all.with(|all| {
                    (0..all.len())
                        .filter(|&i| f.keeps_in_any_tab(&all[i]) && at_level(&all[i]))
                        .collect::<Vec<usize>>()
                })
            })
        })
    });
    let visible = Memo::new(move |_| {
        let tab = filter.with(|f| f.tab);
        matching.with(|m| {
            all.with(|all| {
                let mut kept: Vec<usize> = m
                    .iter()
                    .copied()
                    .filter(|&i| tab.holds(&all[i].standing))
                    .collect();
                // Nearly in order already (the read is sorted): close to one pass.
                kept.sort_by(|&a, &b| order(&all[a], &all[b]));
                kept
            })
        })
    });
    let act = Action::new_local(
        move |(list, names, change): &(Vec<Triage>, Vec<String>, Change)| {
            let (db, list, names, change) = (db.get(), list.clone(), names.clone(), change.clone());
            async move {
                let before = list.first().cloned();
                match conversations::change(&db, list, &change).await {
                    Ok(saved) => {
                        crate::ui::marks::mark("attache:triage-saved");
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
    let accounts = LocalResource::new(move || {
        let (db, ws) = (db.get(), state.current());
        async move {
            let Some(ws) = ws else { return vec![] };
            crate::store::accounts::for_workspace(&db, &ws.id)
                .await
                .unwrap_or_default()
        }
    });
    let accounts = Signal::derive(move || accounts.get().unwrap_or_default());
    let inbox = Inbox {
        replies,
        replies_loaded,
        all,
        matching,
        visible,
        filter,
        current: RwSignal::new(None),
        opened: RwSignal::new(HashSet::new()),
        selected: RwSignal::new(HashSet::new()),
        changes,
        read_all: Signal::derive(move || data.with(Option::is_some)),
        start: RwSignal::new(0),
        drawn: RwSignal::new(window::FIRST_DRAWN),
        focus: RwSignal::new((0, keys::Field::Row)),
        focus_done: StoredValue::new(0),
        help: RwSignal::new(false),
        act,
        threads: thread::Reads::new(db),
        accounts,
        colours: labels::load(db.get(), state.current().map(|w| w.id)),
    };
    provide_context(inbox);
    keys::listen(inbox);
    opened_from_search(inbox);
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
    // What the page shows changes only when the kind of answer does: a new read of the list
    // keeps the list drawn (and its scroll place).
    let kind = Memo::new(move |_| match read() {
        None => 0,
        Some(Err(_)) => 1,
        Some(Ok(None)) => 2,
        Some(Ok(Some(list))) if list.is_empty() => 3,
        Some(Ok(Some(_))) => 4,
    });
    let list = move || match kind.get() {
        0 => ().into_any(),
        1 => {
            let e = match data.get_untracked() {
                Some(Err(e)) => crate::ui::errors::save_failed(t, &e),
                _ => String::new(),
            };
            view! { <p role="alert">{e}</p> }.into_any()
        }
        2 => view! { <NoWorkspace/> }.into_any(),
        3 => view! {
            <p class="empty">{move || {
                let handles: Vec<String> = accounts.get().into_iter().map(|a| a.handle).collect();
                if handles.is_empty() {
                    t.get(Msg::InboxEmpty).to_string()
                } else {
                    t.fill(Msg::InboxEmptyConnected, &[("accounts", &handles.join(", "))])
                }
            }}</p>
            <interactions::Interactions/>
        }
        .into_any(),
        _ => view! { <list::Conversations/> }.into_any(),
    };
    view! {
        <h1>{t.tr(Msg::NavInbox)}</h1>
        <p>{t.tr(Msg::InboxIntro)}</p>
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
