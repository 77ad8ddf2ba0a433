//! Saved Inbox views: a name cleaned and checked, saving under a used name (any case)
//! replaces that view, views in name order, and a filter survives being kept as JSON (and an
//! older document missing newer fields still reads).

use attache::domain::conversation::Priority;
use attache::domain::network::Network;
use attache::domain::workspace::NameError;
use attache::services::conversations::{Filter, Tab};
use attache::services::inbox_views::{upsert, Saved, SavedView};

fn urgent() -> Filter {
    Filter {
        tab: Tab::ToAnswer,
        priority: Some(Priority::Urgent),
        network: Some(Network::Bluesky),
        label: Some("presse".into()),
        assignee: Some(String::new()),
        question: true,
        unanswered: true,
        text: "commande".into(),
        account: Some("bluesky:pds:did:plc:x".into()),
        level: Some(3),
    }
}

#[test]
fn a_view_is_added_cleaned_and_a_used_name_replaces_it_in_name_order() {
    let mut views: Vec<SavedView> = vec![];
    assert_eq!(
        upsert(&mut views, "  Urgent   presse ", urgent()),
        Ok((Saved::Added, "Urgent presse".to_string()))
    );
    assert_eq!(
        upsert(&mut views, "À relancer", Filter::default()),
        Ok((Saved::Added, "À relancer".to_string()))
    );
    let names: Vec<&str> = views.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        ["Urgent presse", "À relancer"],
        "by name, case folded"
    );
    let done = Filter {
        tab: Tab::Done,
        ..Filter::default()
    };
    assert_eq!(
        upsert(&mut views, "urgent PRESSE", done.clone()),
        Ok((Saved::Replaced, "urgent PRESSE".to_string()))
    );
    assert_eq!(views.len(), 2);
    let replaced = views.iter().find(|v| v.name == "urgent PRESSE").unwrap();
    assert_eq!(replaced.filter, done);
}

#[test]
fn an_empty_or_invisible_name_is_refused_and_nothing_changes() {
    let mut views: Vec<SavedView> = vec![];
    assert_eq!(upsert(&mut views, "   ", urgent()), Err(NameError::Empty));
    assert_eq!(
        upsert(&mut views, "a\u{7}b", urgent()),
        Err(NameError::ControlCharacter)
    );
    assert_eq!(
        upsert(&mut views, &"x".repeat(61), urgent()),
        Err(NameError::TooLong)
    );
    assert!(views.is_empty());
}

#[test]
fn a_filter_is_kept_whole_and_an_older_document_still_reads() {
    let view = SavedView {
        name: "Urgent".into(),
        filter: urgent(),
    };
    let json = serde_json::to_string(&view).unwrap();
    assert_eq!(serde_json::from_str::<SavedView>(&json).unwrap(), view);
    let older: SavedView =
        serde_json::from_str(r#"{"name":"Old","filter":{"tab":"Done","text":"x"}}"#).unwrap();
    assert_eq!(older.filter.tab, Tab::Done);
    assert_eq!(older.filter.text, "x");
    assert_eq!(older.filter.priority, None);
}
