//! The answers of the XRPC calls the app makes (only the fields it reads; unknown fields are
//! ignored, missing optional ones default). A post's `record` stays JSON: the app reads its
//! text, facets and reply reference from it.

use serde::Deserialize;
use serde_json::Value;

/// `createSession` and `refreshSession`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub did: String,
    pub handle: String,
    pub access_jwt: String,
    pub refresh_jwt: String,
    #[serde(default)]
    pub did_doc: Option<DidDoc>,
    /// `false` when the account is deactivated or taken down.
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// A DID document: where the account's repository lives.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DidDoc {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub service: Vec<Service>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub service_endpoint: String,
}

impl DidDoc {
    /// The account's PDS (`#atproto_pds`), without a trailing slash.
    pub fn pds(&self) -> Option<String> {
        self.service
            .iter()
            .find(|s| s.id.ends_with("#atproto_pds") || s.kind == "AtprotoPersonalDataServer")
            .map(|s| s.service_endpoint.trim_end_matches('/').to_string())
            .filter(|e| e.starts_with("https://") || e.starts_with("http://"))
    }
}

/// `describeRepo`
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RepoDescription {
    pub handle: String,
    pub did: String,
    #[serde(default)]
    pub did_doc: Option<DidDoc>,
}

/// `resolveHandle`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ResolvedHandle {
    pub did: String,
}

/// An XRPC error body: `{"error": "ExpiredToken", "message": "…"}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct XrpcError {
    #[serde(default)]
    pub error: String,
    #[serde(default)]
    pub message: String,
}

/// A record's address and content id (`createRecord`, reply references).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RecordRef {
    pub uri: String,
    pub cid: String,
}

/// `getRecord`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StoredRecord {
    pub uri: String,
    #[serde(default)]
    pub cid: Option<String>,
    #[serde(default)]
    pub value: Value,
}

/// `uploadBlob`: the blob reference to put in the record as it is.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Uploaded {
    pub blob: Value,
}

/// Who wrote something.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Author {
    pub did: String,
    pub handle: String,
    #[serde(default)]
    pub display_name: Option<String>,
    /// Their bio (plain text); only in full profile views.
    #[serde(default)]
    pub description: Option<String>,
    /// Their picture's address.
    #[serde(default)]
    pub avatar: Option<String>,
    /// Only in detailed profile views.
    #[serde(default)]
    pub followers_count: Option<u64>,
}

impl Author {
    /// What their profile says of them: the links of their bio and their picture.
    pub fn profile(&self) -> crate::domain::profile::Profile {
        crate::domain::profile::Profile {
            links: crate::domain::profile::links_in_text(self.description.as_deref().unwrap_or("")),
            verified: vec![],
            avatar: self.avatar.clone().unwrap_or_default(),
            lang: String::new(),
            followers: self.followers_count,
            picture_hash: None,
        }
    }

    /// The display name, or the handle when there is none.
    pub fn name(&self) -> String {
        match self.display_name.as_deref().map(str::trim) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => self.handle.clone(),
        }
    }
}

/// `listNotifications`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Notifications {
    #[serde(default)]
    pub notifications: Vec<Notification>,
    #[serde(default)]
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub uri: String,
    pub cid: String,
    pub author: Author,
    /// `like`, `repost`, `follow`, `mention`, `reply`, `quote`, …
    pub reason: String,
    #[serde(default)]
    pub reason_subject: Option<String>,
    #[serde(default)]
    pub record: Value,
    pub indexed_at: String,
    #[serde(default)]
    pub is_read: bool,
}

impl Notification {
    /// Someone wrote to the account (the inbox keeps these; likes and follows are counts).
    pub fn is_conversation(&self) -> bool {
        matches!(self.reason.as_str(), "mention" | "reply" | "quote")
    }
}

/// `getProfile`
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub did: String,
    pub handle: String,
    #[serde(default)]
    pub display_name: Option<String>,
    /// The address of the account's picture (a CDN image), when it has one.
    #[serde(default)]
    pub avatar: Option<String>,
    #[serde(default)]
    pub followers_count: u64,
    #[serde(default)]
    pub follows_count: u64,
    #[serde(default)]
    pub posts_count: u64,
}

/// A post as the AppView shows it, with its counts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostView {
    pub uri: String,
    pub cid: String,
    #[serde(default)]
    pub author: Author,
    #[serde(default)]
    pub record: Value,
    #[serde(default)]
    pub like_count: u64,
    #[serde(default)]
    pub repost_count: u64,
    #[serde(default)]
    pub reply_count: u64,
    #[serde(default)]
    pub quote_count: u64,
    #[serde(default)]
    pub indexed_at: String,
}

/// `getPosts`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Posts {
    #[serde(default)]
    pub posts: Vec<PostView>,
}

/// The posts of a `getPostThread` answer: the parents from the top down, the post, then the
/// replies depth first (each reply before its own replies). Posts not found or blocked are
/// left out; a malformed or very deep answer is cut, never looped over.
pub fn thread_posts(answer: &Value) -> Vec<PostView> {
    let post = |node: &Value| {
        node.get("post")
            .and_then(|p| crate::domain::json::read::<PostView>(p).ok())
    };
    let mut parents = vec![];
    let mut at = answer["thread"].get("parent");
    while let Some(node) = at.filter(|_| parents.len() < 200) {
        if let Some(p) = post(node) {
            parents.push(p);
        }
        at = node.get("parent");
    }
    parents.reverse();
    let mut out = parents;
    // Depth first with an explicit stack (replies pushed in reverse so the first comes first).
    let mut stack = vec![(&answer["thread"], 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if out.len() >= 2_000 {
            break;
        }
        if let Some(p) = post(node) {
            out.push(p);
        }
        if depth < 100 {
            if let Some(replies) = node.get("replies").and_then(Value::as_array) {
                stack.extend(replies.iter().rev().map(|r| (r, depth + 1)));
            }
        }
    }
    out
}

/// `searchPosts`
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    #[serde(default)]
    pub posts: Vec<PostView>,
    #[serde(default)]
    pub cursor: Option<String>,
    #[serde(default)]
    pub hits_total: Option<u64>,
}

/// The record key at the end of an `at://did/collection/rkey` URI.
pub fn rkey_of(uri: &str) -> Option<&str> {
    let rest = uri.strip_prefix("at://")?;
    let mut parts = rest.splitn(3, '/');
    let (_, _, rkey) = (parts.next()?, parts.next()?, parts.next()?);
    (!rkey.is_empty() && !rkey.contains('/')).then_some(rkey)
}

/// The web address of a post (`https://bsky.app/profile/<handle or did>/post/<rkey>`).
pub fn web_url(author: &str, uri: &str) -> String {
    match rkey_of(uri) {
        Some(rkey) => format!("{}/profile/{author}/post/{rkey}", super::WEB_APP),
        None => format!("{}/profile/{author}", super::WEB_APP),
    }
}
