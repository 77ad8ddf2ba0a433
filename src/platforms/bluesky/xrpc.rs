//! XRPC calls to a PDS as `Request` values: sessions (create, refresh, delete), identity,
//! records (create with our own record key, read back), blobs, notifications, profiles,
//! post counts and search. The PDS proxies the `app.bsky.*` reads to the AppView.

use serde_json::json;

use crate::platforms::request::{encode, Body, Method, Request};

fn xrpc(server: &str, method: &str) -> String {
    format!("{}/xrpc/{method}", server.trim_end_matches('/'))
}

fn query(server: &str, method: &str, params: &[(&str, &str)]) -> Request {
    let q = params
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let url = xrpc(server, method);
    Request::get(if q.is_empty() {
        url
    } else {
        format!("{url}?{q}")
    })
}

/// `com.atproto.identity.resolveHandle`: the DID behind a handle.
pub fn resolve_handle(server: &str, handle: &str) -> Request {
    query(
        server,
        "com.atproto.identity.resolveHandle",
        &[("handle", handle)],
    )
}

/// `com.atproto.repo.describeRepo`: the account's handle, DID and DID document, from the
/// server that holds its repository (no third-party resolver).
pub fn describe_repo(server: &str, repo: &str) -> Request {
    query(server, "com.atproto.repo.describeRepo", &[("repo", repo)])
}

/// `com.atproto.identity.resolveIdentity`: a DID's (or handle's) document, resolved by the
/// server asked (newer servers; the one the user named, no third party).
pub fn resolve_identity(server: &str, identifier: &str) -> Request {
    query(
        server,
        "com.atproto.identity.resolveIdentity",
        &[("identifier", identifier)],
    )
}

/// A `did:web` account's document, from its own host (`None` for other DIDs).
pub fn did_web_document(did: &str) -> Option<Request> {
    let host = did.strip_prefix("did:web:")?;
    if host.is_empty() || host.contains(['/', ':', '?', '#', '@']) {
        return None;
    }
    Some(Request::get(format!("https://{host}/.well-known/did.json")))
}

/// `com.atproto.server.createSession` with a handle (or DID) and an app password; `code` is
/// the one-time code when the account asks for a second factor.
pub fn create_session(
    server: &str,
    identifier: &str,
    password: &str,
    code: Option<&str>,
) -> Request {
    let mut body = json!({ "identifier": identifier, "password": password });
    if let Some(c) = code.filter(|c| !c.trim().is_empty()) {
        body["authFactorToken"] = json!(c.trim());
    }
    Request::post_json(xrpc(server, "com.atproto.server.createSession"), &body)
}

/// `com.atproto.server.refreshSession`: new tokens for the refresh JWT (which it rotates).
pub fn refresh_session(pds: &str, refresh_jwt: &str) -> Request {
    Request {
        method: Method::Post,
        url: xrpc(pds, "com.atproto.server.refreshSession"),
        headers: vec![],
        body: Body::None,
    }
    .bearer(refresh_jwt)
}

/// `com.atproto.server.deleteSession`: ends the session (disconnect).
pub fn delete_session(pds: &str, refresh_jwt: &str) -> Request {
    Request {
        method: Method::Post,
        url: xrpc(pds, "com.atproto.server.deleteSession"),
        headers: vec![],
        body: Body::None,
    }
    .bearer(refresh_jwt)
}

/// `com.atproto.repo.createRecord` under our own record key (a TID chosen beforehand).
pub fn create_record(
    pds: &str,
    token: &str,
    repo: &str,
    collection: &str,
    rkey: &str,
    record: &serde_json::Value,
) -> Request {
    let body = json!({ "repo": repo, "collection": collection, "rkey": rkey, "record": record });
    Request::post_json(xrpc(pds, "com.atproto.repo.createRecord"), &body).bearer(token)
}

/// `com.atproto.repo.getRecord`: is the record with this key there? (No token needed.)
pub fn get_record(pds: &str, repo: &str, collection: &str, rkey: &str) -> Request {
    query(
        pds,
        "com.atproto.repo.getRecord",
        &[("repo", repo), ("collection", collection), ("rkey", rkey)],
    )
}

/// `com.atproto.repo.uploadBlob`: the file goes as the whole body.
pub fn upload_blob(pds: &str, token: &str, mime: &str) -> Request {
    Request {
        method: Method::Post,
        url: xrpc(pds, "com.atproto.repo.uploadBlob"),
        headers: vec![],
        body: Body::File {
            content_type: mime.to_string(),
        },
    }
    .bearer(token)
}

/// `app.bsky.notification.listNotifications`, newest first; `cursor` pages back.
pub fn list_notifications(pds: &str, token: &str, limit: u32, cursor: Option<&str>) -> Request {
    let limit = limit.clamp(1, 100).to_string();
    let mut params = vec![("limit", limit.as_str())];
    if let Some(c) = cursor {
        params.push(("cursor", c));
    }
    query(pds, "app.bsky.notification.listNotifications", &params).bearer(token)
}

/// `app.bsky.notification.updateSeen`: everything up to `seen_at` (ISO 8601) is seen.
pub fn update_seen(pds: &str, token: &str, seen_at: &str) -> Request {
    Request::post_json(
        xrpc(pds, "app.bsky.notification.updateSeen"),
        &json!({ "seenAt": seen_at }),
    )
    .bearer(token)
}

/// `app.bsky.actor.getProfile`: followers, follows and posts counts.
pub fn get_profile(pds: &str, token: &str, actor: &str) -> Request {
    query(pds, "app.bsky.actor.getProfile", &[("actor", actor)]).bearer(token)
}

/// `app.bsky.feed.getPosts`: like, repost, reply and quote counts (at most 25 URIs).
pub fn get_posts(pds: &str, token: &str, uris: &[String]) -> Request {
    let params: Vec<(&str, &str)> = uris.iter().take(25).map(|u| ("uris", u.as_str())).collect();
    query(pds, "app.bsky.feed.getPosts", &params).bearer(token)
}

/// `app.bsky.feed.getPostThread`: a post with its parents and replies.
pub fn get_post_thread(pds: &str, token: &str, uri: &str) -> Request {
    query(
        pds,
        "app.bsky.feed.getPostThread",
        &[("uri", uri), ("depth", "20"), ("parentHeight", "40")],
    )
    .bearer(token)
}

/// What to listen for: a keyword (full-text) or a hashtag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search<'a> {
    Keyword(&'a str),
    Tag(&'a str),
}

/// `app.bsky.feed.searchPosts`, newest first; in `lang` and from `since` (ISO 8601) when
/// given.
pub fn search_posts(
    pds: &str,
    token: &str,
    what: &Search,
    lang: Option<&str>,
    since: Option<&str>,
    cursor: Option<&str>,
) -> Request {
    let (q, tag) = match what {
        Search::Keyword(k) => (k.trim().to_string(), None),
        Search::Tag(t) => {
            let t = t.trim().trim_start_matches(['#', '＃']).to_string();
            (format!("#{t}"), Some(t))
        }
    };
    let mut params = vec![("q", q.as_str()), ("sort", "latest"), ("limit", "50")];
    if let Some(t) = tag.as_deref() {
        params.push(("tag", t));
    }
    if let Some(l) = lang.filter(|l| !l.is_empty()) {
        params.push(("lang", l));
    }
    if let Some(s) = since {
        params.push(("since", s));
    }
    if let Some(c) = cursor {
        params.push(("cursor", c));
    }
    query(pds, "app.bsky.feed.searchPosts", &params).bearer(token)
}
