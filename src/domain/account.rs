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

/// A sign-in on its way: what the callback needs to finish it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub state: String,
    pub verifier: String,
    pub instance: String,
    pub workspace_id: String,
    pub started_at: f64,
}
