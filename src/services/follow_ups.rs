//! Follow-ups of a workspace's members, kept on the device in one settings document
//! (`follow-ups:<workspace>`): added with an id and a time, marked done (kept, with when).

use crate::domain::follow_up::{validate, FollowUp, FollowUpError};
use crate::store::{self, Db, StoreError};

use super::clock::{new_id, now_ms};

pub(crate) fn key(workspace_id: &str) -> String {
    format!("follow-ups:{workspace_id}")
}

#[derive(Debug, Clone, PartialEq)]
pub enum AddError {
    Invalid(FollowUpError),
    Store(StoreError),
}

impl From<StoreError> for AddError {
    fn from(e: StoreError) -> Self {
        AddError::Store(e)
    }
}

/// Every follow-up of the workspace, done or not.
pub async fn list(db: &Db, workspace_id: &str) -> Result<Vec<FollowUp>, StoreError> {
    store::settings_docs::get_or_default(db, &key(workspace_id)).await
}

/// Adds a follow-up about the member `member_key` (`member_name`) due at `due` (UTC ms).
pub async fn add(
    db: &Db,
    workspace_id: &str,
    member_key: &str,
    member_name: &str,
    what: &str,
    due: f64,
) -> Result<FollowUp, AddError> {
    let what = validate(what, due).map_err(AddError::Invalid)?;
    let made = FollowUp {
        id: new_id(),
        member_key: member_key.to_string(),
        member_name: member_name.to_string(),
        what,
        due,
        created_at: now_ms(),
        done_at: None,
    };
    store::settings_docs::update(db, &key(workspace_id), |all: &mut Vec<FollowUp>| {
        all.push(made.clone())
    })
    .await?;
    Ok(made)
}

/// Marks the follow-up `id` done now.
pub async fn done(db: &Db, workspace_id: &str, id: &str) -> Result<(), StoreError> {
    let now = now_ms();
    store::settings_docs::update(db, &key(workspace_id), |all: &mut Vec<FollowUp>| {
        if let Some(f) = all.iter_mut().find(|f| f.id == id) {
            f.done_at = Some(now);
        }
    })
    .await
}
