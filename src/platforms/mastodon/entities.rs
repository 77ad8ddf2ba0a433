//! Mastodon's entities as its API documents them (only the fields the app reads; unknown
//! fields are ignored, missing optional ones default).

use serde::Deserialize;

/// `GET /api/v2/instance`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InstanceV2 {
    pub domain: String,
    pub title: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub configuration: Configuration,
}

/// `GET /api/v1/instance` (older servers; some put the limit in `max_toot_chars`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InstanceV1 {
    pub uri: String,
    pub title: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub configuration: Configuration,
    #[serde(default)]
    pub max_toot_chars: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Configuration {
    #[serde(default)]
    pub statuses: StatusLimits,
    #[serde(default)]
    pub media_attachments: MediaLimits,
    /// Who may read the server's feeds (Mastodon ≥ 4.5); absent: open to all.
    #[serde(default)]
    pub timelines_access: Option<TimelinesAccess>,
}

/// `configuration.timelines_access`: each feed's access for the server's own posts and for
/// the others', `public`, `authenticated` or `disabled`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TimelinesAccess {
    #[serde(default)]
    pub hashtag_feeds: Option<FeedAccess>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FeedAccess {
    #[serde(default = "public")]
    pub local: String,
    #[serde(default = "public")]
    pub remote: String,
}

fn public() -> String {
    "public".into()
}

/// How a server opens its hashtag feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashtagAccess {
    /// To everyone.
    Open,
    /// To signed-in users only (the app reads them as the connected account).
    SignedIn,
    /// Only its own posts (`local`) or only the others' (`remote`): the other part is off.
    Only(&'static str, bool),
    /// Not at all.
    Disabled,
}

impl Configuration {
    /// How the server opens its hashtag feeds (open when it does not say).
    pub fn hashtag_access(&self) -> HashtagAccess {
        let Some(f) = self
            .timelines_access
            .as_ref()
            .and_then(|t| t.hashtag_feeds.as_ref())
        else {
            return HashtagAccess::Open;
        };
        let (local, remote) = (f.local.as_str(), f.remote.as_str());
        let signed = local == "authenticated" || remote == "authenticated";
        match (local == "disabled", remote == "disabled") {
            (true, true) => HashtagAccess::Disabled,
            (true, false) => HashtagAccess::Only("remote", signed),
            (false, true) => HashtagAccess::Only("local", signed),
            (false, false) if signed => HashtagAccess::SignedIn,
            (false, false) => HashtagAccess::Open,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StatusLimits {
    #[serde(default = "default_max_characters")]
    pub max_characters: u32,
    #[serde(default = "default_max_media")]
    pub max_media_attachments: u32,
    #[serde(default = "default_reserved_per_url")]
    pub characters_reserved_per_url: u32,
}

impl Default for StatusLimits {
    fn default() -> Self {
        StatusLimits {
            max_characters: default_max_characters(),
            max_media_attachments: default_max_media(),
            characters_reserved_per_url: default_reserved_per_url(),
        }
    }
}

fn default_max_characters() -> u32 {
    500
}
fn default_max_media() -> u32 {
    4
}
fn default_reserved_per_url() -> u32 {
    23
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct MediaLimits {
    #[serde(default)]
    pub supported_mime_types: Vec<String>,
    #[serde(default)]
    pub image_size_limit: u64,
    #[serde(default)]
    pub video_size_limit: u64,
}

/// The server's own limits for the composer, whichever description it gave.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct InstanceRules {
    pub domain: String,
    pub title: String,
    pub max_characters: u32,
    pub characters_reserved_per_url: u32,
    pub max_media_attachments: u32,
    pub image_size_limit: u64,
}

impl From<InstanceV2> for InstanceRules {
    fn from(i: InstanceV2) -> Self {
        InstanceRules {
            domain: i.domain,
            title: i.title,
            max_characters: i.configuration.statuses.max_characters,
            characters_reserved_per_url: i.configuration.statuses.characters_reserved_per_url,
            max_media_attachments: i.configuration.statuses.max_media_attachments,
            image_size_limit: i.configuration.media_attachments.image_size_limit,
        }
    }
}

impl From<InstanceV1> for InstanceRules {
    fn from(i: InstanceV1) -> Self {
        InstanceRules {
            domain: i.uri,
            title: i.title,
            max_characters: i
                .max_toot_chars
                .unwrap_or(i.configuration.statuses.max_characters),
            characters_reserved_per_url: i.configuration.statuses.characters_reserved_per_url,
            max_media_attachments: i.configuration.statuses.max_media_attachments,
            image_size_limit: i.configuration.media_attachments.image_size_limit,
        }
    }
}

/// `POST /api/v1/apps`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Application {
    pub client_id: String,
    pub client_secret: String,
}

/// `POST /oauth/token`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Token {
    pub access_token: String,
    #[serde(default)]
    pub token_type: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub created_at: f64,
}

/// `GET /api/v1/accounts/verify_credentials` and accounts inside other entities.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Account {
    pub id: String,
    pub username: String,
    pub acct: String,
    #[serde(default)]
    pub display_name: String,
    pub url: String,
    #[serde(default)]
    pub avatar: String,
    #[serde(default)]
    pub followers_count: u64,
    #[serde(default)]
    pub following_count: u64,
    #[serde(default)]
    pub statuses_count: u64,
    /// Their bio (HTML, hostile until read by `domain::rich_text`).
    #[serde(default)]
    pub note: String,
    /// Their profile fields; a value is HTML.
    #[serde(default)]
    pub fields: Vec<AccountField>,
}

impl Account {
    /// What their profile says of them: the links of their bio and fields, the verified ones
    /// apart, and their picture.
    pub fn profile(&self) -> crate::domain::profile::Profile {
        use crate::domain::profile::links_in_html;
        let mut links = links_in_html(&self.note);
        let mut verified = vec![];
        for f in &self.fields {
            for link in links_in_html(&f.value) {
                if f.verified_at.is_some() && !verified.contains(&link) {
                    verified.push(link.clone());
                }
                if !links.contains(&link) {
                    links.push(link);
                }
            }
        }
        crate::domain::profile::Profile {
            links,
            verified,
            avatar: self.avatar.clone(),
            lang: String::new(),
            followers: Some(self.followers_count),
            picture_hash: None,
        }
    }
}

/// A profile field ("Website": `<a href=…>`), verified when the linked page links back with
/// `rel=me`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AccountField {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub verified_at: Option<String>,
}

/// An error body: `{"error": "…"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ApiError {
    pub error: String,
    #[serde(default)]
    pub error_description: Option<String>,
}

/// `POST /api/v2/media`, `GET /api/v1/media/:id`: `url` is null while the server still
/// processes the file (the upload answered 202).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MediaAttachment {
    pub id: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// `POST /api/v1/statuses` (sent now), and statuses inside notifications.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Status {
    pub id: String,
    pub created_at: String,
    #[serde(default)]
    pub in_reply_to_id: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub uri: String,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub spoiler_text: String,
    #[serde(default)]
    pub visibility: String,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub replies_count: u64,
    #[serde(default)]
    pub reblogs_count: u64,
    #[serde(default)]
    pub favourites_count: u64,
    #[serde(default)]
    pub media_attachments: Vec<MediaAttachment>,
    /// The accounts it mentions.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    /// Its hashtags.
    #[serde(default)]
    pub tags: Vec<Tag>,
    pub account: Account,
}

/// A hashtag of a status (`name` without `#`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Tag {
    pub name: String,
}

/// An account a status mentions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Mention {
    /// `user` on the same server, `user@domain` elsewhere.
    pub acct: String,
}

impl Status {
    /// The address people open (`url`), or its ActivityPub id when a server gives none.
    pub fn link(&self) -> &str {
        self.url.as_deref().unwrap_or(&self.uri)
    }
}

/// `POST /api/v1/statuses` with `scheduled_at`, and `GET /api/v1/scheduled_statuses`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ScheduledStatus {
    pub id: String,
    pub scheduled_at: String,
    #[serde(default)]
    pub params: ScheduledParams,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct ScheduledParams {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub in_reply_to_id: Option<String>,
}

/// What `POST /api/v1/statuses` gives back: a status, or a scheduled status when
/// `scheduled_at` was sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Posted {
    Now(Box<Status>),
    Held(ScheduledStatus),
}

impl Posted {
    pub fn parse(text: &str) -> Option<Posted> {
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        if v.get("scheduled_at").is_some() && v.get("params").is_some() {
            crate::domain::json::read(&v).ok().map(Posted::Held)
        } else {
            crate::domain::json::read(&v)
                .ok()
                .map(|s| Posted::Now(Box::new(s)))
        }
    }
}

/// `GET /api/v1/statuses/:id/context`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Context {
    #[serde(default)]
    pub ancestors: Vec<Status>,
    #[serde(default)]
    pub descendants: Vec<Status>,
}

/// `GET /api/v1/conversations`: a direct conversation and its latest status.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DirectConversation {
    pub id: String,
    #[serde(default)]
    pub unread: bool,
    #[serde(default)]
    pub last_status: Option<Status>,
}

/// `GET /api/v1/markers`: where a timeline was last read.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Marker {
    pub last_read_id: String,
}

/// `GET /api/v1/markers?timeline[]=notifications`
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Markers {
    #[serde(default)]
    pub notifications: Option<Marker>,
}

/// `GET /api/v1/notifications`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Notification {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub created_at: String,
    pub account: Account,
    #[serde(default)]
    pub status: Option<Status>,
}

impl Notification {
    /// When it happened, in UTC milliseconds: its `created_at`, or else the time its id
    /// carries (Mastodon's ids since 2.0 are Snowflakes: milliseconds since 1970 in the bits
    /// above the low 16), or else 0. Never the clock's now: the same notification read by two
    /// syncs must get the same time, as the packs of signs are found by it.
    pub fn at(&self) -> f64 {
        crate::platforms::timing::parse_time(&self.created_at)
            .or_else(|| time_of_id(&self.id))
            .unwrap_or(0.0)
    }
}

/// The time a Snowflake id carries, if it carries one: ids of servers older than 2.0 are
/// counters, whose upper bits make a time before 2017 and are not one.
pub fn time_of_id(id: &str) -> Option<f64> {
    const SNOWFLAKES_BEGAN_MS: u64 = 1_483_228_800_000; // 2017-01-01, Mastodon 2.0 came that year
    let ms = id.parse::<u64>().ok()? >> 16;
    (ms >= SNOWFLAKES_BEGAN_MS).then_some(ms as f64)
}

/// One group of `GET /api/v2/notifications`: notifications of one kind about one thing,
/// told by the most recent one's id and a sample of who.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct NotificationGroup {
    pub group_key: String,
    #[serde(default)]
    pub notifications_count: u32,
    #[serde(rename = "type")]
    pub kind: String,
    pub most_recent_notification_id: String,
    #[serde(default)]
    pub latest_page_notification_at: Option<String>,
    #[serde(default)]
    pub sample_account_ids: Vec<String>,
    #[serde(default)]
    pub status_id: Option<String>,
}

/// `GET /api/v2/notifications`: the groups, and the accounts and statuses they name, once each.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GroupedNotifications {
    #[serde(default)]
    pub accounts: Vec<Account>,
    #[serde(default)]
    pub statuses: Vec<Status>,
    #[serde(default)]
    pub notification_groups: Vec<NotificationGroup>,
}

impl GroupedNotifications {
    /// One notification per group, as `GET /api/v1/notifications` would list its most recent
    /// one (for a type that is never grouped, such as mentions, that is every notification). A
    /// group whose account or status is missing from the answer is left out.
    pub fn into_notifications(self) -> Vec<Notification> {
        let accounts: std::collections::HashMap<&str, &Account> =
            self.accounts.iter().map(|a| (a.id.as_str(), a)).collect();
        let statuses: std::collections::HashMap<&str, &Status> =
            self.statuses.iter().map(|s| (s.id.as_str(), s)).collect();
        self.notification_groups
            .iter()
            .filter_map(|g| {
                let account = accounts.get(g.sample_account_ids.first()?.as_str())?;
                let status = match &g.status_id {
                    Some(id) => Some((*statuses.get(id.as_str())?).clone()),
                    None => None,
                };
                let created_at = g
                    .latest_page_notification_at
                    .clone()
                    .or_else(|| status.as_ref().map(|s| s.created_at.clone()))
                    .unwrap_or_default();
                Some(Notification {
                    id: g.most_recent_notification_id.clone(),
                    kind: g.kind.clone(),
                    created_at,
                    account: (*account).clone(),
                    status,
                })
            })
            .collect()
    }
}
