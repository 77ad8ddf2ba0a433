//! The outbox: the durable row of one send ([`OutboxItem`]) and what one attempt to send it
//! means for the next (the policy of `domain/retry.rs` applied to the row: done, try again
//! later, ask the server first, wait for the network, or stop and ask the user), the lease
//! that keeps an attempt to one runner, which item is due, which accounts are stopped, and
//! whether a post due while the app was closed still goes out by itself. Pure: no clock, no
//! randomness, no I/O — the service passes `now` and `jitter`, and saves every change to an
//! [`OutboxItem`] before its next request.

use serde::{Deserialize, Serialize};

use super::network::Network;
use super::post::{Post, RemoteSend, SendProblem};
use super::retry::{self, ask_first, Next, Outcome};

const MINUTE: f64 = 60_000.0;

/// How long a runner holds an item in [`ItemState::Sending`] without renewing the lease; past
/// it the item counts as abandoned (the tab crashed, was closed or frozen mid-send) and
/// another run takes it again. The runner renews it ([`OutboxItem::keep_lease`]) every
/// [`KEEP_LEASE_EVERY_MS`] for as long as the attempt runs, however long that is; it stops
/// renewing when the attempt ends, and an attempt always ends, since each of its requests
/// gives up after [`retry::REQUEST_TIMEOUT_MS`]. So a live attempt never loses its row, and a
/// dead one frees it within this long. It exceeds the longest gap between two renewals: the
/// renewal period delayed by [`SLOWEST_TIMER_MS`], plus the save.
pub const LEASE_MS: f64 = 2.0 * MINUTE;
/// How often a runner renews the lease of the item it is sending.
pub const KEEP_LEASE_EVERY_MS: f64 = 30_000.0;
/// The most a browser delays a timer of a hidden page (Chrome's intensive throttling runs
/// them once a minute), for the renewal of the lease.
pub const SLOWEST_TIMER_MS: f64 = MINUTE;
/// A post this late still goes out by itself.
pub const LATE_GRACE_MS: f64 = 15.0 * MINUTE;
/// With "send late posts automatically" on, the latest a post goes out without asking.
pub const LATE_AUTO_MAX_MS: f64 = 60.0 * MINUTE;

/// One send of one post's variant to one network, saved before any request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub id: String,
    pub workspace_id: String,
    pub post_id: String,
    pub network: Network,
    /// The connected account it goes out from.
    pub account_id: String,
    /// Chosen when the send was decided and never changed: Mastodon's `Idempotency-Key`,
    /// Bluesky's record key (a TID).
    pub key: String,
    pub created_at: f64,
    /// When the post should go out (UTC ms); the moment Send was pressed for "send now".
    pub due_at: f64,
    /// When a request first left for the server: Mastodon's key window counts from here.
    #[serde(default)]
    pub first_attempt_at: Option<f64>,
    /// Attempts that reached for the server since the user last acted (offline ones excluded).
    #[serde(default)]
    pub attempts: u32,
    /// Waiting: when it is due. Sending: when the lease runs out (so one index finds both).
    pub next_try_at: f64,
    pub state: ItemState,
    /// What the last unsuccessful attempt got, for the user and for support.
    #[serde(default)]
    pub last_error: Option<Outcome>,
    /// An attempt may have written the post unseen (no answer, a 5xx, a tab gone mid-send):
    /// kept until the post is known sent, so no later write goes out blind.
    #[serde(default)]
    pub maybe_sent: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    Waiting,
    /// A tab is sending it, under a lease.
    Sending,
    Sent,
    NeedsUser(Why),
    Cancelled,
}

/// What the user has to do before the item goes on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// The server refused the account's token: sign in again (stops the whole account).
    Reconnect,
    /// The server refused the post, in its words: change it.
    Edit { message: String },
    /// The post is too late to go out unasked: send anyway, reschedule or cancel.
    LateDecision,
}

/// What the runner does after an attempt. It saves the item ([`OutboxItem::record`] does the
/// bookkeeping) before anything else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Done,
    /// Send again at that instant (UTC ms) with the same key.
    RetryAt(f64),
    /// At that instant, first ask the server whether the post is there (Bluesky `getRecord`
    /// on the key; Mastodon the account's recent statuses), and write only if it is not.
    CheckFirstThenRetryAt(f64),
    /// Offline: no attempt counted; the item stays due and goes on at the browser's `online`
    /// event (the runner does not run while `navigator.onLine` is false).
    WaitForOnline,
    Stop(Why),
}

/// What the runner does with the item it took (see [`OutboxItem::start`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Start {
    /// Send with the item's key.
    Send,
    /// Ask the server first, as for [`Decision::CheckFirstThenRetryAt`].
    CheckFirst,
    /// Sent, cancelled or waiting for the user: nothing to send.
    Nothing,
}

/// Whether a post due at `due_at` still goes out when the outbox reaches it at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Late {
    SendNow,
    AskUser,
}

impl OutboxItem {
    /// The durable row for a send just decided: `remote` carries the key and the account.
    pub fn new(
        id: String,
        post: &Post,
        network: Network,
        remote: &RemoteSend,
        due_at: f64,
        now: f64,
    ) -> Self {
        OutboxItem {
            id,
            workspace_id: post.workspace_id.clone(),
            post_id: post.id.clone(),
            network,
            account_id: remote.account_id.clone(),
            key: remote.key.clone(),
            created_at: now,
            due_at,
            first_attempt_at: None,
            attempts: 0,
            next_try_at: due_at,
            state: ItemState::Waiting,
            last_error: None,
            maybe_sent: false,
        }
    }

    /// Takes the item for a send (the one [`next_due`] gave) under a lease, and says whether
    /// the server must be asked first. An item taken again after its lease ran out was
    /// abandoned mid-send: that attempt counts, and may have gone through.
    #[must_use]
    pub fn start(&mut self, now: f64) -> Start {
        match self.state {
            ItemState::Waiting => {}
            ItemState::Sending => {
                self.attempts = self.attempts.saturating_add(1);
                self.maybe_sent = true;
            }
            _ => return Start::Nothing,
        }
        let first = *self.first_attempt_at.get_or_insert(now);
        self.state = ItemState::Sending;
        self.next_try_at = now + LEASE_MS;
        if ask_first(self.network, self.maybe_sent, first, now) {
            Start::CheckFirst
        } else {
            Start::Send
        }
    }

    /// Renews the lease of a send still under way: the runner calls it every
    /// [`KEEP_LEASE_EVERY_MS`] while the attempt runs and saves the item (see [`LEASE_MS`]).
    pub fn keep_lease(&mut self, now: f64) {
        if self.state == ItemState::Sending {
            self.next_try_at = now + LEASE_MS;
        }
    }

    /// Applies the outcome of the attempt begun by [`OutboxItem::start`] and returns the
    /// decision it led to.
    pub fn record(&mut self, outcome: Outcome, now: f64, jitter: f64) -> Decision {
        let decision = decide(self, &outcome, now, jitter);
        if outcome != Outcome::Offline {
            self.attempts = self.attempts.saturating_add(1);
            self.first_attempt_at.get_or_insert(now);
            self.maybe_sent |= outcome.may_have_gone_through();
        }
        match &decision {
            Decision::Done => {
                self.state = ItemState::Sent;
                self.maybe_sent = false;
                self.last_error = None;
                return decision;
            }
            Decision::RetryAt(at) | Decision::CheckFirstThenRetryAt(at) => {
                self.state = ItemState::Waiting;
                self.next_try_at = *at;
            }
            Decision::WaitForOnline => {
                self.state = ItemState::Waiting;
                self.next_try_at = now;
            }
            Decision::Stop(why) => self.state = ItemState::NeedsUser(why.clone()),
        }
        self.last_error = Some(outcome);
        decision
    }

    /// The user dealt with what stopped the item (signed in again, edited the post, chose to
    /// send it late): due now, backoff from the start. What the server may hold is kept
    /// (`first_attempt_at`, `maybe_sent`): it does not change with the user's action.
    pub fn retry_now(&mut self, now: f64) {
        if self.state == ItemState::NeedsUser(Why::LateDecision) {
            self.due_at = now;
        }
        self.state = ItemState::Waiting;
        self.next_try_at = now;
        self.attempts = 0;
        self.last_error = None;
    }
}

impl OutboxItem {
    /// Still the outbox's business: waiting, being sent, or waiting for the user.
    pub fn is_open(&self) -> bool {
        matches!(
            self.state,
            ItemState::Waiting | ItemState::Sending | ItemState::NeedsUser(_)
        )
    }

    /// A tab just became the leader: the only tab that sends. A row still marked as being
    /// sent was left by a tab that closed or crashed mid-send, so it is due at once
    /// ([`OutboxItem::start`] then counts that attempt and asks the server first if needed).
    pub fn reclaim(&mut self, now: f64) {
        if self.state == ItemState::Sending {
            self.next_try_at = self.next_try_at.min(now);
        }
    }

    /// The browser came back online: a row whose last try found no network goes at once
    /// instead of at the end of its backoff.
    pub fn network_back(&mut self, now: f64) {
        let network_failed = matches!(
            self.last_error,
            Some(Outcome::Offline | Outcome::NetworkError)
        );
        if self.state == ItemState::Waiting && network_failed {
            self.next_try_at = self.next_try_at.min(now);
        }
    }

    /// The user cancels the send. Refused (false) while a tab is sending it: the request may
    /// be on its way and its answer must be recorded first.
    pub fn cancel(&mut self) -> bool {
        if matches!(self.state, ItemState::Waiting | ItemState::NeedsUser(_)) {
            self.state = ItemState::Cancelled;
            true
        } else {
            false
        }
    }
}

/// Rows that need the user, or wait to be sent: the count on the badge.
pub fn pending_count(items: &[OutboxItem]) -> usize {
    items.iter().filter(|i| i.is_open()).count()
}

/// Sent and cancelled rows older than this are forgotten (the post keeps its own record).
pub const KEEP_DONE_MS: f64 = 7.0 * 24.0 * 60.0 * MINUTE;

/// The rows to forget at `now`: done (sent or cancelled) for longer than [`KEEP_DONE_MS`].
pub fn expired(items: &[OutboxItem], now: f64) -> Vec<String> {
    items
        .iter()
        .filter(|i| matches!(i.state, ItemState::Sent | ItemState::Cancelled))
        .filter(|i| now - i.next_try_at.max(i.created_at) > KEEP_DONE_MS)
        .map(|i| i.id.clone())
        .collect()
}

/// Whether a status the server shows — `theirs`, its text read from its HTML — is the text
/// we sent (`ours`), when the server cannot be asked by key (Mastodon after the key's hour).
/// White space is folded and links are left out (servers shorten how links show); an empty
/// text never matches.
pub fn same_text(ours: &str, theirs: &str) -> bool {
    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace()
            .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('…')))
            .collect()
    }
    let (a, b) = (words(ours), words(theirs));
    !a.is_empty() && a == b
}

/// The decision table: what `outcome` means for `item` at `now` ([`retry::next`] with the
/// item's attempts, then [`retry::ask_first`]). `jitter` is in [0, 1).
///
/// - Sent → done. Offline → wait for the network, no attempt counted.
/// - No answer, 5xx, 429 → retry after the backoff (429: never before the server's
///   `Retry-After` or reset; a reset already past is ignored).
/// - 401, 403 → stop: reconnect. 422 and other 4xx → stop: edit, with the server's words.
/// - A retry after an attempt that may have gone through checks first: always on Bluesky;
///   on Mastodon only when the retry falls more than [`retry::MASTODON_KEY_SAFE_MS`] after
///   the first attempt (before that the server answers a repeated key with the first status).
///   [`OutboxItem::start`] asks the same question again at the moment it actually sends.
pub fn decide(item: &OutboxItem, outcome: &Outcome, now: f64, jitter: f64) -> Decision {
    let at = match retry::next(outcome, item.attempts, now, jitter) {
        Next::Done => return Decision::Done,
        Next::WaitForOnline => return Decision::WaitForOnline,
        Next::Stop(SendProblem::Rejected { message }) => {
            return Decision::Stop(Why::Edit { message })
        }
        Next::Stop(_) => return Decision::Stop(Why::Reconnect),
        Next::RetryAt(at) => at,
    };
    let maybe_sent = item.maybe_sent || outcome.may_have_gone_through();
    let first = item.first_attempt_at.unwrap_or(now);
    if ask_first(item.network, maybe_sent, first, at) {
        Decision::CheckFirstThenRetryAt(at)
    } else {
        Decision::RetryAt(at)
    }
}

/// The item to send next: the earliest due (Waiting, or Sending with its lease run out),
/// oldest first on a tie, skipping the accounts in [`blocked_accounts`].
pub fn next_due(items: &[OutboxItem], now: f64) -> Option<&OutboxItem> {
    let blocked = blocked_accounts(items);
    items
        .iter()
        .filter(|i| matches!(i.state, ItemState::Waiting | ItemState::Sending))
        .filter(|i| i.next_try_at <= now && !blocked.contains(&i.account_id.as_str()))
        .min_by(|a, b| {
            a.next_try_at
                .total_cmp(&b.next_try_at)
                .then(a.created_at.total_cmp(&b.created_at))
                .then_with(|| a.id.cmp(&b.id))
        })
}

/// Accounts whose token was refused (an item waits for the user to reconnect): their other
/// items are kept but not sent; every other account goes on.
pub fn blocked_accounts(items: &[OutboxItem]) -> Vec<&str> {
    let mut out: Vec<&str> = vec![];
    for item in items {
        if item.state == ItemState::NeedsUser(Why::Reconnect)
            && !out.contains(&item.account_id.as_str())
        {
            out.push(&item.account_id);
        }
    }
    out
}

/// Whether a post due at `due_at` that the outbox reaches at `now` goes out by itself: up to
/// [`LATE_GRACE_MS`] late always, up to [`LATE_AUTO_MAX_MS`] when the user chose to send late
/// posts automatically, never later unasked. Asked before a post's first attempt (the app
/// was closed, or offline, at its time); a post not late at all is sent.
pub fn late_decision(due_at: f64, now: f64, send_late_automatically: bool) -> Late {
    let late = now - due_at;
    if late <= LATE_GRACE_MS || (send_late_automatically && late <= LATE_AUTO_MAX_MS) {
        Late::SendNow
    } else {
        Late::AskUser
    }
}
