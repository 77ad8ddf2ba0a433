//! Workspaces: one per brand or client. Owns the naming rules; knows nothing of storage.

use super::sorting;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// The longest name a workspace may have, in user-perceived characters (grapheme clusters).
pub const MAX_NAME_GRAPHEMES: usize = 60;

/// A brand or a client: every other record carries its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub id: String,
    pub name: String,
    /// Creation instant, milliseconds since the Unix epoch (UTC).
    pub created_at: f64,
}

/// Why a name was refused; the UI turns each into a sentence in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
    ControlCharacter,
    Taken,
}

/// Checks a name typed by the user and returns it cleaned (outer spaces removed, inner runs
/// of white space folded to one). `others` are the names already in use, excluding the
/// workspace being renamed; the comparison ignores case.
pub fn validate_name<'a>(
    raw: &str,
    others: impl IntoIterator<Item = &'a str>,
) -> Result<String, NameError> {
    if raw.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(NameError::ControlCharacter);
    }
    let cleaned = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        return Err(NameError::Empty);
    }
    if cleaned.graphemes(true).count() > MAX_NAME_GRAPHEMES {
        return Err(NameError::TooLong);
    }
    let folded = cleaned.to_lowercase();
    if others
        .into_iter()
        .any(|o| o.trim().to_lowercase() == folded)
    {
        return Err(NameError::Taken);
    }
    Ok(cleaned)
}

/// Workspaces as the switcher lists them: by name, case-insensitively, then by creation.
pub fn sort_for_display(list: &mut [Workspace]) {
    sorting::sort_by(&mut list[..], |a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.created_at.total_cmp(&b.created_at))
    });
}

/// Which workspace becomes current after `removed` is deleted: the remembered one if it
/// still exists, otherwise the first in display order, otherwise none.
pub fn current_after_delete(
    remaining: &[Workspace],
    current: Option<&str>,
    removed: &str,
) -> Option<String> {
    match current {
        Some(c) if c != removed && remaining.iter().any(|w| w.id == c) => Some(c.to_string()),
        _ => {
            let mut sorted = remaining.to_vec();
            sort_for_display(&mut sorted);
            sorted.first().map(|w| w.id.clone())
        }
    }
}
