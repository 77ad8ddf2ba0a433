//! OAuth 2 with PKCE (RFC 7636, S256) as Mastodon ≥ 4.3 does it: the verifier and `state`
//! come from random bytes the caller draws; the authorize URL and the token request are
//! built here.

pub use crate::platforms::pkce::{challenge, state, verifier};

use super::api::{form, Request};

/// The narrow scopes the app needs (no blanket `write`).
pub const SCOPES: &str =
    "read:accounts read:notifications read:statuses write:statuses write:media";

/// Where to send the user to approve the app.
pub fn authorize_url(
    instance: &str,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
    verifier: &str,
) -> String {
    format!(
        "{instance}/oauth/authorize?{}",
        form(&[
            ("response_type", "code"),
            ("client_id", client_id),
            ("redirect_uri", redirect_uri),
            ("scope", SCOPES),
            ("state", state),
            ("code_challenge", &challenge(verifier)),
            ("code_challenge_method", "S256"),
        ])
    )
}

/// Exchanges the code from the callback for a token.
pub fn token_request(
    instance: &str,
    client_id: &str,
    client_secret: &str,
    redirect_uri: &str,
    code: &str,
    verifier: &str,
) -> Request {
    Request::post_form(
        format!("{instance}/oauth/token"),
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("client_id", client_id),
            ("client_secret", client_secret),
            ("redirect_uri", redirect_uri),
            ("code_verifier", verifier),
            ("scope", SCOPES),
        ],
    )
}

/// Revokes a token (on disconnect).
pub fn revoke_request(
    instance: &str,
    client_id: &str,
    client_secret: &str,
    token: &str,
) -> Request {
    Request::post_form(
        format!("{instance}/oauth/revoke"),
        &[
            ("client_id", client_id),
            ("client_secret", client_secret),
            ("token", token),
        ],
    )
}

/// What came back to the callback route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    Code(String),
    Denied,
    Failed(String),
}

/// Reads the callback's query parameters, checking `state` against the one sent.
pub fn read_callback(
    params: &[(String, String)],
    expected_state: &str,
) -> Result<Callback, CallbackError> {
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if get("state") != Some(expected_state) {
        return Err(CallbackError::StateMismatch);
    }
    if let Some(e) = get("error") {
        return Ok(if e == "access_denied" {
            Callback::Denied
        } else {
            Callback::Failed(get("error_description").unwrap_or(e).to_string())
        });
    }
    match get("code") {
        Some(c) if !c.is_empty() => Ok(Callback::Code(c.to_string())),
        _ => Err(CallbackError::NoCode),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackError {
    StateMismatch,
    NoCode,
}
