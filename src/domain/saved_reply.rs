//! Saved replies: answers a community manager gives often, per workspace and language, called
//! with `/` and a short code, with variables filled from the conversation (`{first_name}`,
//! `{name}`, `{handle}`, `{brand}`, `{my_name}`). A variable that cannot be filled, or a
//! misspelt one, is named before anything is sent: a reply never goes out with one of its
//! variables left in braces (other braces, and values, are taken as written).

use super::sorting;
use serde::{Deserialize, Serialize};

/// The variables a saved reply may use.
pub const VARIABLES: [&str; 5] = ["first_name", "name", "handle", "brand", "my_name"];

/// The longest short code, in characters.
pub const MAX_CODE: usize = 24;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedReply {
    pub id: String,
    pub workspace_id: String,
    /// Called as `/code`: lower case letters, digits and `-`.
    pub code: String,
    /// BCP-47 tag of the language it is written in (`fr`, `en`).
    pub language: String,
    pub text: String,
    pub updated_at: f64,
}

/// What the variables stand for in one conversation; `None` when unknown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Values {
    pub first_name: Option<String>,
    pub name: Option<String>,
    pub handle: Option<String>,
    pub brand: Option<String>,
    pub my_name: Option<String>,
}

impl Values {
    fn get(&self, variable: &str) -> Option<&str> {
        let v = match variable {
            "first_name" => &self.first_name,
            "name" => &self.name,
            "handle" => &self.handle,
            "brand" => &self.brand,
            "my_name" => &self.my_name,
            _ => return None,
        };
        v.as_deref().filter(|s| !s.trim().is_empty())
    }

    /// The values a conversation gives: the author's display name (its first word as the
    /// first name) and handle, the workspace's name as the brand, the teammate's name.
    pub fn of(author_name: &str, author_handle: &str, brand: &str, my_name: &str) -> Values {
        let known = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let name = known(author_name);
        Values {
            first_name: name
                .as_deref()
                .and_then(|n| n.split_whitespace().next())
                .map(str::to_string),
            name,
            handle: known(author_handle),
            brand: known(brand),
            my_name: known(my_name),
        }
    }
}

/// Why a saved reply could not be filled: the variables, in order of first appearance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FillError {
    /// Named variables this conversation has no value for.
    Unfilled(Vec<String>),
    /// `{…}` that is not one of [`VARIABLES`] (a typo), as written.
    Unknown(Vec<String>),
}

/// The reply with its variables filled. Braces that do not hold a plain variable name
/// (`{ }`, `{{`, a lone `}`) are left as written; an unknown name or an unfilled variable
/// is an error naming them all.
pub fn fill(text: &str, values: &Values) -> Result<String, FillError> {
    let mut out = String::with_capacity(text.len());
    let (mut unknown, mut unfilled) = (Vec::<String>::new(), Vec::<String>::new());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with('}') {
            let name = &after[..name_len];
            if !VARIABLES.contains(&name) {
                push_once(&mut unknown, name);
            } else if let Some(v) = values.get(name) {
                out.push_str(v);
            } else {
                push_once(&mut unfilled, name);
            }
            rest = &after[name_len + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    if !unknown.is_empty() {
        Err(FillError::Unknown(unknown))
    } else if !unfilled.is_empty() {
        Err(FillError::Unfilled(unfilled))
    } else {
        Ok(out)
    }
}

/// The reply with the variables it can fill filled, the others left as written (what the
/// reply box shows once a saved reply is picked: the send names what is left).
pub fn fill_known(text: &str, values: &Values) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        match values.get(&after[..name_len]) {
            Some(v) if name_len > 0 && after[name_len..].starts_with('}') => {
                out.push_str(v);
                rest = &after[name_len + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn push_once(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}

/// Why a short code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    TooLong,
    /// Only letters a–z, digits and `-`.
    BadCharacter,
    /// Another saved reply of the workspace has it in the same language.
    Taken,
}

/// Checks a short code (a leading `/` and surrounding spaces are dropped, letters lowered).
pub fn check_code<'a>(
    raw: &str,
    language: &str,
    others: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<String, CodeError> {
    let code = raw.trim().trim_start_matches('/').to_lowercase();
    if code.is_empty() {
        return Err(CodeError::Empty);
    }
    if code.chars().count() > MAX_CODE {
        return Err(CodeError::TooLong);
    }
    if !code
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(CodeError::BadCharacter);
    }
    if others
        .into_iter()
        .any(|(c, lang)| c == code && lang == language)
    {
        return Err(CodeError::Taken);
    }
    Ok(code)
}

/// The `/code` being typed at the end of `typed` (after a space or at the start), if any:
/// what the picker filters on.
pub fn code_being_typed(typed: &str) -> Option<&str> {
    let start = typed.rfind('/')?;
    let before_ok = start == 0 || typed[..start].ends_with(char::is_whitespace);
    let code = &typed[start + 1..];
    (before_ok && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')).then_some(code)
}

/// The saved replies whose code starts with the one being typed, in the reply's language
/// first, then by code (an exact match, being a prefix of the others, comes first).
pub fn matching<'a>(replies: &'a [SavedReply], code: &str, language: &str) -> Vec<&'a SavedReply> {
    let code = code.to_lowercase();
    let mut found: Vec<&SavedReply> = replies
        .iter()
        .filter(|r| r.code.starts_with(&code))
        .collect();
    sorting::sort_by(&mut found[..], |a, b| {
        (a.language != language, &a.code).cmp(&(b.language != language, &b.code))
    });
    found
}
