//! The one door to a Bluesky account's PDS: every authenticated request goes through
//! [`call`], which adds the access token, refreshes the session when the token expired (one
//! refresh at a time, across tabs, under a Web Lock), and turns what went wrong into a
//! [`SendProblem`]. Callers never see tokens, so another way of signing in (OAuth with DPoP)
//! can replace this module without touching them.

use crate::domain::account::{Account, AccountStatus};
use crate::domain::network::Network;
use crate::domain::post::SendProblem;
use crate::platforms::bluesky::entities::Session;
use crate::platforms::bluesky::faults::{classify, Fault};
use crate::platforms::bluesky::xrpc;
use crate::platforms::http::{self, NetError, Response};
use crate::platforms::request::Request;
use crate::platforms::timing::backoff_ms;
use crate::services::clock::sleep;
use crate::services::tabs;
use crate::store::{self, Db};

/// Tries of one request through network errors and 5xx before giving up.
pub const TRIES: u32 = 3;

/// One try's outcome when it did not succeed.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// No answer, or a 5xx: the request may or may not have been done; trying again may work.
    Transient,
    /// A stop: nothing more until the user (or time) does something.
    Stop(SendProblem),
}

/// The workspace's connected Bluesky account, if any (the first one).
pub async fn account_for(
    db: &Db,
    workspace_id: &str,
) -> Result<Option<Account>, store::StoreError> {
    store::accounts::first_on(db, workspace_id, Network::Bluesky).await
}

fn stop_for(fault: Fault) -> Failure {
    match fault {
        Fault::RateLimited { until } => Failure::Stop(SendProblem::RateLimited { until }),
        Fault::ServerFailed(_) => Failure::Transient,
        Fault::Rejected(message) => Failure::Stop(SendProblem::Rejected { message }),
        Fault::Expired | Fault::SessionEnded | Fault::BadCredentials | Fault::SecondFactor => {
            Failure::Stop(SendProblem::Reconnect)
        }
    }
}

/// One try of an authenticated request; refreshes once when the access token expired.
/// `build` makes the request for a given access token.
pub async fn call_once(
    db: &Db,
    account: &mut Account,
    build: &dyn Fn(&str) -> Request,
    file: Option<(&web_sys::Blob, &str)>,
) -> Result<Response, Failure> {
    if account.status == AccountStatus::ReconnectNeeded {
        return Err(Failure::Stop(SendProblem::Reconnect));
    }
    for refreshed in [false, true] {
        let answer = http::send_with_file(&build(&account.token), file).await;
        let r = match answer {
            Err(NetError::Offline) => return Err(Failure::Stop(SendProblem::Unreachable)),
            Err(NetError::Unreachable) => return Err(Failure::Transient),
            Ok(r) => r,
        };
        match classify(r.status, &r.headers, &r.text) {
            None => return Ok(r),
            Some(Fault::Expired) if !refreshed => refresh(db, account).await?,
            Some(Fault::Expired | Fault::SessionEnded) => {
                ended(db, account).await;
                return Err(Failure::Stop(SendProblem::Reconnect));
            }
            Some(f) => return Err(stop_for(f)),
        }
    }
    Err(Failure::Stop(SendProblem::Reconnect))
}

/// An authenticated request, tried again with backoff through network errors and 5xx.
pub async fn call(
    db: &Db,
    account: &mut Account,
    build: &dyn Fn(&str) -> Request,
    file: Option<(&web_sys::Blob, &str)>,
) -> Result<Response, SendProblem> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match call_once(db, account, build, file).await {
            Ok(r) => return Ok(r),
            Err(Failure::Stop(p)) => return Err(p),
            Err(Failure::Transient) if attempt >= TRIES => return Err(SendProblem::Unreachable),
            Err(Failure::Transient) => sleep(backoff_ms(attempt, js_sys::Math::random())).await,
        }
    }
}

/// A request without a token (public reads such as `getRecord`), with the same retries.
pub async fn call_public(req: &Request) -> Result<Response, Failure> {
    match http::send(req).await {
        Err(NetError::Offline) => Err(Failure::Stop(SendProblem::Unreachable)),
        Err(NetError::Unreachable) => Err(Failure::Transient),
        Ok(r) if r.status >= 500 => Err(Failure::Transient),
        Ok(r) => Ok(r),
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

/// Gets new tokens. Only one refresh runs at a time for an account, in every tab: the
/// refresh token rotates, so a second refresh with the old one would end the session. A tab
/// that waited takes the tokens the other one saved.
pub async fn refresh(db: &Db, account: &mut Account) -> Result<(), Failure> {
    let stale = account.token.clone();
    let _lock = tabs::exclusive(&format!("attache-bluesky-refresh:{}", account.id)).await;
    if let Ok(Some(stored)) = store::accounts::get(db, &account.id).await {
        if stored.token != stale && stored.status == AccountStatus::Connected {
            *account = stored;
            return Ok(());
        }
    }
    let req = xrpc::refresh_session(&account.instance, &account.refresh_token);
    let r = match http::send(&req).await {
        Err(NetError::Offline) => return Err(Failure::Stop(SendProblem::Unreachable)),
        Err(NetError::Unreachable) => return Err(Failure::Transient),
        Ok(r) => r,
    };
    match classify(r.status, &r.headers, &r.text) {
        None => {
            let s: Session = serde_json::from_str(&r.text).map_err(|_| Failure::Transient)?;
            account.token = s.access_jwt;
            account.refresh_token = s.refresh_jwt;
            account.status = AccountStatus::Connected;
            store::accounts::put(db, account)
                .await
                .map_err(|_| Failure::Transient)?;
            Ok(())
        }
        Some(Fault::ServerFailed(_)) => Err(Failure::Transient),
        Some(Fault::RateLimited { until }) => {
            Err(Failure::Stop(SendProblem::RateLimited { until }))
        }
        Some(_) => {
            ended(db, account).await;
            Err(Failure::Stop(SendProblem::Reconnect))
        }
    }
}
