//! Workspace naming rules and what becomes current after a delete.

use attache::domain::workspace::{
    current_after_delete, sort_for_display, validate_name, NameError, Workspace, MAX_NAME_GRAPHEMES,
};

fn ws(id: &str, name: &str, at: f64) -> Workspace {
    Workspace {
        id: id.into(),
        name: name.into(),
        created_at: at,
    }
}

#[test]
fn a_name_is_trimmed_and_inner_spaces_are_folded() {
    assert_eq!(
        validate_name("  Café   Lumière \t", []),
        Ok("Café Lumière".to_string())
    );
}

#[test]
fn an_empty_or_blank_name_is_refused() {
    assert_eq!(validate_name("", []), Err(NameError::Empty));
    assert_eq!(validate_name("   \n ", []), Err(NameError::Empty));
}

#[test]
fn the_length_limit_counts_what_a_reader_sees_not_bytes() {
    // 60 family emoji are 60 graphemes but hundreds of bytes and code points: allowed.
    let family = "👨‍👩‍👧".repeat(MAX_NAME_GRAPHEMES);
    assert!(validate_name(&family, []).is_ok());
    let too_long = "é".repeat(MAX_NAME_GRAPHEMES + 1);
    assert_eq!(validate_name(&too_long, []), Err(NameError::TooLong));
}

#[test]
fn a_name_with_a_control_character_is_refused() {
    assert_eq!(
        validate_name("Brand\u{0007}", []),
        Err(NameError::ControlCharacter)
    );
}

#[test]
fn a_name_already_used_is_refused_whatever_its_case() {
    assert_eq!(
        validate_name("NORTHWIND ", ["Northwind"]),
        Err(NameError::Taken)
    );
    assert_eq!(
        validate_name("Northwind Labs", ["Northwind"]),
        Ok("Northwind Labs".into())
    );
}

#[test]
fn workspaces_are_listed_by_name_ignoring_case() {
    let mut list = vec![
        ws("1", "zeta", 1.0),
        ws("2", "Alpha", 2.0),
        ws("3", "beta", 3.0),
    ];
    sort_for_display(&mut list);
    let names: Vec<_> = list.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(names, ["Alpha", "beta", "zeta"]);
}

#[test]
fn deleting_another_workspace_keeps_the_current_one() {
    let remaining = [ws("a", "A", 1.0), ws("c", "C", 3.0)];
    assert_eq!(
        current_after_delete(&remaining, Some("c"), "b"),
        Some("c".into())
    );
}

#[test]
fn deleting_the_current_workspace_moves_to_the_first_by_name() {
    let remaining = [ws("z", "Zed", 1.0), ws("a", "Able", 3.0)];
    assert_eq!(
        current_after_delete(&remaining, Some("gone"), "gone"),
        Some("a".into())
    );
}

#[test]
fn deleting_the_last_workspace_leaves_none_current() {
    assert_eq!(current_after_delete(&[], Some("x"), "x"), None);
}
