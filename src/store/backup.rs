//! Export and import at the storage level. An import is one strict transaction over every
//! store it touches: it lands whole or not at all, and a failure leaves the data as it was.

use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::IdbRequest;

use crate::domain::backup::{Backup, MediaFile, Scope};
use crate::domain::library::LibraryItem;
use crate::domain::note::Note;
use crate::domain::post::Post;
use crate::domain::preferences::Preferences;
use crate::domain::workspace::Workspace;

use super::codec::{from_js, to_js};
use super::idb::{request, Durability, Tx};
use super::records::put_batch;
use super::schema::{
    BACKUP_STORES, FORGOTTEN, FORGOTTEN_BY_WORKSPACE, KEPT, LIBRARY, LIBRARY_BY_WORKSPACE, MEDIA,
    MEMBERS, MEMBERS_BY_WORKSPACE, NOTES, POSTS, SETTINGS, WORKSPACES,
};
use super::{Db, StoreError};

const PREFERENCES_KEY: &str = "preferences";
/// Progress is reported every this many records.
const PROGRESS_STEP: usize = 1000;

/// How an import reports progress, and a fault seam for tests.
#[derive(Clone, Default)]
pub struct ImportControl {
    /// Called with (records written, records to write) as the browser confirms writes.
    pub progress: Option<Rc<dyn Fn(usize, usize)>>,
    /// Tests only: abort the transaction after this many records were issued, as a crash
    /// or a full disk would, to prove nothing is left half-written.
    pub abort_after: Option<usize>,
}

/// An image as stored: the Blob, whose bytes the caller reads after the transaction.
pub struct StoredMedia {
    pub id: String,
    pub post_id: String,
    pub blob: web_sys::Blob,
}

fn stored_media(all: &wasm_bindgen::JsValue) -> Result<Vec<StoredMedia>, StoreError> {
    use js_sys::Reflect;
    let list: js_sys::Array = all.clone().unchecked_into();
    let text = |v: &wasm_bindgen::JsValue, k: &str| {
        Reflect::get(v, &k.into())
            .ok()
            .and_then(|x| x.as_string())
            .unwrap_or_default()
    };
    list.iter()
        .map(|v| {
            let blob = Reflect::get(&v, &"blob".into())
                .map_err(StoreError::from_js)?
                .dyn_into::<web_sys::Blob>()
                .map_err(|_| {
                    StoreError::Corrupt(format!("media {} has no image", text(&v, "id")))
                })?;
            Ok(StoredMedia {
                id: text(&v, "id"),
                post_id: text(&v, "post_id"),
                blob,
            })
        })
        .collect()
}

/// The media records an import writes, made from the file's images (decoded before the
/// transaction opens: it must not wait on anything but its own requests).
fn media_records(files: &[MediaFile]) -> Result<Vec<js_sys::Object>, StoreError> {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    files
        .iter()
        .map(|m| {
            let bytes = m
                .bytes()
                .ok_or_else(|| StoreError::Corrupt(format!("image {} is not base64", m.id)))?;
            let opts = web_sys::BlobPropertyBag::new();
            opts.set_type(&m.mime);
            let parts = Array::of1(&Uint8Array::from(bytes.as_slice()));
            let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
                .map_err(StoreError::from_js)?;
            let record = Object::new();
            for (k, v) in [
                ("id", wasm_bindgen::JsValue::from_str(&m.id)),
                ("post_id", m.post_id.as_str().into()),
                ("blob", blob.into()),
            ] {
                Reflect::set(&record, &k.into(), &v).map_err(StoreError::from_js)?;
            }
            Ok(record)
        })
        .collect()
}

/// Everything on the device, in one read transaction (a consistent snapshot), and the
/// images as stored (their bytes are read by the caller).
pub async fn export_all(db: &Db, now: f64) -> Result<(Backup, Vec<StoredMedia>), StoreError> {
    let tx = Tx::read(db.raw(), &BACKUP_STORES)?;
    let ws = tx
        .store(WORKSPACES)?
        .get_all()
        .map_err(StoreError::from_js)?;
    let notes = tx.store(NOTES)?.get_all().map_err(StoreError::from_js)?;
    let posts = tx.store(POSTS)?.get_all().map_err(StoreError::from_js)?;
    let library = tx.store(LIBRARY)?.get_all().map_err(StoreError::from_js)?;
    let media = tx.store(MEDIA)?.get_all().map_err(StoreError::from_js)?;
    let prefs = tx
        .store(SETTINGS)?
        .get(&PREFERENCES_KEY.into())
        .map_err(StoreError::from_js)?;
    let (ws, notes, posts, library, prefs) = (
        request(&ws),
        request(&notes),
        request(&posts),
        request(&library),
        request(&prefs),
    );
    let media = request(&media);
    let members = request(&tx.store(MEMBERS)?.get_all().map_err(StoreError::from_js)?);
    let forgotten = request(
        &tx.store(FORGOTTEN)?
            .get_all()
            .map_err(StoreError::from_js)?,
    );
    let (members, forgotten) = (members.await?, forgotten.await?);
    let (ws, notes, posts, library, prefs, media) = (
        ws.await?,
        notes.await?,
        posts.await?,
        library.await?,
        prefs.await?,
        media.await?,
    );
    let workspaces: Vec<Workspace> = from_js(&ws)?;
    let ids: Vec<String> = workspaces.iter().map(|w| w.id.clone()).collect();
    let documents = super::backup_documents::read(&tx, &ids).await?;
    tx.finish().await?;
    let mut backup = Backup::new(Scope::All, now);
    backup.workspaces = workspaces;
    backup.documents = documents;
    backup.notes = from_js(&notes)?;
    backup.posts = from_js(&posts)?;
    backup.library = from_js(&library)?;
    backup.members = Some(from_js(&members)?);
    backup.forgotten = from_js(&forgotten)?;
    backup.preferences = if prefs.is_undefined() {
        None
    } else {
        Some(from_js(&prefs)?)
    };
    Ok((backup, stored_media(&media)?))
}

/// One workspace and everything recorded in it, and its posts' images as stored.
pub async fn export_workspace(
    db: &Db,
    id: &str,
    now: f64,
) -> Result<(Backup, Vec<StoredMedia>), StoreError> {
    let range = super::notes::workspace_range(id)?;
    let tx = Tx::read(
        db.raw(),
        &[
            WORKSPACES, NOTES, POSTS, LIBRARY, MEDIA, MEMBERS, FORGOTTEN, SETTINGS,
        ],
    )?;
    let ws = tx
        .store(WORKSPACES)?
        .get(&id.into())
        .map_err(StoreError::from_js)?;
    let notes = tx
        .store(NOTES)?
        .index(super::schema::NOTES_BY_WORKSPACE)
        .and_then(|i| i.get_all_with_key(&range))
        .map_err(StoreError::from_js)?;
    let posts = tx
        .store(POSTS)?
        .index(super::schema::POSTS_BY_WORKSPACE)
        .and_then(|i| i.get_all_with_key(&range))
        .map_err(StoreError::from_js)?;
    let library = tx
        .store(LIBRARY)?
        .index(LIBRARY_BY_WORKSPACE)
        .and_then(|i| i.get_all_with_key(&id.into()))
        .map_err(StoreError::from_js)?;
    let media = tx.store(MEDIA)?.get_all().map_err(StoreError::from_js)?;
    let by_workspace = |store: &str, index: &str| {
        tx.store(store)?
            .index(index)
            .and_then(|i| i.get_all_with_key(&id.into()))
            .map_err(StoreError::from_js)
    };
    let (members, forgotten) = (
        by_workspace(MEMBERS, MEMBERS_BY_WORKSPACE)?,
        by_workspace(FORGOTTEN, FORGOTTEN_BY_WORKSPACE)?,
    );
    let (ws, notes, posts, library, media, members, forgotten) = (
        request(&ws),
        request(&notes),
        request(&posts),
        request(&library),
        request(&media),
        request(&members),
        request(&forgotten),
    );
    let (ws, notes, posts, library, media, members, forgotten) = (
        ws.await?,
        notes.await?,
        posts.await?,
        library.await?,
        media.await?,
        members.await?,
        forgotten.await?,
    );
    let documents = super::backup_documents::read(&tx, &[id.to_string()]).await?;
    tx.finish().await?;
    if ws.is_undefined() {
        return Err(StoreError::Corrupt(format!("no workspace {id}")));
    }
    let mut backup = Backup::new(Scope::Workspace, now);
    backup.workspaces = vec![from_js(&ws)?];
    backup.notes = from_js(&notes)?;
    backup.posts = from_js(&posts)?;
    backup.library = from_js(&library)?;
    backup.members = Some(from_js(&members)?);
    backup.forgotten = from_js(&forgotten)?;
    backup.documents = documents;
    let ids: std::collections::HashSet<&str> = backup.posts.iter().map(|p| p.id.as_str()).collect();
    let mut images = stored_media(&media)?;
    images.retain(|m| ids.contains(m.post_id.as_str()));
    Ok((backup, images))
}

/// What one import writes.
pub struct Records<'a> {
    pub workspaces: &'a [Workspace],
    pub notes: &'a [Note],
    pub posts: &'a [Post],
    pub library: &'a [LibraryItem],
    pub prefs: Option<&'a Preferences>,
    /// Media records ready to put (`media_records`).
    pub media: &'a [js_sys::Object],
    pub members: &'a [crate::domain::member_record::MemberRecord],
    pub forgotten: &'a [crate::domain::member_record::Forgotten],
    pub documents: &'a [crate::domain::backup::Document],
}

impl Records<'_> {
    fn total(&self) -> usize {
        self.workspaces.len()
            + self.notes.len()
            + self.posts.len()
            + self.library.len()
            + self.media.len()
            + usize::from(self.prefs.is_some())
            + self.members.len()
            + self.forgotten.len()
            + self.documents.len()
    }
}

/// Replaces everything on the device by the backup's content (preferences too, when the
/// file has them).
pub async fn replace_all(
    db: &Db,
    backup: &Backup,
    control: ImportControl,
) -> Result<(), StoreError> {
    let media = media_records(&backup.media)?;
    // The copies kept to start faster go too: they may hold someone the file forgot.
    let stores: Vec<&str> = BACKUP_STORES.iter().copied().chain([KEPT]).collect();
    let tx = Tx::write(db.raw(), &stores, Durability::Strict)?;
    // The marks of the forgotten stay (forgetting is for good), and keep out the records of
    // anyone forgotten since the file was made.
    let marks = request(
        &tx.store(FORGOTTEN)?
            .get_all()
            .map_err(StoreError::from_js)?,
    )
    .await?;
    let marks: Vec<crate::domain::member_record::Forgotten> = from_js(&marks)?;
    let members = backup
        .members
        .as_ref()
        .map(|_| backup.members_to_keep(&marks));
    let documents = backup.documents_to_keep(&marks);
    if backup.carries_documents() {
        super::backup_documents::delete_all(&tx).await?;
    }
    if members.is_some() {
        tx.store(MEMBERS)?.clear().map_err(StoreError::from_js)?;
    }
    tx.store(KEPT)?.clear().map_err(StoreError::from_js)?;
    tx.store(WORKSPACES)?.clear().map_err(StoreError::from_js)?;
    tx.store(NOTES)?.clear().map_err(StoreError::from_js)?;
    tx.store(POSTS)?.clear().map_err(StoreError::from_js)?;
    tx.store(LIBRARY)?.clear().map_err(StoreError::from_js)?;
    // A file that carries images replaces them; an older one has none, so the images on
    // the device stay and keep serving the posts that come back with the same ids.
    if backup.carries_media() {
        tx.store(MEDIA)?.clear().map_err(StoreError::from_js)?;
    }
    let records = Records {
        workspaces: &backup.workspaces,
        notes: &backup.notes,
        posts: &backup.posts,
        library: &backup.library,
        prefs: backup.preferences.as_ref(),
        media: &media,
        members: members.as_deref().unwrap_or(&[]),
        forgotten: &backup.forgotten,
        documents: &documents,
    };
    write(&tx, &records, control)?;
    tx.commit().await
}

/// Adds one workspace, its notes, posts, library, images, member records and the marks of
/// its forgotten beside what exists (ids already made fresh). The device's marks of the
/// workspace the file came from (when it is still here) come along: nobody forgotten there
/// since the file was made is brought back, in its records or by the new one's syncs.
pub async fn add_workspace(
    db: &Db,
    new: &crate::domain::backup::NewWorkspace,
    control: ImportControl,
) -> Result<(), StoreError> {
    let media = media_records(&new.media)?;
    let tx = Tx::write(
        db.raw(),
        &[
            WORKSPACES, NOTES, POSTS, LIBRARY, MEDIA, MEMBERS, FORGOTTEN, SETTINGS,
        ],
        Durability::Strict,
    )?;
    let here = super::members::marks_in(&tx, &new.came_from).await?;
    let (members, forgotten) = new.members_and_marks(&here);
    let documents = new.documents_to_keep(&here);
    let records = Records {
        workspaces: std::slice::from_ref(&new.workspace),
        notes: &new.notes,
        posts: &new.posts,
        library: &new.library,
        prefs: None,
        media: &media,
        members: &members,
        forgotten: &forgotten,
        documents: &documents,
    };
    write(&tx, &records, control)?;
    tx.commit().await
}

fn write(tx: &Tx, records: &Records, control: ImportControl) -> Result<(), StoreError> {
    let total = records.total();
    let limit = control.abort_after.unwrap_or(usize::MAX);
    let mut requests: Vec<IdbRequest> = Vec::with_capacity(total);
    let room = |issued: usize| limit.saturating_sub(issued);
    let r = room(requests.len());
    requests.extend(put_batch(
        &tx.store(WORKSPACES)?,
        &records.workspaces[..records.workspaces.len().min(r)],
    )?);
    let r = room(requests.len());
    requests.extend(put_batch(
        &tx.store(NOTES)?,
        &records.notes[..records.notes.len().min(r)],
    )?);
    let r = room(requests.len());
    requests.extend(put_batch(
        &tx.store(POSTS)?,
        &records.posts[..records.posts.len().min(r)],
    )?);
    let r = room(requests.len());
    requests.extend(put_batch(
        &tx.store(LIBRARY)?,
        &records.library[..records.library.len().min(r)],
    )?);
    if !records.members.is_empty() {
        let r = room(requests.len());
        requests.extend(put_batch(
            &tx.store(MEMBERS)?,
            &records.members[..records.members.len().min(r)],
        )?);
    }
    if !records.forgotten.is_empty() {
        let r = room(requests.len());
        requests.extend(put_batch(
            &tx.store(FORGOTTEN)?,
            &records.forgotten[..records.forgotten.len().min(r)],
        )?);
    }
    if !records.documents.is_empty() {
        let r = room(requests.len());
        requests.extend(super::backup_documents::put(
            tx,
            &records.documents[..records.documents.len().min(r)],
        )?);
    }
    let r = room(requests.len());
    let media_store = tx.store(MEDIA)?;
    for record in &records.media[..records.media.len().min(r)] {
        requests.push(media_store.put(record).map_err(StoreError::from_js)?);
    }
    if let Some(prefs) = records.prefs.filter(|_| requests.len() < limit) {
        let req = tx
            .store(SETTINGS)?
            .put_with_key(&to_js(prefs)?, &PREFERENCES_KEY.into())
            .map_err(StoreError::from_js)?;
        requests.push(req);
    }
    if let Some(progress) = &control.progress {
        watch_progress(&requests, total, progress);
    }
    if control.abort_after.is_some_and(|n| n < total) {
        tx.abort();
        return Err(StoreError::Aborted);
    }
    Ok(())
}

fn watch_progress(requests: &[IdbRequest], total: usize, progress: &Rc<dyn Fn(usize, usize)>) {
    for (i, req) in requests.iter().enumerate() {
        let done = i + 1;
        if done % PROGRESS_STEP == 0 || done == requests.len() {
            let p = progress.clone();
            let cb = Closure::once_into_js(move || p(done, total));
            req.set_onsuccess(Some(cb.unchecked_ref()));
        }
    }
}
