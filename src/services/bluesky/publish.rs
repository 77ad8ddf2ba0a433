//! Sending a post's Bluesky variant now: images uploaded (reduced under 1,000,000 bytes, with
//! their alt text and aspect ratio), then every thread part as a record whose key (a TID) was
//! chosen when the send was decided and saved with the post. Each request is tried once; the
//! outbox retries the attempt with the same keys, and after an unanswered write it asks the
//! PDS (`getRecord`) before writing again: the post exists once, whatever the network did.
//! Bluesky holds nothing for later, so a scheduled post goes out from this app at its time
//! (the outbox).

use serde_json::{json, Value};

use crate::domain::account::{Account, AccountStatus};
use crate::domain::facets::{self, FacetKind};
use crate::domain::network::Network;
use crate::domain::post::{Post, PostState, Publication, RemoteSend, SendProblem, Variant, ME};
use crate::domain::reply_to::ReplyTo;
use crate::platforms::bluesky::entities::{
    web_url, RecordRef, ResolvedHandle, StoredRecord, Uploaded,
};
use crate::platforms::bluesky::record::{post_record, Image, NewPost, Reply};
use crate::platforms::bluesky::{xrpc, POST_COLLECTION};
use crate::platforms::timing::iso_time;
use crate::services::clock::{new_tid, now_ms};
use crate::services::images;
use crate::services::sending::{problem, PublishError, Sent};
use crate::store::{self, Db};

use super::session::{self, account_for};

/// Bluesky refuses images over this many bytes.
pub const MAX_IMAGE_BYTES: u64 = 1_000_000;

fn variant(post: &mut Post) -> Option<&mut Variant> {
    post.variants
        .iter_mut()
        .find(|v| v.network == Network::Bluesky)
}

/// Keeps `problem` on the post, then stops (the outbox changes the post's state).
async fn stop<T>(db: &Db, mut post: Post, problem: SendProblem) -> Result<T, PublishError> {
    if let Some(v) = variant(&mut post) {
        v.remote.get_or_insert_with(RemoteSend::default).problem = Some(problem.clone());
    }
    post.updated_at = now_ms();
    store::posts::put_send(db, &post).await?;
    Err(PublishError::Stopped(problem))
}

/// The texts of the variant's parts, in thread order.
fn parts(post: &Post) -> Option<Vec<String>> {
    let v = post
        .variants
        .iter()
        .find(|v| v.network == Network::Bluesky)?;
    Some(
        std::iter::once(post.text_for(v).to_string())
            .chain(v.thread.iter().filter(|t| !t.trim().is_empty()).cloned())
            .collect(),
    )
}

/// Loads the post and the account, and makes the send durable before any request: one
/// record key per part, chosen once (by the outbox when it decided the send, or here) and
/// saved with the post.
async fn prepare(db: &Db, post_id: &str) -> Result<(Post, Account), PublishError> {
    let mut post = store::posts::get(db, post_id)
        .await?
        .ok_or(PublishError::NoPost)?;
    let count = parts(&post).ok_or(PublishError::NoPost)?.len();
    let Some(account) = account_for(db, &post.workspace_id).await? else {
        return stop(db, post, SendProblem::NoAccount).await;
    };
    if account.status == AccountStatus::ReconnectNeeded {
        return stop(db, post, SendProblem::Reconnect).await;
    }
    let v = variant(&mut post).ok_or(PublishError::NoPost)?;
    let remote = v
        .remote
        .get_or_insert_with(|| RemoteSend::new(String::new(), account.id.clone()));
    if remote.account_id.is_empty() {
        remote.account_id = account.id.clone();
    }
    while remote.rkeys.len() < count {
        remote.rkeys.push(new_tid());
    }
    if remote.key.is_empty() {
        remote.key = remote.rkeys[0].clone();
    }
    remote.problem = None;
    store::posts::put_send(db, &post).await?;
    Ok((post, account))
}

/// Uploads the images not uploaded yet (saving after each) and gives them back in order.
async fn upload_images(
    db: &Db,
    post: &mut Post,
    account: &mut Account,
) -> Result<Vec<Image>, SendProblem> {
    let media = variant(post).map(|v| v.media.clone()).unwrap_or_default();
    let mut out = vec![];
    for m in media.iter().take(4) {
        let done = variant(post)
            .and_then(|v| v.remote.as_ref())
            .and_then(|r| r.media.iter().find(|(ours, _)| ours == &m.id))
            .and_then(|(_, theirs)| serde_json::from_str::<Value>(theirs).ok());
        if let Some(saved) = done {
            out.push(Image {
                blob: saved["blob"].clone(),
                alt: m.alt.clone(),
                aspect: saved["w"]
                    .as_u64()
                    .zip(saved["h"].as_u64())
                    .map(|(w, h)| (w as u32, h as u32)),
            });
            continue;
        }
        let missing = || SendProblem::Rejected {
            message: "image missing on this device".into(),
        };
        let mut blob = store::posts::get_media(db, &m.id)
            .await
            .ok()
            .flatten()
            .ok_or_else(missing)?;
        let mut mime = m.mime.clone();
        if blob.size() as u64 > MAX_IMAGE_BYTES {
            blob = images::downscale(&blob, MAX_IMAGE_BYTES)
                .await
                .map_err(|_| SendProblem::Rejected {
                    message: "image too large (over 1,000,000 bytes) and could not be reduced"
                        .into(),
                })?;
            mime = "image/jpeg".into();
        }
        let aspect = images::dimensions(&blob).await;
        let name = m.id.clone();
        let pds = account.instance.clone();
        let r = session::call(
            db,
            account,
            &|token| xrpc::upload_blob(&pds, token, &mime),
            Some((&blob, &name)),
        )
        .await
        .map_err(problem)?;
        let up: Uploaded = serde_json::from_str(&r.text).map_err(|_| SendProblem::Rejected {
            message: format!("HTTP {}", r.status),
        })?;
        let saved = json!({ "blob": up.blob, "w": aspect.map(|a| a.0), "h": aspect.map(|a| a.1) });
        if let Some(v) = variant(post) {
            v.remote
                .get_or_insert_with(RemoteSend::default)
                .media
                .push((m.id.clone(), saved.to_string()));
        }
        let _ = store::posts::put_send(db, post).await;
        out.push(Image {
            blob: up.blob,
            alt: m.alt.clone(),
            aspect,
        });
    }
    Ok(out)
}

/// The DIDs of the handles mentioned in `texts`; a handle that does not resolve is left
/// out (its mention stays plain text).
async fn resolve_mentions(pds: &str, texts: &[String]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![];
    for text in texts {
        for f in facets::detect(text) {
            let FacetKind::Mention { handle } = f.kind else {
                continue;
            };
            if out.iter().any(|(h, _)| h == &handle) {
                continue;
            }
            if let Ok(r) = session::call_public(&xrpc::resolve_handle(pds, &handle)).await {
                if let Ok(d) = serde_json::from_str::<ResolvedHandle>(&r.text) {
                    if r.ok() {
                        out.push((handle, d.did));
                    }
                }
            }
        }
    }
    out
}

/// Writes one record under `rkey`, one try: when an earlier attempt may have written it
/// unseen (`uncertain`), the PDS is asked first (`getRecord`) and a record found there is
/// taken. A try that fails goes back to the outbox, which asks first on its next attempt.
async fn write_once(
    db: &Db,
    account: &mut Account,
    rkey: &str,
    record: &Value,
    uncertain: bool,
) -> Result<RecordRef, SendProblem> {
    let (pds, did) = (account.instance.clone(), account.remote_id.clone());
    if uncertain {
        let r = session::call_public(&xrpc::get_record(&pds, &did, POST_COLLECTION, rkey))
            .await
            .map_err(problem)?;
        if r.ok() {
            if let Ok(StoredRecord {
                uri,
                cid: Some(cid),
                ..
            }) = serde_json::from_str(&r.text)
            {
                return Ok(RecordRef { uri, cid });
            }
        }
        // Not there: write it.
    }
    let build = |token: &str| xrpc::create_record(&pds, token, &did, POST_COLLECTION, rkey, record);
    let r = session::call(db, account, &build, None)
        .await
        .map_err(problem)?;
    serde_json::from_str::<RecordRef>(&r.text).map_err(|_| SendProblem::Rejected {
        message: format!("HTTP {}", r.status),
    })
}

/// The reply refs of thread part `n`: the part before it as parent (the message answered,
/// for a reply's first part), and the thread's root (the answered thread's, for a reply; else
/// our first part). None for a first part that answers nothing.
fn reply_refs(answers: Option<&ReplyTo>, remote: &RemoteSend, n: usize) -> Option<Reply> {
    let root = match answers {
        Some(r) if r.root.is_empty() => RecordRef {
            uri: r.parent.clone(),
            cid: r.parent_cid.clone(),
        },
        Some(r) => RecordRef {
            uri: r.root.clone(),
            cid: r.root_cid.clone(),
        },
        None if n > 0 => RecordRef {
            uri: remote.ids[0].clone(),
            cid: remote.cids[0].clone(),
        },
        None => return None,
    };
    let parent = match (n, answers) {
        (0, Some(r)) => RecordRef {
            uri: r.parent.clone(),
            cid: r.parent_cid.clone(),
        },
        _ => RecordRef {
            uri: remote.ids[n - 1].clone(),
            cid: remote.cids[n - 1].clone(),
        },
    };
    Some(Reply { root, parent })
}

/// Publishes the post's Bluesky variant now (its thread too). With `check_first` (an
/// earlier attempt may have gone through unseen), each part's key is looked up on the PDS
/// before it is written.
pub async fn publish_now(db: &Db, post_id: &str, check_first: bool) -> Result<Sent, PublishError> {
    let (mut post, mut account) = prepare(db, post_id).await?;
    let under_way = check_first;
    if post.state != PostState::Publishing {
        post.transition(PostState::Publishing, ME, now_ms())
            .map_err(|_| PublishError::NoPost)?;
    }
    store::posts::put_send(db, &post).await?;
    let images = match upload_images(db, &mut post, &mut account).await {
        Ok(i) => i,
        Err(p) => return stop(db, post, p).await,
    };
    let texts = parts(&post).ok_or(PublishError::NoPost)?;
    let dids = resolve_mentions(&account.instance, &texts).await;
    let (langs, card) = {
        let v = variant(&mut post).ok_or(PublishError::NoPost)?;
        (
            v.language.clone().into_iter().collect::<Vec<_>>(),
            v.link_card.clone(),
        )
    };
    let handle = account.handle.trim_start_matches('@').to_string();
    // A quote of a Bluesky post (a listening find) goes with the first part.
    let quote = post
        .quote
        .clone()
        .filter(|q| q.uri.starts_with("at://") && !q.cid.is_empty());
    loop {
        let remote = variant(&mut post)
            .and_then(|v| v.remote.clone())
            .unwrap_or_default();
        let n = remote.ids.len();
        if n >= texts.len() {
            break;
        }
        let reply = reply_refs(post.reply_to.as_ref(), &remote, n);
        let detected = facets::detect(&texts[n]);
        let created_at = iso_time(now_ms());
        let record = post_record(&NewPost {
            text: &texts[n],
            facets: &detected,
            dids: &dids,
            langs: &langs,
            created_at: &created_at,
            reply,
            images: if n == 0 { &images } else { &[] },
            card: if n == 0 { card.as_ref() } else { None },
            quote: quote
                .as_ref()
                .filter(|_| n == 0)
                .map(|q| (q.uri.as_str(), q.cid.as_str())),
        });
        let written = write_once(db, &mut account, &remote.rkeys[n], &record, under_way).await;
        let done = match written {
            Ok(r) => r,
            Err(p) => return stop(db, post, p).await,
        };
        store::accounts::remember_sent(db, &account.id, &done.uri, &post.id).await?;
        if let Some(v) = variant(&mut post) {
            let rem = v.remote.get_or_insert_with(RemoteSend::default);
            rem.ids.push(done.uri.clone());
            rem.cids.push(done.cid.clone());
            if n == 0 {
                v.published = Some(Publication {
                    at: now_ms(),
                    url: web_url(&handle, &done.uri),
                });
            }
        }
        store::posts::put_send(db, &post).await?;
    }
    let url = variant(&mut post)
        .and_then(|v| v.published.as_ref())
        .map(|p| p.url.clone())
        .unwrap_or_default();
    post.mark_published(Network::Bluesky, &url, "app", now_ms())
        .map_err(|_| PublishError::NoPost)?;
    store::posts::put_send(db, &post).await?;
    Ok(Sent::Published(url))
}
