//! Searching Bluesky posts by keyword or by hashtag, newest first, a page at a time: the
//! adapter call the listening feature builds on. A read: one try, and a failure is reported
//! as the policy says (`domain/retry.rs`).

use crate::domain::post::SendProblem;
use crate::domain::retry::read_problem;
use crate::platforms::bluesky::entities::SearchResult;
use crate::platforms::bluesky::xrpc::{self, Search};
use crate::services::clock::now_ms;
use crate::store::Db;

use super::session::{self, account_for};

/// One page of posts matching `what`, seen through the workspace's Bluesky account.
pub async fn search_posts(
    db: &Db,
    workspace_id: &str,
    what: &Search<'_>,
    cursor: Option<&str>,
) -> Result<SearchResult, SendProblem> {
    let mut account = account_for(db, workspace_id)
        .await
        .ok()
        .flatten()
        .ok_or(SendProblem::NoAccount)?;
    let pds = account.instance.clone();
    let r = session::call(
        db,
        &mut account,
        &|t| xrpc::search_posts(&pds, t, what, cursor),
        None,
    )
    .await
    .map_err(|o| read_problem(&o, now_ms()))?;
    serde_json::from_str(&r.text).map_err(|_| SendProblem::Rejected {
        message: format!("HTTP {}", r.status),
    })
}
