//! Choosing the interface language, and user preferences.

use attache::domain::locale::{negotiate, Lang};
use attache::domain::preferences::{Preferences, Theme};

#[test]
fn the_first_browser_language_we_speak_wins() {
    assert_eq!(negotiate(&["de-DE", "fr-CA", "en-US"]), Lang::Fr);
    assert_eq!(negotiate(&["en-GB", "fr"]), Lang::En);
}

#[test]
fn regional_and_underscore_variants_match_their_language() {
    assert_eq!(negotiate(&["FR_be"]), Lang::Fr);
    assert_eq!(negotiate(&["fr-u-ca-gregory"]), Lang::Fr);
}

#[test]
fn english_is_the_fallback_when_nothing_matches() {
    assert_eq!(negotiate(&["de", "ja"]), Lang::En);
    assert_eq!(negotiate::<&str>(&[]), Lang::En);
}

#[test]
fn a_chosen_language_overrides_the_browser() {
    let prefs = Preferences {
        lang: Some(Lang::Fr),
        ..Default::default()
    };
    assert_eq!(prefs.effective_lang(&["en-US"]), Lang::Fr);
    assert_eq!(Preferences::default().effective_lang(&["fr-FR"]), Lang::Fr);
}

#[test]
fn preferences_saved_by_an_older_build_load_with_defaults() {
    let old: Preferences = serde_json::from_str(r#"{"lang":"fr"}"#).unwrap();
    assert_eq!(old.lang, Some(Lang::Fr));
    assert_eq!(old.theme, Theme::System);
    assert!(!old.large_text);
}

#[test]
fn preferences_round_trip_through_json() {
    let prefs = Preferences {
        lang: Some(Lang::En),
        theme: Theme::Dark,
        large_text: true,
        current_workspace: Some("w1".into()),
    };
    let json = serde_json::to_string(&prefs).unwrap();
    assert!(json.contains(r#""theme":"dark""#), "{json}");
    assert_eq!(serde_json::from_str::<Preferences>(&json).unwrap(), prefs);
}
