//! Changes to the content library: snippets and campaigns checked by `domain/library.rs`,
//! given their id and time here, and saved; any library record deleted. The strategy and
//! the routine (library records too) are saved through `services/strategy.rs`.

use crate::domain::library::{campaign, snippet, Body, LibraryError, LibraryItem, SnippetKind};
use crate::domain::saved_reply::{check_code, CodeError};
use crate::store::{self, Db, StoreError};

use super::clock::{new_id, now_ms};

/// Why a library change was not made.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeError {
    /// The user's input breaks a rule: nothing was saved.
    Invalid(LibraryError),
    /// A saved reply's short code is refused: nothing was saved.
    Code(CodeError),
    Store(StoreError),
}

impl From<StoreError> for ChangeError {
    fn from(e: StoreError) -> Self {
        ChangeError::Store(e)
    }
}

/// Adds a snippet to the workspace's library; returns it as saved (title and text cleaned).
/// An answer is a saved reply: its short `code` (typed as `/code` in a reply) must be free
/// in its `language` among the workspace's; other kinds have none.
pub async fn add_snippet(
    db: &Db,
    workspace_id: &str,
    kind: SnippetKind,
    title: &str,
    text: &str,
    code: &str,
    language: &str,
) -> Result<LibraryItem, ChangeError> {
    let (title, text) = snippet(kind, title, text).map_err(ChangeError::Invalid)?;
    let (code, language) = if kind == SnippetKind::Answer {
        let taken: Vec<_> = store::library::for_workspace(db, workspace_id)
            .await?
            .iter()
            .filter_map(LibraryItem::saved_reply)
            .collect();
        let code = check_code(
            code,
            language,
            taken.iter().map(|r| (r.code.as_str(), r.language.as_str())),
        )
        .map_err(ChangeError::Code)?;
        (code, language.to_string())
    } else {
        (String::new(), String::new())
    };
    let item = LibraryItem {
        id: new_id(),
        workspace_id: workspace_id.to_string(),
        body: Body::Snippet {
            snippet_kind: kind,
            title,
            text,
            updated_at: now_ms(),
            code,
            language,
        },
    };
    store::library::put(db, &item).await?;
    Ok(item)
}

/// Adds a campaign, its name unique (ignoring case) among the workspace's campaigns.
pub async fn add_campaign(
    db: &Db,
    workspace_id: &str,
    name: &str,
    colour: &str,
) -> Result<LibraryItem, ChangeError> {
    let others: Vec<String> = store::library::for_workspace(db, workspace_id)
        .await?
        .into_iter()
        .filter_map(|i| match i.body {
            Body::Campaign { name, .. } => Some(name),
            _ => None,
        })
        .collect();
    let (name, colour) =
        campaign(name, colour, others.iter().map(String::as_str)).map_err(ChangeError::Invalid)?;
    let item = LibraryItem {
        id: new_id(),
        workspace_id: workspace_id.to_string(),
        body: Body::Campaign {
            name,
            colour,
            created_at: now_ms(),
        },
    };
    store::library::put(db, &item).await?;
    Ok(item)
}

/// Puts back a library record exactly as it was before it was deleted (its id and dates).
pub async fn restore(db: &Db, item: &LibraryItem) -> Result<(), StoreError> {
    store::library::put(db, item).await
}

/// Deletes one library record (a snippet or a campaign).
pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    store::library::delete(db, id).await
}
