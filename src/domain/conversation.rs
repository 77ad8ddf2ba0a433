//! Conversations: the inbox's messages grouped by thread (one thread = one conversation), and
//! how a community manager triages them — a state (open, waiting on us, waiting on them,
//! done), a snooze, a priority, labels and the teammate it is assigned to. Pure: the
//! grouping, the state as it stands at an instant (a snooze that has ended, or a message of
//! theirs after done or after our reply, opens it again), and the events the response times
//! read.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::inbox::InboxItem;
use super::response_times::Event;

/// Where a conversation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum TriageState {
    /// New, or back: nobody has looked at it since.
    #[default]
    Open,
    /// Seen; an answer of ours is due.
    WaitingOnUs,
    /// We answered (or asked); their move.
    WaitingOnThem,
    /// Nothing more to do.
    Done,
}

impl TriageState {
    pub const ALL: [TriageState; 4] = [
        TriageState::Open,
        TriageState::WaitingOnUs,
        TriageState::WaitingOnThem,
        TriageState::Done,
    ];

    /// Whether it asks something of us (counted in what waits).
    pub fn waits_on_us(self) -> bool {
        matches!(self, TriageState::Open | TriageState::WaitingOnUs)
    }
}

/// How soon it should be handled.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::Low,
        Priority::Normal,
        Priority::High,
        Priority::Urgent,
    ];
}

/// Something done to a conversation, kept in its history (the response times read it).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// A reply of ours was sent (UTC ms).
    Replied(f64),
    /// Marked done.
    Done(f64),
    /// Opened again by hand, or back from a snooze.
    Reopened(f64),
}

/// The triage of one conversation, as the user left it. A conversation nobody triaged yet
/// has none: it is open, normal, without labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Triage {
    /// `<workspace id>:<conversation key>`
    pub id: String,
    pub workspace_id: String,
    /// The conversation's key (see [`conversation_key`]).
    pub key: String,
    pub state: TriageState,
    /// When the state was set (UTC ms): a message of theirs after it opens the conversation
    /// again.
    pub state_at: f64,
    /// Hidden until then (UTC ms); back as open once it passes.
    #[serde(default)]
    pub snoozed_until: Option<f64>,
    #[serde(default)]
    pub priority: Priority,
    #[serde(default)]
    pub labels: Vec<String>,
    /// A teammate's name (names only: no accounts).
    #[serde(default)]
    pub assignee: Option<String>,
    #[serde(default)]
    pub history: Vec<Step>,
    /// The replies written from the Inbox (post ids), oldest first: shown in the thread.
    #[serde(default)]
    pub our_replies: Vec<String>,
    /// When it was last changed (UTC ms): of two copies, the later one is shown.
    #[serde(default)]
    pub updated_at: f64,
}

impl Triage {
    /// The record id of the conversation `key`'s triage in a workspace.
    pub fn id_of(workspace_id: &str, key: &str) -> String {
        format!("{workspace_id}:{key}")
    }

    /// A conversation's triage before anyone touched it.
    pub fn new(workspace_id: &str, key: &str) -> Triage {
        Triage {
            id: Triage::id_of(workspace_id, key),
            workspace_id: workspace_id.to_string(),
            key: key.to_string(),
            state: TriageState::Open,
            state_at: 0.0,
            snoozed_until: None,
            priority: Priority::Normal,
            labels: vec![],
            assignee: None,
            history: vec![],
            our_replies: vec![],
            updated_at: 0.0,
        }
    }

    /// Sets the state at `now`, ending any snooze; done and reopening go in the history, and
    /// so does an answer given elsewhere: moving a conversation that waited on us to
    /// "waiting on them" says we replied (on the network's own app, by mail…).
    pub fn set_state(&mut self, state: TriageState, now: f64) {
        match state {
            TriageState::WaitingOnThem if self.state.waits_on_us() => {
                self.history.push(Step::Replied(now))
            }
            TriageState::Done if self.state != TriageState::Done => {
                self.history.push(Step::Done(now))
            }
            TriageState::Open | TriageState::WaitingOnUs if self.state == TriageState::Done => {
                self.history.push(Step::Reopened(now))
            }
            _ => {}
        }
        self.state = state;
        self.state_at = now;
        self.snoozed_until = None;
    }

    /// A reply of ours was sent at `now`: their move.
    pub fn replied(&mut self, now: f64) {
        self.updated_at = self.updated_at.max(now);
        self.history.push(Step::Replied(now));
        self.state = TriageState::WaitingOnThem;
        self.state_at = now;
        self.snoozed_until = None;
    }

    /// Hidden until `until`.
    pub fn snooze(&mut self, until: f64, now: f64) {
        self.snoozed_until = Some(until);
        self.state_at = now;
    }

    /// Adds the label, or takes it off when it is there. Labels are compared ignoring case
    /// and surrounding spaces; an empty one is ignored.
    pub fn toggle_label(&mut self, label: &str) {
        let label = label.trim();
        if label.is_empty() {
            return;
        }
        let same = |l: &String| l.to_lowercase() == label.to_lowercase();
        if self.labels.iter().any(same) {
            self.labels.retain(|l| !same(l));
        } else {
            self.labels.push(label.to_string());
            self.labels.sort_by_key(|l| l.to_lowercase());
        }
    }

    /// Assigned to `name` (trimmed), or to nobody when it is empty.
    pub fn assign(&mut self, name: &str) {
        let name = name.trim();
        self.assignee = (!name.is_empty()).then(|| name.to_string());
    }
}

/// One triage action, as the user asks it (the same for one conversation or a selection).
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    State(TriageState),
    /// Until then (UTC ms).
    Snooze(f64),
    Priority(Priority),
    /// Adds the label, or removes it when it is there.
    Label(String),
    /// A teammate's name; empty: nobody.
    Assign(String),
}

impl Change {
    /// Applies it at `now`.
    pub fn apply(&self, t: &mut Triage, now: f64) {
        t.updated_at = now;
        match self {
            Change::State(s) => t.set_state(*s, now),
            Change::Snooze(until) => t.snooze(*until, now),
            Change::Priority(p) => t.priority = *p,
            Change::Label(l) => t.toggle_label(l),
            Change::Assign(name) => t.assign(name),
        }
    }
}

/// The key of the conversation an item belongs to. Bluesky names a thread's root; elsewhere
/// the item's parents are followed through `by_remote` (the items known, by remote id) up to
/// the first one not known (our post, or a message never received): all replies under one
/// post of ours are one conversation. An item without a remote id is its own conversation.
pub fn conversation_key<S: std::hash::BuildHasher>(
    item: &InboxItem,
    by_remote: &HashMap<&str, &InboxItem, S>,
) -> String {
    if let Some(root) = &item.thread_root {
        return format!("{}:{root}", item.account_id);
    }
    if item.remote_id.is_empty() {
        return item.id.clone();
    }
    let mut at = item;
    let mut seen = 0;
    // Up the known parents; a cycle (a corrupted record) cannot loop for ever.
    while let Some(parent) = at.in_reply_to.as_deref() {
        match by_remote.get(parent) {
            Some(p) if seen < 10_000 => {
                at = p;
                seen += 1;
            }
            _ => return format!("{}:{parent}", item.account_id),
        }
    }
    format!("{}:{}", item.account_id, at.remote_id)
}

/// One conversation: its key, and its messages oldest first (indexes into the items given).
#[derive(Debug, Clone, PartialEq)]
pub struct Conversation {
    pub key: String,
    pub items: Vec<usize>,
    /// The first message's time and the last one's (UTC ms).
    pub first_at: f64,
    pub last_at: f64,
}

/// Groups `items` into conversations, the most recently active first; a message kept twice
/// (the same remote id) counts once.
pub fn group(items: &[InboxItem]) -> Vec<Conversation> {
    let mut grouping = Grouping::new(items);
    while !grouping.step(usize::MAX) {}
    grouping.conversations()
}

/// [`group`] a few messages at a time ([`Grouping::step`]), so a caller can give way to the
/// screen between steps; the same conversations in the end.
pub struct Grouping<'a> {
    items: &'a [InboxItem],
    by_remote: rustc_hash::FxHashMap<&'a str, &'a InboxItem>,
    /// How many messages' remote ids are in `by_remote`.
    remotes_known: usize,
    index: rustc_hash::FxHashMap<String, usize>,
    out: Vec<Conversation>,
    // One message reached twice (a mention, and the direct conversation it is in) is shown once.
    seen: rustc_hash::FxHashSet<&'a str>,
    next: usize,
    /// How many conversations have their messages in order (once every message is in).
    sorted: usize,
}

impl<'a> Grouping<'a> {
    pub fn new(items: &'a [InboxItem]) -> Self {
        // Room for every message at once: a map that grows moves all it holds in one go,
        // a step far longer than the others.
        let n = items.len();
        let mut by_remote = rustc_hash::FxHashMap::default();
        by_remote.reserve(n);
        let mut index = rustc_hash::FxHashMap::default();
        index.reserve(n);
        let mut seen = rustc_hash::FxHashSet::default();
        seen.reserve(n);
        Grouping {
            items,
            by_remote,
            remotes_known: 0,
            index,
            out: vec![],
            seen,
            next: 0,
            sorted: 0,
        }
    }

    /// Takes up to `budget` more messages — first each one's remote id (a reply finds its
    /// parent by it), then each into its conversation, then each conversation's messages put
    /// in order, about `budget` messages a step; true once all is done.
    pub fn step(&mut self, budget: usize) -> bool {
        if self.next == self.items.len() && self.remotes_known == self.items.len() {
            return self.sort_step(budget);
        }
        if self.remotes_known < self.items.len() {
            let end = self
                .remotes_known
                .saturating_add(budget)
                .min(self.items.len());
            self.by_remote.extend(
                self.items[self.remotes_known..end]
                    .iter()
                    .filter(|i| !i.remote_id.is_empty())
                    .map(|i| (i.remote_id.as_str(), i)),
            );
            self.remotes_known = end;
            return self.items.is_empty();
        }
        let end = self.next.saturating_add(budget).min(self.items.len());
        for n in self.next..end {
            let item = &self.items[n];
            if !item.remote_id.is_empty() && !self.seen.insert(item.remote_id.as_str()) {
                continue;
            }
            let key = conversation_key(item, &self.by_remote);
            match self.index.get(&key) {
                Some(&c) => {
                    let conv = &mut self.out[c];
                    conv.items.push(n);
                    conv.first_at = conv.first_at.min(item.at);
                    conv.last_at = conv.last_at.max(item.at);
                }
                None => {
                    self.index.insert(key.clone(), self.out.len());
                    self.out.push(Conversation {
                        key,
                        items: vec![n],
                        first_at: item.at,
                        last_at: item.at,
                    });
                }
            }
        }
        self.next = end;
        false
    }

    /// Puts about `budget` messages' conversations in order; true once all are, the maps
    /// of the grouping let go.
    fn sort_step(&mut self, budget: usize) -> bool {
        let items = self.items;
        let mut done = 0usize;
        while self.sorted < self.out.len() && done < budget {
            let conv = &mut self.out[self.sorted];
            conv.items
                .sort_by(|&a, &b| items[a].at.total_cmp(&items[b].at));
            done += conv.items.len();
            self.sorted += 1;
        }
        if self.sorted < self.out.len() {
            return false;
        }
        self.by_remote = Default::default();
        self.index = Default::default();
        self.seen = Default::default();
        true
    }

    /// The conversations, the most recently active first, each one's messages oldest first.
    pub fn conversations(mut self) -> Vec<Conversation> {
        while !self.step(usize::MAX) {}
        self.out.sort_by(|a, b| b.last_at.total_cmp(&a.last_at));
        self.out
    }
}

/// How a conversation stands at `now`, given its messages' times (`theirs`, any order) and
/// its triage (`None`: never triaged).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub state: TriageState,
    /// Snoozed and not yet back: hidden from the working lists.
    pub snoozed: bool,
    /// Back on its own (a message after done or after our reply, or a snooze that ended).
    pub came_back: bool,
}

/// See [`Standing`].
pub fn standing(triage: Option<&Triage>, last_theirs: f64, now: f64) -> Standing {
    let Some(t) = triage else {
        return Standing {
            state: TriageState::Open,
            snoozed: false,
            came_back: false,
        };
    };
    if let Some(until) = t.snoozed_until {
        if until > now && last_theirs <= t.state_at {
            return Standing {
                state: t.state,
                snoozed: true,
                came_back: false,
            };
        }
        return Standing {
            state: TriageState::Open,
            snoozed: false,
            came_back: true,
        };
    }
    let answered_since = last_theirs > t.state_at;
    match t.state {
        TriageState::Done | TriageState::WaitingOnThem if answered_since => Standing {
            state: TriageState::Open,
            snoozed: false,
            came_back: true,
        },
        state => Standing {
            state,
            snoozed: false,
            came_back: false,
        },
    }
}

/// Since when a conversation standing so waits on us (`None`: it does not, or it is
/// snoozed): the first message of theirs after our last reply or done, or else the first
/// message of all (`theirs` in any order).
pub fn waiting_since(theirs: &[f64], triage: Option<&Triage>, s: &Standing) -> Option<f64> {
    if s.snoozed || !s.state.waits_on_us() {
        return None;
    }
    let handled = triage
        .into_iter()
        .flat_map(|t| &t.history)
        .filter_map(|step| match *step {
            Step::Replied(at) | Step::Done(at) => Some(at),
            Step::Reopened(_) => None,
        })
        .fold(f64::NEG_INFINITY, f64::max);
    let first_after = |from: f64| {
        theirs
            .iter()
            .copied()
            .filter(|&t| t > from)
            .min_by(f64::total_cmp)
    };
    first_after(handled).or_else(|| first_after(f64::NEG_INFINITY))
}

/// The events the response times read: their messages, and what the history says we did
/// (a message of theirs after done reopens it: [`super::response_times::times`] knows).
pub fn events(theirs: &[f64], triage: Option<&Triage>) -> Vec<Event> {
    let ours = triage
        .into_iter()
        .flat_map(|t| &t.history)
        .map(|s| match *s {
            Step::Replied(at) => Event::Ours(at),
            Step::Done(at) => Event::Done(at),
            Step::Reopened(at) => Event::Reopened(at),
        });
    theirs
        .iter()
        .map(|&t| Event::Theirs(t))
        .chain(ours)
        .collect()
}
