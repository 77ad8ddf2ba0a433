//! What an answer from a Mastodon server means for the send: done, wait (429, with the
//! reset time from `X-RateLimit-Reset` or `Retry-After`), sign in again (401), the server's
//! refusal in its words (422 and other 4xx), or try again later (5xx). Pure, tested natively.

use chrono::{DateTime, SecondsFormat, Utc};

use super::entities::ApiError;

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

/// An ISO 8601 / RFC 3339 time as UTC milliseconds.
pub fn parse_time(s: &str) -> Option<f64> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.timestamp_millis() as f64)
}

/// UTC milliseconds as the ISO 8601 time Mastodon reads (`2026-12-02T14:05:00.000Z`).
pub fn iso_time(ms: f64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms as i64)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// `Retry-After` in seconds (the HTTP-date form is not used by Mastodon).
fn retry_after(s: &str, now_ms: f64) -> Option<f64> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(|secs| now_ms + secs * 1000.0)
}

/// Waits before the `attempt`-th retry of a failed request (1, 2, …): 1 s, 2 s, 4 s… capped
/// at 60 s, with up to 25 % jitter from `jitter` in [0, 1).
pub fn backoff_ms(attempt: u32, jitter: f64) -> f64 {
    let base = 1000.0 * 2f64.powi(attempt.saturating_sub(1).min(6) as i32);
    base.min(60_000.0) * (1.0 + 0.25 * jitter.clamp(0.0, 1.0))
}
