//! Publishing to Mastodon, natively: the requests (status, thread reply, media with alt text,
//! scheduled status, move, cancel, mentions), the entities they give back (from the examples
//! in Mastodon's API documentation), `Link` pagination, what each error answer means, and
//! when a post can be held by the server. (The waits between tries: `domain_retry.rs`.)

use attache::domain::network::Network;
use attache::domain::post::{Post, RemoteSend, Variant, MIN_HOLD_MS};
use attache::platforms::mastodon::api::{self, Body, Method, NewStatus};
use attache::platforms::mastodon::entities::{
    MediaAttachment, Notification, Posted, ScheduledStatus,
};
use attache::platforms::mastodon::faults::{classify, server_words, Fault};
use attache::platforms::timing::{iso_time, parse_time};

const I: &str = "https://social.example";

fn form_of(body: &Body) -> Vec<(String, String)> {
    match body {
        Body::Form(f) => api::parse_query(f),
        other => panic!("not a form: {other:?}"),
    }
}

fn header<'a>(r: &'a api::Request, name: &str) -> Option<&'a str> {
    r.headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn a_status_carries_its_text_media_warning_language_and_idempotency_key() {
    let media = vec!["22".to_string(), "23".to_string()];
    let r = api::post_status(
        I,
        "tok",
        &NewStatus {
            text: "Bonjour & bienvenue ☕",
            media_ids: &media,
            spoiler_text: "café",
            language: Some("fr"),
            visibility: "public",
            in_reply_to_id: None,
            scheduled_at: None,
            idempotency_key: "k-1",
        },
    );
    assert_eq!(r.method, Method::Post);
    assert_eq!(r.url, "https://social.example/api/v1/statuses");
    assert_eq!(header(&r, "Authorization"), Some("Bearer tok"));
    assert_eq!(header(&r, "Idempotency-Key"), Some("k-1"));
    let f = form_of(&r.body);
    let get_all = |k: &str| {
        f.iter()
            .filter(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(get_all("status"), ["Bonjour & bienvenue ☕"]);
    assert_eq!(get_all("media_ids[]"), ["22", "23"]);
    assert_eq!(get_all("spoiler_text"), ["café"]);
    assert_eq!(get_all("language"), ["fr"]);
    assert_eq!(get_all("visibility"), ["public"]);
    assert!(get_all("in_reply_to_id").is_empty());
    assert!(get_all("scheduled_at").is_empty());
}

#[test]
fn a_thread_part_answers_the_one_before_and_a_held_status_names_its_time() {
    let r = api::post_status(
        I,
        "tok",
        &NewStatus {
            text: "2/3",
            visibility: "public",
            in_reply_to_id: Some("109"),
            scheduled_at: Some("2026-12-02T14:05:00.000Z"),
            idempotency_key: "k-1-1",
            ..Default::default()
        },
    );
    let f = form_of(&r.body);
    assert!(f.contains(&("in_reply_to_id".into(), "109".into())));
    assert!(f.contains(&("scheduled_at".into(), "2026-12-02T14:05:00.000Z".into())));
    assert!(!f
        .iter()
        .any(|(k, _)| k == "spoiler_text" || k == "media_ids[]"));
}

#[test]
fn each_thread_part_has_its_own_key_derived_from_the_first() {
    let send = RemoteSend::new("abc".into(), "acct".into());
    assert_eq!(send.key_for_part(0), "abc");
    assert_eq!(send.key_for_part(1), "abc-1");
    assert_eq!(send.key_for_part(2), "abc-2");
}

#[test]
fn media_goes_as_multipart_with_its_alt_text_and_is_polled_by_id() {
    let r = api::upload_media(I, "tok", "La vitrine, porte bleue");
    assert_eq!(r.method, Method::Post);
    assert_eq!(r.url, "https://social.example/api/v2/media");
    assert_eq!(
        r.body,
        Body::Multipart(vec![(
            "description".into(),
            "La vitrine, porte bleue".into()
        )])
    );
    let poll = api::media(I, "tok", "22");
    assert_eq!(poll.method, Method::Get);
    assert_eq!(poll.url, "https://social.example/api/v1/media/22");
}

#[test]
fn a_held_status_is_moved_with_put_and_cancelled_with_delete() {
    let m = api::reschedule(I, "tok", "3221", "2026-12-03T09:00:00.000Z");
    assert_eq!(m.method, Method::Put);
    assert_eq!(
        m.url,
        "https://social.example/api/v1/scheduled_statuses/3221"
    );
    assert_eq!(
        form_of(&m.body),
        [(
            "scheduled_at".to_string(),
            "2026-12-03T09:00:00.000Z".to_string()
        )]
    );
    assert_eq!(header(&m, "Authorization"), Some("Bearer tok"));
    let c = api::cancel_scheduled(I, "tok", "3221");
    assert_eq!(c.method, Method::Delete);
    assert_eq!(
        c.url,
        "https://social.example/api/v1/scheduled_statuses/3221"
    );
    assert_eq!(c.body, Body::None);
    // ids are path segments: nothing in them can reach another endpoint
    assert_eq!(
        api::cancel_scheduled(I, "t", "../../accounts").url,
        "https://social.example/api/v1/scheduled_statuses/..%2F..%2Faccounts"
    );
}

#[test]
fn mentions_are_asked_for_from_where_the_last_sync_stopped() {
    assert_eq!(
        api::mentions(I, "tok", None).url,
        "https://social.example/api/v1/notifications?types[]=mention&limit=80"
    );
    assert_eq!(
        api::mentions(I, "tok", Some("34975861")).url,
        "https://social.example/api/v1/notifications?types[]=mention&limit=80&min_id=34975861"
    );
}

#[test]
fn the_link_header_gives_the_next_and_previous_pages() {
    let link = "<https://mastodon.example/api/v1/notifications?max_id=34975535>; rel=\"next\", <https://mastodon.example/api/v1/notifications?min_id=34975861>; rel=\"prev\"";
    assert_eq!(
        api::link_header(link, "next").as_deref(),
        Some("https://mastodon.example/api/v1/notifications?max_id=34975535")
    );
    assert_eq!(
        api::link_header(link, "prev").as_deref(),
        Some("https://mastodon.example/api/v1/notifications?min_id=34975861")
    );
    assert_eq!(api::link_header(link, "last"), None);
    assert_eq!(api::link_header("", "next"), None);
}

const STATUS: &str = r#"{
  "id": "103270115826048975",
  "created_at": "2019-12-08T03:48:33.901Z",
  "in_reply_to_id": null,
  "in_reply_to_account_id": null,
  "sensitive": false,
  "spoiler_text": "",
  "visibility": "public",
  "language": "en",
  "uri": "https://mastodon.social/users/Gargron/statuses/103270115826048975",
  "url": "https://mastodon.social/@Gargron/103270115826048975",
  "replies_count": 5,
  "reblogs_count": 6,
  "favourites_count": 11,
  "favourited": false,
  "reblogged": false,
  "muted": false,
  "bookmarked": false,
  "content": "<p>&quot;I lost my inheritance with one wrong digit on my sort code&quot;</p><p><a href=\"https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code\" rel=\"nofollow noopener noreferrer\" target=\"_blank\"><span class=\"invisible\">https://www.</span><span class=\"ellipsis\">theguardian.com/money/2019/dec</span><span class=\"invisible\">/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code</span></a></p>",
  "reblog": null,
  "application": { "name": "Web", "website": null },
  "account": {
    "id": "1", "username": "Gargron", "acct": "Gargron", "display_name": "Eugen",
    "locked": false, "bot": false, "created_at": "2016-03-16T14:34:26.392Z",
    "note": "<p>Developer of Mastodon</p>", "url": "https://mastodon.social/@Gargron",
    "avatar": "https://files.mastodon.social/accounts/avatars/000/000/001/original/d96d39a0abb45b92.jpg",
    "followers_count": 322930, "following_count": 459, "statuses_count": 61323,
    "emojis": [], "fields": []
  },
  "media_attachments": [],
  "mentions": [], "tags": [], "emojis": [], "card": null, "poll": null
}"#;

const SCHEDULED: &str = r#"{
  "id": "3221",
  "scheduled_at": "2019-12-05T12:33:01.000Z",
  "params": {
    "poll": null,
    "text": "test content",
    "media_ids": null,
    "sensitive": null,
    "visibility": null,
    "idempotency": null,
    "scheduled_at": null,
    "spoiler_text": null,
    "application_id": 596551,
    "in_reply_to_id": null
  },
  "media_attachments": []
}"#;

#[test]
fn a_posted_status_and_a_held_one_are_told_apart() {
    match Posted::parse(STATUS) {
        Some(Posted::Now(s)) => {
            assert_eq!(s.id, "103270115826048975");
            assert_eq!(
                s.link(),
                "https://mastodon.social/@Gargron/103270115826048975"
            );
            assert_eq!(
                (s.favourites_count, s.reblogs_count, s.replies_count),
                (11, 6, 5)
            );
            assert_eq!(s.account.followers_count, 322930);
        }
        other => panic!("{other:?}"),
    }
    match Posted::parse(SCHEDULED) {
        Some(Posted::Held(s)) => {
            assert_eq!(s.id, "3221");
            assert_eq!(s.params.text, "test content");
            assert_eq!(
                parse_time(&s.scheduled_at),
                parse_time("2019-12-05T12:33:01Z")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(Posted::parse("<html>"), None);
    assert_eq!(Posted::parse(r#"{"error":"x"}"#), None);
    let list: Vec<ScheduledStatus> = serde_json::from_str(&format!("[{SCHEDULED}]")).unwrap();
    assert_eq!(list.len(), 1);
}

#[test]
fn a_status_without_url_links_to_its_uri() {
    let s = STATUS.replace(
        "\"url\": \"https://mastodon.social/@Gargron/103270115826048975\",",
        "\"url\": null,",
    );
    match Posted::parse(&s) {
        Some(Posted::Now(s)) => assert_eq!(
            s.link(),
            "https://mastodon.social/users/Gargron/statuses/103270115826048975"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_mention_notification_parses_with_its_status() {
    let n = format!(
        r#"{{"id":"34975861","type":"mention","created_at":"2019-11-23T07:49:02.064Z","account":{account},"status":{STATUS}}}"#,
        account = r#"{"id":"971724","username":"zsc","acct":"zsc","display_name":"","url":"https://mastodon.social/@zsc","followers_count":1,"following_count":2,"statuses_count":3}"#
    );
    let n: Notification = serde_json::from_str(&n).unwrap();
    assert_eq!(n.kind, "mention");
    assert_eq!(n.account.acct, "zsc");
    assert_eq!(n.status.unwrap().id, "103270115826048975");
}

fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn each_error_answer_means_wait_sign_in_again_fix_or_retry() {
    let now = parse_time("2026-12-02T14:00:00Z").unwrap();
    assert_eq!(classify(200, &[], "{}", now), None);
    assert_eq!(classify(202, &[], "{}", now), None);
    assert_eq!(
        classify(
            429,
            &h(&[("X-RateLimit-Reset", "2026-12-02T14:05:00.000Z")]),
            "",
            now
        ),
        Some(Fault::RateLimited {
            until: parse_time("2026-12-02T14:05:00Z")
        })
    );
    assert_eq!(
        classify(429, &h(&[("retry-after", "30")]), "", now),
        Some(Fault::RateLimited {
            until: Some(now + 30_000.0)
        })
    );
    assert_eq!(
        classify(429, &h(&[("retry-after", "soon")]), "", now),
        Some(Fault::RateLimited { until: None })
    );
    assert_eq!(
        classify(401, &[], r#"{"error":"The access token is invalid"}"#, now),
        Some(Fault::Unauthorized)
    );
    assert_eq!(
        classify(
            422,
            &[],
            r#"{"error":"Validation failed: Text character limit of 500 exceeded"}"#,
            now
        ),
        Some(Fault::Rejected(
            "Validation failed: Text character limit of 500 exceeded".into()
        ))
    );
    assert_eq!(
        classify(403, &[], "<html>", now),
        Some(Fault::Rejected("HTTP 403".into()))
    );
    assert_eq!(classify(503, &[], "", now), Some(Fault::ServerFailed(503)));
    assert_eq!(classify(500, &[], "", now), Some(Fault::ServerFailed(500)));
    assert_eq!(
        server_words(
            r#"{"error":"invalid_grant","error_description":"The grant is invalid."}"#,
            400
        ),
        "The grant is invalid."
    );
}

#[test]
fn times_go_to_the_server_in_utc_iso_8601_and_come_back_the_same() {
    let ms = parse_time("2026-12-02T15:05:00+01:00").unwrap();
    assert_eq!(iso_time(ms), "2026-12-02T14:05:00.000Z");
    assert_eq!(parse_time(&iso_time(ms)), Some(ms));
    assert_eq!(parse_time("yesterday"), None);
}

fn scheduled_post(due_in: f64, thread: Vec<String>) -> (Post, f64) {
    let now = 1_800_000_000_000.0;
    let mut p = Post::new("p".into(), "w".into(), now);
    let mut v = Variant::new(Network::Mastodon);
    v.thread = thread;
    p.variants = vec![v];
    p.due_at = Some(now + due_in);
    (p, now)
}

#[test]
fn the_server_holds_a_single_post_due_at_least_five_minutes_ahead() {
    let (p, now) = scheduled_post(10.0 * 60_000.0, vec![]);
    assert!(p.can_be_held(Network::Mastodon, now));
    assert!(!p.can_be_held(Network::Bluesky, now), "no Bluesky variant");
    let (p, now) = scheduled_post(MIN_HOLD_MS, vec![]);
    assert!(p.can_be_held(Network::Mastodon, now), "exactly 5 minutes");
    let (p, now) = scheduled_post(MIN_HOLD_MS - 1.0, vec![]);
    assert!(
        !p.can_be_held(Network::Mastodon, now),
        "too soon: sent by the app instead"
    );
    let (p, now) = scheduled_post(3_600_000.0, vec!["2/2".into()]);
    assert!(
        !p.can_be_held(Network::Mastodon, now),
        "a thread cannot be held"
    );
    let (mut p, _) = scheduled_post(3_600_000.0, vec![]);
    assert!(!p.held_by_server(Network::Mastodon));
    let mut send = RemoteSend::new("k".into(), "a".into());
    send.held_id = Some("3221".into());
    p.variants[0].remote = Some(send);
    assert!(p.held_by_server(Network::Mastodon));
}

#[test]
fn a_post_saved_before_remote_sends_existed_still_reads() {
    let old = r#"{"id":"p","workspace_id":"w","base_text":"x","variants":[{"network":"mastodon"}],"state":"draft","created_at":1,"updated_at":1}"#;
    let p: Post = serde_json::from_str(old).unwrap();
    assert_eq!(p.variants[0].remote, None);
}

#[test]
fn an_upload_still_processing_has_no_url_yet_and_a_ready_one_has() {
    let processing = r#"{"id":"22348641","type":"image","url":null,"preview_url":"https://files.mastodon.social/media_attachments/files/022/348/641/small/cebc6d51462a2a4d.jpeg","remote_url":null,"text_url":null,"meta":{"focus":{"x":-0.69,"y":0.42}},"description":"test uploaded via api","blurhash":"UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}"}"#;
    let m: MediaAttachment = serde_json::from_str(processing).unwrap();
    assert_eq!(m.id, "22348641");
    assert_eq!(m.kind, "image");
    assert_eq!(m.url, None);
    assert_eq!(m.description.as_deref(), Some("test uploaded via api"));
    let ready = processing.replace(
        "\"url\":null",
        "\"url\":\"https://files.mastodon.social/media_attachments/files/022/348/641/original/cebc6d51462a2a4d.jpeg\"",
    );
    let m: MediaAttachment = serde_json::from_str(&ready).unwrap();
    assert!(m.url.unwrap().ends_with("original/cebc6d51462a2a4d.jpeg"));
}
