//! What a network says about who wrote a message or gave a sign, besides their name: the
//! links in their bio and profile fields (those the server verified with `rel=me` apart),
//! their picture's address (not downloaded unless shown) and the language they wrote in.
//! Read at sync, kept with each message and sign; merge suggestions compare them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Links in their bio and profile fields, as written (`https://…`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Links the server verified as theirs (Mastodon's `rel=me` fields).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verified: Vec<String>,
    /// Their picture's address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub avatar: String,
    /// The language of the message (BCP 47, as the network gave it; empty when unknown).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lang: String,
    /// How many follow them there, when the network said (their reach).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followers: Option<u64>,
    /// The SHA-256 of their picture's bytes, once it was shown (downloaded) on this device;
    /// filled in when members are gathered, never stored with a message.
    #[serde(skip)]
    pub picture_hash: Option<String>,
}

/// The `http(s)` addresses in a plain text (a Bluesky bio), trailing punctuation left out.
pub fn links_in_text(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let Some(start) = word.find("https://").or_else(|| word.find("http://")) else {
            continue;
        };
        let link = word[start..].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
        if link.len() > "https://".len() && !out.iter().any(|l| l == link) {
            out.push(link.to_string());
        }
    }
    out
}

/// A link reduced to what identifies it: no scheme, no `www.`, the host in lower case, no
/// trailing slash, no query or fragment ("https://www.Bob.example/blog/?x" → "bob.example/blog").
pub fn normalise_link(link: &str) -> String {
    let rest = link
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        host.to_string()
    } else {
        format!("{host}/{path}")
    }
}

/// The host of a link, lower case, without `www.`.
pub fn link_domain(link: &str) -> String {
    normalise_link(link)
        .split('/')
        .next()
        .unwrap_or("")
        .to_string()
}

/// The plain links of a Mastodon bio or field value (HTML, read by the safe parser);
/// mentions and hashtags are not links to a person's site.
pub fn links_in_html(html: &str) -> Vec<String> {
    use super::rich_text::{parse_status_html, Inline};
    let mut out: Vec<String> = Vec::new();
    for p in parse_status_html(html) {
        for inline in p.0 {
            if let Inline::Link { href, .. } = inline {
                if !out.contains(&href) {
                    out.push(href);
                }
            }
        }
    }
    out
}
