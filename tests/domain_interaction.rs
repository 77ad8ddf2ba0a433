//! Favourites, boosts and follows: what each network's notification names, counted per post
//! and per person, and the Inbox panel's period summary.

use attache::domain::interaction::{
    per_person, per_post, summary, Interaction, InteractionKind, Tally,
};
use attache::domain::network::Network;

fn given(n: u32, kind: InteractionKind, who: &str, subject: Option<&str>, at: f64) -> Interaction {
    Interaction {
        id: format!("acc:interaction:{n}"),
        workspace_id: "w".into(),
        account_id: "acc".into(),
        network: Network::Mastodon,
        kind,
        who_name: who.to_uppercase(),
        who_handle: format!("@{who}@x.test"),
        who_url: String::new(),
        subject: subject.map(str::to_string),
        at,
        profile: Default::default(),
    }
}

use InteractionKind::{Boost, Favourite, Follow};

#[test]
fn each_network_names_its_own_kinds() {
    let k = InteractionKind::from_notification;
    assert_eq!(k(Network::Mastodon, "favourite"), Some(Favourite));
    assert_eq!(k(Network::Mastodon, "reblog"), Some(Boost));
    assert_eq!(k(Network::Mastodon, "follow"), Some(Follow));
    assert_eq!(k(Network::Bluesky, "like"), Some(Favourite));
    assert_eq!(k(Network::Bluesky, "repost"), Some(Boost));
    assert_eq!(k(Network::Bluesky, "follow"), Some(Follow));
    for other in ["mention", "reply", "quote", "poll", "like"] {
        if other != "like" {
            assert_eq!(k(Network::Bluesky, other), None, "{other}");
        }
        assert_eq!(k(Network::Mastodon, other), None, "{other}");
    }
}

#[test]
fn counted_per_post_of_ours_follows_have_no_post() {
    let list = [
        given(1, Favourite, "bob", Some("p1"), 1.0),
        given(2, Boost, "bob", Some("p1"), 2.0),
        given(3, Favourite, "carol", Some("p1"), 3.0),
        given(4, Favourite, "carol", Some("p2"), 4.0),
        given(5, Follow, "dan", None, 5.0),
    ];
    let posts = per_post(&list);
    assert_eq!(posts.len(), 2);
    assert_eq!(
        posts["p1"],
        Tally {
            favourites: 2,
            boosts: 1,
            follows: 0
        }
    );
    assert_eq!(posts["p2"].total(), 1);
}

#[test]
fn people_most_given_first_then_most_recent_one_line_per_handle() {
    let list = [
        given(1, Favourite, "bob", Some("p1"), 10.0),
        given(2, Boost, "bob", Some("p1"), 20.0),
        given(3, Follow, "dan", None, 50.0),
        given(4, Favourite, "carol", Some("p2"), 40.0),
        given(5, Favourite, "eve", Some("p2"), 30.0),
    ];
    let people = per_person(&list);
    let order: Vec<(&str, u32, f64)> = people
        .iter()
        .map(|g| (g.handle.as_str(), g.tally.total(), g.last_at))
        .collect();
    assert_eq!(
        order,
        [
            ("@bob@x.test", 2, 20.0),
            ("@dan@x.test", 1, 50.0),
            ("@carol@x.test", 1, 40.0),
            ("@eve@x.test", 1, 30.0),
        ]
    );
    assert_eq!(people[0].name, "BOB");
}

#[test]
fn the_panel_counts_the_period_only_and_keeps_the_top_and_the_latest() {
    let list = [
        given(1, Favourite, "old", Some("p0"), 1.0),
        given(2, Favourite, "bob", Some("p1"), 100.0),
        given(3, Boost, "carol", Some("p1"), 300.0),
        given(4, Follow, "dan", None, 200.0),
    ];
    let s = summary(&list, 50.0, 2, 2);
    assert_eq!(
        s.tally,
        Tally {
            favourites: 1,
            boosts: 1,
            follows: 1
        }
    );
    assert_eq!(s.people.len(), 2);
    assert!(s.people.iter().all(|g| g.handle != "@old@x.test"));
    let latest: Vec<&str> = s.latest.iter().map(|i| i.who_handle.as_str()).collect();
    assert_eq!(latest, ["@carol@x.test", "@dan@x.test"]);
}
