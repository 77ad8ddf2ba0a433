//! The command palette's fuzzy matching: letters in order, accents and case aside, the
//! better places first.

use attache::domain::fuzzy::{rank, score};

#[test]
fn letters_in_order_match_whatever_their_accents_and_case() {
    assert!(score("nwpst", "New post").is_some());
    assert!(score("REGLAGES", "Réglages").is_some());
    assert!(score("tsop", "New post").is_none(), "out of order");
    assert!(
        score("newx", "New post").is_none(),
        "a letter that is not there"
    );
    assert_eq!(score("", "Anything"), Some(0));
}

#[test]
fn word_starts_and_letters_together_rank_first() {
    let names = [
        "Go to Outbox",
        "Go to Inbox",
        "New post",
        "Check the Inbox now",
        "Switch to workspace Inbound",
    ];
    let got: Vec<&str> = rank("inbox", &names)
        .into_iter()
        .map(|i| names[i])
        .collect();
    assert_eq!(got, ["Go to Inbox", "Check the Inbox now"]);
    let got: Vec<&str> = rank("np", &names).into_iter().map(|i| names[i]).collect();
    assert_eq!(got[0], "New post");
    let fr = [
        "Aller aux Membres",
        "Aller au Calendrier",
        "Nouvelle publication",
    ];
    assert_eq!(rank("cal", &fr), vec![1]);
    assert_eq!(rank("nouv pub", &fr), vec![2]);
}
