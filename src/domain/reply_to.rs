//! What a reply written in the Inbox answers, and what a quote quotes, as its network names
//! it (the post carries them to the senders).

use serde::{Deserialize, Serialize};

/// The message a reply answers, as its network names it. Mastodon: the status id, and the
/// visibility a reply keeps. Bluesky: the post and its thread's root, each by URI and CID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyTo {
    /// The conversation it belongs to (marked "waiting on them" once the reply is sent).
    pub conversation: String,
    pub parent: String,
    #[serde(default)]
    pub parent_cid: String,
    #[serde(default)]
    pub root: String,
    #[serde(default)]
    pub root_cid: String,
    #[serde(default)]
    pub visibility: String,
}

impl ReplyTo {
    /// The visibility a Mastodon reply is sent with: the original's, `public` when unknown.
    pub fn mastodon_visibility(&self) -> &str {
        match self.visibility.as_str() {
            v @ ("public" | "unlisted" | "private" | "direct") => v,
            _ => "public",
        }
    }
}

/// A post quoted: its `at://` URI and content id (what Bluesky's quote embed names), and the
/// address people open.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Quote {
    pub uri: String,
    pub cid: String,
    pub url: String,
}
