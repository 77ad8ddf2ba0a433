//! Applies language, theme and text size to the document root, following preferences.

use leptos::prelude::*;

use crate::domain::preferences::Theme;

use super::state::AppState;

pub fn follow_preferences(state: AppState) {
    Effect::new(move |_| {
        let prefs = state.prefs.get();
        let lang = state.lang.get();
        let Some(root) = document().document_element() else {
            return;
        };
        let _ = root.set_attribute("lang", lang.tag());
        let _ = match prefs.theme {
            Theme::System => root.remove_attribute("data-theme"),
            theme => root.set_attribute("data-theme", theme.as_str()),
        };
        let _ = root
            .class_list()
            .toggle_with_force("large-text", prefs.large_text);
        document().set_title(&format!(
            "Attaché — {}",
            crate::ui::i18n::Msg::Tagline.get(lang)
        ));
    });
}
