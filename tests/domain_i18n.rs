//! The message table: both languages complete and consistent.

use attache::domain::i18n::{fill, Msg};
use attache::domain::locale::Lang;

#[test]
fn every_message_has_text_in_both_languages() {
    for msg in Msg::ALL {
        for lang in Lang::ALL {
            assert!(
                !msg.text(lang).trim().is_empty(),
                "{msg:?} is empty in {lang:?}"
            );
        }
    }
}

#[test]
fn both_languages_take_the_same_number_of_values() {
    for msg in Msg::ALL {
        let en = msg.text(Lang::En).matches("{}").count();
        let fr = msg.text(Lang::Fr).matches("{}").count();
        assert_eq!(en, fr, "{msg:?}");
    }
}

#[test]
fn french_sentences_are_not_left_in_english() {
    let same: Vec<_> = Msg::ALL
        .iter()
        .filter(|m| {
            m.text(Lang::En) == m.text(Lang::Fr) && !matches!(**m, Msg::AppName | Msg::NavNotes)
        })
        .collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
}

#[test]
fn values_fill_the_placeholders_in_order() {
    assert_eq!(fill("{} then {}", &["a", "b"]), "a then b");
    assert_eq!(
        fill(Msg::Created.text(Lang::Fr), &["Café"]),
        "Espace «\u{a0}Café\u{a0}» créé."
    );
    assert_eq!(fill("{} and {}", &["only"]), "only and {}");
}
