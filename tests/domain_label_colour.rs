//! Label colours: a label's own colour is stable, from the palette, and ignores case; a
//! chosen colour wins and replaces an earlier choice for the same label in any case; a
//! colour outside the palette is refused.

use attache::domain::label_colour::{default_for, LabelColours};
use attache::domain::library::PALETTE;

#[test]
fn a_label_has_its_own_colour_whatever_its_case() {
    assert_eq!(default_for("Urgent"), default_for(" urgent "));
    assert!(PALETTE.contains(&default_for("Urgent")));
    // Spread over the palette: 40 different labels use at least 6 of the 8 colours.
    let used: std::collections::HashSet<&str> = (0..40)
        .map(|i| default_for(&format!("label {i}")))
        .collect();
    assert!(used.len() >= 6, "{used:?}");
}

#[test]
fn a_chosen_colour_wins_and_replaces_the_last_choice() {
    let mut colours = LabelColours::default();
    let own = default_for("presse");
    let other = PALETTE.into_iter().find(|&c| c != own).unwrap();
    assert_eq!(colours.of("Presse"), own);
    assert!(colours.choose("Presse", other));
    assert_eq!(colours.of("presse"), other);
    assert!(colours.choose("PRESSE", own));
    assert_eq!(colours.chosen.len(), 1);
    assert_eq!(colours.of("Presse"), own);
}

#[test]
fn a_colour_outside_the_palette_is_refused_and_a_stale_one_ignored() {
    let mut colours = LabelColours::default();
    assert!(!colours.choose("presse", "#ffffff"));
    assert!(colours.chosen.is_empty());
    colours.chosen.push(("presse".into(), "red".into()));
    assert_eq!(colours.of("presse"), default_for("presse"));
}
