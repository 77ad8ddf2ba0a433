//! Reminders for posts to publish by hand: which scheduled posts fell due in a window, and
//! the browser notification that says so (only once the user allowed notifications); an
//! alert notified once per tag (`first_time`).

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

/// The settings document of the alerts already notified: tag → when (UTC ms).
const NOTIFIED: &str = "notified";
/// How long a tag is remembered: longer than any alert's tag stays the same (a day's).
const REMEMBERED_MS: f64 = 3.0 * 86_400_000.0;

/// Whether the alert named `tag` is new: true the first time a tag is asked for (and it is
/// then remembered, in the same transaction, for three days from that first time), false after — so an alert the
/// user dismissed is not shown again by the next check, in this tab or another. A store that
/// cannot be read or written says false: no alert rather than the same one every minute.
pub async fn first_time(db: &Db, tag: &str, now: f64) -> bool {
    store::settings_docs::update(
        db,
        NOTIFIED,
        |seen: &mut std::collections::HashMap<String, f64>| {
            seen.retain(|_, at| *at > now - REMEMBERED_MS);
            let new = !seen.contains_key(tag);
            seen.entry(tag.to_string()).or_insert(now);
            new
        },
    )
    .await
    .unwrap_or(false)
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
