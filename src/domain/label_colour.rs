//! The colours of a workspace's Inbox labels: one of the campaigns' palette
//! ([`PALETTE`], readable with white text in both themes), shown behind the label's name,
//! never instead of it; until the user picks one, a label's colour comes from its name, so it
//! is the same on every screen and every device.

use serde::{Deserialize, Serialize};

use super::library::PALETTE;

/// The colour of a label nobody coloured: from its name, whatever its case (FNV-1a), so
/// "Urgent" and "urgent" match and a label keeps its colour everywhere.
pub fn default_for(label: &str) -> &'static str {
    let hash = super::fnv::fnv1a(label.trim().to_lowercase().bytes());
    PALETTE[(hash % PALETTE.len() as u32) as usize]
}

fn folded(label: &str) -> String {
    label.trim().to_lowercase()
}

/// A workspace's chosen colours, by label (as the label was written when coloured).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LabelColours {
    pub chosen: Vec<(String, String)>,
}

impl LabelColours {
    /// The colour `label` is shown in: the one chosen for it (any case) if it is in the
    /// palette, else its own.
    pub fn of(&self, label: &str) -> &'static str {
        let wanted = folded(label);
        self.chosen
            .iter()
            .find(|(l, _)| folded(l) == wanted)
            .and_then(|(_, c)| PALETTE.iter().find(|p| p.eq_ignore_ascii_case(c)))
            .copied()
            .unwrap_or_else(|| default_for(label))
    }

    /// Gives `label` the colour `colour` (replacing a choice made for it in any case). A
    /// colour outside the palette is refused (false).
    pub fn choose(&mut self, label: &str, colour: &str) -> bool {
        if !PALETTE.contains(&colour) {
            return false;
        }
        let wanted = folded(label);
        self.chosen.retain(|(l, _)| folded(l) != wanted);
        self.chosen
            .push((label.trim().to_string(), colour.to_string()));
        true
    }
}
