//! Notes: something kept for later in a workspace (a link shared to the app, an idea).
//! The composer turns them into drafts.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    pub workspace_id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub url: String,
    /// Milliseconds since the Unix epoch (UTC).
    pub created_at: f64,
}
