//! The words and routes Today adds to the domain's codes: each audit rule's title, reason and
//! fix in both languages and the screen where it is fixed; the default routine's steps.

use attache::domain::audit::Rule;
use attache::domain::locale::Lang;
use attache::domain::routine::{check_label, default_routine, DefaultStep};
use attache::ui::i18n::Msg;
use attache::ui::pages::today::audit::{fix_route, rule_msgs};
use attache::ui::pages::today::routine::step_msg;

/// French puts a no-break space before `:` `;` `?` `!` `%` and `»`, and after `«`.
fn assert_french_spacing(text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, ':' | ';' | '?' | '!' | '%' | '»') {
            assert!(i > 0 && chars[i - 1] == '\u{a0}', "{text}");
        }
        if c == '«' {
            assert_eq!(chars.get(i + 1), Some(&'\u{a0}'), "{text}");
        }
    }
}

#[test]
fn every_rule_has_a_title_a_reason_and_a_fix_in_both_languages_and_they_differ() {
    for rule in Rule::ALL {
        for (part, msg) in ["title", "why", "fix"].into_iter().zip(rule_msgs(rule)) {
            let (en, fr) = (msg.get(Lang::En), msg.get(Lang::Fr));
            assert!(!en.trim().is_empty(), "{rule:?} {part} en");
            assert!(!fr.trim().is_empty(), "{rule:?} {part} fr");
            assert_ne!(en, fr, "{rule:?} {part} is not translated");
        }
    }
}

#[test]
fn titles_differ_between_rules() {
    for lang in Lang::ALL {
        let mut titles: Vec<&str> = Rule::ALL
            .iter()
            .map(|&r| rule_msgs(r)[0].get(lang))
            .collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), Rule::ALL.len(), "{lang:?}");
    }
}

#[test]
fn french_rule_texts_put_a_no_break_space_before_high_punctuation_and_inside_guillemets() {
    for rule in Rule::ALL {
        for msg in rule_msgs(rule) {
            assert_french_spacing(msg.get(Lang::Fr));
        }
        for msg in &rule_msgs(rule)[1..] {
            let text = msg.get(Lang::En);
            assert!(!text.contains('\u{a0}'), "{rule:?}: {text}");
        }
    }
}

#[test]
fn every_rule_is_fixed_on_one_of_the_app_s_screens() {
    let screens = [
        "/strategy",
        "/accounts",
        "/compose",
        "/inbox",
        "/settings",
        "/library",
    ];
    for rule in Rule::ALL {
        assert!(screens.contains(&fix_route(rule)), "{rule:?}");
    }
    assert_eq!(fix_route(Rule::CannedStrategy), "/strategy");
    assert_eq!(fix_route(Rule::OnlyCreating), "/inbox");
    assert_eq!(fix_route(Rule::Neglecting), "/compose");
}

#[test]
fn default_steps_are_written_in_each_language_with_french_spacing() {
    let words = |lang| move |step| step_msg(step).get(lang).to_string();
    let en = default_routine("w1", words(Lang::En), 0.0);
    let fr = default_routine("w1", words(Lang::Fr), 0.0);
    for (e, f) in en.items.iter().zip(&fr.items) {
        assert_eq!(e.id, f.id);
        assert_ne!(e.label, f.label);
        assert!(!e.label.contains('\u{a0}'), "{}", e.label);
        assert_french_spacing(&f.label);
        for label in [&e.label, &f.label] {
            assert_eq!(check_label(label).as_ref(), Ok(label));
        }
    }
    assert!(en.items[0]
        .label
        .starts_with("Check what happened overnight"));
    assert!(fr.items[0].label.contains("pendant la nuit\u{a0}:"));
    assert_eq!(step_msg(DefaultStep::Report), Msg::RoutineStepReport);
}
