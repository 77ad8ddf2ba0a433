//! What an answer from a Mastodon server means for the send: done, wait (429, with the
//! reset time from `X-RateLimit-Reset` or `Retry-After`), sign in again (401), the server's
//! refusal in its words (422 and other 4xx), or try again later (5xx); when to try again is
//! the policy's (`domain/retry.rs`). Pure, tested natively.

use super::entities::ApiError;
use crate::platforms::timing::parse_time;

#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// 429: nothing more until `until` (UTC milliseconds), when the server said.
    RateLimited { until: Option<f64> },
    /// 401: the token is no longer valid; the account needs the user to sign in again.
    Unauthorized,
    /// 422 or another 4xx: the server refused this status; its own words.
    Rejected(String),
    /// 5xx: the server failed; trying again later may work.
    ServerFailed(u16),
}

/// `None` for a 2xx answer, else what went wrong.
pub fn classify(
    status: u16,
    headers: &[(String, String)],
    body: &str,
    now_ms: f64,
) -> Option<Fault> {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    match status {
        200..=299 => None,
        429 => Some(Fault::RateLimited {
            until: header("x-ratelimit-reset")
                .and_then(parse_time)
                .or_else(|| header("retry-after").and_then(|s| retry_after(s, now_ms))),
        }),
        401 => Some(Fault::Unauthorized),
        500..=599 => Some(Fault::ServerFailed(status)),
        _ => Some(Fault::Rejected(server_words(body, status))),
    }
}

/// The `error` (or `error_description`) of an error body, or `HTTP <status>`.
pub fn server_words(body: &str, status: u16) -> String {
    serde_json::from_str::<ApiError>(body)
        .map(|e| e.error_description.unwrap_or(e.error))
        .unwrap_or_else(|_| format!("HTTP {status}"))
}

/// `Retry-After` in seconds (the HTTP-date form is not used by Mastodon).
fn retry_after(s: &str, now_ms: f64) -> Option<f64> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(|secs| now_ms + secs * 1000.0)
}
