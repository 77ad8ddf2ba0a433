//! Times and waits every network's answers need: ISO 8601 times to and from UTC
//! milliseconds, and the backoff before retrying a failed request. Pure, tested natively.

use chrono::{DateTime, SecondsFormat, Utc};

/// An ISO 8601 / RFC 3339 time as UTC milliseconds.
pub fn parse_time(s: &str) -> Option<f64> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.timestamp_millis() as f64)
}

/// UTC milliseconds as the ISO 8601 time the networks read (`2026-12-02T14:05:00.000Z`).
pub fn iso_time(ms: f64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms as i64)
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Waits before the `attempt`-th retry of a failed request (1, 2, …): 1 s, 2 s, 4 s… capped
/// at 60 s, with up to 25 % jitter from `jitter` in [0, 1).
pub fn backoff_ms(attempt: u32, jitter: f64) -> f64 {
    let base = 1000.0 * 2f64.powi(attempt.saturating_sub(1).min(6) as i32);
    base.min(60_000.0) * (1.0 + 0.25 * jitter.clamp(0.0, 1.0))
}
