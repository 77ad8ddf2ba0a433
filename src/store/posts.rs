//! The posts repository, and the media Blobs that belong to posts. A post and its media
//! are deleted together, in one transaction.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use crate::domain::post::Post;

use super::idb::{request, Durability, Tx};
use super::records::{self, Page};
use super::schema::{
    MEDIA, MEDIA_BY_POST, OUTBOX, POSTS, POSTS_BY_DUE, POSTS_BY_WORKSPACE, SETTINGS,
};
use super::set_aside::{take, take_in_index, SetAside};
use super::{Db, StoreError};

pub async fn put(db: &Db, post: &Post) -> Result<(), StoreError> {
    records::put_one(db, POSTS, post).await
}

/// A sender's record on its copy of a post (state, history, sends, publications), brought
/// onto the stored post in one strict transaction (`Post::with_sends_of`): what a person
/// changed in another tab since the sender read its copy stays. A post no longer stored is
/// written as the sender has it (its sends are not forgotten).
pub async fn put_send(db: &Db, post: &Post) -> Result<(), StoreError> {
    put_sender_copy(db, post, false).await
}

/// `put_send`, and the due time the server moved the post to.
pub async fn put_server_due(db: &Db, post: &Post) -> Result<(), StoreError> {
    put_sender_copy(db, post, true).await
}

/// The post `id` as stored, read in the caller's transaction.
async fn stored_post(
    store: &web_sys::IdbObjectStore,
    id: &str,
) -> Result<Option<Post>, StoreError> {
    let stored = request(&store.get(&id.into()).map_err(StoreError::from_js)?).await?;
    if stored.is_undefined() {
        Ok(None)
    } else {
        super::codec::from_js(&stored).map(Some)
    }
}

async fn put_sender_copy(db: &Db, post: &Post, due: bool) -> Result<(), StoreError> {
    use super::codec::to_stored;
    let tx = Tx::write(db.raw(), &[POSTS], Durability::Strict)?;
    let store = tx.store(POSTS)?;
    let merged = match stored_post(&store, &post.id).await? {
        None => post.clone(),
        Some(stored) => stored.with_sends_of(post, due),
    };
    store
        .put(&to_stored(&merged)?)
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

/// Saves the composer's copy of a post without undoing what the senders recorded since it
/// was read: each variant keeps the stored send (`remote`) and publication, and a post the
/// outbox is publishing or published in the store, or that the copy says is publishing, keeps
/// its stored state and history. One strict transaction, so a send recorded meanwhile is
/// never overwritten by an older copy. A copy edited from a version another tab has changed
/// since is refused (`StoreError::EditedElsewhere`, nothing written); otherwise the post is
/// written one version up. Returns the copy with the version written.
pub async fn put_edit(db: &Db, post: &Post) -> Result<Post, StoreError> {
    put_edit_with(db, post, false).await
}

/// `put_edit`, and the post marked as the one the composer is editing in its workspace
/// (`editing`), in the same transaction.
pub async fn put_edit_editing(db: &Db, post: &Post) -> Result<Post, StoreError> {
    put_edit_with(db, post, true).await
}

fn editing_key(workspace_id: &str) -> String {
    format!("composer-editing:{workspace_id}")
}

/// The id of the post the composer was last editing in the workspace, if any.
pub async fn editing(db: &Db, workspace_id: &str) -> Result<Option<String>, StoreError> {
    records::get(db, SETTINGS, &editing_key(workspace_id).into()).await
}

/// The composer edits no saved post in the workspace any more (a new post was started).
pub async fn stop_editing(db: &Db, workspace_id: &str) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SETTINGS], Durability::Strict)?;
    tx.store(SETTINGS)?
        .delete(&editing_key(workspace_id).into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

async fn put_edit_with(db: &Db, post: &Post, editing: bool) -> Result<Post, StoreError> {
    use super::codec::{to_js, to_stored};
    use crate::domain::post::PostState;
    let stores: &[&str] = if editing {
        &[POSTS, SETTINGS]
    } else {
        &[POSTS]
    };
    let tx = Tx::write(db.raw(), stores, Durability::Strict)?;
    let store = tx.store(POSTS)?;
    let mut merged = post.clone();
    if let Some(stored) = stored_post(&store, &post.id).await? {
        for v in merged.variants.iter_mut() {
            if let Some(old) = stored.variants.iter().find(|o| o.network == v.network) {
                if old.remote.is_some() {
                    v.remote = old.remote.clone();
                }
                if old.published.is_some() {
                    v.published = old.published.clone();
                }
            }
        }
        // Only the outbox moves a post into or out of publishing: a copy that says otherwise
        // is older than the store.
        // (publishing by hand goes through "publishing" to "published" within one save).
        let sending = |s: PostState| matches!(s, PostState::Publishing | PostState::Published);
        if sending(stored.state) || merged.state == PostState::Publishing {
            merged.state = stored.state;
            merged.history = stored.history.clone();
        }
        if merged.edited_elsewhere(&stored) {
            // Nothing was written: the transaction ends as it began.
            tx.finish().await?;
            return Err(StoreError::EditedElsewhere);
        }
        merged.version = merged.version.max(stored.version);
    }
    merged.version += 1;
    store
        .put(&to_stored(&merged)?)
        .map_err(StoreError::from_js)?;
    if editing {
        tx.store(SETTINGS)?
            .put_with_key(&to_js(&post.id)?, &editing_key(&post.workspace_id).into())
            .map_err(StoreError::from_js)?;
    }
    tx.commit().await?;
    Ok(Post {
        version: merged.version,
        ..post.clone()
    })
}

pub async fn get(db: &Db, id: &str) -> Result<Option<Post>, StoreError> {
    records::get(db, POSTS, &id.into()).await
}

/// The posts of a workspace due in `[from, to)` (UTC milliseconds), by due time: what one
/// month or week of the calendar shows, read through the `by_due` index.
pub async fn due_between(
    db: &Db,
    workspace_id: &str,
    from: f64,
    to: f64,
) -> Result<Vec<Post>, StoreError> {
    let lower = js_sys::Array::of2(&workspace_id.into(), &from.into());
    let upper = js_sys::Array::of2(&workspace_id.into(), &to.into());
    let range =
        web_sys::IdbKeyRange::bound_with_lower_open_and_upper_open(&lower, &upper, false, true)
            .map_err(StoreError::from_js)?;
    Ok(
        records::page(db, POSTS, POSTS_BY_DUE, &range.into(), u32::MAX)
            .await?
            .items,
    )
}

/// Up to `limit` posts of a workspace, least recently changed first, and how many there are.
pub async fn for_workspace(
    db: &Db,
    workspace_id: &str,
    limit: u32,
) -> Result<Page<Post>, StoreError> {
    records::page(
        db,
        POSTS,
        POSTS_BY_WORKSPACE,
        &records::prefix_range(workspace_id)?,
        limit,
    )
    .await
}

/// The posts of a workspace changed since `since` (UTC ms), oldest change first: a post's
/// publication changes it, so this finds the recent publications without reading the rest.
pub async fn changed_since(
    db: &Db,
    workspace_id: &str,
    since: f64,
) -> Result<Vec<Post>, StoreError> {
    let lower = js_sys::Array::of2(&workspace_id.into(), &since.into());
    let upper = js_sys::Array::of2(&workspace_id.into(), &f64::INFINITY.into());
    let range = web_sys::IdbKeyRange::bound(&lower, &upper).map_err(StoreError::from_js)?;
    Ok(
        records::page(db, POSTS, POSTS_BY_WORKSPACE, &range.into(), u32::MAX)
            .await?
            .items,
    )
}

/// Stores an image's bytes for `post_id`. The Blob goes in as a Blob (no copy to JSON).
pub async fn put_media(db: &Db, id: &str, post_id: &str, blob: &Blob) -> Result<(), StoreError> {
    let record = Object::new();
    for (k, v) in [
        ("id", JsValue::from_str(id)),
        ("post_id", post_id.into()),
        ("blob", blob.into()),
    ] {
        Reflect::set(&record, &k.into(), &v).map_err(StoreError::from_js)?;
    }
    let tx = Tx::write(db.raw(), &[MEDIA], Durability::Strict)?;
    tx.store(MEDIA)?.put(&record).map_err(StoreError::from_js)?;
    tx.commit().await
}

pub async fn get_media(db: &Db, id: &str) -> Result<Option<Blob>, StoreError> {
    let tx = Tx::read(db.raw(), &[MEDIA])?;
    let req = tx
        .store(MEDIA)?
        .get(&id.into())
        .map_err(StoreError::from_js)?;
    let value = request(&req).await?;
    tx.finish().await?;
    if value.is_undefined() {
        return Ok(None);
    }
    let blob = Reflect::get(&value, &"blob".into()).map_err(StoreError::from_js)?;
    blob.dyn_into::<Blob>()
        .map(Some)
        .map_err(|_| StoreError::Corrupt(format!("media {id} has no image")))
}

/// How many media records belong to `post_id`.
pub async fn media_count(db: &Db, post_id: &str) -> Result<u32, StoreError> {
    let tx = Tx::read(db.raw(), &[MEDIA])?;
    let idx = tx
        .store(MEDIA)?
        .index(MEDIA_BY_POST)
        .map_err(StoreError::from_js)?;
    let n = request(
        &idx.count_with_key(&post_id.into())
            .map_err(StoreError::from_js)?,
    )
    .await?;
    tx.finish().await?;
    Ok(n.as_f64().unwrap_or(0.0) as u32)
}

/// Deletes one image (removed from its post).
pub async fn delete_media(db: &Db, id: &str) -> Result<(), StoreError> {
    records::delete(db, MEDIA, &id.into()).await
}

/// Deletes a post, every image it holds and its outbox rows, in one transaction; what was
/// taken out is returned so the deletion can be undone ([`super::set_aside::put_back`]).
pub async fn delete(db: &Db, id: &str) -> Result<SetAside, StoreError> {
    Ok(delete_if(db, id, |_| true).await?.unwrap_or_default())
}

/// [`delete`], only if the post, read in the same transaction, is still `allowed` (a send
/// that started meanwhile changes its state); `None`: not there or not allowed, nothing
/// deleted.
pub async fn delete_if(
    db: &Db,
    id: &str,
    allowed: impl Fn(&Post) -> bool,
) -> Result<Option<SetAside>, StoreError> {
    use super::codec::from_js;
    let tx = Tx::write(db.raw(), &[POSTS, MEDIA, OUTBOX], Durability::Strict)?;
    let value = request(
        &tx.store(POSTS)?
            .get(&id.into())
            .map_err(StoreError::from_js)?,
    )
    .await?;
    if value.is_undefined() || !allowed(&from_js::<Post>(&value)?) {
        tx.finish().await?;
        return Ok(None);
    }
    let mut kept = SetAside::default();
    super::outbox::take_for_post(&tx, id, &mut kept).await?;
    take(&tx, POSTS, &id.into(), &mut kept).await?;
    take_in_index(&tx, MEDIA, MEDIA_BY_POST, &id.into(), &mut kept).await?;
    tx.commit().await?;
    Ok(Some(kept))
}

/// Writes several posts in one strict transaction (all or none).
pub async fn put_many(db: &Db, posts: &[Post]) -> Result<(), StoreError> {
    records::put_all(db, POSTS, posts, Durability::Strict).await
}
