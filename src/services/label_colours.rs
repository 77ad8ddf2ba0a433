//! The colours of a workspace's Inbox labels, kept on the device in one settings document
//! (`label-colours:<workspace>`); the rule of a label's own colour is the domain's
//! (`domain/label_colour.rs`).

use crate::domain::label_colour::LabelColours;
use crate::store::{self, Db, StoreError};

fn key(workspace_id: &str) -> String {
    format!("label-colours:{workspace_id}")
}

/// The colours chosen in the workspace (none chosen: every label has its own).
pub async fn load(db: &Db, workspace_id: &str) -> Result<LabelColours, StoreError> {
    store::settings_docs::get_or_default(db, &key(workspace_id)).await
}

/// Gives `label` the colour `colour` (one of the palette; another is not kept) in the
/// workspace; returns the colours as kept.
pub async fn choose(
    db: &Db,
    workspace_id: &str,
    label: &str,
    colour: &str,
) -> Result<LabelColours, StoreError> {
    store::settings_docs::update(db, &key(workspace_id), |colours: &mut LabelColours| {
        colours.choose(label, colour);
        colours.clone()
    })
    .await
}
