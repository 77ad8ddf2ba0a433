//! Signing a Bluesky account in by OAuth, from the browser: the handle is resolved on the
//! server the user names (`bsky.social` unless they host their own), the account's DID
//! document (from the server holding its repository) names its PDS, the PDS names its
//! authorization server, then a pushed authorization request (PKCE, DPoP with a new
//! non-extractable key) and the person is sent to the server's page. The callback route
//! hands back the query: `state` and `iss` are checked, the code exchanged, the tokens
//! checked for the account asked for, and the account kept with its grant
//! (`domain::account::OAuthGrant`). Refreshing is `session`'s.

use crate::domain::account::{Account, AccountStatus, OAuthGrant, PendingBlueskySignIn};
use crate::domain::network::Network;
use crate::platforms::bluesky::entities::{DidDoc, Profile, RepoDescription};
use crate::platforms::bluesky::oauth::{self, OAuthProblem};
use crate::platforms::bluesky::{xrpc, WEB_APP};
use crate::platforms::http::{self, Response};
use crate::platforms::pkce;
use crate::platforms::request::{parse_query, query_value};
use crate::services::clock::{now_ms, random_bytes};
use crate::services::tabs;
use crate::store::{self, dpop_keys, Db};

use super::connect::SignInError;
use super::dpop::{self, SignedError};

/// The app's own callback route.
pub const CALLBACK_PATH: &str = "/oauth/bluesky";

impl From<SignedError> for SignInError {
    fn from(e: SignedError) -> Self {
        match e {
            SignedError::Net(n) => n.into(),
            SignedError::Key(k) => SignInError::Store(k),
            SignedError::KeyGone => SignInError::NotOurs,
        }
    }
}

impl From<OAuthProblem> for SignInError {
    fn from(p: OAuthProblem) -> Self {
        match p {
            OAuthProblem::NotOurs => SignInError::NotOurs,
            OAuthProblem::Denied => SignInError::Denied,
            OAuthProblem::Refused(words) => SignInError::Said(words),
            OAuthProblem::Unexpected(what) => SignInError::Said(what),
            OAuthProblem::Unsupported(_) => SignInError::NoOAuth,
            OAuthProblem::OtherAccount { asked, got } => {
                SignInError::Said(format!("{asked} ≠ {got}"))
            }
        }
    }
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The client id and redirect address for this copy of the app: atproto's loopback client
/// when it is served from 127.0.0.1 (development, tests), the site's metadata otherwise.
fn client(origin: &str) -> Result<(String, String), SignInError> {
    let redirect = oauth::redirect_uri(origin);
    if origin.starts_with("http://127.0.0.1") || origin.starts_with("http://[::1]") {
        Ok((oauth::loopback_client_id(&redirect), redirect))
    } else if origin.starts_with("http://localhost") {
        Err(SignInError::LoopbackHost)
    } else {
        Ok((oauth::site_client_id(origin), redirect))
    }
}

fn said(r: &Response) -> SignInError {
    match r.status {
        429 => SignInError::RateLimited,
        500..=599 => SignInError::Unreachable,
        _ => SignInError::Said(oauth::error_words(r.status, &r.text)),
    }
}

/// The account's PDS, from its DID document: as the server holding its repository gives it
/// (`describeRepo`), else as the server resolves it (`resolveIdentity`), else, for a
/// `did:web`, from its own host; the server typed when none of them says. No third-party
/// resolver is asked.
async fn pds_of(server: &str, did: &str) -> Result<String, SignInError> {
    let r = http::send(&xrpc::describe_repo(server, did)).await?;
    let described = serde_json::from_str::<RepoDescription>(&r.text)
        .ok()
        .filter(|d| r.ok() && d.did == did)
        .and_then(|d| d.did_doc?.pds());
    if let Some(pds) = described {
        return Ok(pds);
    }
    let r = http::send(&xrpc::resolve_identity(server, did)).await?;
    let resolved = serde_json::from_str::<RepoDescription>(&r.text)
        .ok()
        .filter(|d| r.ok() && d.did == did)
        .and_then(|d| d.did_doc?.pds());
    if let Some(pds) = resolved {
        return Ok(pds);
    }
    if let Some(req) = xrpc::did_web_document(did) {
        if let Ok(r) = http::send(&req).await {
            let doc = serde_json::from_str::<DidDoc>(&r.text)
                .ok()
                .filter(|d| r.ok() && d.id == did);
            if let Some(pds) = doc.and_then(|d| d.pds()) {
                return Ok(pds);
            }
        }
    }
    Ok(server.to_string())
}

/// The PDS's authorization server, checked (a server without OAuth: `NoOAuth`).
async fn authorization_server(pds: &str) -> Result<oauth::Server, SignInError> {
    let r = http::send(&oauth::resource_metadata_request(pds)).await?;
    if !r.ok() {
        return Err(SignInError::NoOAuth);
    }
    let issuer = oauth::authorization_server(&r.text).map_err(|_| SignInError::NoOAuth)?;
    let r = http::send(&oauth::server_metadata_request(&issuer)).await?;
    if !r.ok() {
        return Err(SignInError::NoOAuth);
    }
    Ok(oauth::server(&issuer, &r.text)?)
}

/// Starts a sign-in: returns the address of the server's page where the person signs in
/// and approves the app. Nothing about the account is stored before the callback.
pub async fn start_sign_in(
    db: &Db,
    workspace_id: &str,
    handle: &str,
    server: &str,
) -> Result<String, SignInError> {
    let (client_id, redirect_uri) = client(&origin())?;
    let (handle, server, did) = super::connect::resolve(handle, server).await?;
    let pds = pds_of(&server, &did).await?;
    let auth = authorization_server(&pds).await?;
    let (Some(v), Some(s), Some(k)) = (
        random_bytes::<32>(),
        random_bytes::<16>(),
        random_bytes::<16>(),
    ) else {
        return Err(SignInError::Unreachable);
    };
    let (verifier, state) = (pkce::verifier(&v), pkce::state(&s));
    let key_name = pkce::state(&k);
    let key = dpop_keys::new_key().await?;
    dpop_keys::keep(db, &key_name, &key).await?;
    let pushed = async {
        let par = oauth::par_request(
            &auth,
            &client_id,
            &redirect_uri,
            &state,
            &pkce::challenge(&verifier),
            &handle,
        );
        let r = dpop::send(&key, &par, None, None).await?;
        if !r.ok() {
            return Err(said(&r));
        }
        let request_uri = oauth::par_accepted(&r.text)?;
        let pending = PendingBlueskySignIn {
            state: state.clone(),
            verifier: verifier.clone(),
            workspace_id: workspace_id.to_string(),
            did: did.clone(),
            handle: handle.clone(),
            pds: pds.clone(),
            grant: OAuthGrant {
                issuer: auth.issuer.clone(),
                token_endpoint: auth.token_endpoint.clone(),
                revocation_endpoint: auth.revocation_endpoint.clone(),
                client_id: client_id.clone(),
                key_name: key_name.clone(),
                access_expires_at: 0.0,
            },
            redirect_uri: redirect_uri.clone(),
            started_at: now_ms(),
        };
        store::accounts::put_pending_bluesky(db, &pending).await?;
        Ok(oauth::authorize_url(&auth, &client_id, &request_uri))
    };
    let started = pushed.await;
    if started.is_err() {
        // Nothing will ever use that key: it goes with the failed start.
        let _ = dpop_keys::forget(db, &key_name).await;
    }
    started
}

/// When an access token given `expires_in` seconds now stops working.
pub(super) fn expires_at(expires_in: Option<u64>) -> f64 {
    expires_in
        .map(|s| now_ms() + s as f64 * 1000.0)
        .unwrap_or(0.0)
}

/// Finishes a sign-in from the callback's query string; keeps and returns the account.
pub async fn finish_sign_in(db: &Db, query: &str) -> Result<Account, SignInError> {
    let params = parse_query(query);
    let state = query_value(&params, "state");
    let pending = store::accounts::take_pending_bluesky(db, &state)
        .await?
        .ok_or(SignInError::NotOurs)?;
    let mut grant = pending.grant.clone();
    let code = match oauth::callback_code(&params, &pending.state, &grant.issuer) {
        Ok(code) => code,
        Err(problem) => {
            let _ = dpop_keys::forget(db, &grant.key_name).await;
            return Err(problem.into());
        }
    };
    let key = dpop::key(db, &grant.key_name).await?;
    let exchange = oauth::token_request(
        &grant.token_endpoint,
        &grant.client_id,
        &pending.redirect_uri,
        &code,
        &pending.verifier,
    );
    let r = dpop::send(&key, &exchange, None, None).await?;
    if !r.ok() {
        return Err(said(&r));
    }
    let tokens = oauth::tokens(&r.text, &pending.did)?;
    grant.access_expires_at = expires_at(tokens.expires_in);
    let profile_request = xrpc::get_profile(&pending.pds, &tokens.access_token, &pending.did);
    let profile = match dpop::send(&key, &profile_request, Some(&tokens.access_token), None).await {
        Ok(r) if r.ok() => serde_json::from_str::<Profile>(&r.text).ok(),
        _ => None,
    };
    let handle = profile
        .as_ref()
        .map(|p| p.handle.clone())
        .filter(|h| !h.is_empty())
        .unwrap_or(pending.handle.clone());
    let previous = store::accounts::get(
        db,
        &Account::make_id(Network::Bluesky, &pending.pds, &pending.did),
    )
    .await
    .ok()
    .flatten();
    let account = Account {
        id: Account::make_id(Network::Bluesky, &pending.pds, &pending.did),
        workspace_id: pending.workspace_id,
        network: Network::Bluesky,
        instance: pending.pds,
        remote_id: pending.did,
        handle: format!("@{handle}"),
        display_name: profile
            .as_ref()
            .and_then(|p| p.display_name.clone())
            .unwrap_or_default(),
        avatar: profile.and_then(|p| p.avatar).unwrap_or_default(),
        url: format!("{WEB_APP}/profile/{handle}"),
        token: tokens.access_token,
        refresh_token: tokens.refresh_token,
        status: AccountStatus::Connected,
        rules: None,
        connected_at: now_ms(),
        oauth: Some(grant),
    };
    {
        // Under the refresh lock: a tab refreshing the session this one replaces would
        // otherwise write its tokens back over these.
        let _lock = tabs::exclusive(&super::session::refresh_lock(&account.id)).await;
        store::accounts::put(db, &account).await?;
        // The key of the session this one replaces is of no use any more.
        if let Some(old) = previous.and_then(|p| p.oauth) {
            if Some(&old.key_name) != account.oauth.as_ref().map(|g| &g.key_name) {
                let _ = dpop_keys::forget(db, &old.key_name).await;
            }
        }
    }
    // Signed in again: what the outbox stopped for this account goes on.
    crate::services::outbox::account_back(db, &account.workspace_id, Network::Bluesky).await?;
    crate::services::avatars::keep_later(db, &account);
    Ok(account)
}

/// Revokes the session at its authorization server; whether it answered. The tokens are
/// bound to the key, so the request is signed with it (unsigned, the server would leave the
/// session as it is and still answer 200).
pub async fn revoke(db: &Db, grant: &OAuthGrant, refresh_token: &str) -> bool {
    let Some(endpoint) = &grant.revocation_endpoint else {
        return false;
    };
    let Ok(key) = dpop::key(db, &grant.key_name).await else {
        return false;
    };
    let req = oauth::revoke_request(endpoint, &grant.client_id, refresh_token);
    matches!(dpop::send(&key, &req, None, None).await, Ok(r) if r.ok())
}
