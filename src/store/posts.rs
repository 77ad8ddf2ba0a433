//! The posts repository, and the media Blobs that belong to posts. A post and its media
//! are deleted together, in one transaction.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use crate::domain::post::Post;

use super::codec::{from_js, to_js};
use super::idb::{request, Durability, Tx};
use super::records::{self, Page};
use super::schema::{MEDIA, MEDIA_BY_POST, POSTS, POSTS_BY_WORKSPACE};
use super::{Db, StoreError};

pub async fn put(db: &Db, post: &Post) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[POSTS], Durability::Strict)?;
    tx.store(POSTS)?
        .put(&to_js(post)?)
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

pub async fn get(db: &Db, id: &str) -> Result<Option<Post>, StoreError> {
    let tx = Tx::read(db.raw(), &[POSTS])?;
    let req = tx
        .store(POSTS)?
        .get(&id.into())
        .map_err(StoreError::from_js)?;
    let value = request(&req).await?;
    tx.finish().await?;
    if value.is_undefined() {
        Ok(None)
    } else {
        from_js(&value).map(Some)
    }
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
    let tx = Tx::write(db.raw(), &[MEDIA], Durability::Strict)?;
    tx.store(MEDIA)?
        .delete(&id.into())
        .map_err(StoreError::from_js)?;
    tx.commit().await
}

/// Deletes a post and every image it holds.
pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[POSTS, MEDIA], Durability::Strict)?;
    tx.store(POSTS)?
        .delete(&id.into())
        .map_err(StoreError::from_js)?;
    let media = tx.store(MEDIA)?;
    let keys = media
        .index(MEDIA_BY_POST)
        .and_then(|i| i.get_all_keys_with_key(&id.into()))
        .map_err(StoreError::from_js)?;
    let keys = request(&keys).await?;
    for key in js_sys::Array::from(&keys).iter() {
        media.delete(&key).map_err(StoreError::from_js)?;
    }
    tx.commit().await
}
