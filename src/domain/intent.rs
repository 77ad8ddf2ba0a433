//! Publishing where the browser has no API: the networks' share intents. X and Threads
//! intents carry the text; LinkedIn's and Facebook's carry only a link, so the text is
//! copied to the clipboard first (and the user is told).

use super::counting::urls::find_links;
use super::network::Network;

/// What "Publish" does for a share-intent network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntentPlan {
    /// Open this address; it carries the whole text.
    Open(String),
    /// Copy the text, then open this address (which carries only the link).
    CopyThenOpen { text: String, url: String },
    /// Nothing to link to: copy the text for the user to paste in the network's app.
    CopyOnly(String),
}

/// Percent-encodes for a query value (RFC 3986 unreserved characters stay).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The plan for publishing `text` on `network`, or `None` for networks with an API.
pub fn plan(network: Network, text: &str) -> Option<IntentPlan> {
    let first_link = || {
        find_links(text, true).first().map(|&(a, b)| {
            let link = &text[a..b];
            if link.to_ascii_lowercase().starts_with("http") {
                link.to_string()
            } else {
                format!("https://{link}")
            }
        })
    };
    let with_link = |base: &str| match first_link() {
        Some(link) => IntentPlan::CopyThenOpen {
            text: text.to_string(),
            url: format!("{base}{}", encode_component(&link)),
        },
        None => IntentPlan::CopyOnly(text.to_string()),
    };
    match network {
        Network::X => Some(IntentPlan::Open(format!(
            "https://x.com/intent/tweet?text={}",
            encode_component(text)
        ))),
        Network::Threads => Some(IntentPlan::Open(format!(
            "https://www.threads.com/intent/post?text={}",
            encode_component(text)
        ))),
        Network::LinkedIn => Some(with_link(
            "https://www.linkedin.com/sharing/share-offsite/?url=",
        )),
        Network::Facebook => Some(with_link("https://www.facebook.com/sharer/sharer.php?u=")),
        Network::Instagram => Some(IntentPlan::CopyOnly(text.to_string())),
        Network::Mastodon | Network::Bluesky => None,
    }
}
