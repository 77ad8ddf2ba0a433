//! Saved replies: variables filled from the conversation, an unknown or unfilled variable
//! named (never sent as `{…}`), short codes checked, and the `/code` picker's matching.

use attache::domain::saved_reply::{
    check_code, code_being_typed, fill, matching, CodeError, FillError, SavedReply, Values,
};

fn values() -> Values {
    Values::of(
        "Jeanne Dupont",
        "@jeanne@social.example",
        "Boulangerie Dupain",
        "Camille",
    )
}

#[test]
fn every_variable_is_filled_from_the_conversation() {
    let text = "Bonjour {first_name} ({handle}) ! Merci, {name}. — {my_name}, {brand}";
    assert_eq!(
        fill(text, &values()).unwrap(),
        "Bonjour Jeanne (@jeanne@social.example) ! Merci, Jeanne Dupont. — Camille, Boulangerie Dupain"
    );
}

#[test]
fn a_variable_without_a_value_is_named_not_sent() {
    let v = Values::of("", "@anon@x.example", "Boulangerie Dupain", "");
    assert_eq!(
        fill("Merci {first_name} ! {my_name} {first_name}", &v),
        Err(FillError::Unfilled(vec![
            "first_name".into(),
            "my_name".into()
        ]))
    );
    // A name of white space only is no value either.
    let v = Values::of("   ", "@a", "B", "C");
    assert!(matches!(fill("{name}", &v), Err(FillError::Unfilled(_))));
}

#[test]
fn a_misspelt_variable_is_named_before_any_other_problem() {
    let v = Values::of("", "", "", "");
    assert_eq!(
        fill("Hi {firstname}, {first_name} and {Brand}", &v),
        Err(FillError::Unknown(vec!["firstname".into(), "Brand".into()]))
    );
}

#[test]
fn braces_that_are_not_variables_stay_as_written() {
    for text in [
        "{ }",
        "a {{ b",
        "}",
        "{",
        "{first name}",
        "x{}",
        "😀{brand",
        "{brand-x}",
    ] {
        assert_eq!(fill(text, &values()).unwrap(), text, "{text:?}");
    }
    assert_eq!(
        fill("{{brand}}", &values()).unwrap(),
        "{Boulangerie Dupain}"
    );
}

#[test]
fn no_filled_reply_keeps_a_variable() {
    // Over a thousand shapes of text built from variables and stray braces.
    let pieces = [
        "{name}",
        "{brand}",
        "{",
        "}",
        "é",
        " ",
        "{handle}",
        "x ",
        "{{",
        "{my_name}",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let text = format!("{a}{b}{c}");
                // The pieces spell a variable only whole, so a filled text holds none.
                let out = fill(&text, &values()).expect("every variable here has a value");
                for v in ["{name}", "{brand}", "{handle}", "{my_name}", "{first_name}"] {
                    assert!(!out.contains(v), "{text:?} gave {out:?}");
                }
            }
        }
    }
}

#[test]
fn short_codes_are_checked() {
    let others = [("merci", "fr"), ("horaires", "fr")];
    assert_eq!(check_code(" /Merci-2 ", "fr", others), Ok("merci-2".into()));
    assert_eq!(check_code("/merci", "fr", others), Err(CodeError::Taken));
    assert_eq!(
        check_code("merci", "en", others),
        Ok("merci".into()),
        "another language"
    );
    assert_eq!(check_code(" / ", "fr", others), Err(CodeError::Empty));
    assert_eq!(
        check_code("très", "fr", others),
        Err(CodeError::BadCharacter)
    );
    assert_eq!(
        check_code("a b", "fr", others),
        Err(CodeError::BadCharacter)
    );
    assert_eq!(
        check_code(&"a".repeat(25), "fr", others),
        Err(CodeError::TooLong)
    );
}

#[test]
fn the_code_being_typed_is_found_at_the_end() {
    assert_eq!(code_being_typed("/mer"), Some("mer"));
    assert_eq!(code_being_typed("Bonjour /hor"), Some("hor"));
    assert_eq!(code_being_typed("Bonjour /"), Some(""));
    assert_eq!(
        code_being_typed("https://exemple.fr/pain"),
        None,
        "inside a link"
    );
    assert_eq!(code_being_typed("/merci déjà"), None, "a space ends it");
    assert_eq!(code_being_typed("Bonjour"), None);
}

#[test]
fn matching_puts_the_reply_s_language_first_then_the_codes_in_order() {
    let r = |code: &str, language: &str| SavedReply {
        id: format!("{code}-{language}"),
        workspace_id: "w".into(),
        code: code.into(),
        language: language.into(),
        text: String::new(),
        updated_at: 0.0,
    };
    let all = vec![
        r("merci-beaucoup", "fr"),
        r("merci", "en"),
        r("merci", "fr"),
        r("horaires", "fr"),
    ];
    let ids: Vec<&str> = matching(&all, "MER", "fr")
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["merci-fr", "merci-beaucoup-fr", "merci-en"]);
    let ids: Vec<&str> = matching(&all, "merci", "en")
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["merci-en", "merci-fr", "merci-beaucoup-fr"]);
    assert!(matching(&all, "x", "fr").is_empty());
}

#[test]
fn a_picked_reply_shows_what_it_can_fill_and_keeps_the_rest_for_the_send_to_name() {
    use attache::domain::saved_reply::fill_known;
    let v = Values::of("Camille Dupont", "@camille@piaille.fr", "Café Lumière", "");
    assert_eq!(
        fill_known(
            "Merci {first_name} ! — {my_name} de {brand} {prenom} {{x}} }",
            &v
        ),
        "Merci Camille ! — {my_name} de Café Lumière {prenom} {{x}} }"
    );
    // What is left is what the send names.
    let left = fill_known("Bonjour {first_name}, {my_name}", &v);
    assert_eq!(
        fill(&left, &v),
        Err(FillError::Unfilled(vec!["my_name".to_string()]))
    );
}

#[test]
fn only_an_answer_with_a_code_is_a_saved_reply() {
    use attache::domain::library::{Body, LibraryItem, SnippetKind};
    let item = |kind, code: &str| LibraryItem {
        id: "s".into(),
        workspace_id: "w".into(),
        body: Body::Snippet {
            snippet_kind: kind,
            title: "Merci".into(),
            text: "Merci {first_name} !".into(),
            updated_at: 1.0,
            code: code.into(),
            language: "fr".into(),
        },
    };
    let r = item(SnippetKind::Answer, "merci").saved_reply().unwrap();
    assert_eq!((r.code.as_str(), r.language.as_str()), ("merci", "fr"));
    assert!(item(SnippetKind::Answer, "").saved_reply().is_none());
    assert!(item(SnippetKind::Signature, "merci")
        .saved_reply()
        .is_none());
}
