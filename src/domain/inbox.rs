//! The inbox: what the community said to the brand (mentions and replies), one item per
//! message, kept as the network gave it. A status's `html` is another server's markup and is
//! only ever shown through `rich_text` (never inserted as HTML).

use serde::{Deserialize, Serialize};

use super::network::Network;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxItem {
    /// Mastodon: `mastodon:<instance>:status:<status id>` (older items: `…:<notification
    /// id>`); Bluesky: `bluesky:<did>:<at:// URI>`. Syncing twice stores it once.
    pub id: String,
    pub workspace_id: String,
    /// The connected account that was mentioned.
    pub account_id: String,
    pub network: Network,
    pub author_name: String,
    /// `@user@domain`
    pub author_handle: String,
    pub author_url: String,
    /// The status's content, as the server sent it (hostile until rendered safely); empty
    /// for networks that send plain text.
    pub html: String,
    /// Plain text (Bluesky): shown as text, never as markup, with `links` made clickable.
    #[serde(default)]
    pub text: String,
    /// Byte ranges of `text` that link somewhere (Bluesky's facets), in order.
    #[serde(default)]
    pub links: Vec<TextLink>,
    /// The content warning, if any.
    #[serde(default)]
    pub spoiler: String,
    /// When it was written (UTC ms).
    pub at: f64,
    /// The address of the status on its server.
    pub url: String,
    /// The remote id of the status it answers, if any.
    #[serde(default)]
    pub in_reply_to: Option<String>,
    /// Our post it answers, when that is one the app published.
    #[serde(default)]
    pub post_id: Option<String>,
    /// The message's id on its network: a Mastodon status id, a Bluesky `at://` URI. Empty
    /// in items kept before conversations (each is then its own conversation).
    #[serde(default)]
    pub remote_id: String,
    /// Bluesky: the record's content id (a reply names its parent and root by URI and CID).
    #[serde(default)]
    pub cid: String,
    /// Bluesky: the thread's first post (URI), which names the conversation.
    #[serde(default)]
    pub thread_root: Option<String>,
    /// Bluesky: the thread root's CID (a reply names it).
    #[serde(default)]
    pub thread_root_cid: Option<String>,
    /// Mastodon: who sees it (`public`, `unlisted`, `private`, `direct`); a reply keeps it.
    #[serde(default)]
    pub visibility: String,
    /// Handles mentioned in it besides ours (`user@domain`): a reply names them again.
    #[serde(default)]
    pub mentions: Vec<String>,
    /// When the community manager marked it answered (UTC ms); `None`: still waiting.
    #[serde(default)]
    pub answered_at: Option<f64>,
    /// What the network said of its author (links, picture) and the message's language.
    #[serde(default)]
    pub profile: super::profile::Profile,
}

impl InboxItem {
    /// Whether its writer was forgotten at their request (`member_record::erase_item`): who
    /// and what are gone, the message is kept so counts stay right.
    pub fn is_erased(&self) -> bool {
        self.author_handle.is_empty()
    }
}

/// A part of a plain text that links to `href` (an `https:` address, a profile, a tag search).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextLink {
    pub start: usize,
    pub end: usize,
    pub href: String,
}

/// Counts read for an account at one sync (followers over time), or for one of its statuses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricSnapshot {
    /// `<account id>:<status id or "account">:<at>`
    pub id: String,
    pub workspace_id: String,
    pub account_id: String,
    /// `None` for the account's own counts.
    #[serde(default)]
    pub status_id: Option<String>,
    pub at: f64,
    #[serde(default)]
    pub followers: u64,
    #[serde(default)]
    pub following: u64,
    #[serde(default)]
    pub statuses: u64,
    #[serde(default)]
    pub favourites: u64,
    #[serde(default)]
    pub boosts: u64,
    #[serde(default)]
    pub replies: u64,
    /// Bluesky's quote posts.
    #[serde(default)]
    pub quotes: u64,
}

impl MetricSnapshot {
    /// An account's snapshot at `at` with every count at zero (fill in what was read).
    pub fn account(workspace_id: &str, account_id: &str, at: f64) -> MetricSnapshot {
        MetricSnapshot {
            id: format!("{account_id}:account:{at}"),
            workspace_id: workspace_id.to_string(),
            account_id: account_id.to_string(),
            status_id: None,
            at,
            followers: 0,
            following: 0,
            statuses: 0,
            favourites: 0,
            boosts: 0,
            replies: 0,
            quotes: 0,
        }
    }

    /// One post's snapshot at `at` with every count at zero (fill in what was read).
    pub fn post(workspace_id: &str, account_id: &str, status_id: &str, at: f64) -> MetricSnapshot {
        MetricSnapshot {
            id: format!("{account_id}:{status_id}:{at}"),
            status_id: Some(status_id.to_string()),
            ..MetricSnapshot::account(workspace_id, account_id, at)
        }
    }
}

/// The highest of two Mastodon ids (snowflake-like decimal strings: longer is larger).
pub fn newer_id<'a>(a: &'a str, b: &'a str) -> &'a str {
    let key = |s: &str| (s.len(), s.to_string());
    if key(b) > key(a) {
        b
    } else {
        a
    }
}
