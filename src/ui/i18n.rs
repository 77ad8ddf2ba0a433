//! Every sentence of the interface, in English and French, keyed by [`Lang`]. The table is
//! split by area of the app (`i18n/*.rs`, one `…_messages!` list each) and assembled here into
//! one `enum Msg` whose text is a `match` per message, so a message missing in one language
//! does not compile.
//!
//! A sentence names its values: `{name}`, `{network}`, `{when}`… filled by name with
//! [`fill`] (or `Text::fill` in a component): `t.fill(Msg::Created, &[("name", &ws.name)])`.
//! A sentence that depends on a number carries both plural forms per language
//! (`plural("{count} day", "{count} days")`), chosen by [`PluralCategory::of`] following CLDR,
//! and `{count}` is the number: `t.plural(Msg::RoutineStreak, n, &[])`.

use std::fmt::{Display, Write};

use crate::domain::locale::Lang;

/// A plural category of CLDR, as far as English and French need them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Other,
}

impl PluralCategory {
    /// CLDR cardinal rules. English: `one` for exactly 1 (no fraction); French: `one` when the
    /// integer part is 0 or 1 (0, 1, 1.5); `other` otherwise.
    pub fn of(lang: Lang, n: f64) -> PluralCategory {
        let n = n.abs();
        let one = match lang {
            Lang::En => n == 1.0,
            Lang::Fr => n.trunc() <= 1.0,
        };
        if one {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    }
}

/// The words of one message in one language: one sentence, or its two plural forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentence {
    Plain(&'static str),
    /// Chosen by the number the sentence counts (`{count}`).
    Plural {
        one: &'static str,
        other: &'static str,
    },
}

impl Sentence {
    /// The sentence for `n` things (a plain sentence does not depend on it).
    pub fn for_count(self, lang: Lang, n: f64) -> &'static str {
        match (self, PluralCategory::of(lang, n)) {
            (Sentence::Plain(s), _) => s,
            (Sentence::Plural { one, .. }, PluralCategory::One) => one,
            (Sentence::Plural { other, .. }, PluralCategory::Other) => other,
        }
    }

    /// Every form: one for a plain sentence, `[one, other]` for a plural one.
    pub fn forms(self) -> Vec<&'static str> {
        match self {
            Sentence::Plain(s) => vec![s],
            Sentence::Plural { one, other } => vec![one, other],
        }
    }
}

/// The words a message table gives (a plain `&str` or a `plural(…)`), made a `Sentence` in a
/// constant: `From` cannot be called there, an inherent method per type can.
struct Words<T>(T);

impl Words<&'static str> {
    const fn sentence(self) -> Sentence {
        Sentence::Plain(self.0)
    }
}

impl Words<Sentence> {
    const fn sentence(self) -> Sentence {
        self.0
    }
}

/// A sentence whose words change with `{count}`: the `one` form, then the `other` form.
pub const fn plural(one: &'static str, other: &'static str) -> Sentence {
    Sentence::Plural { one, other }
}

/// A number of things a plural sentence counts: any unsigned integer.
pub trait Count: Copy + Display {
    fn as_f64(self) -> f64;
}

macro_rules! count_for {
    ($($t:ty),*) => {
        $(impl Count for $t {
            fn as_f64(self) -> f64 {
                self as f64
            }
        })*
    };
}
count_for!(u8, u16, u32, u64, usize);

impl<C: Count> Count for &C {
    fn as_f64(self) -> f64 {
        (*self).as_f64()
    }
}

/// The values of a sentence's placeholders, by name.
pub type Args<'a> = [(&'a str, &'a dyn Display)];

/// Replaces each `{name}` in `template` by the value given under that name. A placeholder
/// without a value stays as it is, so a forgotten value shows instead of vanishing.
pub fn fill(template: &str, args: &Args) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let value = close.and_then(|c| args.iter().find(|(name, _)| *name == &after[..c]));
        match (close, value) {
            (Some(c), Some((_, v))) => {
                let _ = write!(out, "{v}");
                rest = &after[c + 1..];
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

/// The names between braces in `template`, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = vec![];
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(c) => {
                names.push(&after[..c]);
                rest = &after[c + 1..];
            }
            None => break,
        }
    }
    names
}

/// The last link of the chain: every area's messages, gathered into one `enum Msg`.
macro_rules! messages {
    ([] $($key:ident => $en:expr, $fr:expr;)*) => {
        /// A sentence of the interface, independent of language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every message, for tests that check the table as a whole.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The words in `lang`.
            pub fn text(self, lang: Lang) -> Sentence {
                /// Every message's words, English then French, in the order of `Msg`: one
                /// table in the wasm's data, rather than a `match` of every message in both
                /// languages compiled to code (issue 17).
                static WORDS: &[[Sentence; 2]] = &[$([Words($en).sentence(), Words($fr).sentence()]),*];
                WORDS[self as usize][match lang {
                    Lang::En => 0,
                    Lang::Fr => 1,
                }]
            }
        }
    };
}

// Each area file defines `<area>_messages!`, which adds its entries and hands the list on to
// the next macro named in the brackets; `messages!` ends the chain.
#[macro_use]
mod accounts;
#[macro_use]
mod audit;
#[macro_use]
mod calendar;
#[macro_use]
mod compose;
#[macro_use]
mod inbox;
#[macro_use]
mod library;
#[macro_use]
mod listening;
#[macro_use]
mod lock;
#[macro_use]
mod people;
#[macro_use]
mod reports;
#[macro_use]
mod response;
#[macro_use]
mod sending;
#[macro_use]
mod settings;
#[macro_use]
mod shell;
#[macro_use]
mod strategy;
#[macro_use]
mod today;
#[macro_use]
mod triage;
#[macro_use]
mod workspaces;

shell_messages! {
    [workspaces_messages settings_messages compose_messages calendar_messages library_messages
     accounts_messages sending_messages inbox_messages triage_messages people_messages listening_messages reports_messages response_messages strategy_messages today_messages
     audit_messages lock_messages messages]
}

impl Msg {
    /// The sentence in `lang`; for a plural message, its `other` form.
    pub fn get(self, lang: Lang) -> &'static str {
        self.text(lang).for_count(lang, 2.0)
    }
}
