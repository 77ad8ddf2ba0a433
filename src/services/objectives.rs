//! Gathers the figures objectives are measured against, for one workspace: each network's
//! followers from its own account's last snapshot, publications of the last days from the posts changed since, the
//! networks that can be measured (a connected account, or a publication), and how fast and
//! how often the conversations begun in the last 30 days were answered (first response
//! times, from their triage, inside the workspace's working hours when it has some).

use crate::domain::objectives::Figures;
use crate::store::{self, Db, StoreError};

/// Publications are counted over a week and over 30 days; a little more is read for a clock
/// at the edge.
const LOOK_BACK_MS: f64 = 31.0 * 86_400_000.0;
const MONTH_MS: f64 = 30.0 * 86_400_000.0;

pub async fn figures(db: &Db, workspace_id: &str, now: f64) -> Result<Figures, StoreError> {
    let mut f = Figures::default();
    let accounts = store::accounts::for_workspace(db, workspace_id).await?;
    let snapshots = store::inbox::latest_metrics(db, workspace_id, 200).await?;
    // Newest first: each network's figure is its own account's latest count.
    for s in snapshots.items.iter().filter(|s| s.status_id.is_none()) {
        let Some(a) = accounts.iter().find(|a| a.id == s.account_id) else {
            continue;
        };
        if !f.followers.iter().any(|(n, _)| *n == a.network) {
            f.followers.push((a.network, s.followers));
        }
    }
    for a in &accounts {
        if !f.measured.contains(&a.network) {
            f.measured.push(a.network);
        }
    }
    for post in store::posts::changed_since(db, workspace_id, now - LOOK_BACK_MS).await? {
        let first = post
            .variants
            .iter()
            .filter_map(|v| v.published.as_ref().map(|p| p.at))
            .fold(f64::INFINITY, f64::min);
        if first > now - MONTH_MS && first <= now {
            f.posts_published_30d += 1;
        }
        for v in &post.variants {
            if let Some(p) = &v.published {
                f.publications.push((v.network, p.at));
                if !f.measured.contains(&v.network) {
                    f.measured.push(v.network);
                }
            }
        }
    }
    let list = super::conversations::load(db, workspace_id, now).await?;
    let hours = store::library::strategy(db, workspace_id)
        .await?
        .working_hours;
    let answering = super::conversations::answering(&list, now - MONTH_MS, hours.as_ref());
    f.answer_hours = answering.first_response_hours;
    f.conversations = answering.begun;
    Ok(f)
}
