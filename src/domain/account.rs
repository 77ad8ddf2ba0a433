//! A connected account on a network (Mastodon, Bluesky): who it is, where it lives, its
//! tokens, and whether it needs the user to sign in again. Tokens stay on this device.

use serde::{Deserialize, Serialize};

use super::counting::MastodonRules;
use super::network::Network;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    Connected,
    /// The server refused the token (401): posts wait, nothing is lost.
    ReconnectNeeded,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    /// `<network>:<instance>:<remote id>`, so connecting twice updates one record.
    pub id: String,
    pub workspace_id: String,
    pub network: Network,
    /// The server's origin, e.g. `https://mastodon.social`; for Bluesky, the account's PDS.
    pub instance: String,
    /// Mastodon's account id; Bluesky's DID.
    pub remote_id: String,
    /// `@user@instance.domain` (Mastodon), `@handle` (Bluesky)
    pub handle: String,
    #[serde(default)]
    pub display_name: String,
    /// The address of the account's picture on its server (kept on the device too,
    /// `services::avatars`); empty when it has none.
    #[serde(default)]
    pub avatar: String,
    pub url: String,
    /// Mastodon's access token; Bluesky's access JWT (short-lived).
    pub token: String,
    /// Bluesky's refresh JWT, rotated at each refresh; empty for Mastodon.
    #[serde(default)]
    pub refresh_token: String,
    pub status: AccountStatus,
    /// The instance's own limits for the composer.
    #[serde(default)]
    pub rules: Option<MastodonRules>,
    pub connected_at: f64,
    /// A Bluesky account signed in by OAuth: where its tokens are refreshed and the key
    /// they are bound to; `None` for an app password (and for Mastodon).
    #[serde(default)]
    pub oauth: Option<OAuthGrant>,
}

/// What a Bluesky OAuth session needs besides its tokens (which stay in `token` and
/// `refresh_token`, sealed like the others).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OAuthGrant {
    /// The authorization server (`iss`), as discovered from the account's PDS.
    pub issuer: String,
    pub token_endpoint: String,
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
    /// The app's client id when it signed in (the loopback one, or the site's metadata).
    pub client_id: String,
    /// The DPoP key the tokens are bound to (`store::dpop_keys`).
    pub key_name: String,
    /// When the access token stops working (UTC milliseconds; 0 when the server did not say).
    #[serde(default)]
    pub access_expires_at: f64,
}

impl OAuthGrant {
    /// Whether the access token should be refreshed before use at `now_ms` (a minute early,
    /// so a request is not refused on its way).
    pub fn access_expired(&self, now_ms: f64) -> bool {
        self.access_expires_at > 0.0 && now_ms + 60_000.0 >= self.access_expires_at
    }
}

impl Account {
    pub fn make_id(network: Network, instance: &str, remote_id: &str) -> String {
        format!("{}:{instance}:{remote_id}", network.name().to_lowercase())
    }
}

/// The app's registration on one instance (kept, never re-registered needlessly).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppRegistration {
    pub instance: String,
    pub client_id: String,
    pub client_secret: String,
    pub redirect_uri: String,
}

/// A Bluesky OAuth sign-in on its way: what the callback needs to finish it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingBlueskySignIn {
    pub state: String,
    pub verifier: String,
    pub workspace_id: String,
    /// The account asked for: its DID, the handle typed, and its PDS.
    pub did: String,
    pub handle: String,
    pub pds: String,
    pub grant: OAuthGrant,
    pub redirect_uri: String,
    pub started_at: f64,
}

/// A sign-in on its way: what the callback needs to finish it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub state: String,
    pub verifier: String,
    pub instance: String,
    pub workspace_id: String,
    pub started_at: f64,
}
