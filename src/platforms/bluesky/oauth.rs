//! Bluesky's OAuth as a browser app does it (atproto OAuth: PAR, PKCE S256, DPoP), as plain
//! values: the client's identity (the loopback client for development and tests, the
//! metadata file a deployed site serves), discovery of the authorization server from the
//! account's PDS, the DPoP proof's header and claims (the caller signs them with its
//! non-extractable ES256 key), the pushed authorization request, the authorize address, the
//! callback's checks, and the token requests. What the server answers is read and checked
//! here: the issuer, the methods the app needs, a DPoP nonce asked for, the token's kind
//! and account.
//! `services::bluesky::oauth` runs the sign-in with these; `services::bluesky::session`
//! signs each request and refreshes.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};

pub use crate::domain::dpop::PublicJwk;
use crate::platforms::request::{form, Request};

/// What the app asks for: the account (`atproto`) and the app-password-level access posting
/// and reading need (`transition:generic`).
pub const SCOPE: &str = "atproto transition:generic";

/// atproto's loopback client for development and tests: its id is `http://localhost` with
/// the redirect address (on 127.0.0.1) and the scope in its query; no metadata file.
pub fn loopback_client_id(redirect_uri: &str) -> String {
    format!(
        "http://localhost?{}",
        form(&[("redirect_uri", redirect_uri), ("scope", SCOPE)])
    )
}

/// A deployed site's client id: the address of the metadata it serves
/// (`scripts/client_metadata.mjs` writes the file at build time).
pub fn site_client_id(site: &str) -> String {
    format!("{}/client-metadata.json", site.trim_end_matches('/'))
}

/// Where the authorization server sends the browser back on a site.
pub fn redirect_uri(site: &str) -> String {
    format!("{}/oauth/bluesky", site.trim_end_matches('/'))
}

/// Why the server's OAuth answers cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OAuthProblem {
    /// A metadata document or answer that is not what the protocol says (what is wrong).
    Unexpected(String),
    /// The server needs something the app does not do (which).
    Unsupported(String),
    /// The callback is not the answer to the request this tab made (state or issuer).
    NotOurs,
    /// The person said no on the server's page (`access_denied`).
    Denied,
    /// The server refused: its words.
    Refused(String),
    /// The token is for another account than the one asked for.
    OtherAccount { asked: String, got: String },
}

/// The PDS's protected-resource metadata.
pub fn resource_metadata_request(pds: &str) -> Request {
    Request::get(format!(
        "{}/.well-known/oauth-protected-resource",
        pds.trim_end_matches('/')
    ))
}

/// The authorization server named by the PDS's metadata.
pub fn authorization_server(body: &str) -> Result<String, OAuthProblem> {
    #[derive(Deserialize)]
    struct Resource {
        #[serde(default)]
        authorization_servers: Vec<String>,
    }
    let r: Resource = serde_json::from_str(body)
        .map_err(|e| OAuthProblem::Unexpected(format!("protected resource: {e}")))?;
    r.authorization_servers
        .into_iter()
        .next()
        .ok_or_else(|| OAuthProblem::Unexpected("no authorization server".into()))
}

/// The authorization server's metadata.
pub fn server_metadata_request(issuer: &str) -> Request {
    Request::get(format!(
        "{}/.well-known/oauth-authorization-server",
        issuer.trim_end_matches('/')
    ))
}

/// What the app uses of an authorization server.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Server {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub pushed_authorization_request_endpoint: String,
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
    #[serde(default)]
    dpop_signing_alg_values_supported: Vec<String>,
    #[serde(default)]
    code_challenge_methods_supported: Vec<String>,
    #[serde(default)]
    token_endpoint_auth_methods_supported: Vec<String>,
}

/// Reads an authorization server's metadata fetched from `issuer`, checking that it names
/// itself so and offers what the app does: PAR, PKCE S256, DPoP with ES256, public clients.
pub fn server(issuer: &str, body: &str) -> Result<Server, OAuthProblem> {
    let s: Server = serde_json::from_str(body)
        .map_err(|e| OAuthProblem::Unexpected(format!("authorization server: {e}")))?;
    if s.issuer.trim_end_matches('/') != issuer.trim_end_matches('/') {
        return Err(OAuthProblem::Unexpected(format!(
            "issuer {} where {issuer} was asked",
            s.issuer
        )));
    }
    let offers = |list: &[String], what: &str| list.iter().any(|x| x == what);
    for (list, what) in [
        (&s.dpop_signing_alg_values_supported, "ES256"),
        (&s.code_challenge_methods_supported, "S256"),
        (&s.token_endpoint_auth_methods_supported, "none"),
    ] {
        if !offers(list, what) {
            return Err(OAuthProblem::Unsupported(what.into()));
        }
    }
    Ok(s)
}

/// The DPoP proof's header and claims, for the caller to sign (ES256) and join with
/// `dpop_proof`. `htu` is the request's address without query or fragment; `ath` is given
/// for requests that carry an access token.
pub fn dpop_signing_input(
    jwk: &PublicJwk,
    method: &str,
    url: &str,
    jti: &str,
    iat_seconds: u64,
    nonce: Option<&str>,
    access_token: Option<&str>,
) -> String {
    let header = json!({
        "typ": "dpop+jwt",
        "alg": "ES256",
        "jwk": { "kty": "EC", "crv": "P-256", "x": jwk.x, "y": jwk.y },
    });
    let htu = url.split(['?', '#']).next().unwrap_or(url);
    let mut claims = json!({ "jti": jti, "htm": method, "htu": htu, "iat": iat_seconds });
    if let Some(nonce) = nonce {
        claims["nonce"] = nonce.into();
    }
    if let Some(token) = access_token {
        claims["ath"] = URL_SAFE_NO_PAD
            .encode(Sha256::digest(token.as_bytes()))
            .into();
    }
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

/// The compact proof: the signing input and the raw 64-byte ES256 signature (r ‖ s), as
/// WebCrypto gives it.
pub fn dpop_proof(signing_input: &str, signature: &[u8]) -> String {
    format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature))
}

/// The pushed authorization request (the `DPoP` header is added by the caller).
pub fn par_request(
    server: &Server,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
    challenge: &str,
    login_hint: &str,
) -> Request {
    Request::post_form(
        server.pushed_authorization_request_endpoint.clone(),
        &[
            ("client_id", client_id),
            ("response_type", "code"),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256"),
            ("state", state),
            ("redirect_uri", redirect_uri),
            ("scope", SCOPE),
            ("login_hint", login_hint),
        ],
    )
}

/// The `request_uri` of an accepted pushed request.
pub fn par_accepted(body: &str) -> Result<String, OAuthProblem> {
    #[derive(Deserialize)]
    struct Accepted {
        request_uri: String,
    }
    serde_json::from_str::<Accepted>(body)
        .map(|a| a.request_uri)
        .map_err(|e| OAuthProblem::Unexpected(format!("pushed request: {e}")))
}

/// Where to send the person to sign in and approve the app.
pub fn authorize_url(server: &Server, client_id: &str, request_uri: &str) -> String {
    format!(
        "{}?{}",
        server.authorization_endpoint,
        form(&[("client_id", client_id), ("request_uri", request_uri)])
    )
}

/// Whether an error answer asks for the DPoP nonce it sent (in `DPoP-Nonce`): an
/// authorization server says so in its JSON body, a PDS in `WWW-Authenticate`.
pub fn asks_for_nonce(body: &str, www_authenticate: Option<&str>) -> bool {
    let in_body = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("error")?.as_str().map(|e| e == "use_dpop_nonce"))
        .unwrap_or(false);
    in_body || www_authenticate.is_some_and(|h| h.contains("use_dpop_nonce"))
}

/// The code of the callback (its query's pairs, decoded) to the request this tab made
/// (`state`) at `issuer`, or why not.
pub fn callback_code(
    params: &[(String, String)],
    state: &str,
    issuer: &str,
) -> Result<String, OAuthProblem> {
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if get("state") != Some(state) || get("iss") != Some(issuer) {
        return Err(OAuthProblem::NotOurs);
    }
    if let Some(error) = get("error") {
        if error == "access_denied" {
            return Err(OAuthProblem::Denied);
        }
        let words = get("error_description").unwrap_or(error);
        return Err(OAuthProblem::Refused(words.to_string()));
    }
    match get("code") {
        Some(code) if !code.is_empty() => Ok(code.to_string()),
        _ => Err(OAuthProblem::Unexpected("no code".into())),
    }
}

/// Exchanges the callback's code (the `DPoP` header is added by the caller).
pub fn token_request(
    token_endpoint: &str,
    client_id: &str,
    redirect_uri: &str,
    code: &str,
    verifier: &str,
) -> Request {
    Request::post_form(
        token_endpoint.to_string(),
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("code_verifier", verifier),
            ("client_id", client_id),
        ],
    )
}

/// Trades a refresh token (used once) for new tokens.
pub fn refresh_request(token_endpoint: &str, client_id: &str, refresh_token: &str) -> Request {
    Request::post_form(
        token_endpoint.to_string(),
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", client_id),
        ],
    )
}

/// Tokens bound to the app's DPoP key, for one account.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    /// Seconds the access token lasts.
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// The account's DID.
    pub sub: String,
    pub scope: String,
    token_type: String,
}

/// Reads a token answer for the account `did`: DPoP-bound, with the `atproto` scope.
pub fn tokens(body: &str, did: &str) -> Result<Tokens, OAuthProblem> {
    let t: Tokens =
        serde_json::from_str(body).map_err(|e| OAuthProblem::Unexpected(format!("token: {e}")))?;
    if !t.token_type.eq_ignore_ascii_case("DPoP") {
        return Err(OAuthProblem::Unsupported(format!(
            "token type {}",
            t.token_type
        )));
    }
    if !t.scope.split(' ').any(|s| s == "atproto") {
        return Err(OAuthProblem::Unexpected(format!("scope {}", t.scope)));
    }
    if t.sub != did {
        return Err(OAuthProblem::OtherAccount {
            asked: did.into(),
            got: t.sub,
        });
    }
    Ok(t)
}

/// Ends a session at the authorization server (RFC 7009): its refresh token, so every
/// token of the session stops working.
pub fn revoke_request(revocation_endpoint: &str, client_id: &str, refresh_token: &str) -> Request {
    Request::post_form(
        revocation_endpoint.to_string(),
        &[
            ("token", refresh_token),
            ("token_type_hint", "refresh_token"),
            ("client_id", client_id),
        ],
    )
}

/// Adds a DPoP-bound access token and its proof to a request to the PDS. A request built
/// for a bearer token (every builder in `xrpc`) has that header replaced, so the builders
/// serve both ways of signing in.
pub fn with_dpop(mut request: Request, access_token: &str, proof: &str) -> Request {
    request
        .headers
        .retain(|(name, _)| !name.eq_ignore_ascii_case("authorization"));
    request
        .header("Authorization", &format!("DPoP {access_token}"))
        .header("DPoP", proof)
}

/// The request's method as a DPoP proof names it.
pub fn method_name(request: &Request) -> &'static str {
    use crate::platforms::request::Method;
    match request.method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
        Method::Delete => "DELETE",
    }
}

/// Whether a PDS refused the access token itself (expired or revoked: refresh, then try
/// again), as opposed to refusing the request.
pub fn token_refused(status: u16, body: &str, www_authenticate: Option<&str>) -> bool {
    let error = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("error")?.as_str().map(str::to_string))
        .unwrap_or_default();
    status == 401
        && (www_authenticate.is_some_and(|h| h.contains("invalid_token"))
            || matches!(
                error.as_str(),
                "invalid_token" | "InvalidToken" | "ExpiredToken"
            ))
}

/// Whether the authorization server refused a refresh for good (the session is over: sign
/// in again), as opposed to failing for now.
pub fn grant_refused(status: u16, body: &str) -> bool {
    let error = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("error")?.as_str().map(str::to_string))
        .unwrap_or_default();
    (400..500).contains(&status)
        && status != 429
        && matches!(
            error.as_str(),
            "invalid_grant" | "invalid_client" | "unauthorized_client" | "access_denied"
        )
}

/// The server's own words in an OAuth error answer (`error_description`, else `error`).
pub fn error_words(status: u16, body: &str) -> String {
    let v = serde_json::from_str::<serde_json::Value>(body).unwrap_or_default();
    let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    field("error_description")
        .or_else(|| field("message"))
        .or_else(|| field("error"))
        .unwrap_or_else(|| format!("HTTP {status}"))
}
