//! Bluesky OAuth's requests and checks (`platforms::bluesky::oauth`): the client's identity,
//! discovery, the DPoP proof's contents, the pushed request, the callback and the tokens.
//! Metadata below is shaped as the local network's PDS (`@atproto/dev-env`) serves it.

use attache::platforms::bluesky::oauth::{self, OAuthProblem, PublicJwk};
use attache::platforms::pkce;
use attache::platforms::request::{Body, Method};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};

const ISSUER: &str = "http://localhost:2583";

fn metadata() -> Value {
    json!({
        "issuer": ISSUER,
        "authorization_endpoint": "http://localhost:2583/oauth/authorize",
        "token_endpoint": "http://localhost:2583/oauth/token",
        "pushed_authorization_request_endpoint": "http://localhost:2583/oauth/par",
        "revocation_endpoint": "http://localhost:2583/oauth/revoke",
        "require_pushed_authorization_requests": true,
        "code_challenge_methods_supported": ["S256"],
        "dpop_signing_alg_values_supported": ["RS256", "ES256", "ES256K"],
        "token_endpoint_auth_methods_supported": ["none", "private_key_jwt"],
    })
}

fn server() -> oauth::Server {
    oauth::server(ISSUER, &metadata().to_string()).unwrap()
}

fn form_fields(body: &Body) -> Vec<(String, String)> {
    let Body::Form(f) = body else {
        panic!("a form body")
    };
    f.split('&')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (
                k.to_string(),
                v.replace("%20", " ")
                    .replace("%3A", ":")
                    .replace("%2F", "/"),
            )
        })
        .collect()
}

#[test]
fn the_loopback_client_names_its_redirect_and_scope_and_a_site_its_metadata_file() {
    let id = oauth::loopback_client_id("http://127.0.0.1:8080/oauth/bluesky");
    assert!(id.starts_with(
        "http://localhost?redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Foauth%2Fbluesky&scope="
    ));
    assert!(id.ends_with("scope=atproto%20transition%3Ageneric"));
    // a deployed site: the metadata file's address (scripts/client_metadata.mjs writes it)
    assert_eq!(
        oauth::site_client_id("https://desk.example.org/"),
        "https://desk.example.org/client-metadata.json"
    );
    assert_eq!(
        oauth::redirect_uri("https://desk.example.org/"),
        "https://desk.example.org/oauth/bluesky"
    );
}

#[test]
fn discovery_goes_from_the_pds_to_its_authorization_server_and_checks_it() {
    let r = oauth::resource_metadata_request("http://localhost:2583/");
    assert_eq!(
        (r.method, r.url.as_str()),
        (
            Method::Get,
            "http://localhost:2583/.well-known/oauth-protected-resource"
        )
    );
    let body =
        r#"{"resource":"http://localhost:2583","authorization_servers":["http://localhost:2583"]}"#;
    assert_eq!(oauth::authorization_server(body).unwrap(), ISSUER);
    assert!(matches!(
        oauth::authorization_server(r#"{"resource":"x"}"#),
        Err(OAuthProblem::Unexpected(_))
    ));
    assert_eq!(
        oauth::server_metadata_request(ISSUER).url,
        "http://localhost:2583/.well-known/oauth-authorization-server"
    );
    let s = server();
    assert_eq!(
        s.pushed_authorization_request_endpoint,
        "http://localhost:2583/oauth/par"
    );
    // a server naming another issuer, or without ES256 DPoP, is not used
    assert!(matches!(
        oauth::server("http://evil.test", &metadata().to_string()),
        Err(OAuthProblem::Unexpected(_))
    ));
    let mut no_es256 = metadata();
    no_es256["dpop_signing_alg_values_supported"] = json!(["RS256"]);
    assert_eq!(
        oauth::server(ISSUER, &no_es256.to_string()),
        Err(OAuthProblem::Unsupported("ES256".into()))
    );
    assert!(oauth::server(ISSUER, "<html>").is_err());
}

fn part(jwt: &str, i: usize) -> Value {
    let p = jwt.split('.').nth(i).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).unwrap()).unwrap()
}

#[test]
fn a_dpop_proof_carries_the_key_the_request_the_nonce_and_the_token_hash() {
    let jwk = PublicJwk {
        x: "xx".into(),
        y: "yy".into(),
    };
    let input = oauth::dpop_signing_input(
        &jwk,
        "POST",
        "http://localhost:2583/xrpc/com.atproto.repo.createRecord?a=1#f",
        "j1",
        1_700_000_000,
        Some("n0nce"),
        Some("tok"),
    );
    let header = part(&input, 0);
    assert_eq!(
        header,
        json!({"typ": "dpop+jwt", "alg": "ES256", "jwk": {"kty": "EC", "crv": "P-256", "x": "xx", "y": "yy"}})
    );
    let claims = part(&input, 1);
    assert_eq!(
        claims["htu"], "http://localhost:2583/xrpc/com.atproto.repo.createRecord",
        "no query, no fragment"
    );
    assert_eq!(claims["htm"], "POST");
    assert_eq!(claims["jti"], "j1");
    assert_eq!(claims["iat"], 1_700_000_000u64);
    assert_eq!(claims["nonce"], "n0nce");
    // ath: base64url(SHA-256("tok")), as `openssl dgst -sha256 -binary | base64` gives it
    assert_eq!(claims["ath"], "GnZ0607njffhrEOak8P6jjyUV4TU3sn9jjARc4svHWI");
    let proof = oauth::dpop_proof(&input, &[7u8; 64]);
    assert_eq!(proof.split('.').count(), 3);
    assert_eq!(
        URL_SAFE_NO_PAD
            .decode(proof.split('.').nth(2).unwrap())
            .unwrap(),
        vec![7u8; 64]
    );
    // before any nonce and token: neither claim
    let first = part(
        &oauth::dpop_signing_input(
            &jwk,
            "POST",
            "http://localhost:2583/oauth/par",
            "j2",
            1,
            None,
            None,
        ),
        1,
    );
    assert!(first.get("nonce").is_none() && first.get("ath").is_none());
}

#[test]
fn the_pushed_request_then_the_authorize_address() {
    let s = server();
    let verifier = pkce::verifier(&[1u8; 32]);
    let challenge = pkce::challenge(&verifier);
    let r = oauth::par_request(
        &s,
        "client",
        "http://127.0.0.1:8080/oauth/bluesky",
        "st",
        &challenge,
        "alice.test",
    );
    assert_eq!(
        (r.method.clone(), r.url.as_str()),
        (Method::Post, "http://localhost:2583/oauth/par")
    );
    let fields = form_fields(&r.body);
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    assert_eq!(get("response_type"), Some("code"));
    assert_eq!(get("code_challenge"), Some(challenge.as_str()));
    assert_eq!(get("code_challenge_method"), Some("S256"));
    assert_eq!(get("state"), Some("st"));
    assert_eq!(get("login_hint"), Some("alice.test"));
    assert_eq!(get("scope"), Some("atproto transition:generic"));
    let uri = oauth::par_accepted(
        r#"{"request_uri":"urn:ietf:params:oauth:request_uri:req-1","expires_in":299}"#,
    )
    .unwrap();
    assert_eq!(
        oauth::authorize_url(&s, "client", &uri),
        "http://localhost:2583/oauth/authorize?client_id=client&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Areq-1"
    );
    assert!(oauth::par_accepted(r#"{"error":"invalid_request"}"#).is_err());
}

#[test]
fn a_nonce_asked_for_is_seen_in_the_body_or_the_header() {
    assert!(oauth::asks_for_nonce(
        r#"{"error":"use_dpop_nonce","error_description":"x"}"#,
        None
    ));
    assert!(oauth::asks_for_nonce(
        "",
        Some(r#"DPoP error="use_dpop_nonce", error_description="Resource server requires nonce""#)
    ));
    assert!(!oauth::asks_for_nonce(
        r#"{"error":"invalid_grant"}"#,
        Some("DPoP error=\"invalid_token\"")
    ));
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn the_callback_is_ours_only_with_our_state_and_the_issuer_asked() {
    let ok = pairs(&[("state", "st"), ("iss", ISSUER), ("code", "c0de")]);
    assert_eq!(oauth::callback_code(&ok, "st", ISSUER), Ok("c0de".into()));
    assert_eq!(
        oauth::callback_code(&ok, "other", ISSUER),
        Err(OAuthProblem::NotOurs)
    );
    assert_eq!(
        oauth::callback_code(&ok, "st", "https://bsky.social"),
        Err(OAuthProblem::NotOurs)
    );
    let no_iss = pairs(&[("state", "st"), ("code", "c0de")]);
    assert_eq!(
        oauth::callback_code(&no_iss, "st", ISSUER),
        Err(OAuthProblem::NotOurs)
    );
    let denied = pairs(&[
        ("state", "st"),
        ("iss", ISSUER),
        ("error", "access_denied"),
        ("error_description", "The user rejected the request"),
    ]);
    assert_eq!(
        oauth::callback_code(&denied, "st", ISSUER),
        Err(OAuthProblem::Denied)
    );
    let failed = pairs(&[
        ("state", "st"),
        ("iss", ISSUER),
        ("error", "server_error"),
        ("error_description", "Something went wrong"),
    ]);
    assert_eq!(
        oauth::callback_code(&failed, "st", ISSUER),
        Err(OAuthProblem::Refused("Something went wrong".into()))
    );
}

#[test]
fn token_requests_and_answers() {
    let s = server();
    let r = oauth::token_request(
        &s.token_endpoint,
        "client",
        "http://127.0.0.1:8080/oauth/bluesky",
        "c0de",
        "verif",
    );
    assert_eq!(r.url, "http://localhost:2583/oauth/token");
    let fields = form_fields(&r.body);
    assert!(fields.contains(&("grant_type".into(), "authorization_code".into())));
    assert!(fields.contains(&("code_verifier".into(), "verif".into())));
    let r = oauth::refresh_request(&s.token_endpoint, "client", "ref-1");
    let fields = form_fields(&r.body);
    assert!(fields.contains(&("grant_type".into(), "refresh_token".into())));
    assert!(fields.contains(&("refresh_token".into(), "ref-1".into())));

    let answer = |sub: &str, kind: &str, scope: &str| {
        json!({"access_token": "at", "refresh_token": "rt", "expires_in": 3600, "sub": sub, "scope": scope, "token_type": kind}).to_string()
    };
    let t = oauth::tokens(
        &answer("did:plc:alice", "DPoP", "atproto transition:generic"),
        "did:plc:alice",
    )
    .unwrap();
    assert_eq!(
        (
            t.access_token.as_str(),
            t.refresh_token.as_str(),
            t.expires_in
        ),
        ("at", "rt", Some(3600))
    );
    assert_eq!(
        oauth::tokens(&answer("did:plc:bob", "DPoP", "atproto"), "did:plc:alice"),
        Err(OAuthProblem::OtherAccount {
            asked: "did:plc:alice".into(),
            got: "did:plc:bob".into()
        })
    );
    assert!(matches!(
        oauth::tokens(
            &answer("did:plc:alice", "Bearer", "atproto"),
            "did:plc:alice"
        ),
        Err(OAuthProblem::Unsupported(_))
    ));
    assert!(matches!(
        oauth::tokens(
            &answer("did:plc:alice", "DPoP", "transition:generic"),
            "did:plc:alice"
        ),
        Err(OAuthProblem::Unexpected(_))
    ));

    let call = oauth::with_dpop(
        attache::platforms::request::Request::get("http://localhost:2583/xrpc/x"),
        "at",
        "proof",
    );
    assert!(call
        .headers
        .contains(&("Authorization".into(), "DPoP at".into())));
    assert!(call.headers.contains(&("DPoP".into(), "proof".into())));
}

#[test]
fn a_request_built_for_a_bearer_token_goes_with_dpop_instead() {
    use attache::platforms::bluesky::xrpc;
    let r = xrpc::get_profile("http://localhost:2583", "at-1", "did:plc:alice");
    assert_eq!(oauth::method_name(&r), "GET");
    let signed = oauth::with_dpop(r, "at-1", "proof.jwt");
    let auth: Vec<_> = signed
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("authorization"))
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(auth, ["DPoP at-1"], "one Authorization header, DPoP");
    assert!(signed
        .headers
        .contains(&("DPoP".to_string(), "proof.jwt".to_string())));
}

#[test]
fn revoking_sends_the_refresh_token_with_the_client() {
    let r = oauth::revoke_request("http://localhost:2583/oauth/revoke", "client", "rt-9");
    assert_eq!(r.method, Method::Post);
    assert_eq!(r.url, "http://localhost:2583/oauth/revoke");
    let fields = form_fields(&r.body);
    assert!(fields.contains(&("token".into(), "rt-9".into())));
    assert!(fields.contains(&("token_type_hint".into(), "refresh_token".into())));
    assert!(fields.contains(&("client_id".into(), "client".into())));
}

#[test]
fn a_refused_token_and_a_refused_grant_are_told_from_other_refusals() {
    // The PDS's refusal of a token it does not take, as the local network answers it.
    let pds = r#"{"error":"invalid_token","message":"Invalid token"}"#;
    assert!(oauth::token_refused(401, pds, None));
    assert!(oauth::token_refused(
        401,
        r#"{"error":"ExpiredToken"}"#,
        None
    ));
    assert!(oauth::token_refused(
        401,
        "{}",
        Some(r#"DPoP error="invalid_token", error_description="Invalid token""#)
    ));
    // A nonce asked for, a request refused, a rate limit: not the token's fault.
    assert!(!oauth::token_refused(
        401,
        r#"{"error":"use_dpop_nonce"}"#,
        Some(r#"DPoP error="use_dpop_nonce""#)
    ));
    assert!(!oauth::token_refused(
        400,
        r#"{"error":"InvalidRequest"}"#,
        None
    ));
    assert!(!oauth::token_refused(429, "{}", None));

    let revoked = r#"{"error":"invalid_grant","error_description":"Invalid refresh token"}"#;
    assert!(oauth::grant_refused(400, revoked));
    assert_eq!(oauth::error_words(400, revoked), "Invalid refresh token");
    assert!(!oauth::grant_refused(429, r#"{"error":"invalid_grant"}"#));
    assert!(!oauth::grant_refused(503, "oops"));
    assert!(!oauth::grant_refused(400, r#"{"error":"use_dpop_nonce"}"#));
    assert_eq!(oauth::error_words(502, "oops"), "HTTP 502");
}

#[test]
fn an_access_token_is_refreshed_a_minute_before_its_time() {
    use attache::domain::account::OAuthGrant;
    let grant = OAuthGrant {
        issuer: ISSUER.into(),
        token_endpoint: "http://localhost:2583/oauth/token".into(),
        revocation_endpoint: None,
        client_id: "client".into(),
        key_name: "k".into(),
        access_expires_at: 1_000_000.0,
    };
    assert!(!grant.access_expired(1_000_000.0 - 60_001.0));
    assert!(grant.access_expired(1_000_000.0 - 60_000.0));
    assert!(grant.access_expired(2_000_000.0));
    let unknown = OAuthGrant {
        access_expires_at: 0.0,
        ..grant
    };
    assert!(
        !unknown.access_expired(2_000_000.0),
        "no time given: used until refused"
    );
}
