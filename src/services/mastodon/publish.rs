//! Sending a post's Mastodon variant: now (images uploaded with their alt text, then the
//! status and its thread, each with an `Idempotency-Key` chosen when the send was decided),
//! or held by the server until its time (`scheduled_at`, at least 5 minutes ahead), then
//! moved or cancelled there. Each request is tried once (the outbox retries a send); every
//! step is saved before the next, so a retry repeats nothing that already went through;
//! every stop is kept on the post as a [`SendProblem`].

use crate::domain::account::{Account, AccountStatus};
use crate::domain::network::Network;
use crate::domain::outbox::same_text;
use crate::domain::post::{Post, PostState, RemoteSend, SendProblem, ME};
use crate::domain::retry::Outcome;
use crate::domain::rich_text::{parse_status_html, plain_text};
use crate::platforms::http::{self, NetError, Response};
use crate::platforms::mastodon::api::{self, NewStatus, Request};
use crate::platforms::mastodon::entities::{MediaAttachment, Posted, Status};
use crate::platforms::mastodon::faults::{classify, Fault};
use crate::platforms::timing::{iso_time, parse_time};
use crate::services::clock::{new_id, now_ms, sleep};
use crate::services::sending::problem;
use crate::store::{self, Db, StoreError};
/// How far a server's clock may be behind ours when matching a status to an attempt.
const CLOCK_SLACK_MS: f64 = 5.0 * 60_000.0;
/// Polls of a 202 upload before giving up for now.
const MEDIA_POLLS: u32 = 30;

pub use crate::services::sending::{PublishError, Sent};

/// The workspace's connected Mastodon account, if any (the first one).
pub async fn account_for(db: &Db, workspace_id: &str) -> Result<Option<Account>, StoreError> {
    store::accounts::first_on(db, workspace_id, Network::Mastodon).await
}

/// One request, tried once; what went wrong as the policy's [`Outcome`] (`domain/retry.rs`):
/// a send goes back to the outbox, a sync ends and says why.
pub(crate) async fn call(
    req: &Request,
    file: Option<(&web_sys::Blob, &str)>,
) -> Result<Response, Outcome> {
    let r = match http::send_with_file(req, file).await {
        Err(NetError::Offline) => return Err(Outcome::Offline),
        Err(NetError::Unreachable) => return Err(Outcome::NetworkError),
        Ok(r) => r,
    };
    match classify(r.status, &r.headers, &r.text, now_ms()) {
        None => Ok(r),
        Some(Fault::ServerFailed(status)) => Err(Outcome::ServerError(status)),
        Some(Fault::RateLimited { until }) => Err(Outcome::RateLimited {
            reset_at: until,
            retry_after_s: None,
        }),
        Some(Fault::Unauthorized) => Err(Outcome::Unauthorized),
        Some(Fault::Rejected(message)) => Err(Outcome::Rejected {
            status: r.status,
            message,
        }),
    }
}

pub(super) fn mastodon_variant(post: &mut Post) -> Option<&mut crate::domain::post::Variant> {
    post.variants
        .iter_mut()
        .find(|v| v.network == Network::Mastodon)
}

/// Loads the post and the account, and makes the send durable before any request: the
/// idempotency key is chosen here once and saved with the post.
async fn prepare(db: &Db, post_id: &str) -> Result<(Post, Account), PublishError> {
    let mut post = store::posts::get(db, post_id)
        .await?
        .ok_or(PublishError::NoPost)?;
    mastodon_variant(&mut post).ok_or(PublishError::NoPost)?;
    let Some(account) = account_for(db, &post.workspace_id).await? else {
        return stop(db, post, SendProblem::NoAccount).await;
    };
    if account.status == AccountStatus::ReconnectNeeded {
        return stop(db, post, SendProblem::Reconnect).await;
    }
    let v = mastodon_variant(&mut post).ok_or(PublishError::NoPost)?;
    let remote = v
        .remote
        .get_or_insert_with(|| RemoteSend::new(new_id(), account.id.clone()));
    remote.problem = None;
    Ok((post, account))
}

/// Keeps `problem` on the post (and on the account for a refused token), then stops. The
/// post's state is the outbox's to change (retry later, or failed).
pub(super) async fn stop<T>(
    db: &Db,
    mut post: Post,
    problem: SendProblem,
) -> Result<T, PublishError> {
    if let Some(v) = mastodon_variant(&mut post) {
        let remote = v.remote.get_or_insert_with(RemoteSend::default);
        remote.problem = Some(problem.clone());
        if problem == SendProblem::Reconnect && !remote.account_id.is_empty() {
            if let Some(mut a) = store::accounts::get(db, &remote.account_id).await? {
                a.status = AccountStatus::ReconnectNeeded;
                store::accounts::put(db, &a).await?;
            }
        }
    }
    post.updated_at = now_ms();
    store::posts::put_send(db, &post).await?;
    Err(PublishError::Stopped(problem))
}

/// Uploads the variant's images not uploaded yet, saving after each, and waits until the
/// server has processed them. Returns the server's media ids, in order.
async fn upload_media(
    db: &Db,
    post: &mut Post,
    account: &Account,
) -> Result<Vec<String>, SendProblem> {
    let v = mastodon_variant(post).ok_or(SendProblem::NoAccount)?;
    let images = v.media.clone();
    let mut ids = vec![];
    for m in &images {
        let done = v
            .remote
            .as_ref()
            .and_then(|r| r.media.iter().find(|(ours, _)| ours == &m.id))
            .map(|(_, theirs)| theirs.clone());
        if let Some(id) = done {
            ids.push(id);
            continue;
        }
        let blob = store::posts::get_media(db, &m.id)
            .await
            .ok()
            .flatten()
            .ok_or(SendProblem::Rejected {
                message: "image missing on this device".into(),
            })?;
        let ext = m.mime.rsplit('/').next().unwrap_or("bin");
        let name = format!("{}.{ext}", m.id);
        let r = call(
            &api::upload_media(&account.instance, &account.token, &m.alt),
            Some((&blob, &name)),
        )
        .await
        .map_err(problem)?;
        let mut media: MediaAttachment =
            serde_json::from_str(&r.text).map_err(|_| SendProblem::Rejected {
                message: format!("HTTP {}", r.status),
            })?;
        let mut polls = 0;
        while media.url.is_none() {
            polls += 1;
            if polls > MEDIA_POLLS {
                return Err(SendProblem::Unreachable);
            }
            sleep(500.0).await;
            let r = call(
                &api::media(&account.instance, &account.token, &media.id),
                None,
            )
            .await
            .map_err(problem)?;
            if r.status == 200 {
                if let Ok(m) = serde_json::from_str::<MediaAttachment>(&r.text) {
                    media = m;
                }
            }
        }
        v.remote
            .get_or_insert_with(RemoteSend::default)
            .media
            .push((m.id.clone(), media.id.clone()));
        ids.push(media.id);
    }
    Ok(ids)
}

/// The account's recent status that is thread part `n` of this post, sent by an attempt
/// whose answer never came (`since`: that first attempt; `parent`: the part before).
async fn find_sent(
    db: &Db,
    post_id: &str,
    account: &Account,
    text: &str,
    parent: Option<&str>,
    since: f64,
) -> Result<Option<Status>, SendProblem> {
    let r = call(
        &api::account_statuses(&account.instance, &account.token, &account.remote_id),
        None,
    )
    .await
    .map_err(problem)?;
    let recent: Vec<Status> = serde_json::from_str(&r.text).unwrap_or_default();
    for s in recent {
        let recent_enough = parse_time(&s.created_at).is_some_and(|t| t >= since - CLOCK_SLACK_MS);
        let theirs = plain_text(&parse_status_html(&s.content));
        if recent_enough
            && s.in_reply_to_id.as_deref() == parent
            && same_text(text, &theirs)
            && store::accounts::sent_post(db, &account.id, &s.id)
                .await
                .ok()
                .flatten()
                .is_none_or(|ours| ours == post_id)
        {
            return Ok(Some(s));
        }
    }
    Ok(None)
}

/// Publishes the post's Mastodon variant now (its thread too). With `check_since` (an
/// earlier attempt, first made then, may have gone through after the server forgot its
/// key), the account's recent statuses are read before each part and a part found there is
/// not sent again.
pub async fn publish_now(
    db: &Db,
    post_id: &str,
    check_since: Option<f64>,
) -> Result<Sent, PublishError> {
    let (mut post, account) = prepare(db, post_id).await?;
    if post.state != PostState::Publishing {
        post.transition(PostState::Publishing, ME, now_ms())
            .map_err(|_| PublishError::NoPost)?;
    }
    store::posts::put_send(db, &post).await?;
    let media_ids = match upload_media(db, &mut post, &account).await {
        Ok(ids) => ids,
        Err(p) => return stop(db, post, p).await,
    };
    store::posts::put_send(db, &post).await?;
    let (text, thread, spoiler, language) = {
        let v = post
            .variants
            .iter()
            .find(|v| v.network == Network::Mastodon)
            .ok_or(PublishError::NoPost)?;
        (
            post.text_for(v).to_string(),
            v.thread.clone(),
            v.content_warning.clone(),
            v.language.clone(),
        )
    };
    let parts: Vec<String> = std::iter::once(text).chain(thread).collect();
    // A reply from the Inbox answers its message and keeps its visibility.
    let (answers, visibility) = match &post.reply_to {
        Some(r) => (Some(r.parent.clone()), r.mastodon_visibility().to_string()),
        None => (None, "public".to_string()),
    };
    let mut last_status: Option<u16> = None;
    loop {
        let remote = mastodon_variant(&mut post)
            .and_then(|v| v.remote.clone())
            .unwrap_or_default();
        let n = remote.ids.len();
        if n >= parts.len() {
            break;
        }
        let no_media: Vec<String> = vec![];
        let key = remote.key_for_part(n);
        let status = NewStatus {
            text: &parts[n],
            media_ids: if n == 0 { &media_ids } else { &no_media },
            spoiler_text: &spoiler,
            language: language.as_deref(),
            in_reply_to_id: remote.ids.last().or(answers.as_ref()).map(String::as_str),
            visibility: &visibility,
            scheduled_at: None,
            idempotency_key: &key,
        };
        let found = if let Some(since) = check_since {
            let parent = remote.ids.last().or(answers.as_ref()).map(String::as_str);
            match find_sent(db, &post.id, &account, &parts[n], parent, since).await {
                Ok(found) => found,
                Err(p) => return stop(db, post, p).await,
            }
        } else {
            None
        };
        let posted = match found {
            Some(s) => Some(Posted::Now(Box::new(s))),
            None => {
                let r = match call(
                    &api::post_status(&account.instance, &account.token, &status),
                    None,
                )
                .await
                {
                    Ok(r) => r,
                    Err(o) => return stop(db, post, problem(o)).await,
                };
                Posted::parse(&r.text).or_else(|| {
                    // An unreadable answer: say what the server said.
                    last_status.replace(r.status);
                    None
                })
            }
        };
        let Some(Posted::Now(s)) = posted else {
            return stop(
                db,
                post,
                SendProblem::Rejected {
                    message: format!("HTTP {}", last_status.unwrap_or(0)),
                },
            )
            .await;
        };
        let url = s.link().to_string();
        store::accounts::remember_sent(db, &account.id, &s.id, &post.id).await?;
        if let Some(v) = mastodon_variant(&mut post) {
            let rem = v.remote.get_or_insert_with(RemoteSend::default);
            rem.ids.push(s.id.clone());
            if n == 0 {
                v.published = Some(crate::domain::post::Publication { at: now_ms(), url });
            }
        }
        store::posts::put_send(db, &post).await?;
    }
    let url = post
        .variants
        .iter()
        .find(|v| v.network == Network::Mastodon)
        .and_then(|v| v.published.as_ref())
        .map(|p| p.url.clone())
        .unwrap_or_default();
    post.mark_published(Network::Mastodon, &url, "app", now_ms())
        .map_err(|_| PublishError::NoPost)?;
    store::posts::put_send(db, &post).await?;
    Ok(Sent::Published(url))
}

/// Hands a scheduled post to the server, which publishes it at `due_at` even with this
/// laptop closed. A post already held is moved there instead.
pub async fn hold(db: &Db, post_id: &str) -> Result<Sent, PublishError> {
    let (mut post, account) = prepare(db, post_id).await?;
    let Some(due) = post.due_at else {
        return Err(PublishError::NoPost);
    };
    store::posts::put_send(db, &post).await?;
    let held = mastodon_variant(&mut post).and_then(|v| v.remote.as_ref()?.held_id.clone());
    // Edited since the server took it: Mastodon cannot change a held status's words, so the
    // held one is cancelled and the post handed over again (under a new idempotency key, or
    // the server would answer with the old status; images again, for their alt text).
    // Only while the server could take it again (one status, ≥ 5 minutes ahead): otherwise
    // the earlier version stays held rather than nothing.
    let replace =
        post.held_is_stale(Network::Mastodon) && post.can_be_held(Network::Mastodon, now_ms());
    if let (Some(id), true) = (&held, replace) {
        match call(
            &api::cancel_scheduled(&account.instance, &account.token, id),
            None,
        )
        .await
        {
            Ok(_) | Err(Outcome::Rejected { .. }) => {}
            Err(o) => return stop(db, post, problem(o)).await,
        }
        if let Some(v) = mastodon_variant(&mut post) {
            v.remote = Some(RemoteSend::new(new_id(), account.id.clone()));
        }
        store::posts::put_send(db, &post).await?;
    } else if let Some(id) = held {
        let req = api::reschedule(&account.instance, &account.token, &id, &iso_time(due));
        return match call(&req, None).await {
            Ok(_) => {
                store::posts::put_send(db, &post).await?;
                Ok(Sent::Held)
            }
            Err(o) => stop(db, post, problem(o)).await,
        };
    }
    let media_ids = match upload_media(db, &mut post, &account).await {
        Ok(ids) => ids,
        Err(p) => return stop(db, post, p).await,
    };
    store::posts::put_send(db, &post).await?;
    let v = post
        .variants
        .iter()
        .find(|v| v.network == Network::Mastodon)
        .ok_or(PublishError::NoPost)?;
    let remote = v.remote.clone().unwrap_or_default();
    let at = iso_time(due);
    let status = NewStatus {
        text: post.text_for(v),
        media_ids: &media_ids,
        spoiler_text: &v.content_warning,
        language: v.language.as_deref(),
        in_reply_to_id: post.reply_to.as_ref().map(|r| r.parent.as_str()),
        visibility: post
            .reply_to
            .as_ref()
            .map_or("public", |r| r.mastodon_visibility()),
        scheduled_at: Some(&at),
        idempotency_key: &remote.key,
    };
    let req = api::post_status(&account.instance, &account.token, &status);
    let r = match call(&req, None).await {
        Ok(r) => r,
        Err(o) => return stop(db, post, problem(o)).await,
    };
    match Posted::parse(&r.text) {
        Some(Posted::Held(s)) => {
            let version = post.content_version(Network::Mastodon);
            if let Some(v) = mastodon_variant(&mut post) {
                let remote = v.remote.get_or_insert_with(RemoteSend::default);
                remote.held_id = Some(s.id);
                remote.held_version = version;
            }
            store::posts::put_send(db, &post).await?;
            Ok(Sent::Held)
        }
        _ => {
            stop(
                db,
                post,
                SendProblem::Rejected {
                    message: format!("HTTP {}", r.status),
                },
            )
            .await
        }
    }
}

/// Saves a post whose due time was set or changed, and keeps the server in step: a post it
/// already holds is moved there; one it could hold (one status, ≥ 5 min ahead) is handed to
/// the workspace's Mastodon account when there is one. Saved as an edit made in this tab
/// (refused when another tab changed the post since this copy). `Ok(None)`: kept here only.
pub async fn save_schedule(db: &Db, post: &Post) -> Result<Option<Sent>, PublishError> {
    // as the composer saves: refused when another tab changed the post since this copy
    crate::services::posts::save_edit(db, post).await?;
    let held = post.held_by_server(Network::Mastodon);
    let can = post.can_be_held(Network::Mastodon, now_ms());
    let hand_over = can && account_for(db, &post.workspace_id).await?.is_some();
    if !(held || hand_over) {
        return Ok(None);
    }
    hold(db, &post.id).await.map(Some)
}

/// Tells the server to drop the status it holds for this post (the post is kept here).
pub async fn release(db: &Db, post_id: &str) -> Result<(), PublishError> {
    let (mut post, account) = prepare(db, post_id).await?;
    let held = mastodon_variant(&mut post).and_then(|v| v.remote.as_ref()?.held_id.clone());
    let Some(id) = held else { return Ok(()) };
    match call(
        &api::cancel_scheduled(&account.instance, &account.token, &id),
        None,
    )
    .await
    {
        Ok(_) => {}
        // Already gone there: nothing left to cancel.
        Err(Outcome::Rejected { .. }) => {}
        Err(o) => return stop(db, post, problem(o)).await,
    }
    if let Some(v) = mastodon_variant(&mut post) {
        v.remote = None;
    }
    store::posts::put_send(db, &post).await?;
    Ok(())
}

/// The workspace's scheduled posts the Mastodon server could hold and does not hold yet
/// (one status, due at least 5 minutes ahead): offered to the server when an account
/// connects, so they go out even while Attaché is closed.
pub async fn holdable(db: &Db, workspace_id: &str) -> Result<Vec<Post>, StoreError> {
    let now = now_ms();
    Ok(store::posts::due_between(db, workspace_id, now, f64::MAX)
        .await?
        .into_iter()
        .filter(|p| {
            p.state == PostState::Scheduled
                && p.can_be_held(Network::Mastodon, now)
                && !p.held_by_server(Network::Mastodon)
        })
        .collect())
}

/// What handing several posts to the server gave.
#[derive(Debug, Default)]
pub struct HeldAll {
    pub held: usize,
    /// The first reason a post was not taken, if any was not (the rest were still tried).
    pub problem: Option<PublishError>,
    pub not_held: usize,
}

/// Hands each of the workspace's holdable posts to its Mastodon account, one after the other.
pub async fn hold_all(db: &Db, workspace_id: &str) -> Result<HeldAll, StoreError> {
    let mut out = HeldAll::default();
    for post in holdable(db, workspace_id).await? {
        match hold(db, &post.id).await {
            Ok(_) => out.held += 1,
            Err(e) => {
                out.not_held += 1;
                out.problem.get_or_insert(e);
            }
        }
    }
    Ok(out)
}
