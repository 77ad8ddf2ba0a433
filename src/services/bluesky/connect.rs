//! Signing a Bluesky account in with its handle and an app password: the handle is checked
//! (resolved to a DID) on the server the user names (`bsky.social` unless they host their
//! own), the session is made there, and its DID document says which PDS holds the account
//! (the one the app talks to from then on). Disconnecting ends the session on the server.

use crate::domain::account::{Account, AccountStatus};
use crate::domain::address::{normalise_instance, InstanceError};
use crate::domain::network::Network;
use crate::platforms::bluesky::entities::{Profile, ResolvedHandle, Session};
use crate::platforms::bluesky::faults::{classify, is_unknown_handle, Fault};
use crate::platforms::bluesky::{normalise_handle, xrpc, DEFAULT_SERVER, WEB_APP};
use crate::platforms::http::{self, NetError};
use crate::services::clock::now_ms;
use crate::store::{self, Db, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum SignInError {
    /// No handle typed, or not a handle (`name.bsky.social`).
    HandleInvalid,
    /// The server address typed is not one.
    Server(InstanceError),
    /// No account has this handle.
    UnknownHandle,
    /// The handle exists; the password is not its app password.
    WrongPassword,
    /// The account asks for the code sent to its e-mail.
    CodeNeeded,
    /// The account is deactivated or suspended.
    Inactive,
    Offline,
    Unreachable,
    /// Too many tries; the server accepts more later.
    RateLimited,
    /// The server refused, in its own words.
    Said(String),
    Store(StoreError),
    /// The account's server does not sign in by OAuth: an app password is the way.
    NoOAuth,
    /// OAuth from a copy served on `localhost`: the server sends people back to 127.0.0.1
    /// only, where this copy's data is not.
    LoopbackHost,
    /// The callback is not the answer to a sign-in this device started (or was used).
    NotOurs,
    /// The person said no on the server's page.
    Denied,
}

impl From<NetError> for SignInError {
    fn from(e: NetError) -> Self {
        match e {
            NetError::Offline => SignInError::Offline,
            NetError::Unreachable => SignInError::Unreachable,
        }
    }
}

impl From<StoreError> for SignInError {
    fn from(e: StoreError) -> Self {
        SignInError::Store(e)
    }
}

/// The server to sign in through: what the user typed, or Bluesky's own.
pub fn sign_in_server(raw: &str) -> Result<String, InstanceError> {
    if raw.trim().is_empty() {
        Ok(DEFAULT_SERVER.to_string())
    } else {
        normalise_instance(raw)
    }
}

/// The handle and server as typed, checked, and the DID the server resolves the handle to.
pub(super) async fn resolve(
    handle: &str,
    server: &str,
) -> Result<(String, String, String), SignInError> {
    let handle = normalise_handle(handle).ok_or(SignInError::HandleInvalid)?;
    let server = sign_in_server(server).map_err(SignInError::Server)?;
    let r = http::send(&xrpc::resolve_handle(&server, &handle)).await?;
    if !r.ok() {
        return Err(if is_unknown_handle(r.status, &r.text) {
            SignInError::UnknownHandle
        } else {
            fault_to_error(classify(r.status, &r.headers, &r.text))
        });
    }
    let did = serde_json::from_str::<ResolvedHandle>(&r.text)
        .map(|d| d.did)
        .map_err(|_| SignInError::Said(format!("HTTP {}", r.status)))?;
    Ok((handle, server, did))
}

/// Signs in with an app password and keeps the account in the workspace (signing in again
/// updates it).
pub async fn sign_in(
    db: &Db,
    workspace_id: &str,
    handle: &str,
    password: &str,
    server: &str,
    code: Option<&str>,
) -> Result<Account, SignInError> {
    let (handle, server, did) = resolve(handle, server).await?;
    let r = http::send(&xrpc::create_session(&server, &handle, password, code)).await?;
    if !r.ok() {
        return Err(fault_to_error(classify(r.status, &r.headers, &r.text)));
    }
    let session: Session = serde_json::from_str(&r.text)
        .map_err(|_| SignInError::Said(format!("HTTP {}", r.status)))?;
    if !session.active {
        return Err(SignInError::Inactive);
    }
    if session.did != did {
        return Err(SignInError::Said(format!(
            "{handle} → {did}, session {}",
            session.did
        )));
    }
    let pds = session
        .did_doc
        .as_ref()
        .and_then(|d| d.pds())
        .unwrap_or_else(|| server.clone());
    let profile = match http::send(&xrpc::get_profile(&pds, &session.access_jwt, &did)).await {
        Ok(r) if r.ok() => serde_json::from_str::<Profile>(&r.text).ok(),
        _ => None,
    };
    let display_name = profile
        .as_ref()
        .and_then(|p| p.display_name.clone())
        .unwrap_or_default();
    let avatar = profile.and_then(|p| p.avatar).unwrap_or_default();
    let account = Account {
        id: Account::make_id(Network::Bluesky, &pds, &did),
        workspace_id: workspace_id.to_string(),
        network: Network::Bluesky,
        instance: pds,
        remote_id: did,
        handle: format!("@{}", session.handle),
        display_name,
        avatar,
        url: format!("{WEB_APP}/profile/{}", session.handle),
        token: session.access_jwt,
        refresh_token: session.refresh_jwt,
        status: AccountStatus::Connected,
        rules: None,
        connected_at: now_ms(),
        oauth: None,
    };
    store::accounts::put(db, &account).await?;
    // Signed in again: what the outbox stopped for this account goes on.
    crate::services::outbox::account_back(db, &account.workspace_id, Network::Bluesky).await?;
    crate::services::avatars::keep_later(db, &account);
    Ok(account)
}

fn fault_to_error(f: Option<Fault>) -> SignInError {
    match f {
        Some(Fault::BadCredentials | Fault::SessionEnded | Fault::Expired) => {
            SignInError::WrongPassword
        }
        Some(Fault::SecondFactor) => SignInError::CodeNeeded,
        Some(Fault::RateLimited { .. }) => SignInError::RateLimited,
        Some(Fault::ServerFailed(_)) | None => SignInError::Unreachable,
        Some(Fault::Rejected(said)) => SignInError::Said(said),
    }
}

/// Ends the session on the server (revokes it, for OAuth), then forgets the account (and
/// its DPoP key). Returns whether the server confirmed (the account is forgotten either way).
pub async fn disconnect(db: &Db, account: &Account) -> Result<bool, StoreError> {
    let ended = match &account.oauth {
        Some(grant) => super::oauth::revoke(db, grant, &account.refresh_token).await,
        None => http::send(&xrpc::delete_session(
            &account.instance,
            &account.refresh_token,
        ))
        .await
        .map(|r| r.ok())
        .unwrap_or(false),
    };
    store::accounts::delete(db, &account.id).await?;
    if let Some(grant) = &account.oauth {
        store::dpop_keys::forget(db, &grant.key_name).await?;
    }
    Ok(ended)
}
