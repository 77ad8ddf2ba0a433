//! Settings: language, appearance (theme, large text), and how dates and numbers look.

mod data_section;
mod encrypt_everything;
mod sealed_export;
mod security_section;
mod storage_section;

use leptos::prelude::*;

use crate::domain::locale::Lang;
use crate::domain::preferences::Theme;
use crate::ui::format::{long_date, number};
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

fn theme_label(theme: Theme) -> Msg {
    match theme {
        Theme::System => Msg::ThemeSystem,
        Theme::Light => Msg::ThemeLight,
        Theme::Dark => Msg::ThemeDark,
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let chosen_lang = move || state.prefs.with(|p| p.lang.map(|l| l.tag()).unwrap_or(""));
    let on_lang = move |ev| {
        let value = event_target_value(&ev);
        state.update_prefs(|p| p.lang = Lang::from_tag(&value));
    };
    let example = move || {
        let lang = t.lang();
        t.fill(
            Msg::FormatsExample,
            &[
                ("today", &long_date(lang, js_sys::Date::now())),
                ("number", &number(lang, 12_345.0)),
            ],
        )
    };
    view! {
        <h1>{t.tr(Msg::NavSettings)}</h1>
        <p>{t.tr(Msg::SettingsIntro)}</p>

        <section aria-labelledby="settings-language">
            <h2 id="settings-language">{t.tr(Msg::LanguageHeading)}</h2>
            <label for="language-select" class="visually-hidden">{t.tr(Msg::LanguageHeading)}</label>
            <select id="language-select" on:change=on_lang>
                <option value="" prop:selected=move || chosen_lang().is_empty()>
                    {t.tr(Msg::LanguageAuto)}
                </option>
                {Lang::ALL.into_iter().map(|l| view! {
                    <option value=l.tag() lang=l.tag() prop:selected=move || chosen_lang() == l.tag()>
                        {l.endonym()}
                    </option>
                }).collect_view()}
            </select>
        </section>

        <section aria-labelledby="settings-appearance">
            <h2 id="settings-appearance">{t.tr(Msg::AppearanceHeading)}</h2>
            <fieldset>
                <legend>{t.tr(Msg::ThemeLabel)}</legend>
                {Theme::ALL.into_iter().map(|theme| {
                    let id = format!("theme-{}", theme.as_str());
                    view! {
                        <div class="choice">
                            <input type="radio" name="theme" id=id.clone() value=theme.as_str()
                                prop:checked=move || state.prefs.with(|p| p.theme == theme)
                                on:change=move |_| state.update_prefs(|p| p.theme = theme)/>
                            <label for=id>{move || t.get(theme_label(theme))}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="choice">
                <input type="checkbox" id="large-text" aria-describedby="large-text-hint"
                    prop:checked=move || state.prefs.with(|p| p.large_text)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.update_prefs(|p| p.large_text = on);
                    }/>
                <label for="large-text">{t.tr(Msg::LargeText)}</label>
            </div>
            <p id="large-text-hint" class="hint">{t.tr(Msg::LargeTextHint)}</p>
        </section>

        <security_section::SecuritySection/>
        <storage_section::StorageSection/>
        <data_section::DataSection/>

        <section aria-labelledby="settings-formats">
            <h2 id="settings-formats">{t.tr(Msg::FormatsHeading)}</h2>
            <p data-testid="formats-example">{example}</p>
        </section>
    }
}
