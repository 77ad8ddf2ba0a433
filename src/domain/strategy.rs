//! The brand's strategy for one workspace: its community mission and audience, the tone of
//! voice (do / don't, with examples), and the glossary — preferred terms, and banned terms
//! with their replacement, for one language or all. The composer asks [`banned_hits`] where
//! a text uses a banned term and [`replace_hit`] to put the replacement in its place.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// One record per workspace, stored in the library under [`strategy_id`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Strategy {
    #[serde(default)]
    pub mission: String,
    #[serde(default)]
    pub audience: String,
    /// What the brand's voice does, one line each (an example may follow a colon).
    #[serde(default)]
    pub tone_do: Vec<String>,
    /// What it never does.
    #[serde(default)]
    pub tone_dont: Vec<String>,
    #[serde(default)]
    pub glossary: Vec<Term>,
    #[serde(default)]
    pub objectives: Vec<super::objectives::Objective>,
    #[serde(default)]
    pub personas: Vec<Persona>,
    /// The networks the brand is on (new posts go to these), as chosen at the first run.
    #[serde(default)]
    pub networks: Vec<super::network::Network>,
    /// When the strategy was last saved (UTC ms); the audit reads it.
    #[serde(default)]
    pub updated_at: f64,
    /// When the objectives' figures (the report) were last looked at (UTC ms).
    #[serde(default)]
    pub report_viewed_at: Option<f64>,
    /// When the brand answers: outside these hours, waiting is not counted in the response
    /// times (`None`: every hour counts).
    #[serde(default)]
    pub working_hours: Option<super::response_times::WorkingHours>,
}

/// What the strategy page's text fields say, as typed: the mission, the audience, and the
/// tone's do's and don'ts (one per line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StrategyWords {
    pub mission: String,
    pub audience: String,
    pub tone_do: String,
    pub tone_dont: String,
}

impl StrategyWords {
    /// The words of a saved strategy, as the page shows them.
    pub fn of(s: &Strategy) -> StrategyWords {
        StrategyWords {
            mission: s.mission.clone(),
            audience: s.audience.clone(),
            tone_do: s.tone_do.join("\n"),
            tone_dont: s.tone_dont.join("\n"),
        }
    }
}

/// The non-blank lines of `text`, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

impl Strategy {
    /// Takes the page's words: trimmed, the tone one line per entry, blank lines dropped.
    pub fn take_words(&mut self, words: &StrategyWords) {
        self.mission = words.mission.trim().to_string();
        self.audience = words.audience.trim().to_string();
        self.tone_do = lines(&words.tone_do);
        self.tone_dont = lines(&words.tone_dont);
    }
}

/// Someone the community is for: who they are, what they need, where they are found, and
/// what they expect from the brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Persona {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub needs: String,
    /// Networks, places, times of day.
    #[serde(default)]
    pub where_found: String,
    #[serde(default)]
    pub expects: String,
}

/// A persona needs a name (the rest may come later); trimmed, at most 100 characters.
pub fn check_persona_name(name: &str) -> Result<String, TermError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(TermError::Empty)
    } else if name.chars().count() > TERM_MAX_CHARS {
        Err(TermError::TooLong)
    } else {
        Ok(name)
    }
}

/// A banned term and what to write instead, for one language (`"en"`, `"fr"`) or all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub banned: String,
    pub replacement: String,
    #[serde(default)]
    pub lang: Option<String>,
}

pub fn strategy_id(workspace_id: &str) -> String {
    format!("strategy:{workspace_id}")
}

/// Why a glossary entry was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermError {
    Empty,
    TooLong,
    /// The same banned term is already there for that language.
    Duplicate,
    /// The replacement is the banned term itself.
    Circular,
}

pub const TERM_MAX_CHARS: usize = 100;

/// Checks and tidies an entry (trimmed, inner white space collapsed) against the glossary.
pub fn check_term(
    glossary: &[Term],
    banned: &str,
    replacement: &str,
    lang: Option<&str>,
) -> Result<Term, TermError> {
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (banned, replacement) = (tidy(banned), tidy(replacement));
    if banned.is_empty() || replacement.is_empty() {
        return Err(TermError::Empty);
    }
    if banned.chars().count() > TERM_MAX_CHARS || replacement.chars().count() > TERM_MAX_CHARS {
        return Err(TermError::TooLong);
    }
    if fold(&banned) == fold(&replacement) {
        return Err(TermError::Circular);
    }
    let lang = lang.filter(|l| !l.is_empty()).map(str::to_string);
    if glossary
        .iter()
        .any(|t| fold(&t.banned) == fold(&banned) && t.lang == lang)
    {
        return Err(TermError::Duplicate);
    }
    Ok(Term {
        banned,
        replacement,
        lang,
    })
}

/// Lower case, for comparing terms.
fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// A banned term found in a text: its byte range, the words as written, what to use instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub found: String,
    pub replacement: String,
}

/// Where `text` uses a banned term of `glossary` that applies to `lang` (entries without a
/// language apply to all). Matches whole words, ignoring case; multi-word terms match across
/// the same words. Hits come in text order and never overlap (the longest term wins).
pub fn banned_hits(text: &str, glossary: &[Term], lang: &str) -> Vec<Hit> {
    let terms: Vec<(&Term, Vec<char>)> = glossary
        .iter()
        .filter(|t| {
            t.lang
                .as_deref()
                .is_none_or(|l| l.eq_ignore_ascii_case(lang))
        })
        .map(|t| (t, fold(&t.banned).chars().collect::<Vec<char>>()))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    if terms.is_empty() {
        return vec![];
    }
    // Word starts, and the ends of words (where a match may stop).
    let bounds: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    let is_word = |s: &str| s.chars().any(char::is_alphanumeric);
    let ends: std::collections::HashSet<usize> = bounds
        .iter()
        .filter(|(_, w)| is_word(w))
        .map(|(i, w)| i + w.len())
        .collect();
    let mut hits: Vec<Hit> = vec![];
    let mut next_free = 0;
    for &(start, word) in &bounds {
        if start < next_free || !is_word(word) {
            continue;
        }
        let mut best: Option<(usize, &Term)> = None;
        for (term, folded) in &terms {
            if let Some(end) = match_at(text, start, folded) {
                if ends.contains(&end) && best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, term));
                }
            }
        }
        if let Some((end, term)) = best {
            let found = text[start..end].to_string();
            hits.push(Hit {
                start,
                end,
                replacement: keep_capital(&found, &term.replacement),
                found,
            });
            next_free = end;
        }
    }
    hits
}

/// Where `folded` (lower case) matches `text` from byte `start`, case-insensitively, with
/// any run of white space in the text matching one space of the term.
fn match_at(text: &str, start: usize, folded: &[char]) -> Option<usize> {
    let mut chars = text[start..].char_indices().peekable();
    let mut i = 0;
    while i < folded.len() {
        let (_, c) = chars.next()?;
        if folded[i] == ' ' && c.is_whitespace() {
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
            }
            i += 1;
            continue;
        }
        let mut lower = c.to_lowercase();
        for want in lower.by_ref() {
            if folded.get(i) != Some(&want) {
                return None;
            }
            i += 1;
        }
    }
    Some(match chars.next() {
        Some((offset, _)) => start + offset,
        None => text.len(),
    })
}

/// The replacement with a capital first letter when the text had one there.
fn keep_capital(found: &str, replacement: &str) -> String {
    let capital = found.chars().next().is_some_and(char::is_uppercase);
    let mut r = replacement.chars();
    match r.next() {
        Some(first) if capital && !first.is_uppercase() => first.to_uppercase().chain(r).collect(),
        Some(first) => std::iter::once(first).chain(r).collect(),
        None => String::new(),
    }
}

/// `text` with the hit replaced.
pub fn replace_hit(text: &str, hit: &Hit) -> String {
    if text.get(hit.start..hit.end) != Some(hit.found.as_str()) {
        return text.to_string();
    }
    format!(
        "{}{}{}",
        &text[..hit.start],
        hit.replacement,
        &text[hit.end..]
    )
}
