//! The glossary: banned terms found as whole words in any case, per language, multi-word
//! terms, the longest term first, the replacement keeping a capital, and entries checked.

use attache::domain::strategy::{
    banned_hits, check_persona_name, check_term, replace_hit, strategy_id, Strategy, Term,
    TermError,
};

fn term(banned: &str, replacement: &str, lang: Option<&str>) -> Term {
    Term {
        banned: banned.into(),
        replacement: replacement.into(),
        lang: lang.map(str::to_string),
    }
}

fn found(text: &str, glossary: &[Term], lang: &str) -> Vec<String> {
    banned_hits(text, glossary, lang)
        .into_iter()
        .map(|h| h.found)
        .collect()
}

#[test]
fn a_banned_term_is_found_as_a_whole_word_in_any_case() {
    let g = [term("utilisateurs", "membres", Some("fr"))];
    assert_eq!(
        found("Merci à nos utilisateurs !", &g, "fr"),
        ["utilisateurs"]
    );
    assert_eq!(
        found("UTILISATEURS et Utilisateurs", &g, "fr"),
        ["UTILISATEURS", "Utilisateurs"]
    );
    assert!(
        found("les utilisateursX et xutilisateurs", &g, "fr").is_empty(),
        "not inside a word"
    );
    assert!(
        found("Thanks to our utilisateurs", &g, "en").is_empty(),
        "French term, English post"
    );
    assert!(found("", &g, "fr").is_empty());
}

#[test]
fn a_term_for_every_language_applies_to_all() {
    let g = [term("cheap", "affordable", None)];
    assert_eq!(found("Cheap and cheerful", &g, "en"), ["Cheap"]);
    assert_eq!(found("pas cheap du tout", &g, "fr"), ["cheap"]);
}

#[test]
fn hits_carry_their_byte_range_and_the_replacement() {
    let g = [term("clients", "habitués", Some("fr"))];
    let text = "Café ☕ pour nos clients, merci";
    let hits = banned_hits(text, &g, "fr");
    assert_eq!(hits.len(), 1);
    assert_eq!(&text[hits[0].start..hits[0].end], "clients");
    assert_eq!(hits[0].replacement, "habitués");
    assert_eq!(
        replace_hit(text, &hits[0]),
        "Café ☕ pour nos habitués, merci"
    );
}

#[test]
fn the_replacement_keeps_a_capital_at_the_start() {
    let g = [term("users", "members", Some("en"))];
    let text = "Users love it. Our users too.";
    let hits = banned_hits(text, &g, "en");
    assert_eq!(hits[0].replacement, "Members");
    assert_eq!(hits[1].replacement, "members");
    let once = replace_hit(text, &hits[0]);
    assert_eq!(once, "Members love it. Our users too.");
    // the second hit's range is stale after the first change: it is looked for again
    let again = banned_hits(&once, &g, "en");
    assert_eq!(
        replace_hit(&once, &again[0]),
        "Members love it. Our members too."
    );
}

#[test]
fn a_stale_hit_changes_nothing() {
    let g = [term("users", "members", None)];
    let hits = banned_hits("our users", &g, "en");
    assert_eq!(replace_hit("something else", &hits[0]), "something else");
}

#[test]
fn multi_word_terms_match_across_any_white_space_and_the_longest_wins() {
    let g = [
        term("service", "équipe", Some("fr")),
        term("service client", "équipe d'accueil", Some("fr")),
    ];
    let hits = banned_hits("Le service\n  client répond. Le service aussi.", &g, "fr");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].found, "service\n  client");
    assert_eq!(hits[0].replacement, "équipe d'accueil");
    assert_eq!(hits[1].found, "service");
}

#[test]
fn case_folding_that_changes_length_does_not_break_offsets() {
    // 'İ' lower-cases to two chars ("i̇"): the term must still match where it is written.
    let g = [term("i̇stanbul", "Istanbul", None)];
    let text = "Vol pour İstanbul demain";
    let hits = banned_hits(text, &g, "fr");
    assert_eq!(hits.len(), 1);
    assert_eq!(&text[hits[0].start..hits[0].end], "İstanbul");
}

#[test]
fn entries_are_tidied_and_checked() {
    let g = vec![term("utilisateurs", "membres", Some("fr"))];
    assert_eq!(
        check_term(&g, "  service   client ", "équipe", Some("fr")),
        Ok(term("service client", "équipe", Some("fr")))
    );
    assert_eq!(check_term(&g, " ", "x", None), Err(TermError::Empty));
    assert_eq!(check_term(&g, "x", "", None), Err(TermError::Empty));
    assert_eq!(
        check_term(&g, "Utilisateurs", "gens", Some("fr")),
        Err(TermError::Duplicate)
    );
    assert!(
        check_term(&g, "utilisateurs", "users", Some("en")).is_ok(),
        "another language"
    );
    assert_eq!(
        check_term(&g, "Fans", "fans", None),
        Err(TermError::Circular)
    );
    assert_eq!(
        check_term(&g, &"x".repeat(101), "y", None),
        Err(TermError::TooLong)
    );
    assert_eq!(check_term(&g, "a", "b", Some("")), Ok(term("a", "b", None)));
}

#[test]
fn a_strategy_saved_before_a_field_existed_still_reads() {
    let s: Strategy =
        serde_json::from_str(r#"{"mission":"Rassembler les amateurs de café"}"#).unwrap();
    assert_eq!(s.mission, "Rassembler les amateurs de café");
    assert!(s.glossary.is_empty());
    assert_eq!(strategy_id("w1"), "strategy:w1");
}

#[test]
fn a_persona_needs_a_name_of_reasonable_length() {
    assert_eq!(
        check_persona_name("  Léa,   étudiante "),
        Ok("Léa, étudiante".into())
    );
    assert_eq!(check_persona_name("   "), Err(TermError::Empty));
    assert_eq!(
        check_persona_name(&"é".repeat(101)),
        Err(TermError::TooLong)
    );
    assert_eq!(
        check_persona_name(&"é".repeat(100)).map(|n| n.chars().count()),
        Ok(100)
    );
}

#[test]
fn the_page_s_words_are_taken_trimmed_with_one_tone_entry_per_line() {
    use attache::domain::strategy::{Strategy, StrategyWords};
    let mut s = Strategy::default();
    s.take_words(&StrategyWords {
        mission: "  Du bon pain, chaque matin \n".into(),
        audience: "Les voisins".into(),
        tone_do: "Chaleureux\n\n  Simple  \n".into(),
        tone_dont: "".into(),
    });
    assert_eq!(s.mission, "Du bon pain, chaque matin");
    assert_eq!(s.tone_do, vec!["Chaleureux", "Simple"]);
    assert!(s.tone_dont.is_empty());
    let shown = StrategyWords::of(&s);
    assert_eq!(shown.tone_do, "Chaleureux\nSimple");
    assert_eq!(shown.audience, "Les voisins");
}
