//! A request as a plain value (method, URL, headers, body) and the form and query encoding
//! every network's requests use. Built by `mastodon/api.rs` and `bluesky/xrpc.rs`, sent
//! by `http.rs`; pure, so it is tested natively.

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
    /// The file the caller hands to `http::send_with_file`, as the whole body, with this
    /// `Content-Type` (Bluesky's `uploadBlob`).
    File {
        content_type: String,
    },
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

    pub fn post_json(url: impl Into<String>, json: &serde_json::Value) -> Request {
        Request {
            method: Method::Post,
            url: url.into(),
            headers: vec![],
            body: Body::Json(json.to_string()),
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

/// The first value of `name` among decoded pairs (empty when absent).
pub fn query_value(params: &[(String, String)], name: &str) -> String {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
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
