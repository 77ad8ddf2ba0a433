//! Bluesky's `getPostThread`: the request, and its answer flattened — parents from the top,
//! the post, replies depth first; posts not found or blocked left out; a deep answer cut.

use attache::platforms::bluesky::entities::thread_posts;
use attache::platforms::bluesky::xrpc;
use serde_json::{json, Value};

fn post(n: &str) -> Value {
    json!({
        "uri": format!("at://did:plc:x/app.bsky.feed.post/{n}"), "cid": format!("cid{n}"),
        "author": { "did": "did:plc:x", "handle": "x.test" },
        "record": { "text": n, "createdAt": "2026-12-01T10:00:00.000Z" },
        "indexedAt": "2026-12-01T10:00:00.000Z",
    })
}

fn node(n: &str, replies: Vec<Value>) -> Value {
    json!({ "$type": "app.bsky.feed.defs#threadViewPost", "post": post(n), "replies": replies })
}

fn texts(answer: &Value) -> Vec<String> {
    thread_posts(answer)
        .iter()
        .map(|p| p.record["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_request_names_the_post_and_asks_for_parents_and_replies() {
    let r = xrpc::get_post_thread(
        "http://localhost:2583",
        "tok",
        "at://did:plc:x/app.bsky.feed.post/1",
    );
    assert_eq!(
        r.url,
        "http://localhost:2583/xrpc/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fdid%3Aplc%3Ax%2Fapp.bsky.feed.post%2F1&depth=20&parentHeight=40"
    );
    assert!(r
        .headers
        .iter()
        .any(|(k, v)| k == "Authorization" && v == "Bearer tok"));
}

#[test]
fn parents_from_the_top_then_the_post_then_replies_depth_first() {
    let mut thread = node(
        "c",
        vec![
            node("d", vec![node("e", vec![])]),
            json!({ "$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://gone", "notFound": true }),
            node("f", vec![]),
        ],
    );
    let mut parent = node("b", vec![]);
    parent["parent"] = node("a", vec![]);
    thread["parent"] = parent;
    assert_eq!(
        texts(&json!({ "thread": thread })),
        ["a", "b", "c", "d", "e", "f"]
    );
}

#[test]
fn a_blocked_or_missing_thread_gives_nothing_and_a_very_deep_one_is_cut() {
    assert!(texts(
        &json!({ "thread": { "$type": "app.bsky.feed.defs#blockedPost", "blocked": true } })
    )
    .is_empty());
    assert!(texts(&json!({})).is_empty());
    let mut deep = node("leaf", vec![]);
    for i in 0..300 {
        deep = node(&i.to_string(), vec![deep]);
    }
    let got = texts(&json!({ "thread": deep }));
    assert_eq!(got.len(), 101, "the post and 100 levels of replies");
}
