//! The outbox: every send to Mastodon or Bluesky is decided here, durably, before any
//! request. Deciding writes the outbox row in the same strict transaction that moves the
//! post to "publishing", with the idempotency material chosen then and never changed
//! (Mastodon's `Idempotency-Key`, Bluesky's record keys). The user's actions on a row (retry
//! now, cancel, a late post's decision) live here too; the sending itself is the leader
//! tab's [`runner`], one attempt at a time through [`attempt`].

pub mod attempt;
pub mod runner;

use crate::domain::network::Network;
use crate::domain::outbox::{self as policy, late_decision, ItemState, Late, OutboxItem, Why};
use crate::domain::post::{Post, PostState, RemoteSend, ME};
use crate::services::clock::{new_id, new_tid, now_ms};
use crate::services::sending::PublishError;
use crate::store::outbox::Writes;
use crate::store::{self, Db, StoreError};

/// How far back the runner's regular passes look for scheduled posts; its first pass, the
/// Outbox page and the badge look at every past post, however old.
const LATE_LOOKBACK_MS: f64 = 30.0 * 24.0 * 3_600_000.0;

/// Since when to look for scheduled posts past their time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookBack {
    /// The last 30 days (the runner's passes after its first).
    Recent,
    /// Every past post, however long ago.
    All,
}

/// The networks of `post` that the outbox sends itself: an API network, a variant not yet
/// published, not held by the server (Mastodon publishes those), with a connected account.
fn api_networks(post: &Post, connected: &[(Network, String)]) -> Vec<Network> {
    post.variants
        .iter()
        .filter(|v| v.network.has_api() && v.published.is_none())
        .filter(|v| !post.held_by_server(v.network))
        .filter(|v| connected.iter().any(|(n, _)| *n == v.network))
        .map(|v| v.network)
        .collect()
}

/// The workspace's connected accounts by network (the first of each network).
async fn connected(db: &Db, workspace_id: &str) -> Result<Vec<(Network, String)>, StoreError> {
    let mut out = vec![];
    for network in [Network::Mastodon, Network::Bluesky] {
        if let Some(a) = store::accounts::first_on(db, workspace_id, network).await? {
            out.push((network, a.id));
        }
    }
    Ok(out)
}

/// Thread parts of the variant (Bluesky writes one record per non-empty part).
fn part_count(post: &Post, network: Network) -> usize {
    post.variants
        .iter()
        .find(|v| v.network == network)
        .map(|v| 1 + v.thread.iter().filter(|t| !t.trim().is_empty()).count())
        .unwrap_or(1)
}

/// Chooses the variant's idempotency material once: Mastodon's key, Bluesky's record keys.
fn choose_keys(post: &mut Post, network: Network, account_id: &str) -> Option<RemoteSend> {
    let parts = part_count(post, network);
    let v = post.variants.iter_mut().find(|v| v.network == network)?;
    let remote = v
        .remote
        .get_or_insert_with(|| RemoteSend::new(String::new(), account_id.to_string()));
    if remote.account_id.is_empty() {
        remote.account_id = account_id.to_string();
    }
    if network == Network::Bluesky {
        while remote.rkeys.len() < parts {
            remote.rkeys.push(new_tid());
        }
        if remote.key.is_empty() {
            remote.key = remote.rkeys[0].clone();
        }
    } else if remote.key.is_empty() {
        remote.key = new_id();
    }
    remote.problem = None;
    Some(remote.clone())
}

/// Decides to send `post_id` to its API networks (or only `only`), due at `due_at`: writes
/// the rows and moves the post to "publishing" in one strict transaction. A network that
/// already has an open row is not queued twice; a row stopped for the user is retried now
/// (the user asked again). Returns the post's open rows.
pub async fn send(
    db: &Db,
    post_id: &str,
    only: Option<Network>,
    due_at: f64,
    by: &str,
) -> Result<Vec<OutboxItem>, PublishError> {
    let workspace = store::posts::get(db, post_id)
        .await?
        .ok_or(PublishError::NoPost)?
        .workspace_id;
    let accounts = connected(db, &workspace).await?;
    let now = now_ms();
    let result = store::outbox::change(db, post_id, |post, mut rows| {
        let Some(mut post) = post else {
            return Writes {
                post: None,
                items: vec![],
                result: Err(PublishError::NoPost),
            };
        };
        let mut changed = vec![];
        let networks: Vec<Network> = api_networks(&post, &accounts)
            .into_iter()
            .filter(|n| only.is_none_or(|o| o == *n))
            .collect();
        for network in networks {
            if let Some(row) = rows
                .iter_mut()
                .find(|r| r.network == network && r.is_open())
            {
                if matches!(row.state, ItemState::NeedsUser(_) | ItemState::Waiting) {
                    row.retry_now(now);
                    changed.push(row.clone());
                }
                continue;
            }
            let account = accounts
                .iter()
                .find(|(n, _)| *n == network)
                .map(|(_, id)| id.clone())
                .unwrap_or_default();
            let Some(remote) = choose_keys(&mut post, network, &account) else {
                continue;
            };
            let mut row = OutboxItem::new(new_id(), &post, network, &remote, due_at, now);
            // The keys are the same as an earlier (cancelled) send's: what it may have put
            // on the server still counts, so a later write asks first.
            for earlier in rows
                .iter()
                .filter(|r| r.network == network && r.key == row.key)
            {
                row.maybe_sent |= earlier.maybe_sent;
                if let Some(t) = earlier.first_attempt_at {
                    row.first_attempt_at = Some(row.first_attempt_at.map_or(t, |f: f64| f.min(t)));
                }
            }
            rows.push(row.clone());
            changed.push(row);
        }
        if changed.is_empty() {
            let open = rows.into_iter().filter(OutboxItem::is_open).collect();
            return Writes {
                post: None,
                items: vec![],
                result: Ok(open),
            };
        }
        for v in post.variants.iter_mut() {
            if let Some(r) = v.remote.as_mut() {
                r.problem = None;
            }
        }
        if post.state != PostState::Publishing
            && post.transition(PostState::Publishing, by, now).is_err()
        {
            return Writes {
                post: None,
                items: vec![],
                result: Err(PublishError::NoPost),
            };
        }
        post.updated_at = now;
        let open = rows.into_iter().filter(OutboxItem::is_open).collect();
        Writes {
            post: Some(post),
            items: changed,
            result: Ok(open),
        }
    })
    .await?;
    runner::wake();
    ask_for_background_sync();
    result
}

/// Registers a Background Sync so the browser wakes the app when the network returns, where
/// the browser has it; the other triggers cover the rest.
fn ask_for_background_sync() {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::JsCast;
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    // Without a controlling worker (not installed yet, or a dev build) `ready` never settles.
    let Some(ready) = Reflect::get(&nav, &"serviceWorker".into())
        .ok()
        .filter(|sw| !sw.is_undefined())
        .filter(|sw| {
            Reflect::get(sw, &"controller".into()).is_ok_and(|c| !c.is_null() && !c.is_undefined())
        })
        .and_then(|sw| Reflect::get(&sw, &"ready".into()).ok())
        .and_then(|r| r.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let Some(sync) = Reflect::get(&reg, &"sync".into())
            .ok()
            .filter(|s| !s.is_undefined())
        else {
            return;
        };
        if let Some(register) = Reflect::get(&sync, &"register".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        {
            if let Ok(p) = register.call1(&sync, &runner::SYNC_TAG.into()) {
                if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                }
            }
        }
    });
}

/// "Retry now" on a row: due at once, backoff from the start; the post is publishing again.
pub async fn retry_now(db: &Db, item: &OutboxItem) -> Result<(), StoreError> {
    let now = now_ms();
    let id = item.id.clone();
    store::outbox::change(db, &item.post_id, |post, rows| {
        let Some(mut row) = rows.into_iter().find(|r| r.id == id) else {
            return Writes {
                post: None,
                items: vec![],
                result: (),
            };
        };
        if !matches!(row.state, ItemState::Waiting | ItemState::NeedsUser(_)) {
            return Writes {
                post: None,
                items: vec![],
                result: (),
            };
        }
        row.retry_now(now);
        let post = post.and_then(|mut p| {
            if p.state == PostState::Failed {
                p.transition(PostState::Publishing, ME, now).ok()?;
            }
            clear_problem(&mut p, row.network);
            p.updated_at = now;
            Some(p)
        });
        Writes {
            post,
            items: vec![row],
            result: (),
        }
    })
    .await?;
    runner::wake();
    Ok(())
}

fn clear_problem(post: &mut Post, network: Network) {
    if let Some(r) = post
        .variants
        .iter_mut()
        .find(|v| v.network == network)
        .and_then(|v| v.remote.as_mut())
    {
        r.problem = None;
    }
}

/// Cancels a row (refused while a tab is sending it). When the post has no other open row,
/// it goes back to the drafts, its text and whatever was already published kept.
pub async fn cancel(db: &Db, item: &OutboxItem) -> Result<bool, StoreError> {
    let now = now_ms();
    let id = item.id.clone();
    store::outbox::change(db, &item.post_id, |post, rows| {
        let others_open = rows.iter().any(|r| r.id != id && r.is_open());
        let Some(mut row) = rows.into_iter().find(|r| r.id == id) else {
            return Writes {
                post: None,
                items: vec![],
                result: false,
            };
        };
        if !row.cancel() {
            return Writes {
                post: None,
                items: vec![],
                result: false,
            };
        }
        let post = post.and_then(|mut p| {
            clear_problem(&mut p, row.network);
            back_to_drafts(p, others_open, now)
        });
        Writes {
            post,
            items: vec![row],
            result: true,
        }
    })
    .await
}

/// A post whose last open row ended without a send goes back to the drafts (through
/// "failed", as the life cycle requires), its text and what was published kept.
pub(crate) fn back_to_drafts(mut p: Post, others_open: bool, now: f64) -> Option<Post> {
    if !others_open && !matches!(p.state, PostState::Published | PostState::Draft) {
        if p.state == PostState::Publishing {
            p.transition(PostState::Failed, ME, now).ok()?;
        }
        p.transition(PostState::Draft, ME, now).ok()?;
    }
    p.updated_at = now;
    Some(p)
}

/// The user signed in again on `network` in this workspace: rows stopped for that are due.
pub async fn account_back(db: &Db, workspace_id: &str, network: Network) -> Result<(), StoreError> {
    for row in store::outbox::all(db).await? {
        if row.workspace_id == workspace_id
            && row.network == network
            && row.state == ItemState::NeedsUser(Why::Reconnect)
        {
            retry_now(db, &row).await?;
        }
    }
    Ok(())
}

/// A scheduled post of the workspace whose time has passed and that the outbox sends.
#[derive(Debug, Clone, PartialEq)]
pub struct DuePost {
    pub post: Post,
    pub networks: Vec<Network>,
    /// Too late to go out unasked: the user decides (send now, reschedule, cancel).
    pub late: bool,
}

/// The workspace's scheduled posts due by `now` with an API network to send to, each with
/// whether it is too late to go out by itself.
pub async fn due_posts(
    db: &Db,
    workspace_id: &str,
    now: f64,
    back: LookBack,
) -> Result<Vec<DuePost>, StoreError> {
    let auto = store::outbox::sends_late_automatically(db, workspace_id).await?;
    let accounts = connected(db, workspace_id).await?;
    let since = match back {
        LookBack::Recent => now - LATE_LOOKBACK_MS,
        LookBack::All => f64::MIN,
    };
    let mut out = vec![];
    for post in store::posts::due_between(db, workspace_id, since, now + 1.0).await? {
        if post.state != PostState::Scheduled {
            continue;
        }
        let networks = api_networks(&post, &accounts);
        let Some(due) = post.due_at else { continue };
        if networks.is_empty() {
            continue;
        }
        let late = late_decision(due, now, auto) == Late::AskUser;
        out.push(DuePost {
            post,
            networks,
            late,
        });
    }
    Ok(out)
}

/// Sends the due posts that may go out by themselves; returns the late ones, for the user.
pub async fn send_due(
    db: &Db,
    workspace_id: &str,
    now: f64,
    back: LookBack,
) -> Result<Vec<DuePost>, StoreError> {
    let mut late = vec![];
    for due in due_posts(db, workspace_id, now, back).await? {
        if due.late {
            late.push(due);
            continue;
        }
        let at = due.post.due_at.unwrap_or(now);
        // One post that cannot be queued (a store error) must not hold back the others:
        // it stays scheduled and is tried again at the next pass.
        let _ = send(db, &due.post.id, None, at, "app").await;
    }
    Ok(late)
}

/// A late post's "Cancel": the post is cancelled, its text kept.
pub async fn cancel_late(db: &Db, post_id: &str) -> Result<(), PublishError> {
    let mut post = store::posts::get(db, post_id)
        .await?
        .ok_or(PublishError::NoPost)?;
    let now = now_ms();
    post.transition(PostState::Cancelled, ME, now)
        .map_err(|_| PublishError::NoPost)?;
    post.updated_at = now;
    store::posts::put_send(db, &post).await?;
    Ok(())
}

/// What the badge and the navigation show: rows still open, and late posts waiting for a
/// decision, over every workspace.
pub async fn pending(db: &Db, workspace_ids: &[String]) -> Result<usize, StoreError> {
    let rows = store::outbox::all(db).await?;
    let mut n = policy::pending_count(&rows);
    let now = now_ms();
    for ws in workspace_ids {
        n += due_posts(db, ws, now, LookBack::All)
            .await?
            .iter()
            .filter(|d| d.late)
            .count();
    }
    Ok(n)
}

/// Shows `count` on the installed app's icon (Badging API), where the browser has it.
pub fn set_app_badge(count: usize) {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::JsCast;
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let (name, arg) = if count == 0 {
        ("clearAppBadge", None)
    } else {
        ("setAppBadge", Some(count as f64))
    };
    let Some(f) = Reflect::get(&nav, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    let promise = match arg {
        Some(n) => f.call1(&nav, &n.into()),
        None => f.call0(&nav),
    };
    // A refused badge (not installed, no permission) changes nothing for the user.
    if let Ok(p) = promise.and_then(|p| p.dyn_into::<js_sys::Promise>()) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}

/// The workspace's choice to send late posts by themselves (up to an hour late) or not.
pub async fn set_sends_late_automatically(
    db: &Db,
    workspace_id: &str,
    on: bool,
) -> Result<(), StoreError> {
    store::outbox::set_sends_late_automatically(db, workspace_id, on).await
}
