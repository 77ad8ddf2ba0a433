//! What an answer from a PDS means: done; the access token expired (refresh it and try
//! again); the session is over (sign in again); wrong handle or password; a second factor
//! needed; too many requests (wait until `RateLimit-Reset`); refused, in the server's words;
//! or the server failed (try again later). Pure, tested natively.

use super::entities::XrpcError;

#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// The access token is too old: refresh the session, then repeat the request.
    Expired,
    /// The session is over (refresh refused, token revoked): the user signs in again.
    SessionEnded,
    /// `createSession`: the handle or the password is wrong.
    BadCredentials,
    /// `createSession`: the account asks for the code sent by e-mail.
    SecondFactor,
    /// 429: nothing more until `until` (UTC milliseconds), when the server said.
    RateLimited { until: Option<f64> },
    /// Another 4xx: the server refused this; its own words.
    Rejected(String),
    /// 5xx: the server failed; trying again later may work.
    ServerFailed(u16),
}

/// `None` for a 2xx answer, else what went wrong.
pub fn classify(status: u16, headers: &[(String, String)], body: &str) -> Option<Fault> {
    if (200..300).contains(&status) {
        return None;
    }
    let e: XrpcError = serde_json::from_str(body).unwrap_or_default();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    };
    Some(match (status, e.error.as_str()) {
        (429, _) => Fault::RateLimited {
            until: header("ratelimit-reset")
                .and_then(|s| s.parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s > 0.0)
                .map(|secs| secs * 1000.0),
        },
        (_, "ExpiredToken") => Fault::Expired,
        (_, "AuthFactorTokenRequired") => Fault::SecondFactor,
        (401, "AuthenticationRequired") if e.message.contains("password") => Fault::BadCredentials,
        (_, "InvalidToken") | (401, _) => Fault::SessionEnded,
        (500..=599, _) => Fault::ServerFailed(status),
        _ => Fault::Rejected(server_words(&e, status)),
    })
}

/// The server's message (or its error name), or `HTTP <status>`.
pub fn server_words(e: &XrpcError, status: u16) -> String {
    if !e.message.trim().is_empty() {
        e.message.trim().to_string()
    } else if !e.error.trim().is_empty() {
        e.error.trim().to_string()
    } else {
        format!("HTTP {status}")
    }
}

/// `resolveHandle` refused: the handle does not exist (or does not point to a DID).
pub fn is_unknown_handle(status: u16, body: &str) -> bool {
    let e: XrpcError = serde_json::from_str(body).unwrap_or_default();
    let refused =
        e.error == "InvalidRequest" || e.error.is_empty() || e.message.contains("resolve");
    (status == 400 && refused) || status == 404
}
