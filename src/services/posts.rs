//! The composer's changes to a post: a new post (its id and time chosen here), saves of
//! the text as typed (the autosave, which also remembers the post being edited) or as edited (keeping what the senders recorded, `store::posts::put_edit`),
//! life-cycle moves and comments by this device's user, publishing by hand recorded, and
//! images added or removed. Sending to a network goes through `services/outbox.rs`.

use web_sys::Blob;

use crate::domain::network::Network;
use crate::domain::post::{due_is_ahead, Comment, IllegalTransition, Post, PostState, Variant, ME};
use crate::store::{self, Db, StoreError};

use super::clock::{new_id, now_ms};
use super::undo::Deleted;

/// Why a change to a post was not made.
#[derive(Debug, Clone, PartialEq)]
pub enum PostChangeError {
    /// The post's life cycle does not allow it (nothing was saved).
    NotAllowed,
    /// The time chosen has passed: a post is scheduled or moved only ahead.
    InThePast,
    Store(StoreError),
}

impl From<StoreError> for PostChangeError {
    fn from(e: StoreError) -> Self {
        PostChangeError::Store(e)
    }
}

impl From<IllegalTransition> for PostChangeError {
    fn from(_: IllegalTransition) -> Self {
        PostChangeError::NotAllowed
    }
}

/// A new, unsaved post of the workspace going to `networks`, each variant in the language
/// `lang` (a BCP 47 tag) until the user says otherwise.
pub fn fresh(workspace_id: &str, networks: &[Network], lang: &str) -> Post {
    let mut p = Post::new(new_id(), workspace_id.to_string(), now_ms());
    p.variants = networks
        .iter()
        .map(|n| Variant {
            language: Some(lang.to_string()),
            ..Variant::new(*n)
        })
        .collect();
    p
}

/// A new draft with `text`, saved (the first run's last step).
pub async fn create_draft(
    db: &Db,
    workspace_id: &str,
    networks: &[Network],
    lang: &str,
    text: &str,
) -> Result<Post, StoreError> {
    let mut post = fresh(workspace_id, networks, lang);
    post.base_text = text.to_string();
    store::posts::put(db, &post).await?;
    Ok(post)
}

/// Saves the post as edited now, in this tab; what the senders recorded in the meantime is
/// kept. Refused (`StoreError::EditedElsewhere`) when another tab saved the post since this
/// copy was read. Returns the post as saved (with the time of the change and its version).
pub async fn save_edit(db: &Db, post: &Post) -> Result<Post, StoreError> {
    store::posts::put_edit(db, &edited_here(post)).await
}

/// Saves the post as the user types it (the composer's autosave), and marks it as the
/// post the composer is editing in its workspace, so the composer reopens it. Refused as
/// `save_edit` is. Returns the post as saved.
pub async fn autosave(db: &Db, post: &Post) -> Result<Post, StoreError> {
    store::posts::put_edit_editing(db, &edited_here(post)).await
}

/// Keeps this tab's copy over what another tab saved: the copy becomes an edit of the
/// stored version, then is saved as the autosave saves. Returns the post as saved.
pub async fn keep_mine(db: &Db, post: &Post) -> Result<Post, StoreError> {
    let mut p = post.clone();
    if let Some(stored) = store::posts::get(db, &post.id).await? {
        p.version = stored.version;
    }
    autosave(db, &p).await
}

/// The copy as this tab saves it now.
fn edited_here(post: &Post) -> Post {
    let mut p = post.clone();
    p.updated_at = now_ms();
    p.edited_in = Some(super::tabs::this_tab());
    p
}

/// The post the composer was editing in the workspace, while it is still work in progress
/// (a draft, in review or approved); `None` once it was scheduled, sent or deleted.
pub async fn editing(db: &Db, workspace_id: &str) -> Result<Option<Post>, StoreError> {
    let Some(id) = store::posts::editing(db, workspace_id).await? else {
        return Ok(None);
    };
    Ok(store::posts::get(db, &id)
        .await?
        .filter(|p| p.workspace_id == workspace_id && p.is_in_progress()))
}

/// Deletes the post, its images and its outbox rows, when the post allows it
/// (`Post::is_deletable`); what was taken out comes back with [`super::undo::put_back`].
pub async fn delete(db: &Db, post: &Post) -> Result<Deleted, PostChangeError> {
    // Checked on the stored post, in the deleting transaction: the copy on screen may be
    // older than a send that started since.
    match store::posts::delete_if(db, &post.id, Post::is_deletable).await? {
        Some(kept) => Ok(Deleted::new(kept)),
        None => Err(PostChangeError::NotAllowed),
    }
}

/// The user started a new post: the composer no longer reopens the one it was editing.
pub async fn stop_editing(db: &Db, workspace_id: &str) -> Result<(), StoreError> {
    store::posts::stop_editing(db, workspace_id).await
}

/// Moves the post to `to` (review, approval, back to draft…) as this device's user, and
/// saves it.
pub async fn transition(db: &Db, post: &Post, to: PostState) -> Result<Post, PostChangeError> {
    let mut p = post.clone();
    p.transition(to, ME, now_ms())?;
    Ok(save_edit(db, &p).await?)
}

/// The post scheduled for `at` (UTC ms), not saved yet: the schedule is saved by
/// `services::mastodon::publish::save_schedule`, which also hands it to a server.
pub fn scheduled(post: &Post, at: f64) -> Result<Post, PostChangeError> {
    if !due_is_ahead(at, now_ms()) {
        return Err(PostChangeError::InThePast);
    }
    let mut p = post.clone();
    if p.state != PostState::Scheduled {
        p.transition(PostState::Scheduled, ME, now_ms())?;
    }
    p.due_at = Some(at);
    p.updated_at = now_ms();
    Ok(p)
}

/// The post moved to `due` (UTC ms), not saved yet (`save_schedule` saves it); refused
/// when that time has passed.
pub fn moved(post: &Post, due: f64) -> Result<Post, PostChangeError> {
    if !due_is_ahead(due, now_ms()) {
        return Err(PostChangeError::InThePast);
    }
    let mut p = post.clone();
    p.due_at = Some(due);
    p.updated_at = now_ms();
    Ok(p)
}

/// Adds this device's user's comment to the post and saves it.
pub async fn add_comment(db: &Db, post: &Post, text: &str) -> Result<Post, StoreError> {
    let mut p = post.clone();
    p.comments.push(Comment {
        by: ME.into(),
        at: now_ms(),
        text: text.to_string(),
    });
    save_edit(db, &p).await
}

/// Records that the user published the post by hand on `network` at `url`, and saves it.
pub async fn mark_published(
    db: &Db,
    post: &Post,
    network: Network,
    url: &str,
) -> Result<Post, PostChangeError> {
    let mut p = post.clone();
    p.mark_published(network, url, ME, now_ms())?;
    Ok(save_edit(db, &p).await?)
}

/// Keeps an image for the post; returns its id.
pub async fn add_image(db: &Db, post_id: &str, image: &Blob) -> Result<String, StoreError> {
    let id = new_id();
    store::posts::put_media(db, &id, post_id, image).await?;
    Ok(id)
}

/// Removes one of the post's images.
pub async fn remove_image(db: &Db, id: &str) -> Result<(), StoreError> {
    store::posts::delete_media(db, id).await
}
