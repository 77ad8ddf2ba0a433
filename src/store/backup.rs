//! Export and import at the storage level. An import is one strict transaction over every
//! store it touches: it lands whole or not at all, and a failure leaves the data as it was.

use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::IdbRequest;

use crate::domain::backup::{Backup, Scope};
use crate::domain::library::LibraryItem;
use crate::domain::note::Note;
use crate::domain::post::Post;
use crate::domain::preferences::Preferences;
use crate::domain::workspace::Workspace;

use super::codec::{from_js, to_js};
use super::idb::{request, Durability, Tx};
use super::records::put_batch;
use super::schema::{
    ALL_STORES, LIBRARY, LIBRARY_BY_WORKSPACE, NOTES, POSTS, SETTINGS, WORKSPACES,
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

/// Everything on the device, in one read transaction (a consistent snapshot).
pub async fn export_all(db: &Db, now: f64) -> Result<Backup, StoreError> {
    let tx = Tx::read(db.raw(), &ALL_STORES)?;
    let ws = tx
        .store(WORKSPACES)?
        .get_all()
        .map_err(StoreError::from_js)?;
    let notes = tx.store(NOTES)?.get_all().map_err(StoreError::from_js)?;
    let posts = tx.store(POSTS)?.get_all().map_err(StoreError::from_js)?;
    let library = tx.store(LIBRARY)?.get_all().map_err(StoreError::from_js)?;
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
    let (ws, notes, posts, library, prefs) = (
        ws.await?,
        notes.await?,
        posts.await?,
        library.await?,
        prefs.await?,
    );
    tx.finish().await?;
    let mut backup = Backup::new(Scope::All, now);
    backup.workspaces = from_js(&ws)?;
    backup.notes = from_js(&notes)?;
    backup.posts = from_js(&posts)?;
    backup.library = from_js(&library)?;
    backup.preferences = if prefs.is_undefined() {
        None
    } else {
        Some(from_js(&prefs)?)
    };
    Ok(backup)
}

/// One workspace and everything recorded in it.
pub async fn export_workspace(db: &Db, id: &str, now: f64) -> Result<Backup, StoreError> {
    let range = super::notes::workspace_range(id)?;
    let tx = Tx::read(db.raw(), &[WORKSPACES, NOTES, POSTS, LIBRARY])?;
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
    let (ws, notes, posts, library) = (
        request(&ws),
        request(&notes),
        request(&posts),
        request(&library),
    );
    let (ws, notes, posts, library) = (ws.await?, notes.await?, posts.await?, library.await?);
    tx.finish().await?;
    if ws.is_undefined() {
        return Err(StoreError::Corrupt(format!("no workspace {id}")));
    }
    let mut backup = Backup::new(Scope::Workspace, now);
    backup.workspaces = vec![from_js(&ws)?];
    backup.notes = from_js(&notes)?;
    backup.posts = from_js(&posts)?;
    backup.library = from_js(&library)?;
    Ok(backup)
}

/// What one import writes.
pub struct Records<'a> {
    pub workspaces: &'a [Workspace],
    pub notes: &'a [Note],
    pub posts: &'a [Post],
    pub library: &'a [LibraryItem],
    pub prefs: Option<&'a Preferences>,
}

impl Records<'_> {
    fn total(&self) -> usize {
        self.workspaces.len()
            + self.notes.len()
            + self.posts.len()
            + self.library.len()
            + usize::from(self.prefs.is_some())
    }
}

/// Replaces everything on the device by the backup's content (preferences too, when the
/// file has them).
pub async fn replace_all(
    db: &Db,
    backup: &Backup,
    control: ImportControl,
) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &ALL_STORES, Durability::Strict)?;
    tx.store(WORKSPACES)?.clear().map_err(StoreError::from_js)?;
    tx.store(NOTES)?.clear().map_err(StoreError::from_js)?;
    tx.store(POSTS)?.clear().map_err(StoreError::from_js)?;
    tx.store(LIBRARY)?.clear().map_err(StoreError::from_js)?;
    // Images are not in export files yet: they stay, and keep serving the posts that come
    // back with the same ids (a same-device round trip).
    let records = Records {
        workspaces: &backup.workspaces,
        notes: &backup.notes,
        posts: &backup.posts,
        library: &backup.library,
        prefs: backup.preferences.as_ref(),
    };
    write(&tx, &records, control)?;
    tx.commit().await
}

/// Adds one workspace and its notes beside what exists (ids already made fresh).
pub async fn add_workspace(
    db: &Db,
    workspace: &Workspace,
    notes: &[Note],
    posts: &[Post],
    library: &[LibraryItem],
    control: ImportControl,
) -> Result<(), StoreError> {
    let tx = Tx::write(
        db.raw(),
        &[WORKSPACES, NOTES, POSTS, LIBRARY],
        Durability::Strict,
    )?;
    let records = Records {
        workspaces: std::slice::from_ref(workspace),
        notes,
        posts,
        library,
        prefs: None,
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
