//! The inbox's work: checking every connected network for new messages (their triage is
//! `conversations.rs`).

use crate::domain::network::Network;
use crate::services::sending::SyncError;
use crate::services::{bluesky, mastodon};
use crate::store::{self, Db, StoreError};

/// What "Check now" found: new messages over every network, and each network's problem.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub new: usize,
    pub problems: Vec<(Network, SyncError)>,
}

/// Whether the workspace has any connected account (the Inbox checks on open only then).
pub async fn has_accounts(db: &Db, workspace_id: &str) -> Result<bool, StoreError> {
    Ok(!store::accounts::for_workspace(db, workspace_id)
        .await?
        .is_empty())
}

/// Syncs every network the workspace has an account on, one after the other.
pub async fn check(db: &Db, workspace_id: &str) -> Checked {
    let accounts = store::accounts::for_workspace(db, workspace_id)
        .await
        .unwrap_or_default();
    let has = |n: Network| accounts.iter().any(|a| a.network == n);
    let mut out = Checked::default();
    if has(Network::Mastodon) {
        match mastodon::sync::sync(db, workspace_id).await {
            Ok(r) => out.new += r.mentions + r.direct,
            Err(e) => out.problems.push((Network::Mastodon, e)),
        }
    }
    if has(Network::Bluesky) {
        match bluesky::sync::sync(db, workspace_id).await {
            Ok(r) => out.new += r.mentions,
            Err(e) => out.problems.push((Network::Bluesky, e)),
        }
    }
    out
}
