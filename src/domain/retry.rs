//! The one retry policy for every request the app makes to Mastodon or Bluesky: what a
//! request got ([`Outcome`]), what that means for the next try ([`next`]: done, wait for the
//! network, try again after a backoff or the server's own wait, or stop for the user), whether
//! a write must first ask the server if it already went through ([`ask_first`]), and how long
//! a request may go unanswered ([`REQUEST_TIMEOUT_MS`]).
//!
//! Nothing below the policy retries. A request is tried once; a send that failed goes back to
//! the outbox (`domain/outbox.rs` applies [`next`] and [`ask_first`] to its row and saves
//! the row), and a read that failed (a sync, a search) ends and reports what [`read_problem`]
//! says; the next sync is its retry. Pure: the caller passes `now` and `jitter`.

use serde::{Deserialize, Serialize};

use super::network::Network;
use super::post::SendProblem;

const MINUTE: f64 = 60_000.0;

/// A request with no answer after this long is given up (`AbortSignal.timeout` in
/// `platforms/http.rs`) and counts as [`Outcome::NetworkError`]: it may have arrived. So every
/// request, and every attempt made of requests, ends.
pub const REQUEST_TIMEOUT_MS: f64 = 1.5 * MINUTE;
/// The wait before the first retry; each further one doubles it.
pub const BACKOFF_FIRST_MS: f64 = 1_000.0;
/// The longest wait before jitter, so a long outage is still tried every quarter hour.
pub const BACKOFF_CAP_MS: f64 = 15.0 * MINUTE;
/// Jitter adds up to this share of the wait, so items failed together do not retry together.
pub const JITTER_SHARE: f64 = 0.25;
/// Mastodon keeps an `Idempotency-Key` for one hour after the status was created; resending
/// with the same key is safe this long after the first attempt (5 minutes spare for clocks
/// and slow requests). Later, the account's recent statuses are checked first.
pub const MASTODON_KEY_SAFE_MS: f64 = 55.0 * MINUTE;

/// What one request (or one attempt at a send) got, whatever the network. A 408 or a timeout
/// is a [`Outcome::NetworkError`] (the request may have arrived).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Sent,
    /// The browser knew it was offline: nothing left this device.
    Offline,
    /// No answer: the request may or may not have been done.
    NetworkError,
    /// 5xx: the server failed, perhaps after doing the request.
    ServerError(u16),
    /// 429: refused, nothing done. `reset_at`: the rate-limit reset (UTC ms);
    /// `retry_after_s`: the `Retry-After` header, in seconds.
    RateLimited {
        reset_at: Option<f64>,
        retry_after_s: Option<f64>,
    },
    /// 401: the token is refused.
    Unauthorized,
    /// 403.
    Forbidden,
    /// 422 or another 4xx: the server refused this request; its own words.
    Rejected {
        status: u16,
        message: String,
    },
}

/// What comes after a request that got an [`Outcome`].
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    Done,
    /// Offline: nothing left this device, no try counted; go on when the browser is online.
    WaitForOnline,
    /// Try again at that instant (UTC ms), not before.
    RetryAt(f64),
    /// Only the user can unblock it (sign in again, change what was sent): the problem.
    Stop(SendProblem),
}

impl Outcome {
    /// Whether the request may have reached the server though no success was seen.
    pub fn may_have_gone_through(&self) -> bool {
        matches!(self, Outcome::NetworkError | Outcome::ServerError(_))
    }

    /// The problem shown to the user for this outcome (`None` once sent).
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

/// The policy: what `outcome` means after `tries` unsuccessful tries counted before it.
///
/// - Sent → done. Offline → wait for the network, no try counted.
/// - No answer, 5xx, 429 → retry after [`backoff_ms`] of try `tries + 1` (429: never before
///   the server's `Retry-After` or reset; a reset already past is ignored).
/// - 401, 403 → stop: sign in again. 422 and other 4xx → stop, with the server's words.
pub fn next(outcome: &Outcome, tries: u32, now: f64, jitter: f64) -> Next {
    let backoff = now + backoff_ms(tries.saturating_add(1), jitter);
    match outcome {
        Outcome::Sent => Next::Done,
        Outcome::Offline => Next::WaitForOnline,
        Outcome::NetworkError | Outcome::ServerError(_) => Next::RetryAt(backoff),
        Outcome::RateLimited {
            reset_at,
            retry_after_s,
        } => Next::RetryAt(
            server_wait(*reset_at, *retry_after_s, now).map_or(backoff, |t| t.max(backoff)),
        ),
        Outcome::Unauthorized | Outcome::Forbidden => Next::Stop(SendProblem::Reconnect),
        Outcome::Rejected { .. } => {
            Next::Stop(outcome.problem(now).unwrap_or(SendProblem::Unreachable))
        }
    }
}

/// A read (a sync, a search) is tried once: a failure ends it, and this is what it reports
/// (the stop, "unreachable", or "rate limited" with the server's own wait). Nothing sleeps
/// and tries again: the next sync is the retry.
pub fn read_problem(outcome: &Outcome, now: f64) -> SendProblem {
    match next(outcome, 0, now, 0.0) {
        Next::Stop(problem) => problem,
        Next::Done | Next::WaitForOnline | Next::RetryAt(_) => {
            outcome.problem(now).unwrap_or(SendProblem::Unreachable)
        }
    }
}

/// Whether a write at `at` must first ask the server whether an earlier try went through:
/// only when one may have (`maybe_sent`); then always on Bluesky (no idempotency key), and on
/// Mastodon once `at` is more than [`MASTODON_KEY_SAFE_MS`] after the first try (before
/// that, the server answers a repeated key with the first status). Not a number: ask.
pub fn ask_first(network: Network, maybe_sent: bool, first_attempt_at: f64, at: f64) -> bool {
    let elapsed = at - first_attempt_at;
    maybe_sent
        && match network {
            Network::Mastodon => elapsed.is_nan() || elapsed > MASTODON_KEY_SAFE_MS,
            // Only Mastodon keeps a key for us; Bluesky (and anything else) is asked.
            _ => true,
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
pub fn server_words(message: &str, status: u16) -> String {
    let message = message.trim();
    if message.is_empty() {
        format!("HTTP {status}")
    } else {
        message.to_string()
    }
}
