//! Keeping something for later: a link or text shared to the app becomes a note in the
//! current workspace.

use crate::domain::note::Note;
use crate::domain::post::Post;
use crate::store::{self, Db, StoreError};

use super::clock::{new_id, now_ms};

/// What the share sheet sent (any part may be empty).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shared {
    pub title: String,
    pub text: String,
    pub url: String,
}

impl Shared {
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty() && self.text.trim().is_empty() && self.url.trim().is_empty()
    }
}

pub async fn keep(db: &Db, workspace_id: &str, shared: Shared) -> Result<Note, StoreError> {
    let note = Note {
        id: new_id(),
        workspace_id: workspace_id.to_string(),
        title: shared.title.trim().to_string(),
        text: shared.text.trim().to_string(),
        url: shared.url.trim().to_string(),
        created_at: now_ms(),
    };
    store::notes::add(db, &note).await?;
    Ok(note)
}

/// Turns a kept note into a draft post and saves it; returns the draft.
pub async fn make_draft(db: &Db, note: &Note) -> Result<Post, StoreError> {
    let post = Post::from_note(note, new_id(), now_ms());
    store::posts::put(db, &post).await?;
    Ok(post)
}

/// Puts back a deleted note exactly as it was (its id and dates).
pub async fn restore(db: &Db, note: &Note) -> Result<(), StoreError> {
    store::notes::add(db, note).await
}

/// Deletes a kept note.
pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    store::notes::delete(db, id).await
}
