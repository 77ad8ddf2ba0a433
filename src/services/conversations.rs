//! The inbox as conversations: the workspace's messages grouped by thread with their
//! triage, as they stand now; and each triage action (state, snooze, priority, label,
//! assignee), applied by the domain's rules and saved in one strict transaction.

use crate::domain::conversation::{group, standing, Change, Standing, Triage};
use crate::domain::inbox::InboxItem;
use crate::domain::response_report::{Report, Sample};
use crate::domain::response_times::WorkingHours;
use crate::store::{self, Db, StoreError};

use super::clock::now_ms;

/// One conversation as the inbox shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationView {
    pub key: String,
    /// Its messages, oldest first (shared: a triage copies the view, not the messages).
    pub items: std::sync::Arc<[InboxItem]>,
    /// As saved; a conversation never triaged gets a fresh record (open, normal).
    pub triage: Triage,
    pub standing: Standing,
    pub last_at: f64,
    /// Its authors, handles and texts in lower case, made once when the Inbox reads it
    /// ([`load_for_inbox`]): searching 50,000 conversations then reads this, not every
    /// message again at each keystroke. Empty elsewhere (Today, objectives do not search).
    pub search_text: std::sync::Arc<str>,
    /// Whether one of their messages asks something (a question mark, also the Spanish and
    /// the full-width ones).
    pub asks: bool,
}

/// The lower-case text a conversation is searched in.
fn search_text(items: &[InboxItem]) -> String {
    let mut out = String::new();
    for i in items {
        for s in [
            &i.author_name,
            &i.author_handle,
            &i.text,
            &i.html,
            &i.spoiler,
        ] {
            out.push_str(&s.to_lowercase());
            out.push('\n');
        }
    }
    out
}

impl AsRef<ConversationView> for ConversationView {
    fn as_ref(&self) -> &ConversationView {
        self
    }
}

impl ConversationView {
    /// The newest message.
    pub fn last(&self) -> &InboxItem {
        self.items.last().expect("a conversation has a message")
    }

    /// Tells one rendering of the row from another (what it shows changed).
    pub fn render_key(&self) -> String {
        let t = &self.triage;
        format!(
            "{}|{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            self.key,
            self.items.len(),
            // A message erased (its writer forgotten) is drawn again.
            self.items.iter().filter(|i| i.is_erased()).count(),
            self.standing,
            t.state,
            t.snoozed_until,
            t.priority,
            t.labels,
            t.assignee
        )
    }

    /// Whether `needle` (lower case) is in an author, a handle, a text or a label.
    pub fn matches(&self, needle: &str) -> bool {
        needle.is_empty()
            || if self.search_text.is_empty() {
                search_text(&self.items).contains(needle)
            } else {
                self.search_text.contains(needle)
            }
            || self
                .triage
                .labels
                .iter()
                .any(|l| l.to_lowercase().contains(needle))
    }
}

/// Every conversation of the workspace at `now`, the most recently active first.
pub async fn load(
    db: &Db,
    workspace_id: &str,
    now: f64,
) -> Result<Vec<ConversationView>, StoreError> {
    let items = super::read_all::messages(db, workspace_id).await?;
    let triage = store::triage::for_workspace(db, workspace_id).await?;
    Ok(assemble(workspace_id, items, triage, now))
}

/// Every conversation of the workspace at `now`, made ready to be searched as typed.
pub async fn load_for_inbox(
    db: &Db,
    workspace_id: &str,
    now: f64,
) -> Result<Vec<ConversationView>, StoreError> {
    let mut list = load(db, workspace_id, now).await?;
    index_for_search(&mut list);
    Ok(list)
}

/// The conversations of the newest `limit` messages only, ready to be searched: what the
/// Inbox draws first while [`load_for_inbox`] reads everything (a conversation may miss its
/// older messages here).
pub async fn load_newest(
    db: &Db,
    workspace_id: &str,
    now: f64,
    limit: u32,
) -> Result<Vec<ConversationView>, StoreError> {
    let items = store::inbox::latest(db, workspace_id, limit).await?.items;
    let keys: Vec<String> = group(&items).into_iter().map(|g| g.key).collect();
    let triage = store::triage::for_conversations(db, workspace_id, &keys).await?;
    let mut list = assemble(workspace_id, items, triage, now);
    index_for_search(&mut list);
    Ok(list)
}

/// Makes each conversation's search text once.
pub fn index_for_search(list: &mut [ConversationView]) {
    for c in list {
        c.search_text = search_text(&c.items).into();
    }
}

/// Groups `items` and joins each conversation to its triage.
pub fn assemble(
    workspace_id: &str,
    items: Vec<InboxItem>,
    triage: Vec<Triage>,
    now: f64,
) -> Vec<ConversationView> {
    let mut by_key: std::collections::HashMap<String, Triage> =
        triage.into_iter().map(|t| (t.key.clone(), t)).collect();
    let groups = group(&items);
    let mut slots: Vec<Option<InboxItem>> = items.into_iter().map(Some).collect();
    groups
        .into_iter()
        .map(|g| {
            let msgs: Vec<InboxItem> = g.items.iter().filter_map(|&i| slots[i].take()).collect();
            let asks = msgs.iter().any(|i| {
                [&i.text, &i.html]
                    .iter()
                    .any(|s| s.contains(['?', '¿', '？']))
            });
            let saved = by_key.remove(&g.key);
            let standing = standing(saved.as_ref(), g.last_at, now);
            ConversationView {
                triage: saved.unwrap_or_else(|| Triage::new(workspace_id, &g.key)),
                key: g.key,
                search_text: std::sync::Arc::from(""),
                asks,
                items: msgs.into(),
                standing,
                last_at: g.last_at,
            }
        })
        .collect()
}

/// Applies `change` to each of `triage` now and saves them together (one strict
/// transaction); returns them as saved.
pub async fn change(
    db: &Db,
    triage: Vec<Triage>,
    change: &Change,
) -> Result<Vec<Triage>, StoreError> {
    let now = now_ms();
    let changed: Vec<Triage> = triage
        .into_iter()
        .map(|mut t| {
            change.apply(&mut t, now);
            t
        })
        .collect();
    store::triage::put_all(db, &changed).await?;
    Ok(changed)
}

pub use crate::domain::inbox_view::{Filter, Tab};

impl Filter {
    pub fn keeps(&self, c: &ConversationView) -> bool {
        self.tab.holds(&c.standing) && self.keeps_in_any_tab(c)
    }

    /// Everything but the tab (the tabs' counts ask this once per conversation).
    pub fn keeps_in_any_tab(&self, c: &ConversationView) -> bool {
        use crate::domain::conversation::Step;
        self.label
            .as_ref()
            .is_none_or(|l| c.triage.labels.iter().any(|x| x == l))
            && self.assignee.as_ref().is_none_or(|a| {
                if a.is_empty() {
                    c.triage.assignee.is_none()
                } else {
                    c.triage.assignee.as_ref() == Some(a)
                }
            })
            && self.network.is_none_or(|n| c.last().network == n)
            && (!self.question || c.asks)
            && self.priority.is_none_or(|p| c.triage.priority == p)
            && self
                .account
                .as_ref()
                .is_none_or(|a| &c.last().account_id == a)
            && (!self.unanswered
                || (c.triage.our_replies.is_empty()
                    && !c
                        .triage
                        .history
                        .iter()
                        .any(|s| matches!(s, Step::Replied(_)))))
            && c.matches(&self.text)
    }
}

/// The members who wrote in `c` (their keys, as `domain::member::key_of` makes them).
pub fn member_keys(c: &ConversationView) -> impl Iterator<Item = String> + '_ {
    c.items
        .iter()
        .map(|i| crate::domain::member::key_of(i.network, &i.author_handle))
}

/// The order of a list: the most urgent first, then the most recently active.
pub fn order(a: &ConversationView, b: &ConversationView) -> std::cmp::Ordering {
    b.triage
        .priority
        .cmp(&a.triage.priority)
        .then(b.last_at.total_cmp(&a.last_at))
}

/// What the other screens read from the conversations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answering {
    /// Hours to the first response of each conversation begun in the period that had one.
    pub first_response_hours: Vec<f64>,
    /// Conversations begun in the period.
    pub begun: usize,
    /// Since when each conversation that waits on us now waits (UTC ms).
    pub waiting: Vec<f64>,
    /// When each snoozed conversation comes back (UTC ms).
    pub snoozed_until: Vec<f64>,
}

/// The figures of `list` for conversations begun after `since` (the waits: all of them),
/// counting only `hours` when the workspace has working hours.
pub fn answering(list: &[ConversationView], since: f64, hours: Option<&WorkingHours>) -> Answering {
    let zone = crate::domain::zone_cache::CachedZone::new(super::queue::BrowserZone);
    use crate::domain::conversation::waiting_since;
    let mut out = Answering::default();
    for c in list {
        let theirs: Vec<f64> = c.items.iter().map(|i| i.at).collect();
        if let Some(w) = waiting_since(&theirs, Some(&c.triage), &c.standing) {
            out.waiting.push(w);
        }
        if c.standing.snoozed {
            out.snoozed_until.extend(c.triage.snoozed_until);
        }
        let first = theirs.iter().copied().fold(f64::INFINITY, f64::min);
        if first <= since {
            continue;
        }
        out.begun += 1;
        if let Some(ms) = sample(c, hours, &zone).times.first_response {
            out.first_response_hours.push(ms / 3_600_000.0);
        }
    }
    out
}

/// One conversation's response times, for the report.
pub fn sample(
    c: &ConversationView,
    hours: Option<&WorkingHours>,
    zone: &impl crate::domain::queue::Zone,
) -> Sample {
    use crate::domain::conversation::events;
    use crate::domain::response_times::times;
    let theirs: Vec<f64> = c.items.iter().map(|i| i.at).collect();
    Sample {
        network: c.last().network,
        assignee: c.triage.assignee.clone(),
        times: times(&events(&theirs, Some(&c.triage)), hours, zone),
    }
}

/// The response-time report of `list` for what was answered or closed in `[from, to)`.
pub fn report<C: AsRef<ConversationView>>(
    list: &[C],
    hours: Option<&WorkingHours>,
    from: f64,
    to: f64,
) -> Report {
    // The browser's clock asked once per quarter of an hour, not at every message.
    let zone = crate::domain::zone_cache::CachedZone::new(super::queue::BrowserZone);
    let samples: Vec<Sample> = list
        .iter()
        .map(|c| sample(c.as_ref(), hours, &zone))
        .collect();
    crate::domain::response_report::report(&samples, from, to, &zone)
}

/// The report of the last `weeks` local weeks, this one included, up to `now`.
pub fn report_weeks<C: AsRef<ConversationView>>(
    list: &[C],
    hours: Option<&WorkingHours>,
    weeks: u32,
    now: f64,
) -> Report {
    use crate::domain::queue::local_to_utc;
    use crate::domain::response_report::week_of;
    let zone = super::queue::BrowserZone;
    let monday = week_of(&zone, now) - chrono::Days::new(7 * u64::from(weeks.max(1) - 1));
    report(list, hours, local_to_utc(&zone, monday, 0), now + 1.0)
}

/// The messages of `list`, each marked answered at the first reply of ours at or after it
/// (the audit counts replies so).
pub fn answered_messages(list: &[ConversationView]) -> Vec<InboxItem> {
    use crate::domain::conversation::Step;
    let mut out = Vec::with_capacity(list.iter().map(|c| c.items.len()).sum());
    for c in list {
        let replies: Vec<f64> = c
            .triage
            .history
            .iter()
            .filter_map(|s| match *s {
                Step::Replied(at) => Some(at),
                _ => None,
            })
            .collect();
        for i in c.items.iter() {
            let mut i = i.clone();
            i.answered_at = replies
                .iter()
                .copied()
                .filter(|&r| r >= i.at)
                .min_by(f64::total_cmp);
            out.push(i);
        }
    }
    out
}

/// A reply queued, and its conversation's triage that now lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Replied {
    pub post: crate::domain::post::Post,
    pub triage: Triage,
}

/// Why a reply was not queued.
#[derive(Debug, Clone, PartialEq)]
pub enum ReplyError {
    /// Nothing to send, or too long for the network, or no account there.
    Blocked(Vec<crate::domain::post::Blocker>),
    Store(StoreError),
    /// The outbox would not take it (the post vanished meanwhile).
    NotQueued,
    /// A variable (`{name}`) left that nothing fills here, or that does not exist.
    Variables(crate::domain::saved_reply::FillError),
}

impl From<StoreError> for ReplyError {
    fn from(e: StoreError) -> Self {
        ReplyError::Store(e)
    }
}

/// What a reply to `conv` names: the newest message of theirs, its thread and visibility.
fn reply_to(conv: &ConversationView) -> crate::domain::reply_to::ReplyTo {
    let last = conv.last();
    crate::domain::reply_to::ReplyTo {
        conversation: conv.key.clone(),
        parent: last.remote_id.clone(),
        parent_cid: last.cid.clone(),
        root: last.thread_root.clone().unwrap_or_default(),
        root_cid: last.thread_root_cid.clone().unwrap_or_default(),
        visibility: last.visibility.clone(),
    }
}

/// The words a reply starts with: on Mastodon, the author and the others the message named
/// (never `own`, the account answering: `@user@domain`), each once; on Bluesky nothing (the
/// reply's refs say whom it answers).
pub fn reply_start(conv: &ConversationView, own: &str) -> String {
    use crate::domain::network::Network;
    let last = conv.last();
    if last.network != Network::Mastodon {
        return String::new();
    }
    let own = own.trim_start_matches('@').to_lowercase();
    let own_user = own.split('@').next().unwrap_or_default().to_string();
    let mut names: Vec<String> = vec![];
    let author = last.author_handle.trim_start_matches('@').to_string();
    for acct in std::iter::once(author).chain(last.mentions.iter().cloned()) {
        let lower = acct.to_lowercase();
        // A mention of the answering account comes as `user` (same server) or `user@domain`.
        if lower == own || lower == own_user || names.iter().any(|n| n.to_lowercase() == lower) {
            continue;
        }
        names.push(acct);
    }
    names.iter().map(|n| format!("@{n} ")).collect::<String>()
}

/// What a saved reply's variables stand for in `conv`: its newest message's author, the
/// workspace's name as the brand (`brand`), and the teammate it is assigned to as "my name".
pub fn values(conv: &ConversationView, brand: &str) -> crate::domain::saved_reply::Values {
    let last = conv.last();
    crate::domain::saved_reply::Values::of(
        &last.author_name,
        &last.author_handle,
        brand,
        conv.triage.assignee.as_deref().unwrap_or_default(),
    )
}

/// Queues `text` as a reply to `conv` (durable first: the post, then the conversation's list
/// of replies, then the outbox row, each saved before anything goes out; sent when online,
/// once). Returns the reply and the conversation's triage as saved.
pub async fn reply(
    db: &Db,
    conv: &ConversationView,
    text: &str,
    lang: &str,
) -> Result<Replied, ReplyError> {
    use crate::domain::counting::MastodonRules;
    use crate::domain::post::{Blocker, ME};
    let last = conv.last();
    let network = last.network;
    let ws = &conv.triage.workspace_id;
    // Never a variable left in braces: filled here, or named and nothing is sent.
    let brand = store::workspaces::list(db)
        .await?
        .into_iter()
        .find(|w| &w.id == ws)
        .map(|w| w.name)
        .unwrap_or_default();
    let text = crate::domain::saved_reply::fill(text, &values(conv, &brand))
        .map_err(ReplyError::Variables)?;
    let mut post = super::posts::fresh(ws, &[network], lang);
    post.base_text = text.trim_end().to_string();
    post.reply_to = Some(reply_to(conv));
    let account = store::accounts::for_workspace(db, ws)
        .await?
        .into_iter()
        .find(|a| a.network == network);
    let Some(account) = account else {
        return Err(ReplyError::Blocked(vec![Blocker::NoNetwork]));
    };
    let rules: MastodonRules = account.rules.unwrap_or_default();
    let blockers = post.blockers(rules);
    if !blockers.is_empty() {
        return Err(ReplyError::Blocked(blockers));
    }
    store::posts::put(db, &post).await?;
    let mut triage = store::triage::get(db, &conv.triage.id)
        .await?
        .unwrap_or_else(|| conv.triage.clone());
    triage.our_replies.push(post.id.clone());
    triage.updated_at = now_ms();
    store::triage::put_all(db, std::slice::from_ref(&triage)).await?;
    match super::outbox::send(db, &post.id, Some(network), now_ms(), ME).await {
        Ok(rows) if !rows.is_empty() => Ok(Replied { post, triage }),
        Ok(_) => Err(ReplyError::NotQueued),
        Err(crate::services::sending::PublishError::Store(e)) => Err(ReplyError::Store(e)),
        Err(_) => Err(ReplyError::NotQueued),
    }
}

/// A reply written in the Inbox went out: its conversation now waits on them (the reply's
/// time goes in its history, for the response times). Nothing for another post.
pub async fn replied(db: &Db, post_id: &str) -> Result<(), StoreError> {
    let Some(post) = store::posts::get(db, post_id).await? else {
        return Ok(());
    };
    let Some(r) = &post.reply_to else {
        return Ok(());
    };
    let id = format!("{}:{}", post.workspace_id, r.conversation);
    let mut triage = store::triage::get(db, &id)
        .await?
        .unwrap_or_else(|| Triage::new(&post.workspace_id, &r.conversation));
    let at = post
        .variants
        .iter()
        .filter_map(|v| v.published.as_ref().map(|p| p.at))
        .fold(now_ms(), f64::min);
    triage.replied(at);
    if !triage.our_replies.contains(&post.id) {
        triage.our_replies.push(post.id.clone());
    }
    store::triage::put_all(db, std::slice::from_ref(&triage)).await
}
