//! Favourites, boosts and follows as the Inbox shows them: read from the device (the syncs
//! bring them, `mastodon/sync.rs` and `bluesky/sync.rs`) and summed for a period.

use crate::domain::interaction::{summary, Summary};
use crate::services::clock::now_ms;
use crate::store::{Db, StoreError};

/// The last `days` days of a workspace: totals, the ten people who gave the most, the
/// twenty latest.
pub async fn last_days(db: &Db, workspace_id: &str, days: u32) -> Result<Summary, StoreError> {
    let since = now_ms() - f64::from(days) * 86_400_000.0;
    let list = super::read_all::signs_since(db, workspace_id, since).await?;
    Ok(summary(&list, since, 10, 20))
}
