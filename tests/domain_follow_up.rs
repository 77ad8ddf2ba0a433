//! Follow-ups: words checked, the due ones by a time (overdue included, done ones not), a
//! member's open ones soonest first.

use attache::domain::follow_up::{due_before, open_for, validate, FollowUp, FollowUpError};

fn f(id: &str, member: &str, due: f64, done: bool) -> FollowUp {
    FollowUp {
        id: id.into(),
        member_key: member.into(),
        member_name: member.into(),
        what: format!("about {id}"),
        due,
        created_at: 0.0,
        done_at: done.then_some(1.0),
    }
}

#[test]
fn words_and_a_time_are_needed() {
    assert_eq!(validate("  Ask Bob  ", 5.0), Ok("Ask Bob".into()));
    assert_eq!(validate("   ", 5.0), Err(FollowUpError::Empty));
    assert_eq!(validate(&"x".repeat(501), 5.0), Err(FollowUpError::TooLong));
    assert_eq!(
        validate(&"é".repeat(500), 5.0).map(|s| s.chars().count()),
        Ok(500)
    );
    assert_eq!(validate("Ask", f64::NAN), Err(FollowUpError::NoDue));
}

#[test]
fn due_ones_oldest_first_done_ones_left_out() {
    let list = [
        f("a", "bob", 30.0, false),
        f("b", "bob", 10.0, false),
        f("c", "dan", 20.0, true),
        f("d", "dan", 99.0, false),
    ];
    let ids = |v: Vec<&FollowUp>| v.into_iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(due_before(&list, 50.0)), ["b", "a"]);
    assert_eq!(ids(open_for(&list, &["dan"])), ["d"]);
    assert_eq!(ids(open_for(&list, &["bob"])), ["b", "a"]);
    // A merged member: the follow-ups of both identities.
    assert_eq!(ids(open_for(&list, &["dan", "bob"])), ["b", "a", "d"]);
}
