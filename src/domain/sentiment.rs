//! A sentiment hint for a short message, worked out on the device in French or English:
//! the VADER approach (Hutto & Gilbert, 2014) over lexicons written for Attaché
//! (`sentiment/lexicon_en.rs`, `lexicon_fr.rs`, `emoji.rs`): each word's valence, made
//! stronger or weaker by the words just before it ("very", "un peu"), turned around by a
//! negation among the three words before it (once, so French "ne … pas" counts once), a
//! word in capitals in a text that is not all capitals weighing more, what follows "but" /
//! "mais" weighing more than what came before, and exclamation marks adding emphasis. The
//! sum is normalised to a compound score in [−1, 1]; ±0.05 separates the three hints.
//! Nothing leaves the device. Phrases ("pas terrible", "can't wait", "waste of time") are
//! read before their words; a phrase that holds a negation is not negated again.

mod emoji;
mod lexicon_en;
mod lexicon_fr;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::search::fold;

/// The hint shown: never a verdict, and the user may correct it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sentiment {
    Negative,
    Neutral,
    Positive,
}

/// The two languages with lexicons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    French,
}

/// Compound scores beyond this are positive or negative.
pub const THRESHOLD: f64 = 0.05;
const NEGATE: f64 = -0.74;
const CAPS: f64 = 0.733;
const ALPHA: f64 = 15.0;
/// Exclamation marks counted, and what each adds.
const MAX_MARKS: usize = 4;
const MARK: f64 = 0.292;

/// Phrases by their first word: the words that follow, and the phrase's value.
type Phrases = HashMap<String, Vec<(Vec<String>, f32)>>;

struct Lexicon {
    words: HashMap<String, f32>,
    phrases: Phrases,
    boosters: HashMap<String, f32>,
    booster_phrases: Phrases,
    negations: Vec<String>,
    but: Vec<String>,
}

fn split_entries(entries: &[(&str, f32)]) -> (HashMap<String, f32>, Phrases) {
    let mut words = HashMap::new();
    let mut phrases: Phrases = HashMap::new();
    for (key, v) in entries {
        let parts = tokens_of(key);
        match parts.as_slice() {
            [] => {}
            [one] => {
                words.insert(one.clone(), *v);
            }
            [first, rest @ ..] => {
                let list = phrases.entry(first.clone()).or_default();
                list.push((rest.to_vec(), *v));
                // The longest phrase is tried first.
                super::sorting::sort_by_key(list, |(r, _)| std::cmp::Reverse(r.len()));
            }
        }
    }
    (words, phrases)
}

fn build(
    words: &[(&str, f32)],
    boosters: &[(&str, f32)],
    negations: &[&str],
    but: &[&str],
) -> Lexicon {
    let (mut w, phrases) = split_entries(words);
    for (e, v) in emoji::EMOJI {
        w.insert(fold(e), *v);
    }
    let (boosters, booster_phrases) = split_entries(boosters);
    Lexicon {
        words: w,
        phrases,
        boosters,
        booster_phrases,
        negations: negations.iter().map(|n| fold(n)).collect(),
        but: but.iter().map(|b| fold(b)).collect(),
    }
}

fn lexicon(lang: Language) -> &'static Lexicon {
    static EN: OnceLock<Lexicon> = OnceLock::new();
    static FR: OnceLock<Lexicon> = OnceLock::new();
    match lang {
        Language::English => EN.get_or_init(|| {
            build(
                lexicon_en::WORDS,
                lexicon_en::BOOSTERS,
                lexicon_en::NEGATIONS,
                lexicon_en::BUT,
            )
        }),
        Language::French => FR.get_or_init(|| {
            build(
                lexicon_fr::WORDS,
                lexicon_fr::BOOSTERS,
                lexicon_fr::NEGATIONS,
                lexicon_fr::BUT,
            )
        }),
    }
}

/// A token of the text: its folded form and whether it was written in capitals.
#[derive(Debug, Clone)]
struct Token {
    word: String,
    caps: bool,
}

fn is_emoticon(s: &str) -> bool {
    emoji::EMOJI.iter().any(|(e, _)| e.eq_ignore_ascii_case(s))
}

/// The folded words of `text`: split on white space; an emoticon kept whole; English
/// `n't` joined (`don't` → `dont`), other apostrophes split (`j'adore` → `j`, `adore`);
/// punctuation at the ends dropped; emoji apart from the letters around them.
fn tokens_of(text: &str) -> Vec<String> {
    split(text).into_iter().map(|t| t.word).collect()
}

fn split(text: &str) -> Vec<Token> {
    let mut out = vec![];
    for raw in text.split_whitespace() {
        if is_emoticon(raw) {
            out.push(Token {
                word: raw.to_lowercase(),
                caps: false,
            });
            continue;
        }
        let raw = raw.replace('’', "'");
        let lowered = fold(&raw);
        let caps = raw.chars().any(char::is_alphabetic)
            && raw
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && raw.chars().filter(|c| c.is_alphabetic()).count() > 1;
        // Emoji and pictographs are words of their own.
        let mut current = String::new();
        let mut pieces: Vec<String> = vec![];
        for c in lowered.chars() {
            if c.is_alphanumeric() || c == '\'' || c == '-' {
                current.push(c);
            } else if is_pictograph(c) {
                if !current.is_empty() {
                    pieces.push(std::mem::take(&mut current));
                }
                pieces.push(c.to_string());
            } else if c == '\u{fe0f}' || c == '\u{200d}' {
                // Variation selectors and joiners belong to the emoji before them.
            } else if !current.is_empty() {
                pieces.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            pieces.push(current);
        }
        for p in pieces {
            let p = p.trim_matches(['\'', '-']).to_string();
            if p.is_empty() {
                continue;
            }
            if let Some(stem) = p.strip_suffix("n't") {
                out.push(Token {
                    word: format!("{stem}nt"),
                    caps,
                });
            } else if p.contains('\'') {
                out.extend(p.split('\'').filter(|s| !s.is_empty()).map(|s| Token {
                    word: s.to_string(),
                    caps,
                }));
            } else {
                out.push(Token { word: p, caps });
            }
        }
    }
    out
}

fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B06 | 0x2194..=0x21FF)
}

/// The language of `text` by its most common little words, when `hint` (a language code
/// such as `fr`, `en-GB`) does not say.
pub fn language_of(text: &str, hint: &str) -> Language {
    match hint.split(['-', '_']).next().unwrap_or("") {
        "fr" => return Language::French,
        "en" => return Language::English,
        _ => {}
    }
    const FR: &[&str] = &[
        "le", "la", "les", "de", "des", "du", "et", "est", "je", "j", "c", "pas", "pour", "un",
        "une", "tres", "avec", "vous", "nous", "merci", "sur", "mais", "ce", "qui", "que", "on",
        "au", "aux", "en", "trop",
    ];
    const EN: &[&str] = &[
        "the", "and", "is", "i", "to", "of", "a", "it", "for", "with", "this", "my", "you", "your",
        "we", "not", "but", "so", "was", "are", "thanks", "love", "on", "in", "just", "very",
    ];
    let words = tokens_of(text);
    let fr = words.iter().filter(|w| FR.contains(&w.as_str())).count();
    let en = words.iter().filter(|w| EN.contains(&w.as_str())).count();
    if en > fr {
        Language::English
    } else {
        Language::French
    }
}

/// The compound score of `text` in `lang`, in [−1, 1].
pub fn compound(text: &str, lang: Language) -> f64 {
    let lex = lexicon(lang);
    let tokens = split(text);
    let letters_caps = {
        let all: Vec<bool> = tokens
            .iter()
            .filter(|t| t.word.chars().any(char::is_alphabetic))
            .map(|t| t.caps)
            .collect();
        !all.is_empty() && all.iter().all(|c| *c)
    };
    // Read phrases first: each item is (words covered, valence if any, is negation, booster).
    struct Item {
        valence: Option<f64>,
        negation: bool,
        booster: f64,
        but: bool,
        caps: bool,
        holds_negation: bool,
    }
    let words: Vec<&str> = tokens.iter().map(|t| t.word.as_str()).collect();
    let mut items: Vec<Item> = vec![];
    let mut i = 0;
    let matches = |list: Option<&Vec<(Vec<String>, f32)>>, at: usize| -> Option<(usize, f32)> {
        list?.iter().find_map(|(rest, v)| {
            let end = at + 1 + rest.len();
            (end <= words.len() && words[at + 1..end].iter().zip(rest).all(|(a, b)| *a == b))
                .then_some((rest.len() + 1, *v))
        })
    };
    while i < words.len() {
        let w = words[i];
        if let Some((n, v)) = matches(lex.phrases.get(w), i) {
            let holds_negation = words[i..i + n]
                .iter()
                .any(|x| lex.negations.iter().any(|ng| ng == x));
            items.push(Item {
                valence: Some(f64::from(v)),
                negation: false,
                booster: 0.0,
                but: false,
                caps: tokens[i..i + n].iter().any(|t| t.caps),
                holds_negation,
            });
            i += n;
            continue;
        }
        if let Some((n, v)) = matches(lex.booster_phrases.get(w), i) {
            items.push(Item {
                valence: None,
                negation: false,
                booster: f64::from(v),
                but: false,
                caps: false,
                holds_negation: false,
            });
            i += n;
            continue;
        }
        let negation = lex.negations.iter().any(|n| n == w);
        let booster = lex.boosters.get(w).copied().map(f64::from).unwrap_or(0.0);
        let valence = lex
            .words
            .get(w)
            .or_else(|| stem(&lex.words, w))
            .copied()
            .map(f64::from);
        items.push(Item {
            // A booster word is not also a sentiment ("super bon"); alone at the end it is.
            valence: if booster != 0.0 && i + 1 < words.len() {
                None
            } else {
                valence
            },
            negation,
            booster,
            but: lex.but.iter().any(|b| b == w),
            caps: tokens[i].caps,
            holds_negation: false,
        });
        i += 1;
    }
    let but_at = items.iter().position(|it| it.but);
    let mut sum = 0.0;
    for (k, it) in items.iter().enumerate() {
        let Some(mut v) = it.valence else { continue };
        if it.caps && !letters_caps {
            v += CAPS * v.signum();
        }
        for back in 1..=3 {
            let Some(prev) = k.checked_sub(back).map(|j| &items[j]) else {
                break;
            };
            if prev.booster != 0.0 {
                let scale = [1.0, 0.95, 0.9][back - 1];
                v += prev.booster * scale * v.signum();
            }
        }
        let negated = !it.holds_negation
            && (1..=3).any(|back| k.checked_sub(back).is_some_and(|j| items[j].negation));
        if negated {
            v *= NEGATE;
        }
        if let Some(b) = but_at {
            if k < b {
                v *= 0.5;
            } else if k > b {
                v *= 1.5;
            }
        }
        sum += v;
    }
    if sum != 0.0 {
        let marks = text.matches('!').count().min(MAX_MARKS) as f64;
        sum += marks * MARK * sum.signum();
    }
    sum / (sum * sum + ALPHA).sqrt()
}

/// A word not in the lexicon may be a plural or feminine of one that is.
fn stem<'a>(words: &'a HashMap<String, f32>, w: &str) -> Option<&'a f32> {
    ["s", "e", "es", "x"]
        .iter()
        .filter_map(|suffix| w.strip_suffix(suffix))
        .filter(|s| s.chars().count() >= 3)
        .find_map(|s| words.get(s))
}

/// The hint for a score.
pub fn of_score(compound: f64) -> Sentiment {
    if compound >= THRESHOLD {
        Sentiment::Positive
    } else if compound <= -THRESHOLD {
        Sentiment::Negative
    } else {
        Sentiment::Neutral
    }
}

/// The hint for `text` whose language the network said is `lang_hint` (may be empty).
pub fn hint(text: &str, lang_hint: &str) -> Sentiment {
    of_score(compound(text, language_of(text, lang_hint)))
}

/// How well the hints match a labelled set.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub total: usize,
    pub accuracy: f64,
    /// The mean of the three classes' F1 scores.
    pub macro_f1: f64,
    /// `confusion[labelled][hinted]`, in the order negative, neutral, positive.
    pub confusion: [[usize; 3]; 3],
}

fn index(s: Sentiment) -> usize {
    match s {
        Sentiment::Negative => 0,
        Sentiment::Neutral => 1,
        Sentiment::Positive => 2,
    }
}

/// Reads a labelled line `negative|neutral|positive<TAB>text`.
pub fn labelled_line(line: &str) -> Option<(Sentiment, &str)> {
    let (label, text) = line.split_once('\t')?;
    let s = match label.trim() {
        "negative" => Sentiment::Negative,
        "neutral" => Sentiment::Neutral,
        "positive" => Sentiment::Positive,
        _ => return None,
    };
    Some((s, text))
}

/// The hints of `hinted` against the labels of `set`.
pub fn evaluate(set: &[(Sentiment, &str)], hinted: impl Fn(&str) -> Sentiment) -> Evaluation {
    let mut confusion = [[0usize; 3]; 3];
    for (label, text) in set {
        confusion[index(*label)][index(hinted(text))] += 1;
    }
    let total = set.len();
    let right: usize = (0..3).map(|k| confusion[k][k]).sum();
    let f1 = |k: usize| {
        let tp = confusion[k][k] as f64;
        let predicted: usize = (0..3).map(|r| confusion[r][k]).sum();
        let actual: usize = confusion[k].iter().sum();
        let (p, r) = (tp / predicted.max(1) as f64, tp / actual.max(1) as f64);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    Evaluation {
        total,
        accuracy: right as f64 / total.max(1) as f64,
        macro_f1: (f1(0) + f1(1) + f1(2)) / 3.0,
        confusion,
    }
}
