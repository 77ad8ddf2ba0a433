//! The workspaces' own settings documents an export carries: what the user made there that
//! is not a record of its own — follow-ups, segments, activity weights, dismissed merge
//! suggestions, label colours, saved Inbox views and listening words. Each is the settings
//! document `<kind>:<workspace>`. Not carried: what the device works out again (cursors,
//! the People glance, listening runs), drafts, and the tones given to messages (kept by the
//! message's address, which would bring back the address of someone forgotten since).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::member_record::Marks;

/// The kinds carried, as their settings keys begin.
pub const KINDS: [&str; 7] = [
    "follow-ups",
    "segments",
    "member-weights",
    "merge-dismissed",
    "label-colours",
    "inbox-views",
    "listening",
];

/// One workspace's settings document of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub kind: String,
    pub workspace_id: String,
    pub value: Value,
}

impl Document {
    /// The settings key it is kept under.
    pub fn key(&self) -> String {
        format!("{}:{}", self.kind, self.workspace_id)
    }

    /// The document kept under `key`, if it is one an export carries for one of
    /// `workspaces`.
    pub fn of(key: &str, value: Value, workspaces: &[&str]) -> Option<Document> {
        let (kind, workspace) = key.split_once(':')?;
        (KINDS.contains(&kind) && workspaces.contains(&workspace)).then(|| Document {
            kind: kind.to_string(),
            workspace_id: workspace.to_string(),
            value,
        })
    }

    /// The same document for the workspace `workspace_id` (one imported under a new id).
    pub fn moved_to(&self, workspace_id: &str) -> Document {
        Document {
            workspace_id: workspace_id.to_string(),
            ..self.clone()
        }
    }

    /// Whether its value has the shape the app reads for its kind.
    pub fn is_well_formed(&self) -> bool {
        use crate::domain::json::read;
        let v = &self.value;
        match self.kind.as_str() {
            "follow-ups" => read::<Vec<crate::domain::follow_up::FollowUp>>(v).is_ok(),
            "segments" => read::<Vec<crate::domain::segment::Segment>>(v).is_ok(),
            "member-weights" => read::<crate::domain::member_level::Weights>(v).is_ok(),
            "merge-dismissed" => read::<Vec<(String, String)>>(v).is_ok(),
            "label-colours" => read::<crate::domain::label_colour::LabelColours>(v).is_ok(),
            "listening" => read::<Vec<crate::domain::listening::SavedSearch>>(v).is_ok(),
            "inbox-views" => read::<Vec<crate::domain::inbox_view::SavedView>>(v).is_ok(),
            _ => false,
        }
    }

    /// Without what concerns someone forgotten (`marks`, the workspace's): their
    /// follow-ups, and the merge suggestions dismissed with them.
    pub fn without_forgotten(&mut self, marks: &Marks) {
        let gone = |key: Option<&str>| key.is_some_and(|k| marks.forgotten_at(k).is_some());
        let Some(list) = self.value.as_array_mut() else {
            return;
        };
        match self.kind.as_str() {
            "follow-ups" => list.retain(|f| !gone(f["member_key"].as_str())),
            "merge-dismissed" => {
                list.retain(|pair| !gone(pair[0].as_str()) && !gone(pair[1].as_str()))
            }
            _ => {}
        }
    }
}
