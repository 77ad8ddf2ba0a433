//! Saved views of the Inbox: a named filter (list, words, label, teammate, network, account,
//! priority, question, not answered, member level), per workspace, kept on the device in one settings
//! document (`inbox-views:<workspace>`). Saving under a name already used (any case)
//! replaces that view.

use crate::domain::sorting;

use crate::domain::workspace::{validate_name, NameError};
use crate::services::conversations::Filter;
use crate::store::{self, Db, StoreError};

pub use crate::domain::inbox_view::SavedView;

/// What saving did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Added,
    Replaced,
}

/// A view saved: the views as kept, what was done, and the name as kept (cleaned).
#[derive(Debug, Clone, PartialEq)]
pub struct SaveDone {
    pub views: Vec<SavedView>,
    pub saved: Saved,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ViewError {
    Name(NameError),
    Store(StoreError),
}

impl From<StoreError> for ViewError {
    fn from(e: StoreError) -> Self {
        ViewError::Store(e)
    }
}

fn key(workspace_id: &str) -> String {
    format!("inbox-views:{workspace_id}")
}

/// Adds `filter` as the view `raw_name` (cleaned), or replaces the view of that name; the
/// views stay in name order. Returns what was done and the name as kept.
pub fn upsert(
    views: &mut Vec<SavedView>,
    raw_name: &str,
    filter: Filter,
) -> Result<(Saved, String), NameError> {
    let name = validate_name(raw_name, [])?;
    let kept = name.clone();
    let folded = name.to_lowercase();
    let saved = match views.iter_mut().find(|v| v.name.to_lowercase() == folded) {
        Some(v) => {
            v.name = name;
            v.filter = filter;
            Saved::Replaced
        }
        None => {
            views.push(SavedView { name, filter });
            Saved::Added
        }
    };
    sorting::sort_by_key(&mut views[..], |v| v.name.to_lowercase());
    Ok((saved, kept))
}

/// The workspace's saved views, in name order.
pub async fn list(db: &Db, workspace_id: &str) -> Result<Vec<SavedView>, StoreError> {
    store::settings_docs::get_or_default(db, &key(workspace_id)).await
}

/// Saves the view.
pub async fn save(
    db: &Db,
    workspace_id: &str,
    raw_name: &str,
    filter: Filter,
) -> Result<SaveDone, ViewError> {
    let done =
        store::settings_docs::update(db, &key(workspace_id), |views: &mut Vec<SavedView>| {
            upsert(views, raw_name, filter).map(|(saved, name)| SaveDone {
                views: views.clone(),
                saved,
                name,
            })
        })
        .await?;
    done.map_err(ViewError::Name)
}

/// Forgets the view `name`; returns the views as kept.
pub async fn delete(db: &Db, workspace_id: &str, name: &str) -> Result<Vec<SavedView>, StoreError> {
    store::settings_docs::update(db, &key(workspace_id), |views: &mut Vec<SavedView>| {
        views.retain(|v| v.name != name);
        views.clone()
    })
    .await
}
