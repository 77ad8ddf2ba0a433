//! Connecting a Mastodon account: check the instance, register the app there once, send the
//! user to approve with PKCE, finish on the callback, and disconnect (revoke, forget).

use crate::domain::account::{Account, AccountStatus, AppRegistration, PendingSignIn};
use crate::domain::address::{normalise_instance, InstanceError};
use crate::domain::counting::MastodonRules;
use crate::domain::network::Network;
use crate::platforms::http::{self, NetError, Response};
use crate::platforms::mastodon::api::{self, parse_query};
use crate::platforms::mastodon::entities::{self, InstanceRules};
use crate::platforms::mastodon::oauth::{self, Callback, CallbackError};
use crate::platforms::request::query_value;
use crate::store::{self, Db, StoreError};

use crate::services::clock::{now_ms, random_bytes};

/// The app's own callback route.
pub const CALLBACK_PATH: &str = "/oauth/mastodon";

#[derive(Debug, Clone, PartialEq)]
pub enum ConnectError {
    Instance(InstanceError),
    /// It answered, but not as a Mastodon API server.
    NotMastodon,
    Offline,
    Unreachable,
    /// The user refused on the instance's page.
    Denied,
    /// The callback's `state` is not one we sent (or was used already).
    StateMismatch,
    /// The server said no, in its words.
    Server(String),
    Store(StoreError),
}

impl From<NetError> for ConnectError {
    fn from(e: NetError) -> Self {
        match e {
            NetError::Offline => ConnectError::Offline,
            NetError::Unreachable => ConnectError::Unreachable,
        }
    }
}

impl From<StoreError> for ConnectError {
    fn from(e: StoreError) -> Self {
        ConnectError::Store(e)
    }
}

fn server_error(r: &Response) -> ConnectError {
    let said = serde_json::from_str::<entities::ApiError>(&r.text)
        .map(|e| e.error_description.unwrap_or(e.error))
        .unwrap_or_else(|_| format!("HTTP {}", r.status));
    ConnectError::Server(said)
}

/// The instance's rules, from `/api/v2/instance` or, on older servers, `/api/v1/instance`.
pub async fn instance_rules(instance: &str) -> Result<InstanceRules, ConnectError> {
    let v2 = http::send(&api::instance_v2(instance)).await?;
    if v2.ok() {
        if let Ok(i) = serde_json::from_str::<entities::InstanceV2>(&v2.text) {
            return Ok(i.into());
        }
    }
    let v1 = http::send(&api::instance_v1(instance)).await?;
    if v1.ok() {
        if let Ok(i) = serde_json::from_str::<entities::InstanceV1>(&v1.text) {
            return Ok(i.into());
        }
    }
    Err(ConnectError::NotMastodon)
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Starts a sign-in: returns the address of the instance's approval page.
pub async fn start_sign_in(db: &Db, workspace_id: &str, raw: &str) -> Result<String, ConnectError> {
    let instance = normalise_instance(raw).map_err(ConnectError::Instance)?;
    instance_rules(&instance).await?;
    let redirect_uri = format!("{}{CALLBACK_PATH}", origin());
    let app = match store::accounts::app(db, &instance).await? {
        Some(app) if app.redirect_uri == redirect_uri => app,
        _ => {
            let r = http::send(&api::register_app(&instance, &redirect_uri, &origin())).await?;
            if !r.ok() {
                return Err(server_error(&r));
            }
            let a: entities::Application =
                serde_json::from_str(&r.text).map_err(|_| ConnectError::NotMastodon)?;
            let app = AppRegistration {
                instance: instance.clone(),
                client_id: a.client_id,
                client_secret: a.client_secret,
                redirect_uri: redirect_uri.clone(),
            };
            store::accounts::put_app(db, &app).await?;
            app
        }
    };
    let (Some(v), Some(s)) = (random_bytes::<32>(), random_bytes::<16>()) else {
        return Err(ConnectError::Unreachable);
    };
    let pending = PendingSignIn {
        state: oauth::state(&s),
        verifier: oauth::verifier(&v),
        instance: instance.clone(),
        workspace_id: workspace_id.to_string(),
        started_at: now_ms(),
    };
    store::accounts::put_pending(db, &pending).await?;
    Ok(oauth::authorize_url(
        &instance,
        &app.client_id,
        &redirect_uri,
        &pending.state,
        &pending.verifier,
    ))
}

/// Finishes a sign-in from the callback's query string; stores and returns the account.
pub async fn finish_sign_in(db: &Db, query: &str) -> Result<Account, ConnectError> {
    let params = parse_query(query);
    let state = query_value(&params, "state");
    let pending = store::accounts::take_pending(db, &state)
        .await?
        .ok_or(ConnectError::StateMismatch)?;
    let code = match oauth::read_callback(&params, &pending.state) {
        Ok(Callback::Code(c)) => c,
        Ok(Callback::Denied) => return Err(ConnectError::Denied),
        Ok(Callback::Failed(why)) => return Err(ConnectError::Server(why)),
        Err(CallbackError::StateMismatch) => return Err(ConnectError::StateMismatch),
        Err(CallbackError::NoCode) => return Err(ConnectError::Server("no code".into())),
    };
    let app = store::accounts::app(db, &pending.instance)
        .await?
        .ok_or(ConnectError::StateMismatch)?;
    let r = http::send(&oauth::token_request(
        &pending.instance,
        &app.client_id,
        &app.client_secret,
        &app.redirect_uri,
        &code,
        &pending.verifier,
    ))
    .await?;
    if !r.ok() {
        return Err(server_error(&r));
    }
    let token: entities::Token =
        serde_json::from_str(&r.text).map_err(|_| ConnectError::NotMastodon)?;
    let r = http::send(&api::verify_credentials(
        &pending.instance,
        &token.access_token,
    ))
    .await?;
    if !r.ok() {
        return Err(server_error(&r));
    }
    let me: entities::Account =
        serde_json::from_str(&r.text).map_err(|_| ConnectError::NotMastodon)?;
    let rules = instance_rules(&pending.instance).await.ok();
    let domain = rules.as_ref().map(|r| r.domain.clone()).unwrap_or_else(|| {
        pending
            .instance
            .split("://")
            .nth(1)
            .unwrap_or("")
            .to_string()
    });
    let account = Account {
        id: Account::make_id(Network::Mastodon, &pending.instance, &me.id),
        workspace_id: pending.workspace_id,
        network: Network::Mastodon,
        instance: pending.instance,
        remote_id: me.id,
        handle: format!("@{}@{domain}", me.username),
        display_name: me.display_name,
        avatar: me.avatar,
        url: me.url,
        token: token.access_token,
        refresh_token: String::new(),
        status: AccountStatus::Connected,
        rules: rules.map(|r| MastodonRules {
            max_characters: r.max_characters as usize,
            characters_reserved_per_url: r.characters_reserved_per_url as usize,
            max_media: r.max_media_attachments as usize,
        }),
        connected_at: now_ms(),
        oauth: None,
    };
    store::accounts::put(db, &account).await?;
    // Signed in again: what the outbox stopped for this account goes on.
    crate::services::outbox::account_back(db, &account.workspace_id, Network::Mastodon).await?;
    crate::services::avatars::keep_later(db, &account);
    Ok(account)
}

/// Revokes the token on the server, then forgets the account. Returns whether the server
/// confirmed the revocation (the account is forgotten either way).
pub async fn disconnect(db: &Db, account: &Account) -> Result<bool, StoreError> {
    let revoked = match store::accounts::app(db, &account.instance).await? {
        Some(app) => http::send(&oauth::revoke_request(
            &account.instance,
            &app.client_id,
            &app.client_secret,
            &account.token,
        ))
        .await
        .map(|r| r.ok())
        .unwrap_or(false),
        None => false,
    };
    store::accounts::delete(db, &account.id).await?;
    Ok(revoked)
}
