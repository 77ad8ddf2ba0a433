//! Connected accounts and what signing in needs on the way: the app's registration per
//! instance and the sign-in in progress (both small documents in `settings`). Tokens are
//! sealed as they are written and opened as they are read while a passphrase is set
//! (`sealing`); while locked, accounts can be neither read nor written.

use wasm_bindgen::JsValue;

use crate::domain::account::{Account, AppRegistration, PendingBlueskySignIn, PendingSignIn};
use crate::domain::network::Network;

use super::codec::to_stored;
use super::idb::{request, Durability, Tx};
use super::records;
use super::schema::{ACCOUNTS, ACCOUNTS_BY_WORKSPACE, SETTINGS};
use super::sealing;
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

pub async fn for_workspace(db: &Db, workspace_id: &str) -> Result<Vec<Account>, StoreError> {
    let key = JsValue::from_str(workspace_id);
    let stored: Vec<Account> = records::page(db, ACCOUNTS, ACCOUNTS_BY_WORKSPACE, &key, u32::MAX)
        .await?
        .items;
    let mut out = Vec::with_capacity(stored.len());
    for a in stored {
        out.push(opened(a).await?);
    }
    Ok(out)
}

/// Every account of every workspace, with its tokens as stored (sealed or not): for the
/// lock, which seals and unseals them all.
pub async fn all_as_stored(db: &Db) -> Result<Vec<Account>, StoreError> {
    records::get_all(db, ACCOUNTS).await
}

/// The account with its tokens as they were given (refused while locked).
async fn opened(mut a: Account) -> Result<Account, StoreError> {
    a.token = sealing::unseal(&a.token).await?;
    a.refresh_token = sealing::unseal(&a.refresh_token).await?;
    Ok(a)
}

/// The account with its tokens as they are to be stored (sealed while a passphrase is set).
pub async fn sealed(mut a: Account) -> Result<Account, StoreError> {
    a.token = sealing::seal(&a.token).await?;
    a.refresh_token = sealing::seal(&a.refresh_token).await?;
    Ok(a)
}

/// The workspace's first connected account on `network`, if any.
pub async fn first_on(
    db: &Db,
    workspace_id: &str,
    network: Network,
) -> Result<Option<Account>, StoreError> {
    Ok(for_workspace(db, workspace_id)
        .await?
        .into_iter()
        .find(|a| a.network == network))
}

/// Keeps the account, its tokens sealed while a passphrase is set (refused while locked).
pub async fn put(db: &Db, account: &Account) -> Result<(), StoreError> {
    records::put_one(db, ACCOUNTS, &sealed(account.clone()).await?).await
}

/// Keeps accounts exactly as given (tokens already sealed or opened by the lock) and does
/// `then` in the same strict transaction (the lock's document written or removed with them).
pub async fn put_as_given(
    db: &Db,
    accounts: &[Account],
    then: impl FnOnce(&web_sys::IdbObjectStore) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[ACCOUNTS, SETTINGS], Durability::Strict)?;
    let store = tx.store(ACCOUNTS)?;
    for a in accounts {
        store.put(&to_stored(a)?).map_err(StoreError::from_js)?;
    }
    then(&tx.store(SETTINGS)?)?;
    tx.commit().await
}

pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    records::delete(db, ACCOUNTS, &id.into()).await
}

fn app_key(instance: &str) -> String {
    format!("mastodon-app:{instance}")
}

fn pending_key(state: &str) -> String {
    format!("sign-in:{state}")
}

async fn put_setting<T: serde::Serialize>(db: &Db, key: &str, value: &T) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    tx.store(SETTINGS)?
        .put_with_key(&to_stored(value)?, &key.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

pub async fn app(db: &Db, instance: &str) -> Result<Option<AppRegistration>, StoreError> {
    records::get(db, SETTINGS, &app_key(instance).into()).await
}

pub async fn put_app(db: &Db, app: &AppRegistration) -> Result<(), StoreError> {
    put_setting(db, &app_key(&app.instance), app).await
}

pub async fn put_pending(db: &Db, pending: &PendingSignIn) -> Result<(), StoreError> {
    put_setting(db, &pending_key(&pending.state), pending).await
}

/// The sign-in started with `state`, removed as it is read (a callback is used once).
pub async fn take_pending(db: &Db, state: &str) -> Result<Option<PendingSignIn>, StoreError> {
    take_setting(db, pending_key(state)).await
}

fn pending_bluesky_key(state: &str) -> String {
    format!("bluesky-sign-in:{state}")
}

pub async fn put_pending_bluesky(
    db: &Db,
    pending: &PendingBlueskySignIn,
) -> Result<(), StoreError> {
    put_setting(db, &pending_bluesky_key(&pending.state), pending).await
}

/// The Bluesky sign-in started with `state`, removed as it is read.
pub async fn take_pending_bluesky(
    db: &Db,
    state: &str,
) -> Result<Option<PendingBlueskySignIn>, StoreError> {
    take_setting(db, pending_bluesky_key(state)).await
}

/// A settings document, removed as it is read.
async fn take_setting<T: serde::de::DeserializeOwned>(
    db: &Db,
    key: String,
) -> Result<Option<T>, StoreError> {
    let found: Option<T> = records::get(db, SETTINGS, &key.as_str().into()).await?;
    if found.is_some() {
        let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
        let req = tx
            .store(SETTINGS)?
            .delete(&key.into())
            .map_err(StoreError::from_js)?;
        request(&req).await?;
        tx.commit().await?;
    }
    Ok(found)
}

/// Deletes a workspace's accounts inside the caller's transaction (which covers `accounts`).
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    take_in_index(
        tx,
        ACCOUNTS,
        ACCOUNTS_BY_WORKSPACE,
        &workspace_id.into(),
        kept,
    )
    .await
}

pub async fn get(db: &Db, id: &str) -> Result<Option<Account>, StoreError> {
    match records::get(db, ACCOUNTS, &id.into()).await? {
        Some(a) => Ok(Some(opened(a).await?)),
        None => Ok(None),
    }
}

fn sent_key(account_id: &str, status_id: &str) -> String {
    format!("sent:{account_id}:{status_id}")
}

/// Remembers that `status_id` on the account's server is our post `post_id`, so a reply to
/// it can be tied to the post.
pub async fn remember_sent(
    db: &Db,
    account_id: &str,
    status_id: &str,
    post_id: &str,
) -> Result<(), StoreError> {
    put_setting(db, &sent_key(account_id, status_id), &post_id).await
}

/// Our post that went out as `status_id`, if it was one of ours.
pub async fn sent_post(
    db: &Db,
    account_id: &str,
    status_id: &str,
) -> Result<Option<String>, StoreError> {
    records::get(db, SETTINGS, &sent_key(account_id, status_id).into()).await
}
