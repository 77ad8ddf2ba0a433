//! The times every network's answers carry: ISO 8601 times to and from UTC milliseconds.
//! Pure, tested natively. (Waits before a retry are the policy's: `domain/retry.rs`.)

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
