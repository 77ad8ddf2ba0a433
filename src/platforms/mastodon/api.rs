//! Requests to a Mastodon server, built as plain `Request` values so they are tested
//! natively; `platforms::http` sends them.

use super::oauth::SCOPES;

pub use crate::platforms::request::{encode, form, parse_query, Body, Method, Request};

/// The instance's description (limits for the composer). Mastodon ≥ 4.0.
pub fn instance_v2(instance: &str) -> Request {
    Request::get(format!("{instance}/api/v2/instance"))
}

/// The older description, for servers without v2.
pub fn instance_v1(instance: &str) -> Request {
    Request::get(format!("{instance}/api/v1/instance"))
}

/// Registers the app on an instance (once per instance).
pub fn register_app(instance: &str, redirect_uri: &str, website: &str) -> Request {
    Request::post_form(
        format!("{instance}/api/v1/apps"),
        &[
            ("client_name", "Attaché"),
            ("redirect_uris", redirect_uri),
            ("scopes", SCOPES),
            ("website", website),
        ],
    )
}

/// The signed-in account.
pub fn verify_credentials(instance: &str, token: &str) -> Request {
    Request::get(format!("{instance}/api/v1/accounts/verify_credentials")).bearer(token)
}

/// Uploads one image with its alt text (`description`). The file goes with the request.
pub fn upload_media(instance: &str, token: &str, alt: &str) -> Request {
    Request {
        method: Method::Post,
        url: format!("{instance}/api/v2/media"),
        headers: vec![],
        body: Body::Multipart(vec![("description".into(), alt.into())]),
    }
    .bearer(token)
}

/// Asks whether an upload the server answered with 202 is ready.
pub fn media(instance: &str, token: &str, id: &str) -> Request {
    Request::get(format!("{instance}/api/v1/media/{}", encode(id))).bearer(token)
}

/// One status to send: the text and everything that goes with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewStatus<'a> {
    pub text: &'a str,
    pub media_ids: &'a [String],
    pub spoiler_text: &'a str,
    pub language: Option<&'a str>,
    pub in_reply_to_id: Option<&'a str>,
    /// `public`, `unlisted`, `private` or `direct`.
    pub visibility: &'a str,
    /// ISO 8601 in UTC; the server holds the status until then (at least 5 minutes ahead).
    pub scheduled_at: Option<&'a str>,
    /// Chosen when the send was decided and never changed: a repeat returns the first status.
    pub idempotency_key: &'a str,
}

/// `POST /api/v1/statuses`, with the `Idempotency-Key` header.
pub fn post_status(instance: &str, token: &str, s: &NewStatus) -> Request {
    let mut fields: Vec<(&str, &str)> = vec![("status", s.text), ("visibility", s.visibility)];
    for id in s.media_ids {
        fields.push(("media_ids[]", id));
    }
    if !s.spoiler_text.is_empty() {
        fields.push(("spoiler_text", s.spoiler_text));
    }
    if let Some(l) = s.language {
        fields.push(("language", l));
    }
    if let Some(r) = s.in_reply_to_id {
        fields.push(("in_reply_to_id", r));
    }
    if let Some(at) = s.scheduled_at {
        fields.push(("scheduled_at", at));
    }
    Request::post_form(format!("{instance}/api/v1/statuses"), &fields)
        .bearer(token)
        .header("Idempotency-Key", s.idempotency_key)
}

/// Moves a status the server holds to another time.
pub fn reschedule(instance: &str, token: &str, id: &str, scheduled_at: &str) -> Request {
    Request {
        method: Method::Put,
        ..Request::post_form(
            format!("{instance}/api/v1/scheduled_statuses/{}", encode(id)),
            &[("scheduled_at", scheduled_at)],
        )
    }
    .bearer(token)
}

/// Cancels a status the server holds.
pub fn cancel_scheduled(instance: &str, token: &str, id: &str) -> Request {
    Request {
        method: Method::Delete,
        ..Request::get(format!(
            "{instance}/api/v1/scheduled_statuses/{}",
            encode(id)
        ))
    }
    .bearer(token)
}

/// The statuses the server still holds (40 at most a page).
pub fn scheduled_statuses(instance: &str, token: &str) -> Request {
    Request::get(format!("{instance}/api/v1/scheduled_statuses?limit=40")).bearer(token)
}

/// The account's own recent statuses (to find what a held status became).
pub fn account_statuses(instance: &str, token: &str, account_id: &str) -> Request {
    Request::get(format!(
        "{instance}/api/v1/accounts/{}/statuses?limit=40&exclude_reblogs=true",
        encode(account_id)
    ))
    .bearer(token)
}

/// Mentions newer than `since` (a notification id), oldest page first with `min_id`.
pub fn mentions(instance: &str, token: &str, since: Option<&str>) -> Request {
    notifications(instance, token, &["mention"], since)
}

/// Notifications of `types` newer than `since` (a notification id), oldest page first with
/// `min_id`; without `since`, the newest page (older ones through the `Link` header).
pub fn notifications(instance: &str, token: &str, types: &[&str], since: Option<&str>) -> Request {
    let mut url = format!("{instance}/api/v1/notifications?");
    for t in types {
        url.push_str("types[]=");
        url.push_str(&encode(t));
        url.push('&');
    }
    url.push_str("limit=80");
    if let Some(id) = since {
        url.push_str("&min_id=");
        url.push_str(&encode(id));
    }
    Request::get(url).bearer(token)
}

/// The same as [`notifications`] from the grouped endpoint (`GET /api/v2/notifications`,
/// Mastodon ≥ 4.3): accounts and statuses come once each beside the groups. Mentions are never
/// grouped, so a mention page holds one group per mention.
pub fn grouped_notifications(
    instance: &str,
    token: &str,
    types: &[&str],
    since: Option<&str>,
) -> Request {
    let v1 = notifications(instance, token, types, since);
    Request {
        url: v1
            .url
            .replacen("/api/v1/notifications?", "/api/v2/notifications?", 1),
        ..v1
    }
}

/// The account's direct conversations, the most recently active first (one page).
pub fn direct_conversations(instance: &str, token: &str) -> Request {
    Request::get(format!("{instance}/api/v1/conversations?limit=40")).bearer(token)
}

/// Marks a direct conversation read, for every app of the account
/// (`POST /api/v1/conversations/:id/read`).
pub fn read_conversation(instance: &str, token: &str, id: &str) -> Request {
    Request::post_form(
        format!("{instance}/api/v1/conversations/{}/read", encode(id)),
        &[],
    )
    .bearer(token)
}

/// The thread around a status: its ancestors (from the top) and its descendants.
pub fn context(instance: &str, token: &str, status_id: &str) -> Request {
    Request::get(format!(
        "{instance}/api/v1/statuses/{}/context",
        encode(status_id)
    ))
    .bearer(token)
}

/// Where the account's other apps stopped reading its notifications (`GET /api/v1/markers`).
pub fn notifications_marker(instance: &str, token: &str) -> Request {
    Request::get(format!(
        "{instance}/api/v1/markers?timeline[]=notifications"
    ))
    .bearer(token)
}

/// Notifications read up to `last_read_id`, for every app of the account
/// (`POST /api/v1/markers`).
pub fn mark_notifications_read(instance: &str, token: &str, last_read_id: &str) -> Request {
    Request::post_form(
        format!("{instance}/api/v1/markers"),
        &[("notifications[last_read_id]", last_read_id)],
    )
    .bearer(token)
}

/// Public statuses with a hashtag, newest first (`GET /api/v1/timelines/tag/:hashtag`, 40 at
/// most): the first tag in the path, the others in `any[]`, `all[]`, `none[]`; `local` or
/// `remote` only when the server opens only that part; with `min_id`, the 40 just newer than
/// it (still newest first), so a busy feed is read page after page from where the last read
/// stopped, none skipped.
pub fn tag_timeline(
    instance: &str,
    token: &str,
    q: &crate::domain::listening::TagTimeline,
    only: Option<&str>,
    min_id: Option<&str>,
) -> Request {
    let mut url = format!(
        "{instance}/api/v1/timelines/tag/{}?limit=40",
        encode(&q.tag)
    );
    for (name, tags) in [("any[]", &q.any), ("all[]", &q.all), ("none[]", &q.none)] {
        for t in tags.iter() {
            url.push('&');
            url.push_str(&encode(name));
            url.push('=');
            url.push_str(&encode(t));
        }
    }
    if let Some(o) = only {
        url.push('&');
        url.push_str(o);
        url.push_str("=true");
    }
    if let Some(id) = min_id {
        url.push_str("&min_id=");
        url.push_str(&encode(id));
    }
    Request::get(url).bearer(token)
}

/// The `rel="prev"` / `rel="next"` addresses of a `Link` header.
pub fn link_header(value: &str, rel: &str) -> Option<String> {
    value.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        let wanted = params
            .split(';')
            .any(|p| p.trim().trim_start_matches("rel=").trim_matches('"') == rel);
        wanted.then(|| {
            url.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        })
    })
}
