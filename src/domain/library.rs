//! A workspace's content library: reusable snippets (signatures, hashtag sets, standard
//! answers) and campaigns (tags with a colour), plus its posting slots. All are small
//! records of one store, told apart by `kind`.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::queue::Slot;

/// The longest snippet title and campaign name, in grapheme clusters.
pub const MAX_TITLE: usize = 80;
/// The longest snippet text, in grapheme clusters (longer than any network allows).
pub const MAX_SNIPPET: usize = 5_000;

/// Campaign colours that keep a 4.5:1 contrast with white text, in light and dark themes.
pub const PALETTE: [&str; 8] = [
    "#1d4ed8", "#047857", "#b91c1c", "#7e22ce", "#a16207", "#0e7490", "#be185d", "#374151",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SnippetKind {
    Signature,
    Hashtags,
    Answer,
    Other,
}

impl SnippetKind {
    pub const ALL: [SnippetKind; 4] = [
        SnippetKind::Signature,
        SnippetKind::Hashtags,
        SnippetKind::Answer,
        SnippetKind::Other,
    ];
}

/// One record of the library store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryItem {
    pub id: String,
    pub workspace_id: String,
    #[serde(flatten)]
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Body {
    Snippet {
        snippet_kind: SnippetKind,
        title: String,
        text: String,
        updated_at: f64,
        /// A saved reply's short code (an answer called as `/code` in a reply); empty for
        /// other snippets.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        code: String,
        /// The language a saved reply is written in (`fr`, `en`).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        language: String,
    },
    Campaign {
        name: String,
        colour: String,
        created_at: f64,
    },
    /// The workspace's posting slots (one such record per workspace, id `queue:<workspace>`).
    Queue { slots: Vec<Slot> },
    /// The workspace's strategy (one such record per workspace, id `strategy:<workspace>`).
    Strategy(super::strategy::Strategy),
    /// The workspace's daily routine (one such record per workspace, id `routine:<workspace>`);
    /// nested, since the routine's own `workspace_id` would clash with the item's.
    Routine { routine: super::routine::Routine },
}

/// Why a title, name, text or colour was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryError {
    Empty,
    TooLong,
    BadColour,
    Taken,
}

/// Trims a title or campaign name and checks its length.
pub fn clean_title(raw: &str) -> Result<String, LibraryError> {
    let cleaned = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        return Err(LibraryError::Empty);
    }
    if cleaned.graphemes(true).count() > MAX_TITLE {
        return Err(LibraryError::TooLong);
    }
    Ok(cleaned)
}

/// Checks a snippet: a title and a text; a hashtag set is normalised (`coffee, #Latte art`
/// becomes `#coffee #LatteArt`).
pub fn snippet(
    kind: SnippetKind,
    title: &str,
    text: &str,
) -> Result<(String, String), LibraryError> {
    let title = clean_title(title)?;
    let text = if kind == SnippetKind::Hashtags {
        hashtag_set(text)
    } else {
        text.trim().to_string()
    };
    if text.is_empty() {
        return Err(LibraryError::Empty);
    }
    if text.graphemes(true).count() > MAX_SNIPPET {
        return Err(LibraryError::TooLong);
    }
    Ok((title, text))
}

/// Turns a list of words separated by commas, spaces or new lines into hashtags: each
/// comma- or line-separated entry becomes one tag (inner spaces joined in camel case so
/// screen readers say each word), `#` added when missing, duplicates (ignoring case) dropped.
pub fn hashtag_set(raw: &str) -> String {
    let mut seen: Vec<String> = vec![];
    let mut out: Vec<String> = vec![];
    let entries = raw
        .split([',', '\n', ';'])
        .flat_map(|e| {
            // A word starting with `#` starts a new tag: "#a #b" on one line are two tags;
            // "latte art" and "#Latte art" are one.
            let mut tags: Vec<String> = vec![];
            for word in e.split_whitespace() {
                match tags.last_mut() {
                    Some(tag) if !word.starts_with('#') => {
                        tag.push(' ');
                        tag.push_str(word);
                    }
                    _ => tags.push(word.to_string()),
                }
            }
            tags
        })
        .collect::<Vec<_>>();
    for entry in entries {
        let words: Vec<&str> = entry
            .trim()
            .trim_start_matches('#')
            .split_whitespace()
            .collect();
        if words.is_empty() {
            continue;
        }
        let tag: String = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let w: String = w
                    .chars()
                    .filter(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if i == 0 {
                    w
                } else {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|f| f.to_uppercase().chain(cs).collect())
                        .unwrap_or_default()
                }
            })
            .collect();
        if tag.is_empty() || seen.contains(&tag.to_lowercase()) {
            continue;
        }
        seen.push(tag.to_lowercase());
        out.push(format!("#{tag}"));
    }
    out.join(" ")
}

/// Checks a campaign's name (unique in the workspace, ignoring case) and `#rrggbb` colour.
pub fn campaign<'a>(
    name: &str,
    colour: &str,
    others: impl IntoIterator<Item = &'a str>,
) -> Result<(String, String), LibraryError> {
    let name = clean_title(name)?;
    let lower = name.to_lowercase();
    if others.into_iter().any(|o| o.to_lowercase() == lower) {
        return Err(LibraryError::Taken);
    }
    let colour = colour.trim().to_ascii_lowercase();
    let ok = colour.len() == 7
        && colour.starts_with('#')
        && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
    if !ok {
        return Err(LibraryError::BadColour);
    }
    Ok((name, colour))
}

/// The id of a workspace's queue record.
pub fn queue_id(workspace_id: &str) -> String {
    format!("queue:{workspace_id}")
}

impl LibraryItem {
    pub fn is_campaign(&self) -> bool {
        matches!(self.body, Body::Campaign { .. })
    }
    pub fn is_snippet(&self) -> bool {
        matches!(self.body, Body::Snippet { .. })
    }

    /// The saved reply this is: an answer with a short code.
    pub fn saved_reply(&self) -> Option<super::saved_reply::SavedReply> {
        match &self.body {
            Body::Snippet {
                snippet_kind: SnippetKind::Answer,
                text,
                updated_at,
                code,
                language,
                ..
            } if !code.is_empty() => Some(super::saved_reply::SavedReply {
                id: self.id.clone(),
                workspace_id: self.workspace_id.clone(),
                code: code.clone(),
                language: language.clone(),
                text: text.clone(),
                updated_at: *updated_at,
            }),
            _ => None,
        }
    }
}
