//! The request builders no other native test reaches, each checked as the server reads it:
//! method, exact URL with its query, the bearer header only where the server needs it, and no
//! body on a read. (Every other builder in `platforms/` is checked in `platform_mastodon*.rs`
//! and `platform_bluesky*.rs`.)

use attache::platforms::bluesky::xrpc;
use attache::platforms::mastodon::api::{self, Body, Method, Request};

fn bearer(r: &Request) -> Option<&str> {
    r.headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        .map(|(_, v)| v.as_str())
}

fn read(r: &Request, url: &str, token: Option<&str>) {
    assert_eq!(r.method, Method::Get, "{}", r.url);
    assert_eq!(r.url, url);
    assert_eq!(r.body, Body::None, "{}", r.url);
    assert_eq!(
        bearer(r),
        token.map(|t| format!("Bearer {t}")).as_deref(),
        "{}",
        r.url
    );
}

#[test]
fn mastodon_instance_descriptions_are_read_without_a_token() {
    read(
        &api::instance_v2("https://social.example"),
        "https://social.example/api/v2/instance",
        None,
    );
    read(
        &api::instance_v1("https://social.example"),
        "https://social.example/api/v1/instance",
        None,
    );
}

#[test]
fn mastodon_lists_of_the_account_ask_forty_with_the_token() {
    read(
        &api::scheduled_statuses("https://social.example", "tok"),
        "https://social.example/api/v1/scheduled_statuses?limit=40",
        Some("tok"),
    );
    read(
        &api::direct_conversations("https://social.example", "tok"),
        "https://social.example/api/v1/conversations?limit=40",
        Some("tok"),
    );
    // the account id is a path segment: encoded, so an odd id cannot reach another path
    read(
        &api::account_statuses("https://social.example", "tok", "1098/../x"),
        "https://social.example/api/v1/accounts/1098%2F..%2Fx/statuses?limit=40&exclude_reblogs=true",
        Some("tok"),
    );
}

#[test]
fn bluesky_handle_resolution_is_anonymous_and_the_profile_signed_in() {
    read(
        &xrpc::resolve_handle("https://pds.example", "alice.test"),
        "https://pds.example/xrpc/com.atproto.identity.resolveHandle?handle=alice.test",
        None,
    );
    read(
        &xrpc::get_profile("https://pds.example", "jwt", "did:plc:abc"),
        "https://pds.example/xrpc/app.bsky.actor.getProfile?actor=did%3Aplc%3Aabc",
        Some("jwt"),
    );
}

#[test]
fn bluesky_identity_reads_for_oauth_are_anonymous_and_did_web_is_asked_of_its_own_host() {
    read(
        &xrpc::describe_repo("https://pds.example/", "did:plc:abc"),
        "https://pds.example/xrpc/com.atproto.repo.describeRepo?repo=did%3Aplc%3Aabc",
        None,
    );
    read(
        &xrpc::resolve_identity("https://bsky.social", "did:plc:abc"),
        "https://bsky.social/xrpc/com.atproto.identity.resolveIdentity?identifier=did%3Aplc%3Aabc",
        None,
    );
    read(
        &xrpc::did_web_document("did:web:cafe-lumiere.fr").unwrap(),
        "https://cafe-lumiere.fr/.well-known/did.json",
        None,
    );
    // Not a did:web, or one with a path or port this reading does not follow: nothing asked.
    assert!(xrpc::did_web_document("did:plc:abc").is_none());
    assert!(xrpc::did_web_document("did:web:").is_none());
    assert!(xrpc::did_web_document("did:web:example.com:u:alice").is_none());
    assert!(xrpc::did_web_document("did:web:evil.example/x").is_none());
}
