//! Reminders for posts to publish by hand: which scheduled posts fell due in a window, and
//! the browser notification that says so (only once the user allowed notifications).

use crate::domain::network::Network;
use crate::domain::post::{Post, PostState};
use crate::store::{self, Db, StoreError};

/// Scheduled posts of these workspaces due in `(from, to]` that still have a network to
/// publish by hand, with those networks.
pub async fn due_by_hand(
    db: &Db,
    workspace_ids: &[String],
    from: f64,
    to: f64,
) -> Result<Vec<(Post, Vec<Network>)>, StoreError> {
    let mut out = vec![];
    for ws in workspace_ids {
        for p in store::posts::due_between(db, ws, from + 1.0, to + 1.0).await? {
            // Publishing: the outbox sends its API networks; the others are still by hand.
            if !matches!(p.state, PostState::Scheduled | PostState::Publishing) {
                continue;
            }
            let hand: Vec<Network> = p
                .variants
                .iter()
                .filter(|v| !v.network.has_api() && v.published.is_none())
                .map(|v| v.network)
                .collect();
            if !hand.is_empty() {
                out.push((p, hand));
            }
        }
    }
    Ok(out)
}

/// Whether the user allowed notifications for this site.
pub fn allowed() -> bool {
    web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
}

/// Shows one notification (ignored when not allowed).
pub fn notify(title: &str, body: &str, tag: &str) {
    if !allowed() {
        return;
    }
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    options.set_tag(tag);
    let _ = web_sys::Notification::new_with_options(title, &options);
}
