//! Bluesky (the AT Protocol): XRPC requests built as plain values (`xrpc`), the answers'
//! shapes (`entities`), post records with their facets, replies and embeds (`record`), and
//! what an answer means (`faults`), OAuth's requests and checks (`oauth`, not used yet). Pure, tested natively; `http` sends the requests.

pub mod entities;
pub mod faults;
pub mod oauth;
pub mod record;
pub mod xrpc;

/// The entryway most accounts sign in through; a self-hosted PDS is typed instead.
pub const DEFAULT_SERVER: &str = "https://bsky.social";
/// Where a Bluesky profile or post is seen on the web.
pub const WEB_APP: &str = "https://bsky.app";
/// The collection of posts in a repository.
pub const POST_COLLECTION: &str = "app.bsky.feed.post";

/// `@Name.bsky.social ` → `name.bsky.social`; `None` when it cannot be a handle.
pub fn normalise_handle(raw: &str) -> Option<String> {
    let h = raw.trim().trim_start_matches('@').to_ascii_lowercase();
    let labels_ok = h.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    (h.contains('.') && h.len() <= 253 && labels_ok).then_some(h)
}
