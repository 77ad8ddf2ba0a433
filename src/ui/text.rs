//! Reading interface sentences in the current language, reactively. The sentences themselves
//! are in `ui/i18n.rs`.

use leptos::prelude::*;

use crate::domain::locale::Lang;
use crate::ui::i18n::{fill, Args, Count, Msg};

use super::state::use_app;

/// The interface language as a signal, with helpers to read sentences in it.
#[derive(Clone, Copy)]
pub struct Text {
    lang: Signal<Lang>,
}

impl Text {
    /// Sentences in the language `lang` says (for code that has the app state at hand).
    pub fn of(lang: Signal<Lang>) -> Text {
        Text { lang }
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// A sentence without values as a view's text or an attribute's value, following the
    /// language: `{t.tr(Msg::Save)}`, `aria-label=t.tr(Msg::Close)`. Every call returns the
    /// same closure type, so the view code behind it is compiled once for the whole app (a
    /// `move || t.get(…)` written at each place is compiled once per place: 77 KB of wasm
    /// for 335 places, measured).
    pub fn tr(&self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let t = *self;
        move || t.get(msg)
    }

    /// A sentence without values.
    pub fn get(&self, msg: Msg) -> &'static str {
        let lang = self.lang.get();
        debug_assert_plain(msg, lang);
        msg.get(lang)
    }

    /// A sentence with its `{name}`s filled: `t.fill(Msg::Created, &[("name", &ws.name)])`.
    pub fn fill(&self, msg: Msg, args: &Args) -> String {
        let lang = self.lang.get();
        debug_assert_plain(msg, lang);
        fill(msg.get(lang), args)
    }

    /// A sentence about `count` things, in the plural form the language uses for that number,
    /// with `{count}` and the other `{name}`s filled:
    /// `t.plural(Msg::RoutineStreak, days, &[])`. A non-integer count would be a figure, not a
    /// number of things: sentences with one take it as a plain value.
    pub fn plural(&self, msg: Msg, count: impl Count, args: &Args) -> String {
        let lang = self.lang.get();
        let template = msg.text(lang).for_count(lang, count.as_f64());
        let mut all: Vec<(&str, &dyn std::fmt::Display)> = vec![("count", &count)];
        all.extend_from_slice(args);
        fill(template, &all)
    }
}

/// A sentence that counts things is read with [`Text::plural`], which knows the number.
fn debug_assert_plain(msg: Msg, lang: Lang) {
    debug_assert!(
        matches!(msg.text(lang), crate::ui::i18n::Sentence::Plain(_)),
        "{msg:?} is a plural message: read it with Text::plural"
    );
}

pub fn use_text() -> Text {
    Text {
        lang: use_app().lang,
    }
}
