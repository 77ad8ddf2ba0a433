//! The user's interface preferences: language, theme, text size and the current workspace.

use serde::{Deserialize, Serialize};

use super::locale::{negotiate, Lang};

/// Light, dark, or whatever the operating system says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// Saved once per installation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Preferences {
    /// `None` follows the browser's languages.
    #[serde(default)]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub theme: Theme,
    #[serde(default)]
    pub large_text: bool,
    #[serde(default)]
    pub current_workspace: Option<String>,
}

impl Preferences {
    /// The language to show: the user's choice, or the best match for the browser's list.
    pub fn effective_lang<S: AsRef<str>>(&self, browser: &[S]) -> Lang {
        self.lang.unwrap_or_else(|| negotiate(browser))
    }
}
