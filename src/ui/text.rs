//! Reading interface sentences in the current language, reactively.

use leptos::prelude::*;

use crate::domain::i18n::{fill, Msg};
use crate::domain::locale::Lang;

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

    pub fn get(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    pub fn fill(&self, msg: Msg, values: &[&str]) -> String {
        fill(msg.text(self.lang.get()), values)
    }
}

pub fn use_text() -> Text {
    Text {
        lang: use_app().lang,
    }
}
