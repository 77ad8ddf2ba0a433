//! Requests to a Mastodon server, built as plain values (method, URL, headers, body) so they
//! are tested natively; `platforms::http` sends them.

use super::oauth::SCOPES;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    None,
    /// `application/x-www-form-urlencoded`
    Form(String),
    /// `application/json`
    Json(String),
    /// `multipart/form-data`: these fields, and the file the caller hands to
    /// `http::send_with_file` under the field name `file`.
    Multipart(Vec<(String, String)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

impl Request {
    pub fn get(url: impl Into<String>) -> Request {
        Request {
            method: Method::Get,
            url: url.into(),
            headers: vec![],
            body: Body::None,
        }
    }

    pub fn post_form(url: impl Into<String>, fields: &[(&str, &str)]) -> Request {
        Request {
            method: Method::Post,
            url: url.into(),
            headers: vec![],
            body: Body::Form(form(fields)),
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Request {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Adds `Authorization: Bearer <token>`.
    pub fn bearer(mut self, token: &str) -> Request {
        self.headers
            .push(("Authorization".into(), format!("Bearer {token}")));
        self
    }
}

/// `application/x-www-form-urlencoded` for the fields, in order.
pub fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes everything but unreserved characters (RFC 3986); spaces as `%20`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a query string (`a=1&b=x%20y`, `+` as space) into pairs.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                    match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        Some(v) => {
                            out.push(v);
                            i += 2;
                        }
                        None => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

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
    /// ISO 8601 in UTC; the server holds the status until then (at least 5 minutes ahead).
    pub scheduled_at: Option<&'a str>,
    /// Chosen when the send was decided and never changed: a repeat returns the first status.
    pub idempotency_key: &'a str,
}

/// `POST /api/v1/statuses`, public, with the `Idempotency-Key` header.
pub fn post_status(instance: &str, token: &str, s: &NewStatus) -> Request {
    let mut fields: Vec<(&str, &str)> = vec![("status", s.text), ("visibility", "public")];
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
    let mut url = format!("{instance}/api/v1/notifications?types[]=mention&limit=80");
    if let Some(id) = since {
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
