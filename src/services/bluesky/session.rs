//! The one door to a Bluesky account's PDS: every authenticated request goes through
//! [`call`], which adds the access token, refreshes the session when the token expired (one
//! refresh at a time, across tabs, under a Web Lock), and tells what went wrong as the
//! policy's [`Outcome`] (`domain/retry.rs`). One try per request: a send that failed goes
//! back to the outbox, which decides when to try again; a sync ends and says why. Callers
//! never see tokens: an account signed in by OAuth has each request signed with its DPoP
//! key (`dpop`) and its tokens refreshed at its authorization server, an app password's
//! session at its PDS; the builders and their callers are the same.

use crate::domain::account::{Account, AccountStatus};
use crate::domain::network::Network;
use crate::domain::retry::Outcome;
use crate::platforms::bluesky::entities::Session;
use crate::platforms::bluesky::faults::{classify, Fault};
use crate::platforms::bluesky::{oauth, xrpc};
use crate::platforms::http::{self, NetError, Response};
use crate::platforms::request::Request;
use crate::services::clock::now_ms;
use crate::services::tabs;

use super::dpop::{self, SignedError};
use crate::store::{self, Db};

/// The workspace's connected Bluesky account, if any (the first one).
pub async fn account_for(
    db: &Db,
    workspace_id: &str,
) -> Result<Option<Account>, store::StoreError> {
    store::accounts::first_on(db, workspace_id, Network::Bluesky).await
}

/// What a PDS's refusal is for the policy (an expired token was refreshed before this).
fn outcome_of(fault: Fault, status: u16) -> Outcome {
    match fault {
        Fault::RateLimited { until } => Outcome::RateLimited {
            reset_at: until,
            retry_after_s: None,
        },
        Fault::ServerFailed(status) => Outcome::ServerError(status),
        Fault::Rejected(message) => Outcome::Rejected { status, message },
        Fault::Expired | Fault::SessionEnded | Fault::BadCredentials | Fault::SecondFactor => {
            Outcome::Unauthorized
        }
    }
}

fn signed_failed(e: SignedError) -> Outcome {
    match e {
        SignedError::Net(n) => no_answer(n),
        SignedError::Key(_) | SignedError::KeyGone => Outcome::NetworkError,
    }
}

fn no_answer(e: NetError) -> Outcome {
    match e {
        NetError::Offline => Outcome::Offline,
        NetError::Unreachable => Outcome::NetworkError,
    }
}

/// One authenticated request, tried once; when the access token expired, the session is
/// refreshed and the request made again with the new token. `build` makes the request for a
/// given access token.
pub async fn call(
    db: &Db,
    account: &mut Account,
    build: &dyn Fn(&str) -> Request,
    file: Option<(&web_sys::Blob, &str)>,
) -> Result<Response, Outcome> {
    if account.status == AccountStatus::ReconnectNeeded {
        return Err(Outcome::Unauthorized);
    }
    for refreshed in [false, true] {
        let expired = account
            .oauth
            .as_ref()
            .is_some_and(|g| g.access_expired(now_ms()));
        if expired && !refreshed {
            refresh(db, account).await?;
        }
        let r = match &account.oauth {
            None => http::send_with_file(&build(&account.token), file)
                .await
                .map_err(no_answer)?,
            Some(grant) => {
                let name = grant.key_name.clone();
                let key = key_of(db, account, &name).await?;
                let request = build(&account.token);
                dpop::send(&key, &request, Some(&account.token), file)
                    .await
                    .map_err(signed_failed)?
            }
        };
        let fault = if account.oauth.is_some()
            && oauth::token_refused(r.status, &r.text, r.header("www-authenticate"))
        {
            Some(Fault::Expired)
        } else {
            classify(r.status, &r.headers, &r.text)
        };
        match fault {
            None => return Ok(r),
            Some(Fault::Expired) if !refreshed => refresh(db, account).await?,
            Some(Fault::Expired | Fault::SessionEnded) => {
                ended(db, account).await;
                return Err(Outcome::Unauthorized);
            }
            Some(f) => return Err(outcome_of(f, r.status)),
        }
    }
    Err(Outcome::Unauthorized)
}

/// A request without a token (public reads such as `getRecord`), tried once.
pub async fn call_public(req: &Request) -> Result<Response, Outcome> {
    match http::send(req).await.map_err(no_answer)? {
        r if r.status >= 500 => Err(Outcome::ServerError(r.status)),
        r => Ok(r),
    }
}

/// Marks the account "sign in again" (its session is over); nothing else is touched.
async fn ended(db: &Db, account: &mut Account) {
    account.status = AccountStatus::ReconnectNeeded;
    if let Ok(Some(mut stored)) = store::accounts::get(db, &account.id).await {
        stored.status = AccountStatus::ReconnectNeeded;
        let _ = store::accounts::put(db, &stored).await;
    }
}

/// The Web Lock under which an account's tokens are refreshed, in every tab; whoever rewrites
/// the tokens otherwise (the passphrase lock sealing or opening them) holds it too.
pub fn refresh_lock(account_id: &str) -> String {
    format!("attache-bluesky-refresh:{account_id}")
}

/// Gets new tokens. Only one refresh runs at a time for an account, in every tab, and it
/// runs only if nobody refreshed since `account` was read: under the lock, the stored
/// account is the truth. A refresh token that differs from ours means another tab (or task)
/// refreshed — each refresh gives a refresh token with a new id, whereas two access tokens
/// made in the same second are the same bytes, so they cannot tell — and its tokens are
/// taken; a session found over is not refreshed again. The refresh token rotates, and a PDS
/// accepts a spent one for a grace period only, so it is never sent twice on purpose: an
/// accepted refresh whose answer is lost (unreadable, or not saved) ends this try, and the
/// policy's next try, if any, comes from the outbox or the next sync.
pub async fn refresh(db: &Db, account: &mut Account) -> Result<(), Outcome> {
    let spent = account.refresh_token.clone();
    let _lock = tabs::exclusive(&refresh_lock(&account.id)).await;
    let stored = store::accounts::get(db, &account.id)
        .await
        .map_err(|_| Outcome::NetworkError)?;
    match stored {
        // Disconnected meanwhile: nothing to refresh, and nothing to bring back.
        None => return Err(Outcome::Unauthorized),
        Some(stored) if stored.status == AccountStatus::ReconnectNeeded => {
            *account = stored;
            return Err(Outcome::Unauthorized);
        }
        Some(stored) if stored.refresh_token != spent => {
            *account = stored;
            return Ok(());
        }
        Some(_) => {}
    }
    if let Some(grant) = account.oauth.clone() {
        return refresh_grant(db, account, grant, &spent).await;
    }
    let req = xrpc::refresh_session(&account.instance, &spent);
    let r = http::send(&req).await.map_err(no_answer)?;
    match classify(r.status, &r.headers, &r.text) {
        None => {
            let s: Session = serde_json::from_str(&r.text).map_err(|_| Outcome::NetworkError)?;
            account.token = s.access_jwt;
            account.refresh_token = s.refresh_jwt;
            account.status = AccountStatus::Connected;
            store::accounts::put(db, account)
                .await
                .map_err(|_| Outcome::NetworkError)
        }
        Some(Fault::ServerFailed(status)) => Err(Outcome::ServerError(status)),
        Some(Fault::RateLimited { until }) => Err(Outcome::RateLimited {
            reset_at: until,
            retry_after_s: None,
        }),
        Some(_) => {
            ended(db, account).await;
            Err(Outcome::Unauthorized)
        }
    }
}

/// The DPoP key an OAuth session is bound to. Without it the session cannot be used: sign
/// in again. A storage that did not answer this time is not that: the call is tried later.
async fn key_of(
    db: &Db,
    account: &mut Account,
    name: &str,
) -> Result<crate::store::dpop_keys::DpopKey, Outcome> {
    match dpop::key(db, name).await {
        Ok(key) => Ok(key),
        Err(SignedError::KeyGone) => {
            ended(db, account).await;
            Err(Outcome::Unauthorized)
        }
        Err(e) => Err(signed_failed(e)),
    }
}

/// Trades an OAuth session's refresh token at its authorization server (DPoP-signed, as the
/// tokens are bound to the key), under the caller's lock. A refusal for good (`invalid_grant`:
/// revoked, or the session's lifetime is over) ends the session: "sign in again".
async fn refresh_grant(
    db: &Db,
    account: &mut Account,
    mut grant: crate::domain::account::OAuthGrant,
    spent: &str,
) -> Result<(), Outcome> {
    let key = key_of(db, account, &grant.key_name).await?;
    let req = oauth::refresh_request(&grant.token_endpoint, &grant.client_id, spent);
    let r = dpop::send(&key, &req, None, None)
        .await
        .map_err(signed_failed)?;
    if r.ok() {
        let Ok(tokens) = oauth::tokens(&r.text, &account.remote_id) else {
            ended(db, account).await;
            return Err(Outcome::Unauthorized);
        };
        grant.access_expires_at = super::oauth::expires_at(tokens.expires_in);
        account.token = tokens.access_token;
        account.refresh_token = tokens.refresh_token;
        account.oauth = Some(grant);
        account.status = AccountStatus::Connected;
        return store::accounts::put(db, account)
            .await
            .map_err(|_| Outcome::NetworkError);
    }
    if oauth::grant_refused(r.status, &r.text) {
        ended(db, account).await;
        return Err(Outcome::Unauthorized);
    }
    Err(match r.status {
        429 => Outcome::RateLimited {
            reset_at: None,
            retry_after_s: None,
        },
        500..=599 => Outcome::ServerError(r.status),
        status => Outcome::Rejected {
            status,
            message: oauth::error_words(status, &r.text),
        },
    })
}
