//! The networks a post can target, and what each allows.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    Mastodon,
    Bluesky,
    X,
    Threads,
    LinkedIn,
    Instagram,
    Facebook,
}

impl Network {
    pub const ALL: [Network; 7] = [
        Network::Mastodon,
        Network::Bluesky,
        Network::X,
        Network::Threads,
        Network::LinkedIn,
        Network::Instagram,
        Network::Facebook,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Network::Mastodon => "Mastodon",
            Network::Bluesky => "Bluesky",
            Network::X => "X",
            Network::Threads => "Threads",
            Network::LinkedIn => "LinkedIn",
            Network::Instagram => "Instagram",
            Network::Facebook => "Facebook",
        }
    }

    /// Images one post may carry (videos: one, on every network that takes them).
    pub fn max_images(self) -> usize {
        match self {
            Network::Mastodon | Network::Bluesky | Network::X => 4,
            Network::Threads | Network::Instagram => 10,
            Network::LinkedIn => 9,
            Network::Facebook => 10,
        }
    }

    /// Whether a post there must carry an image or a video (Instagram has no text-only
    /// posts).
    pub fn needs_media(self) -> bool {
        self == Network::Instagram
    }

    /// Networks the browser can post to directly; the others get share intents.
    pub fn has_api(self) -> bool {
        matches!(self, Network::Mastodon | Network::Bluesky)
    }
}
