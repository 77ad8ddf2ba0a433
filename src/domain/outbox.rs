//! The outbox's retry policy: what one attempt to send a post to Mastodon or Bluesky means
//! for the next one (done, try again later, ask the server first, wait for the network, or
//! stop and ask the user), which item is due, which accounts are stopped, and whether a post
//! due while the app was closed still goes out by itself. Pure: no clock, no randomness, no
//! I/O — the service passes `now` and `jitter`, and saves every change to an [`OutboxItem`]
//! before its next request.

use serde::{Deserialize, Serialize};

use super::network::Network;
use super::post::{Post, RemoteSend, SendProblem};

const MINUTE: f64 = 60_000.0;

/// The wait before the first retry; each further one doubles it.
pub const BACKOFF_FIRST_MS: f64 = 1_000.0;
/// The longest wait before jitter, so a long outage is still tried every quarter hour.
pub const BACKOFF_CAP_MS: f64 = 15.0 * MINUTE;
/// Jitter adds up to this share of the wait, so items failed together do not retry together.
pub const JITTER_SHARE: f64 = 0.25;
/// How long a tab may keep an item in [`ItemState::Sending`] before it counts as abandoned
/// (the tab crashed or was closed mid-send) and another run takes it again.
pub const LEASE_MS: f64 = 2.0 * MINUTE;
/// Mastodon keeps an `Idempotency-Key` for one hour after the status was created; resending
/// with the same key is safe this long after the first attempt (5 minutes spare for clocks
/// and slow requests). Later, the account's recent statuses are checked first.
pub const MASTODON_KEY_SAFE_MS: f64 = 55.0 * MINUTE;
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

/// What one attempt got, whatever the network. The service maps its platform's answer here;
/// a 408 or a timeout is a [`Outcome::NetworkError`] (the request may have arrived).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Sent,
    /// The browser knew it was offline: nothing left this device.
    Offline,
    /// No answer: the post may or may not be on the server.
    NetworkError,
    /// 5xx: the server failed, perhaps after writing the post.
    ServerError(u16),
    /// 429: refused, nothing written. `reset_at`: the rate-limit reset (UTC ms);
    /// `retry_after_s`: the `Retry-After` header, in seconds.
    RateLimited {
        reset_at: Option<f64>,
        retry_after_s: Option<f64>,
    },
    /// 401: the token is refused.
    Unauthorized,
    /// 403.
    Forbidden,
    /// 422 or another 4xx: the server refused this post; its own words.
    Rejected {
        status: u16,
        message: String,
    },
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

impl Outcome {
    /// Whether the request may have reached the server though no success was seen.
    pub fn may_have_gone_through(&self) -> bool {
        matches!(self, Outcome::NetworkError | Outcome::ServerError(_))
    }

    /// The stop kept on the post for this outcome (`None` once sent).
    pub fn problem(&self, now: f64) -> Option<SendProblem> {
        Some(match self {
            Outcome::Sent => return None,
            Outcome::Offline | Outcome::NetworkError | Outcome::ServerError(_) => {
                SendProblem::Unreachable
            }
            Outcome::RateLimited {
                reset_at,
                retry_after_s,
            } => SendProblem::RateLimited {
                until: server_wait(*reset_at, *retry_after_s, now),
            },
            Outcome::Unauthorized | Outcome::Forbidden => SendProblem::Reconnect,
            Outcome::Rejected { status, message } => SendProblem::Rejected {
                message: server_words(message, *status),
            },
        })
    }
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
        if needs_check(self.network, self.maybe_sent, first, now) {
            Start::CheckFirst
        } else {
            Start::Send
        }
    }

    /// Extends the lease of a send still under way (a slow upload), saved like any change.
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

/// The decision table: what `outcome` means for `item` at `now`. `jitter` is in [0, 1).
///
/// - Sent → done. Offline → wait for the network, no attempt counted.
/// - No answer, 5xx, 429 → retry after [`backoff_ms`] (429: never before the server's
///   `Retry-After` or reset; a reset already past is ignored).
/// - 401, 403 → stop: reconnect. 422 and other 4xx → stop: edit, with the server's words.
/// - A retry after an attempt that may have gone through checks first: always on Bluesky;
///   on Mastodon only when the retry falls more than [`MASTODON_KEY_SAFE_MS`] after the
///   first attempt (before that the server answers a repeated key with the first status).
///   [`OutboxItem::start`] asks the same question again at the moment it actually sends.
pub fn decide(item: &OutboxItem, outcome: &Outcome, now: f64, jitter: f64) -> Decision {
    let backoff = now + backoff_ms(item.attempts.saturating_add(1), jitter);
    let at = match outcome {
        Outcome::Sent => return Decision::Done,
        Outcome::Offline => return Decision::WaitForOnline,
        Outcome::Unauthorized | Outcome::Forbidden => return Decision::Stop(Why::Reconnect),
        Outcome::Rejected { status, message } => {
            return Decision::Stop(Why::Edit {
                message: server_words(message, *status),
            })
        }
        Outcome::NetworkError | Outcome::ServerError(_) => backoff,
        Outcome::RateLimited {
            reset_at,
            retry_after_s,
        } => server_wait(*reset_at, *retry_after_s, now).map_or(backoff, |t| t.max(backoff)),
    };
    let maybe_sent = item.maybe_sent || outcome.may_have_gone_through();
    let first = item.first_attempt_at.unwrap_or(now);
    if needs_check(item.network, maybe_sent, first, at) {
        Decision::CheckFirstThenRetryAt(at)
    } else {
        Decision::RetryAt(at)
    }
}

/// The wait before retry number `attempt` (1, 2, …): 1 s, 2 s, 4 s… at most
/// [`BACKOFF_CAP_MS`], plus up to [`JITTER_SHARE`] of it from `jitter` in [0, 1]
/// (out of range: clamped; not a number: none).
pub fn backoff_ms(attempt: u32, jitter: f64) -> f64 {
    let doublings = attempt.saturating_sub(1).min(30) as i32;
    let base = (BACKOFF_FIRST_MS * 2f64.powi(doublings)).min(BACKOFF_CAP_MS);
    let jitter = if jitter.is_nan() {
        0.0
    } else {
        jitter.clamp(0.0, 1.0)
    };
    base * (1.0 + JITTER_SHARE * jitter)
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

/// Whether a write at `at` must be preceded by asking the server. Not a number: ask.
fn needs_check(network: Network, maybe_sent: bool, first_attempt_at: f64, at: f64) -> bool {
    let elapsed = at - first_attempt_at;
    maybe_sent
        && match network {
            Network::Mastodon => elapsed.is_nan() || elapsed > MASTODON_KEY_SAFE_MS,
            // Only Mastodon keeps a key for us; Bluesky (and anything else) is asked.
            _ => true,
        }
}

/// The latest of the server's times still ahead: the reset, and `Retry-After` from `now`.
fn server_wait(reset_at: Option<f64>, retry_after_s: Option<f64>, now: f64) -> Option<f64> {
    let reset = reset_at.filter(|t| t.is_finite() && *t > now);
    let after = retry_after_s
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(|s| now + s * 1000.0);
    match (reset, after) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The server's words, or `HTTP <status>` when it gave none.
fn server_words(message: &str, status: u16) -> String {
    let message = message.trim();
    if message.is_empty() {
        format!("HTTP {status}")
    } else {
        message.to_string()
    }
}
