//! The thread around a conversation, read when it is opened: Mastodon's
//! `/api/v1/statuses/:id/context` (asked for the newest message, then for the thread's top
//! post so every branch comes), Bluesky's `getPostThread` from the thread's root. What was
//! read is kept (`store::threads`) and shown again offline; a failed read (offline, 429, 401)
//! changes nothing kept and is told as the policy says (`domain/retry.rs`).

use crate::domain::account::{Account, AccountStatus};
use crate::domain::conversation::Triage;
use crate::domain::inbox::InboxItem;
use crate::domain::network::Network;
use crate::domain::post::SendProblem;
use crate::domain::retry::Outcome;
use crate::domain::thread_context::{ContextMessage, ThreadContext};
use crate::platforms::bluesky::entities::thread_posts;
use crate::platforms::bluesky::record::parent_of;
use crate::platforms::bluesky::xrpc;
use crate::platforms::mastodon::api;
use crate::platforms::mastodon::entities::{Context, Status};
use crate::services::clock::now_ms;
use crate::services::conversations::ConversationView;
use crate::services::sending::SyncError;
use crate::store::{self, Db, StoreError};

use super::bluesky::sync::{post_item, PostParts};
use super::mastodon::sync::{status_item, status_item_id};

/// The thread kept for a conversation, if it was ever read.
pub async fn kept(
    db: &Db,
    workspace_id: &str,
    key: &str,
) -> Result<Option<ThreadContext>, StoreError> {
    store::threads::get(db, &Triage::id_of(workspace_id, key)).await
}

fn bad_answer() -> SyncError {
    SyncError::Stopped(SendProblem::Rejected {
        message: "unexpected answer".into(),
    })
}

/// Reads the conversation's thread from its network and keeps it; returns what was kept.
pub async fn read(db: &Db, conv: &ConversationView) -> Result<ThreadContext, SyncError> {
    let newest = conv.last();
    let Some(mut account) = store::accounts::get(db, &newest.account_id).await? else {
        return Err(SyncError::Stopped(SendProblem::NoAccount));
    };
    if account.status == AccountStatus::ReconnectNeeded {
        return Err(SyncError::Stopped(SendProblem::Reconnect));
    }
    let messages = match account.network {
        Network::Mastodon => mastodon_thread(db, &mut account, newest).await?,
        Network::Bluesky => bluesky_thread(db, &mut account, newest).await?,
        _ => return Err(SyncError::Stopped(SendProblem::NoAccount)),
    };
    let thread = ThreadContext {
        id: Triage::id_of(&newest.workspace_id, &conv.key),
        workspace_id: newest.workspace_id.clone(),
        key: conv.key.clone(),
        fetched_at: now_ms(),
        messages,
    };
    store::threads::put(db, &thread).await?;
    Ok(thread)
}

async fn mastodon_context(
    db: &Db,
    account: &mut Account,
    status_id: &str,
) -> Result<Context, SyncError> {
    let req = api::context(&account.instance, &account.token, status_id);
    match super::mastodon::publish::call(&req, None).await {
        Ok(r) => serde_json::from_str(&r.text).map_err(|_| bad_answer()),
        Err(Outcome::Unauthorized) => {
            // As a sync does: the account needs signing in again; nothing else changes.
            account.status = AccountStatus::ReconnectNeeded;
            store::accounts::put(db, account).await?;
            Err(SyncError::Stopped(SendProblem::Reconnect))
        }
        Err(o) => Err(o.into()),
    }
}

fn mastodon_message(account: &Account, s: &Status) -> ContextMessage {
    let id = status_item_id(account, &s.id);
    ContextMessage {
        ours: s.account.id == account.remote_id,
        item: status_item(account, id, s, &s.created_at, None),
    }
}

async fn mastodon_thread(
    db: &Db,
    account: &mut Account,
    newest: &InboxItem,
) -> Result<Vec<ContextMessage>, SyncError> {
    let around = mastodon_context(db, account, &newest.remote_id).await?;
    let statuses: Vec<Status> = match around.ancestors.first() {
        // The newest message is the top: its descendants are the whole thread.
        None => around.descendants,
        Some(top) => {
            let whole = mastodon_context(db, account, &top.id).await?;
            std::iter::once(top.clone())
                .chain(whole.descendants)
                .collect()
        }
    };
    Ok(statuses
        .iter()
        .filter(|s| s.id != newest.remote_id)
        .map(|s| mastodon_message(account, s))
        .collect())
}

async fn bluesky_thread(
    db: &Db,
    account: &mut Account,
    newest: &InboxItem,
) -> Result<Vec<ContextMessage>, SyncError> {
    let from = newest
        .thread_root
        .clone()
        .unwrap_or_else(|| newest.remote_id.clone());
    let pds = account.instance.clone();
    let build = |token: &str| xrpc::get_post_thread(&pds, token, &from);
    let r = super::bluesky::session::call(db, account, &build, None).await?;
    let answer: serde_json::Value = serde_json::from_str(&r.text).map_err(|_| bad_answer())?;
    Ok(thread_posts(&answer)
        .iter()
        .map(|p| {
            let parts = PostParts::of(p);
            let id = format!("bluesky:{}:thread:{}", account.remote_id, p.uri);
            ContextMessage {
                ours: p.author.did == account.remote_id,
                item: post_item(account, id, parts, parent_of(&p.record), None),
            }
        })
        .collect())
}
