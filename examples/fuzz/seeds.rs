//! Well-formed inputs the mutations start from: answers shaped as Mastodon and Bluesky give
//! them, an export file, and texts of the kinds users write.

use serde_json::{json, Value};
use std::sync::OnceLock;

fn account() -> Value {
    json!({
        "id": "1", "username": "dana", "acct": "dana@elsewhere.test", "display_name": "Dana ☕",
        "url": "https://elsewhere.test/@dana", "avatar": "https://elsewhere.test/a.png",
        "followers_count": 120, "following_count": 3, "statuses_count": 40,
        "note": "<p>Barista à <a href=\"https://cafe.example\" rel=\"me\">cafe.example</a></p>",
        "fields": [{ "name": "Site", "value": "<a href=\"https://dana.example\">dana.example</a>", "verified_at": "2026-01-01T00:00:00Z" }]
    })
}

fn status() -> Value {
    json!({
        "id": "110000000000000001", "created_at": "2026-12-05T10:00:00.000Z", "in_reply_to_id": null,
        "url": "https://elsewhere.test/@dana/1", "uri": "https://elsewhere.test/users/dana/statuses/1",
        "content": "<p>J’adore le <a href=\"https://social.test/tags/cafe\" class=\"mention hashtag\">#<span>café</span></a> <span class=\"h-card\"><a href=\"https://social.test/@alice\" class=\"u-url mention\">@<span>alice</span></a></span> <a href=\"https://example.com/menu\"><span class=\"invisible\">https://</span><span>example.com/menu</span></a></p>",
        "spoiler_text": "", "visibility": "public", "language": "fr",
        "replies_count": 1, "reblogs_count": 2, "favourites_count": 3,
        "media_attachments": [{ "id": "9", "type": "image", "url": "https://elsewhere.test/m.png", "description": "Une tasse" }],
        "mentions": [{ "acct": "alice" }], "tags": [{ "name": "café" }],
        "account": account()
    })
}

pub fn mastodon_status() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(status)
}

pub fn mastodon_statuses() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| json!([status(), status()]))
}

pub fn mastodon_notifications() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        json!([
            { "id": "5", "type": "mention", "created_at": "2026-12-05T10:00:00.000Z", "account": account(), "status": status() },
            { "id": "6", "type": "favourite", "created_at": "2026-12-05T10:01:00.000Z", "account": account(), "status": status() },
            { "id": "7", "type": "follow", "created_at": "2026-12-05T10:02:00.000Z", "account": account() }
        ])
    })
}

pub fn mastodon_grouped() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        json!({
            "accounts": [account()], "statuses": [status()],
            "notification_groups": [{
                "group_key": "favourite-1", "notifications_count": 2, "type": "favourite",
                "most_recent_notification_id": "8", "latest_page_notification_at": "2026-12-05T10:00:00.000Z",
                "sample_account_ids": ["1"], "status_id": "110000000000000001"
            }]
        })
    })
}

pub fn mastodon_context() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| json!({ "ancestors": [status()], "descendants": [status(), status()] }))
}

pub fn mastodon_instance() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        json!({
            "domain": "social.test", "title": "Social", "version": "4.5.0",
            "configuration": {
                "statuses": { "max_characters": 500, "max_media_attachments": 4, "characters_reserved_per_url": 23 },
                "timelines_access": {
                    "live_feeds": { "local": "public", "remote": "authenticated" },
                    "hashtag_feeds": { "local": "public", "remote": "disabled" }
                }
            }
        })
    })
}

pub fn mastodon_error() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| json!({ "error": "Validation failed: Text character limit of 500 exceeded", "details": { "text": [{ "error": "ERR_TOO_LONG" }] } }))
}

fn bluesky_post(text: &str) -> Value {
    json!({
        "uri": "at://did:plc:bob/app.bsky.feed.post/3kabc", "cid": "bafyrei",
        "author": { "did": "did:plc:bob", "handle": "bob.test", "displayName": "Bob", "avatar": "https://cdn.test/b.jpg" },
        "record": {
            "$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-12-05T10:00:00.000Z", "langs": ["fr"],
            "facets": [
                { "index": { "byteStart": 0, "byteEnd": 11 }, "features": [{ "$type": "app.bsky.richtext.facet#mention", "did": "did:plc:alice" }] },
                { "index": { "byteStart": 12, "byteEnd": 20 }, "features": [{ "$type": "app.bsky.richtext.facet#link", "uri": "https://example.com" }] },
                { "index": { "byteStart": 21, "byteEnd": 26 }, "features": [{ "$type": "app.bsky.richtext.facet#tag", "tag": "café" }] }
            ],
            "reply": {
                "root": { "uri": "at://did:plc:alice/app.bsky.feed.post/1", "cid": "bafyroot" },
                "parent": { "uri": "at://did:plc:alice/app.bsky.feed.post/2", "cid": "bafyparent" }
            },
            "tags": ["lumière"]
        },
        "likeCount": 1, "repostCount": 0, "replyCount": 2, "quoteCount": 0, "indexedAt": "2026-12-05T10:00:01.000Z"
    })
}

pub fn bluesky_thread() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        let p = bluesky_post("@alice.test example.com #café merci !");
        json!({ "thread": {
            "$type": "app.bsky.feed.defs#threadViewPost", "post": p,
            "parent": { "post": p, "parent": { "post": p } },
            "replies": [{ "post": p, "replies": [{ "post": p }] }, { "$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://x", "notFound": true }]
        }})
    })
}

pub fn bluesky_search() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        json!({ "posts": [bluesky_post("@alice.test example.com #café merci !"), bluesky_post("héhé 👩‍👩‍👧 #lumière")], "cursor": "25", "hitsTotal": 2 })
    })
}

pub fn bluesky_notifications() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        let p = bluesky_post("@alice.test example.com #café merci !");
        json!({ "notifications": [{
            "uri": p["uri"], "cid": p["cid"], "author": p["author"], "reason": "reply",
            "reasonSubject": "at://did:plc:alice/app.bsky.feed.post/1", "record": p["record"],
            "indexedAt": "2026-12-05T10:00:01.000Z", "isRead": false
        }], "cursor": "2026-12-05" })
    })
}

pub fn bluesky_error() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| json!({ "error": "RateLimitExceeded", "message": "Rate Limit Exceeded" }))
}

pub fn backup() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| {
        serde_json::from_str(include_str!("../../tests/fixtures/backup.json")).unwrap_or_default()
    })
}

/// Texts of the kinds users write and networks send.
pub const TEXTS: &[&str] = &[
    "Nouveau menu d’hiver ❄️ https://example.com/menu #cafelumiere @alice.bsky.social",
    "@bob@mastodon.social merci ! https://www.example.co.uk/a_(b)?q=1&r=2#frag — à dimanche",
    "fin.https://example.com/x(y) http://localhost:8080 münchen.de/weg xn--mnchen-3ya.de",
    "café lumière #cafelumiere +#lyon -spam -#ad \"bon café\"",
    "I'm NOT happy at all!!! 😡 but the coffee was very good… mais bon",
    "👩‍👩‍👧 🇫🇷 👍🏽 e\u{301} \u{202e}reversed\u{202c} ＃hashtag＃ #1 #_ #tag.with.dots",
    "<p>Hello <a href=\"https://x.test\">x</a><br>line</p><p>two</p>",
];
