//! The UI's message table: both languages complete and consistent, placeholders named alike,
//! plural forms chosen as CLDR says, and the table's files kept small.

use std::collections::BTreeSet;

use attache::domain::locale::Lang;
use attache::ui::i18n::{fill, placeholders, Args, Msg, PluralCategory, Sentence};

fn names(template: &str) -> BTreeSet<&str> {
    placeholders(template).into_iter().collect()
}

#[test]
fn every_message_has_text_in_both_languages() {
    for msg in Msg::ALL {
        for lang in Lang::ALL {
            for form in msg.text(lang).forms() {
                assert!(!form.trim().is_empty(), "{msg:?} is empty in {lang:?}");
            }
        }
    }
}

#[test]
fn both_languages_and_every_plural_form_use_the_same_placeholder_names() {
    for msg in Msg::ALL {
        let en = msg.text(Lang::En).forms()[0];
        let want = names(en);
        for lang in Lang::ALL {
            for form in msg.text(lang).forms() {
                assert_eq!(names(form), want, "{msg:?} in {lang:?}: {form}");
            }
        }
    }
}

#[test]
fn a_plural_message_has_one_and_other_in_both_languages_and_shows_its_count() {
    let mut plurals = 0;
    for msg in Msg::ALL {
        let (en, fr) = (msg.text(Lang::En), msg.text(Lang::Fr));
        match (en, fr) {
            (Sentence::Plain(_), Sentence::Plain(_)) => continue,
            (Sentence::Plural { .. }, Sentence::Plural { .. }) => plurals += 1,
            _ => panic!("{msg:?} is plural in one language only"),
        }
        for text in [en, fr] {
            for form in text.forms() {
                assert!(form.contains("{count}"), "{msg:?}: {form}");
            }
        }
    }
    assert!(plurals >= 20, "only {plurals} plural messages");
}

#[test]
fn sentences_that_count_things_are_plural_messages() {
    for msg in Msg::ALL {
        for lang in Lang::ALL {
            for form in msg.text(lang).forms() {
                assert!(!form.contains("(s)"), "{msg:?} in {lang:?}: {form}");
            }
        }
    }
    for msg in [
        Msg::OutboxBadge,
        Msg::RoutineStreak,
        Msg::TodayByHand,
        Msg::TodayFailed,
        Msg::SyncDone,
        Msg::ImportProblems,
        Msg::WorkspaceCount,
        Msg::NoteCount,
        Msg::Hours,
        Msg::Days,
        Msg::OutboxNextTry,
    ] {
        assert!(
            matches!(msg.text(Lang::En), Sentence::Plural { .. }),
            "{msg:?}"
        );
    }
}

#[test]
fn filling_every_placeholder_leaves_no_brace() {
    for msg in Msg::ALL {
        for lang in Lang::ALL {
            for form in msg.text(lang).forms() {
                let names = placeholders(form);
                let args: Vec<(&str, &dyn std::fmt::Display)> =
                    names.iter().map(|n| (*n, &"x" as _)).collect();
                let filled = fill(form, &args);
                assert!(
                    !filled.contains('{') && !filled.contains('}'),
                    "{msg:?} in {lang:?}: {filled}"
                );
            }
        }
    }
}

#[test]
fn values_fill_the_placeholders_by_name_in_any_order() {
    let args: &Args = &[("b", &2), ("a", &"one")];
    assert_eq!(fill("{a} then {b}, {a}", args), "one then 2, one");
    assert_eq!(
        fill(Msg::Created.get(Lang::Fr), &[("name", &"Café")]),
        "Espace «\u{a0}Café\u{a0}» créé."
    );
    assert_eq!(
        fill("{a} and {missing}", &[("a", &"only")]),
        "only and {missing}"
    );
    assert_eq!(fill("{ unclosed", &[]), "{ unclosed");
}

#[test]
fn plural_categories_follow_cldr_for_english_and_french() {
    use PluralCategory::{One, Other};
    let cases = [
        (Lang::En, 0.0, Other),
        (Lang::En, 1.0, One),
        (Lang::En, 2.0, Other),
        (Lang::En, 1.5, Other),
        (Lang::Fr, 0.0, One),
        (Lang::Fr, 1.0, One),
        (Lang::Fr, 2.0, Other),
        (Lang::Fr, 1.5, One),
    ];
    for (lang, n, want) in cases {
        assert_eq!(PluralCategory::of(lang, n), want, "{lang:?} {n}");
    }
}

#[test]
fn a_plural_message_picks_its_form_by_count() {
    let streak = |lang, n: f64| {
        fill(
            Msg::RoutineStreak.text(lang).for_count(lang, n),
            &[("count", &n)],
        )
    };
    assert_eq!(streak(Lang::En, 1.0), "1 day in a row");
    assert_eq!(streak(Lang::En, 0.0), "0 days in a row");
    assert_eq!(streak(Lang::En, 2.0), "2 days in a row");
    assert_eq!(streak(Lang::Fr, 0.0), "0 jour d'affilée");
    assert_eq!(streak(Lang::Fr, 1.0), "1 jour d'affilée");
    assert_eq!(streak(Lang::Fr, 2.0), "2 jours d'affilée");
}

#[test]
fn the_counts_the_e2e_tests_read_still_read_the_same() {
    let en = |msg: Msg, n: f64| msg.text(Lang::En).for_count(Lang::En, n);
    assert_eq!(
        en(Msg::RoutineDoneToday, 0.0),
        "{count} of {total} done today"
    );
    assert_eq!(
        en(Msg::SyncDone, 500.0),
        "Up to date: {count} new mentions."
    );
    assert_eq!(en(Msg::InboxCount, 100.0), "Showing {shown} of {count}.");
    assert_eq!(en(Msg::CharsLeft, 219.0), "{network}: {count} left");
    assert_eq!(en(Msg::CharsOver, 20.0), "{network}: {count} too many");
    assert_eq!(
        en(Msg::RepeatScheduled, 5.0),
        "{count} dates scheduled, the first on {first}."
    );
    assert_eq!(en(Msg::ThreadSplit, 3.0), "Split into {count} parts.");
    assert_eq!(
        en(Msg::CharsPerInstance, 1000.0),
        "Posts up to {count} characters on this server."
    );
    assert_eq!(en(Msg::OutboxBadge, 2.0), "{count} waiting");
}

#[test]
fn french_sentences_are_not_left_in_english() {
    let same: Vec<_> = Msg::ALL
        .iter()
        .filter(|m| {
            m.text(Lang::En) == m.text(Lang::Fr)
                && !matches!(
                    **m,
                    Msg::AppName
                        | Msg::NavNotes
                        | Msg::MemberNotes
                        // "segment" is the same word in French.
                        | Msg::SegmentLegend
                        | Msg::NoteCount
                        | Msg::PreviewMoreImages
                        | Msg::MessagesInConversation
                        // "messages" is the same word in French.
                        | Msg::ReportMessagesCount
                        // "conversation" is the same word in French.
                        | Msg::ConversationCount
                        | Msg::SearchGroupConversations
                        // A dash for no figure, and durations written alike in both.
                        | Msg::NoFigure
                        | Msg::DurationMinutes
                        | Msg::DurationHours
                        | Msg::ListeningMinutes
                )
        })
        .collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
}

#[test]
fn every_file_of_the_table_says_what_it_owns_and_stays_under_600_lines() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui/i18n");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui/i18n.rs").into());
    assert!(files.len() >= 5, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("//! "), "{path:?} has no //! doc comment");
        let lines = text.lines().count();
        assert!(lines <= 600, "{path:?} has {lines} lines");
    }
}

#[test]
fn the_domain_holds_no_message_table() {
    let domain = concat!(env!("CARGO_MANIFEST_DIR"), "/src/domain");
    assert!(!std::path::Path::new(&format!("{domain}/i18n.rs")).exists());
}
