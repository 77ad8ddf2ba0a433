//! Bluesky requests and answers, natively: XRPC request building, what each error means,
//! the entities parsed from answers shaped like the PDS's, post records (facets, replies,
//! images, link card) and reading a record's links back.

use attache::domain::facets::{Facet, FacetKind};
use attache::domain::post::LinkCard;
use attache::platforms::bluesky::entities::{
    rkey_of, web_url, Notifications, Posts, Profile, RecordRef, SearchResult, Session,
};
use attache::platforms::bluesky::faults::{classify, is_unknown_handle, Fault};
use attache::platforms::bluesky::normalise_handle;
use attache::platforms::bluesky::record::{post_record, text_and_links, Image, NewPost, Reply};
use attache::platforms::bluesky::xrpc::{self, Search};
use attache::platforms::request::{Body, Method};
use serde_json::{json, Value};

const PDS: &str = "http://localhost:2583";

fn body(r: &attache::platforms::request::Request) -> Value {
    match &r.body {
        Body::Json(j) => serde_json::from_str(j).unwrap(),
        other => panic!("not JSON: {other:?}"),
    }
}

fn bearer(r: &attache::platforms::request::Request) -> Option<&str> {
    r.headers
        .iter()
        .find(|(k, _)| k == "Authorization")
        .map(|(_, v)| v.as_str())
}

#[test]
fn handles_are_normalised_and_non_handles_refused() {
    assert_eq!(normalise_handle("@Alice.Test "), Some("alice.test".into()));
    assert_eq!(
        normalise_handle("name.bsky.social"),
        Some("name.bsky.social".into())
    );
    for bad in [
        "",
        "alice",
        "@",
        "a..b",
        "-a.test",
        "a-.test",
        "al ice.test",
        "été.fr",
        "a/b.test",
    ] {
        assert_eq!(normalise_handle(bad), None, "{bad}");
    }
}

#[test]
fn a_session_is_created_with_the_handle_and_app_password_and_the_code_when_asked() {
    let r = xrpc::create_session(PDS, "alice.test", "hunter2", None);
    assert_eq!(r.method, Method::Post);
    assert_eq!(
        r.url,
        "http://localhost:2583/xrpc/com.atproto.server.createSession"
    );
    assert_eq!(
        body(&r),
        json!({ "identifier": "alice.test", "password": "hunter2" })
    );
    let r = xrpc::create_session("https://bsky.social/", "a.test", "p", Some(" 12345 "));
    assert_eq!(
        r.url,
        "https://bsky.social/xrpc/com.atproto.server.createSession"
    );
    assert_eq!(body(&r)["authFactorToken"], "12345");
    assert!(bearer(&r).is_none(), "no token on sign-in");
}

#[test]
fn refresh_and_delete_use_the_refresh_token() {
    let r = xrpc::refresh_session(PDS, "REFRESH");
    assert_eq!(r.method, Method::Post);
    assert!(r.url.ends_with("/xrpc/com.atproto.server.refreshSession"));
    assert_eq!(bearer(&r), Some("Bearer REFRESH"));
    let r = xrpc::delete_session(PDS, "REFRESH");
    assert!(r.url.ends_with("/xrpc/com.atproto.server.deleteSession"));
    assert_eq!(bearer(&r), Some("Bearer REFRESH"));
}

#[test]
fn records_are_written_under_our_own_key_and_read_back_by_it() {
    let rec = json!({ "text": "hi" });
    let r = xrpc::create_record(
        PDS,
        "TOKEN",
        "did:plc:abc",
        "app.bsky.feed.post",
        "3kabc2def3gh2",
        &rec,
    );
    assert_eq!(
        r.url,
        "http://localhost:2583/xrpc/com.atproto.repo.createRecord"
    );
    let b = body(&r);
    assert_eq!(b["rkey"], "3kabc2def3gh2");
    assert_eq!(b["repo"], "did:plc:abc");
    assert_eq!(b["collection"], "app.bsky.feed.post");
    assert_eq!(b["record"], rec);
    assert_eq!(bearer(&r), Some("Bearer TOKEN"));
    let r = xrpc::get_record(PDS, "did:plc:abc", "app.bsky.feed.post", "3kabc2def3gh2");
    assert_eq!(r.method, Method::Get);
    assert_eq!(
        r.url,
        "http://localhost:2583/xrpc/com.atproto.repo.getRecord?repo=did%3Aplc%3Aabc&collection=app.bsky.feed.post&rkey=3kabc2def3gh2"
    );
}

#[test]
fn a_blob_goes_as_the_whole_body_with_its_type() {
    let r = xrpc::upload_blob(PDS, "T", "image/png");
    assert_eq!(r.method, Method::Post);
    assert!(r.url.ends_with("/xrpc/com.atproto.repo.uploadBlob"));
    assert_eq!(
        r.body,
        Body::File {
            content_type: "image/png".into()
        }
    );
}

#[test]
fn notifications_page_back_with_the_cursor() {
    let r = xrpc::list_notifications(PDS, "T", 500, None);
    assert_eq!(
        r.url,
        "http://localhost:2583/xrpc/app.bsky.notification.listNotifications?limit=100"
    );
    let r = xrpc::list_notifications(PDS, "T", 0, Some("2026-12-01T10:00:00.000Z"));
    assert!(
        r.url
            .ends_with("?limit=1&cursor=2026-12-01T10%3A00%3A00.000Z"),
        "{}",
        r.url
    );
    let r = xrpc::update_seen(PDS, "T", "2026-12-01T10:00:00.000Z");
    assert_eq!(body(&r), json!({ "seenAt": "2026-12-01T10:00:00.000Z" }));
}

#[test]
fn counts_are_asked_for_at_most_25_posts_at_once() {
    let uris: Vec<String> = (0..30)
        .map(|i| format!("at://did:plc:a/app.bsky.feed.post/{i}"))
        .collect();
    let r = xrpc::get_posts(PDS, "T", &uris);
    assert_eq!(r.url.matches("uris=").count(), 25);
    assert!(r
        .url
        .contains("uris=at%3A%2F%2Fdid%3Aplc%3Aa%2Fapp.bsky.feed.post%2F0&"));
}

#[test]
fn search_is_by_keyword_or_by_tag() {
    let r = xrpc::search_posts(PDS, "T", &Search::Keyword(" café crème "), None, None, None);
    assert!(
        r.url
            .contains("app.bsky.feed.searchPosts?q=caf%C3%A9%20cr%C3%A8me&sort=latest"),
        "{}",
        r.url
    );
    assert!(!r.url.contains("tag="));
    let r = xrpc::search_posts(PDS, "T", &Search::Tag("#Attache"), None, None, Some("25"));
    assert!(r.url.contains("q=%23Attache"), "{}", r.url);
    assert!(r.url.contains("&tag=Attache"));
    assert!(r.url.ends_with("&cursor=25"));
    assert!(!r.url.contains("lang=") && !r.url.contains("since="));
    let r = xrpc::search_posts(
        PDS,
        "T",
        &Search::Keyword("lumière"),
        Some("fr"),
        Some("2026-12-01T00:00:00.000Z"),
        None,
    );
    assert!(
        r.url
            .ends_with("&lang=fr&since=2026-12-01T00%3A00%3A00.000Z"),
        "{}",
        r.url
    );
}

fn err(status: u16, error: &str, message: &str) -> Option<Fault> {
    classify(
        status,
        &[],
        &json!({ "error": error, "message": message }).to_string(),
    )
}

#[test]
fn every_error_the_pds_gives_has_its_meaning() {
    assert_eq!(classify(200, &[], "{}"), None);
    assert_eq!(
        err(400, "ExpiredToken", "Token has expired"),
        Some(Fault::Expired)
    );
    assert_eq!(
        err(401, "ExpiredToken", "Token has expired"),
        Some(Fault::Expired)
    );
    assert_eq!(
        err(
            401,
            "AuthenticationRequired",
            "Invalid identifier or password"
        ),
        Some(Fault::BadCredentials)
    );
    assert_eq!(
        err(
            401,
            "AuthFactorTokenRequired",
            "A sign in code has been sent to your email address"
        ),
        Some(Fault::SecondFactor)
    );
    assert_eq!(
        err(400, "InvalidToken", "Token could not be verified"),
        Some(Fault::SessionEnded)
    );
    assert_eq!(
        err(401, "AuthenticationRequired", "Authentication Required"),
        Some(Fault::SessionEnded)
    );
    assert_eq!(
        err(400, "InvalidRequest", "Invalid record key"),
        Some(Fault::Rejected("Invalid record key".into()))
    );
    assert_eq!(
        classify(413, &[], "not json"),
        Some(Fault::Rejected("HTTP 413".into()))
    );
    assert_eq!(
        err(500, "InternalServerError", "Internal Server Error"),
        Some(Fault::ServerFailed(500))
    );
    assert_eq!(classify(502, &[], ""), Some(Fault::ServerFailed(502)));
}

#[test]
fn a_429_waits_until_the_reset_the_server_gives() {
    let headers = vec![
        ("RateLimit-Limit".to_string(), "3000".to_string()),
        ("RateLimit-Remaining".to_string(), "0".to_string()),
        ("RateLimit-Reset".to_string(), "1764680400".to_string()),
    ];
    assert_eq!(
        classify(429, &headers, r#"{"error":"RateLimitExceeded"}"#),
        Some(Fault::RateLimited {
            until: Some(1_764_680_400_000.0)
        })
    );
    assert_eq!(
        classify(429, &[], ""),
        Some(Fault::RateLimited { until: None })
    );
}

#[test]
fn an_unknown_handle_is_told_apart() {
    assert!(is_unknown_handle(
        400,
        r#"{"error":"InvalidRequest","message":"Unable to resolve handle"}"#
    ));
    assert!(!is_unknown_handle(500, ""));
    assert!(!is_unknown_handle(200, r#"{"did":"did:plc:x"}"#));
}

#[test]
fn a_session_says_where_the_account_lives() {
    let s: Session = serde_json::from_value(json!({
        "did": "did:plc:alice", "handle": "alice.test",
        "accessJwt": "A", "refreshJwt": "R", "email": "a@b.c",
        "didDoc": {
            "@context": ["https://www.w3.org/ns/did/v1"], "id": "did:plc:alice",
            "alsoKnownAs": ["at://alice.test"],
            "service": [{ "id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                          "serviceEndpoint": "http://localhost:2583/" }]
        }
    }))
    .unwrap();
    assert_eq!(
        s.did_doc.unwrap().pds(),
        Some("http://localhost:2583".into())
    );
    assert!(s.active);
    let s: Session = serde_json::from_value(json!({
        "did": "did:plc:x", "handle": "x.test", "accessJwt": "A", "refreshJwt": "R", "active": false
    }))
    .unwrap();
    assert!(s.did_doc.is_none());
    assert!(!s.active);
}

#[test]
fn notifications_profiles_posts_and_search_results_parse() {
    let page: Notifications = serde_json::from_value(json!({
        "cursor": "2026-12-01T10:00:00.000Z",
        "notifications": [
            { "uri": "at://did:plc:bob/app.bsky.feed.post/3k1", "cid": "bafy1",
              "author": { "did": "did:plc:bob", "handle": "bob.test", "displayName": "Bob" },
              "reason": "mention", "record": { "text": "@alice.test salut", "createdAt": "2026-12-01T10:00:00.000Z" },
              "isRead": false, "indexedAt": "2026-12-01T10:00:01.000Z", "labels": [] },
            { "uri": "at://did:plc:carla/app.bsky.feed.like/3k2", "cid": "bafy2",
              "author": { "did": "did:plc:carla", "handle": "carla.test" },
              "reason": "like", "reasonSubject": "at://did:plc:alice/app.bsky.feed.post/3k0",
              "record": {}, "isRead": true, "indexedAt": "2026-12-01T09:00:00.000Z" }
        ]
    }))
    .unwrap();
    assert_eq!(page.notifications.len(), 2);
    assert!(page.notifications[0].is_conversation());
    assert!(!page.notifications[1].is_conversation());
    assert_eq!(page.notifications[0].author.name(), "Bob");
    assert_eq!(page.notifications[1].author.name(), "carla.test");
    let p: Profile = serde_json::from_value(json!({
        "did": "did:plc:alice", "handle": "alice.test", "followersCount": 12, "followsCount": 3, "postsCount": 40
    }))
    .unwrap();
    assert_eq!(
        (p.followers_count, p.follows_count, p.posts_count),
        (12, 3, 40)
    );
    let posts: Posts = serde_json::from_value(json!({ "posts": [{
        "uri": "at://did:plc:alice/app.bsky.feed.post/3k0", "cid": "bafy0",
        "author": { "did": "did:plc:alice", "handle": "alice.test" }, "record": { "text": "hi" },
        "likeCount": 5, "repostCount": 2, "replyCount": 1, "quoteCount": 0, "indexedAt": "2026-12-01T08:00:00.000Z"
    }]}))
    .unwrap();
    assert_eq!(posts.posts[0].like_count, 5);
    assert_eq!(posts.posts[0].repost_count, 2);
    let found: SearchResult =
        serde_json::from_value(json!({ "posts": [], "cursor": "50", "hitsTotal": 0 })).unwrap();
    assert_eq!(found.cursor.as_deref(), Some("50"));
}

#[test]
fn addresses_of_posts() {
    let uri = "at://did:plc:alice/app.bsky.feed.post/3kabc";
    assert_eq!(rkey_of(uri), Some("3kabc"));
    assert_eq!(rkey_of("at://did:plc:alice"), None);
    assert_eq!(rkey_of("https://x"), None);
    assert_eq!(
        web_url("alice.test", uri),
        "https://bsky.app/profile/alice.test/post/3kabc"
    );
}

fn facet(start: usize, end: usize, kind: FacetKind) -> Facet {
    Facet { start, end, kind }
}

#[test]
fn a_record_carries_text_facets_languages_reply_and_images() {
    let text = "Salut @bob.test et @ghost.test #été https://ex.fr";
    let facets = vec![
        facet(
            6,
            15,
            FacetKind::Mention {
                handle: "bob.test".into(),
            },
        ),
        facet(
            19,
            30,
            FacetKind::Mention {
                handle: "ghost.test".into(),
            },
        ),
        facet(
            31,
            37,
            FacetKind::Tag {
                tag: "été".into()
            },
        ),
        facet(
            38,
            51,
            FacetKind::Link {
                uri: "https://ex.fr".into(),
            },
        ),
    ];
    let dids = vec![("bob.test".to_string(), "did:plc:bob".to_string())];
    let langs = vec!["fr".to_string()];
    let blob = json!({ "$type": "blob", "ref": { "$link": "bafkrei" }, "mimeType": "image/png", "size": 10 });
    let images = vec![Image {
        blob: blob.clone(),
        alt: "Un chat".into(),
        aspect: Some((800, 600)),
    }];
    let card = LinkCard {
        uri: "https://ex.fr".into(),
        title: "T".into(),
        description: String::new(),
    };
    let root = RecordRef {
        uri: "at://a/app.bsky.feed.post/1".into(),
        cid: "c1".into(),
    };
    let parent = RecordRef {
        uri: "at://a/app.bsky.feed.post/2".into(),
        cid: "c2".into(),
    };
    let r = post_record(&NewPost {
        text,
        facets: &facets,
        dids: &dids,
        langs: &langs,
        created_at: "2026-12-02T10:00:00.000Z",
        reply: Some(Reply { root, parent }),
        images: &images,
        card: Some(&card),
        quote: None,
    });
    assert_eq!(r["$type"], "app.bsky.feed.post");
    assert_eq!(r["text"], text);
    assert_eq!(r["langs"], json!(["fr"]));
    let f = r["facets"].as_array().unwrap();
    assert_eq!(f.len(), 3, "the unresolved mention stays plain text");
    assert_eq!(f[0]["index"], json!({ "byteStart": 6, "byteEnd": 15 }));
    assert_eq!(
        f[0]["features"][0],
        json!({ "$type": "app.bsky.richtext.facet#mention", "did": "did:plc:bob" })
    );
    assert_eq!(
        f[1]["features"][0],
        json!({ "$type": "app.bsky.richtext.facet#tag", "tag": "été" })
    );
    assert_eq!(f[2]["features"][0]["uri"], "https://ex.fr");
    assert_eq!(&text[31..37], "#été");
    assert_eq!(
        r["reply"]["root"],
        json!({ "uri": "at://a/app.bsky.feed.post/1", "cid": "c1" })
    );
    assert_eq!(r["reply"]["parent"]["cid"], "c2");
    assert_eq!(r["embed"]["$type"], "app.bsky.embed.images");
    assert_eq!(r["embed"]["images"][0]["image"], blob);
    assert_eq!(r["embed"]["images"][0]["alt"], "Un chat");
    assert_eq!(
        r["embed"]["images"][0]["aspectRatio"],
        json!({ "width": 800, "height": 600 })
    );
}

#[test]
fn a_link_card_is_the_embed_when_there_are_no_images() {
    let card = LinkCard {
        uri: " https://ex.fr/a ".into(),
        title: " Un titre ".into(),
        description: "Une description".into(),
    };
    let r = post_record(&NewPost {
        text: "lien",
        created_at: "x",
        card: Some(&card),
        ..Default::default()
    });
    assert_eq!(
        r["embed"],
        json!({ "$type": "app.bsky.embed.external",
                "external": { "uri": "https://ex.fr/a", "title": "Un titre", "description": "Une description" } })
    );
    assert!(r.get("facets").is_none());
    assert!(r.get("langs").is_none());
    assert!(r.get("reply").is_none());
}

#[test]
fn a_quoted_post_is_the_embed_and_goes_with_the_images_but_not_the_card() {
    let quoted = ("at://did:plc:bob/app.bsky.feed.post/3kq", "bafyquoted");
    let strong = json!({ "$type": "app.bsky.embed.record",
                         "record": { "uri": "at://did:plc:bob/app.bsky.feed.post/3kq", "cid": "bafyquoted" } });
    let card = LinkCard {
        uri: "https://ex.fr".into(),
        title: "T".into(),
        description: String::new(),
    };
    let r = post_record(&NewPost {
        text: "Merci pour ce retour https://ex.fr",
        created_at: "x",
        card: Some(&card),
        quote: Some(quoted),
        ..Default::default()
    });
    assert_eq!(r["embed"], strong, "one embed: the quote, not the card");
    let blob = json!({ "$type": "blob", "ref": { "$link": "bafkrei" }, "mimeType": "image/png", "size": 10 });
    let images = vec![Image {
        blob: blob.clone(),
        alt: "Un chat".into(),
        aspect: None,
    }];
    let r = post_record(&NewPost {
        text: "Avec une photo",
        created_at: "x",
        images: &images,
        quote: Some(quoted),
        ..Default::default()
    });
    assert_eq!(r["embed"]["$type"], "app.bsky.embed.recordWithMedia");
    assert_eq!(r["embed"]["record"], strong);
    assert_eq!(
        r["embed"]["media"],
        json!({ "$type": "app.bsky.embed.images", "images": [{ "image": blob, "alt": "Un chat" }] })
    );
}

#[test]
fn links_are_read_back_from_a_record_and_bad_ranges_dropped() {
    let record = json!({
        "text": "Voilà @alice.test https://ex.fr #café",
        "facets": [
            { "index": { "byteStart": 7, "byteEnd": 18 },
              "features": [{ "$type": "app.bsky.richtext.facet#mention", "did": "did:plc:alice" }] },
            { "index": { "byteStart": 19, "byteEnd": 32 },
              "features": [{ "$type": "app.bsky.richtext.facet#link", "uri": "https://ex.fr" }] },
            { "index": { "byteStart": 33, "byteEnd": 39 },
              "features": [{ "$type": "app.bsky.richtext.facet#tag", "tag": "café" }] },
            { "index": { "byteStart": 5, "byteEnd": 7 },
              "features": [{ "$type": "app.bsky.richtext.facet#link", "uri": "https://cut.example" }] },
            { "index": { "byteStart": 0, "byteEnd": 999 },
              "features": [{ "$type": "app.bsky.richtext.facet#link", "uri": "https://long.example" }] },
            { "index": { "byteStart": 0, "byteEnd": 3 },
              "features": [{ "$type": "app.bsky.richtext.facet#link", "uri": "javascript:alert(1)" }] }
        ]
    });
    let (text, links) = text_and_links(&record);
    let shown: Vec<(&str, &str)> = links
        .iter()
        .map(|(s, e, h)| (&text[*s..*e], h.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("@alice.test", "https://bsky.app/profile/did:plc:alice"),
            ("https://ex.fr", "https://ex.fr"),
            ("#café", "https://bsky.app/hashtag/caf%C3%A9"),
        ]
    );
}

#[test]
fn notification_pages_overlap_by_a_millisecond_so_none_sharing_it_is_skipped() {
    use attache::services::bluesky::sync::next_cursor;
    assert_eq!(
        next_cursor("2026-12-01T10:00:00.123Z", true),
        "2026-12-01T10:00:00.124Z"
    );
    // a page that brought nothing new: the server's cursor, so the paging moves on
    assert_eq!(
        next_cursor("2026-12-01T10:00:00.123Z", false),
        "2026-12-01T10:00:00.123Z"
    );
    // a cursor that is not a time is passed back as it is
    assert_eq!(
        next_cursor("1764583200123::bafy", true),
        "1764583200123::bafy"
    );
}

#[test]
fn an_authors_bio_gives_its_links() {
    let author: attache::platforms::bluesky::entities::Author = serde_json::from_value(json!({
        "did": "did:plc:carla", "handle": "carla.test", "displayName": "Carla",
        "description": "Pâtissière à Lyon. https://carla.example/ — et https://x.test/@carla.",
        "avatar": "https://cdn.test/carla.jpg"
    }))
    .unwrap();
    let p = author.profile();
    assert_eq!(
        p.links,
        vec!["https://carla.example/", "https://x.test/@carla"]
    );
    assert!(p.verified.is_empty());
    assert_eq!(p.avatar, "https://cdn.test/carla.jpg");
    // A thread's authors carry no bio.
    let basic: attache::platforms::bluesky::entities::Author =
        serde_json::from_value(json!({ "did": "did:plc:b", "handle": "b.test" })).unwrap();
    assert!(basic.profile().links.is_empty());
}
