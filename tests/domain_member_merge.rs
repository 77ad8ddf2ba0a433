//! The same person under two identities: merge suggestions with their reasons (positive and
//! negative cases), dismissed pairs, crowded keys; merged identities gathered into one
//! member whose level counts both; the merge map followed to its end.

use std::collections::HashMap;

use attache::domain::inbox::InboxItem;
use attache::domain::member::{gather, gather_merged, Member};
use attache::domain::member_level::{Level, Weights, DAY_MS};
use attache::domain::member_merge::{fold, name_similarity, pair, suggestions, Reason};
use attache::domain::member_record::{
    merge_into, merge_map, unmerge_from, MemberNote, MemberRecord,
};
use attache::domain::network::Network;
use attache::domain::profile::{links_in_html, links_in_text, normalise_link, Profile};
use attache::domain::queue::Zone;

struct Utc;
impl Zone for Utc {
    fn offset_minutes(&self, _: f64) -> i32 {
        0
    }
}

const NOW: f64 = 20_000.0 * DAY_MS;

fn item(id: &str, network: Network, handle: &str, name: &str, profile: Profile) -> InboxItem {
    let mut i: InboxItem = serde_json::from_value(serde_json::json!({
        "id": id, "workspace_id": "w", "account_id": "a", "network": "mastodon",
        "author_name": name, "author_handle": handle,
        "author_url": format!("https://{}.test/{}", network.name().to_lowercase(), handle.trim_start_matches('@')),
        "html": "<p>hello</p>", "at": NOW - DAY_MS, "url": format!("https://x.test/{id}"),
        "remote_id": id, "in_reply_to": "0",
    }))
    .unwrap();
    i.network = network;
    i.profile = profile;
    i
}

fn links(ls: &[&str]) -> Profile {
    Profile {
        links: ls.iter().map(|s| s.to_string()).collect(),
        ..Profile::default()
    }
}

fn members(items: &[InboxItem]) -> Vec<Member> {
    gather(items, &[], &[], &Weights::default(), &Utc, NOW)
}

fn reasons_of(items: &[InboxItem]) -> Vec<Vec<Reason>> {
    suggestions(&members(items), &[])
        .into_iter()
        .map(|s| s.reasons)
        .collect()
}

#[test]
fn links_are_read_from_bios_and_compared_without_their_dressing() {
    assert_eq!(
        links_in_html(
            r#"<p>Baker. <a href="https://bob.example/">bob.example</a> <a class="mention" href="https://x.test/@carla">@carla</a></p>"#
        ),
        vec!["https://bob.example/"],
        "a mention is someone else"
    );
    assert_eq!(
        links_in_text("Baker in Lyon — https://bob.example/blog, and more."),
        vec!["https://bob.example/blog"]
    );
    assert_eq!(
        normalise_link("https://www.Bob.Example/blog/?utm=1#top"),
        "bob.example/blog"
    );
    assert_eq!(normalise_link("http://bob.example"), "bob.example");
}

#[test]
fn names_are_folded_and_compared_by_levenshtein() {
    assert_eq!(fold("  Éloïse   MARTIN "), "eloise martin");
    assert!(name_similarity("Éloïse Martin", "Eloise Martin") >= 0.99);
    assert!(name_similarity("Eloise Martin", "Eloise Martins") >= 0.9);
    assert!(name_similarity("Eloise Martin", "Elise Marin") < 0.9);
}

#[test]
fn the_same_link_or_a_verified_one_suggests_a_merge() {
    let verified = Profile {
        verified: vec!["https://bob.example/".into()],
        ..links(&["https://bob.example/"])
    };
    let got = reasons_of(&[
        item("1", Network::Mastodon, "@bob@x.test", "Bob", verified),
        item(
            "2",
            Network::Bluesky,
            "@robert.bsky.test",
            "Robert",
            links(&["https://www.bob.example"]),
        ),
    ]);
    assert_eq!(
        got,
        vec![vec![
            Reason::VerifiedLink("bob.example".into()),
            Reason::SameSite("bob.example".into())
        ]]
    );
    let got = reasons_of(&[
        item(
            "1",
            Network::Mastodon,
            "@bob@x.test",
            "Bob",
            links(&["https://bob.example/shop"]),
        ),
        item(
            "2",
            Network::Bluesky,
            "@robert.bsky.test",
            "Robert",
            links(&["https://bob.example/shop/"]),
        ),
    ]);
    assert_eq!(
        got,
        vec![vec![
            Reason::SameLink("bob.example/shop".into()),
            Reason::SameSite("bob.example".into())
        ]]
    );
}

#[test]
fn a_bio_linking_to_the_other_profile_or_the_same_handle_suggests_a_merge() {
    let got = reasons_of(&[
        item(
            "1",
            Network::Mastodon,
            "@bob@x.test",
            "Bob",
            Profile::default(),
        ),
        item(
            "2",
            Network::Bluesky,
            "@robert.bsky.test",
            "Robert",
            links(&["https://mastodon.test/bob@x.test"]),
        ),
    ]);
    assert_eq!(
        got,
        vec![vec![Reason::LinksToProfile(
            "mastodon.test/bob@x.test".into()
        )]]
    );
    let got = reasons_of(&[
        item(
            "1",
            Network::Mastodon,
            "@carla@x.test",
            "Carla",
            Profile::default(),
        ),
        item(
            "2",
            Network::Bluesky,
            "@carla.test",
            "C.",
            Profile::default(),
        ),
    ]);
    assert_eq!(got, vec![vec![Reason::SameHandle("carla".into())]]);
}

#[test]
fn a_near_name_needs_another_sign() {
    let fr = Profile {
        lang: "fr".into(),
        ..Profile::default()
    };
    // Alone: nothing.
    assert!(reasons_of(&[
        item(
            "1",
            Network::Mastodon,
            "@em@x.test",
            "Éloïse Martin",
            Profile::default()
        ),
        item(
            "2",
            Network::Bluesky,
            "@eloise-m.bsky.test",
            "Eloise Martin",
            Profile::default()
        ),
    ])
    .is_empty());
    // With the same language: suggested, both reasons said.
    let got = reasons_of(&[
        item(
            "1",
            Network::Mastodon,
            "@em@x.test",
            "Éloïse Martin",
            fr.clone(),
        ),
        item(
            "2",
            Network::Bluesky,
            "@eloise-m.bsky.test",
            "Eloise Martin",
            fr.clone(),
        ),
    ]);
    assert_eq!(
        got,
        vec![vec![
            Reason::SimilarName(100),
            Reason::SameLanguage("fr".into())
        ]]
    );
    // A different name with the same language: nothing.
    assert!(reasons_of(&[
        item(
            "1",
            Network::Mastodon,
            "@em@x.test",
            "Éloïse Martin",
            fr.clone()
        ),
        item("2", Network::Bluesky, "@zoe.bsky.test", "Zoé Durand", fr),
    ])
    .is_empty());
    // The same handle base on one network is two people.
    assert!(reasons_of(&[
        item(
            "1",
            Network::Mastodon,
            "@bob@x.test",
            "Bob",
            Profile::default()
        ),
        item(
            "2",
            Network::Mastodon,
            "@bob@y.test",
            "Rob",
            Profile::default()
        ),
    ])
    .is_empty());
}

#[test]
fn a_dismissed_pair_never_comes_back_and_a_crowded_link_says_nothing() {
    let items = [
        item(
            "1",
            Network::Mastodon,
            "@carla@x.test",
            "Carla",
            Profile::default(),
        ),
        item(
            "2",
            Network::Bluesky,
            "@carla.test",
            "C.",
            Profile::default(),
        ),
    ];
    let all = members(&items);
    let dismissed = [pair("mastodon:@carla@x.test", "bluesky:@carla.test")];
    assert!(suggestions(&all, &dismissed).is_empty());
    let crowd: Vec<InboxItem> = (0..21)
        .map(|n| {
            item(
                &n.to_string(),
                Network::Mastodon,
                &format!("@p{n:02}x@x.test"),
                &format!("Person {n:02} {}", "q".repeat(n)),
                links(&["https://linktr.ee/"]),
            )
        })
        .collect();
    let got = suggestions(&members(&crowd), &[]);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn merged_identities_make_one_member_whose_level_counts_both() {
    let mut a = item(
        "1",
        Network::Mastodon,
        "@carla@x.test",
        "Carla",
        Profile {
            followers: Some(100),
            ..Profile::default()
        },
    );
    a.at = NOW - 3.0 * DAY_MS;
    // A newer message says a newer count.
    let mut a2 = a.clone();
    a2.id = "3".into();
    a2.remote_id = "3".into();
    a2.at = NOW - 2.0 * DAY_MS;
    a2.profile.followers = Some(120);
    let b = item(
        "2",
        Network::Bluesky,
        "@carla.test",
        "Carla B.",
        Profile {
            lang: "fr".into(),
            followers: Some(30),
            ..Profile::default()
        },
    );
    let mut weights = Weights::default();
    weights.set(attache::domain::member_level::ActivityKind::Mention, 1);
    // Apart: two members, each active one day.
    let apart = gather(&[a.clone(), b.clone()], &[], &[], &weights, &Utc, NOW);
    assert_eq!(apart.len(), 2);
    assert!(apart.iter().all(|m| m.level == Level::Exploring));
    let merged = HashMap::from([(
        "bluesky:@carla.test".to_string(),
        "mastodon:@carla@x.test".to_string(),
    )]);
    let one = gather_merged(&[a, b, a2], &[], &[], &merged, &weights, &Utc, NOW);
    assert_eq!(one.len(), 1);
    let m = &one[0];
    assert_eq!(
        (m.key.as_str(), m.handle.as_str(), m.network),
        ("mastodon:@carla@x.test", "@carla@x.test", Network::Mastodon)
    );
    assert_eq!(
        m.identities
            .iter()
            .map(|i| i.key.as_str())
            .collect::<Vec<_>>(),
        ["mastodon:@carla@x.test", "bluesky:@carla.test"]
    );
    assert_eq!(m.handles.len(), 2);
    assert_eq!(m.timeline.len(), 3);
    assert_eq!(
        m.reach,
        Some(150),
        "the newest count of each identity, together"
    );
    assert_eq!(m.langs, vec!["fr"]);
    assert_eq!(
        m.level,
        Level::Participating,
        "two active days within a week, across both networks"
    );
}

#[test]
fn a_merge_copies_notes_in_and_an_unmerge_gives_them_back() {
    let note = |id: &str, at: f64| MemberNote {
        id: id.into(),
        at,
        by: "C".into(),
        text: id.into(),
    };
    let mut into = MemberRecord::new("w", "a", 0.0);
    into.notes = vec![note("n1", 1.0)];
    let mut other = MemberRecord::new("w", "b", 0.0);
    other.notes = vec![note("n2", 2.0)];
    other.tags = vec!["vip".into()];
    merge_into(&mut into, "b", Some(&other));
    assert_eq!(into.merged, vec!["b"]);
    assert_eq!(
        into.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["n2", "n1"]
    );
    assert_eq!(into.tags, vec!["vip"]);
    unmerge_from(&mut into, "b", Some(&other));
    assert!(into.merged.is_empty());
    assert_eq!(
        into.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["n1"]
    );
    // Chains are followed: c into b, b into a.
    let mut b = MemberRecord::new("w", "b", 0.0);
    b.merged = vec!["c".into()];
    let mut a = MemberRecord::new("w", "a", 0.0);
    a.merged = vec!["b".into()];
    let map = merge_map(&[a, b]);
    assert_eq!(map.get("c").map(String::as_str), Some("a"));
    assert_eq!(map.get("b").map(String::as_str), Some("a"));
    // A loop (two tabs merging each way) ends.
    let mut x = MemberRecord::new("w", "x", 0.0);
    x.merged = vec!["y".into()];
    let mut y = MemberRecord::new("w", "y", 0.0);
    y.merged = vec!["x".into()];
    let _ = merge_map(&[x, y]);
}

#[test]
fn the_same_picture_backs_a_near_name_once_both_were_shown_and_a_common_one_says_nothing() {
    use attache::domain::member_merge::{know_pictures, ShownPicture};
    let pictured = |url: &str| Profile {
        avatar: url.into(),
        ..Profile::default()
    };
    // What was shown on this device, by member key: each picture's address and bytes.
    let shown = |pictures: &[(&Member, &[u8])]| -> HashMap<String, ShownPicture> {
        pictures
            .iter()
            .map(|(m, bytes)| (m.key.clone(), ShownPicture::of(&m.profile.avatar, bytes)))
            .collect()
    };
    let items = [
        item(
            "1",
            Network::Mastodon,
            "@em@x.test",
            "Éloïse Martin",
            pictured("https://x.test/a.png"),
        ),
        item(
            "2",
            Network::Bluesky,
            "@eloise-m.bsky.test",
            "Eloise Martin",
            pictured("https://cdn.test/b.jpg"),
        ),
        item(
            "3",
            Network::Bluesky,
            "@zoe.bsky.test",
            "Zoé Durand",
            pictured("https://cdn.test/c.jpg"),
        ),
    ];
    let mut all = members(&items);
    // Not shown yet: nothing known, nothing suggested.
    know_pictures(&mut all, &HashMap::new());
    assert!(suggestions(&all, &[]).is_empty());
    // All shown, the same bytes at three addresses: a near name and the same picture.
    let same = shown(&[
        (&all[0], b"photo"),
        (&all[1], b"photo"),
        (&all[2], b"photo"),
    ]);
    know_pictures(&mut all, &same);
    let got: Vec<Vec<Reason>> = suggestions(&all, &[])
        .into_iter()
        .map(|s| s.reasons)
        .collect();
    assert_eq!(
        got,
        vec![vec![Reason::SimilarName(100), Reason::SamePicture]],
        "zoé's name is another"
    );
    // Different pictures: the near name alone again.
    let other = shown(&[(&all[0], b"photo"), (&all[1], b"another photo")]);
    know_pictures(&mut all, &other);
    assert!(suggestions(&all, &[]).is_empty());
    // A picture changed since it was shown is not known.
    all[1].profile.avatar = "https://cdn.test/new.jpg".into();
    know_pictures(&mut all, &same);
    assert!(suggestions(&all, &[]).is_empty());
    // A picture shared by a crowd (a network's default one) is nobody's own.
    let mut crowd: Vec<InboxItem> = (0..25)
        .map(|n| {
            item(
                &format!("c{n}"),
                Network::Mastodon,
                &format!("@c{n}@x.test"),
                &format!("Personne {n}"),
                pictured("https://x.test/default.png"),
            )
        })
        .collect();
    crowd.extend(items.iter().take(2).cloned());
    let mut all = members(&crowd);
    let everyone: Vec<(&Member, &[u8])> = all.iter().map(|m| (m, b"default".as_slice())).collect();
    let default = shown(&everyone);
    know_pictures(&mut all, &default);
    assert!(all.iter().all(|m| m.profile.picture_hash.is_some()));
    assert!(suggestions(&all, &[])
        .iter()
        .all(|s| !s.reasons.contains(&Reason::SamePicture)));
}

#[test]
fn suggestions_worked_out_in_steps_of_any_size_are_the_ones_made_at_once() {
    use attache::domain::member_merge::Suggesting;
    // Pairs by link, by handle on two networks and by near name with the same site, among
    // people who share nothing, and a crowded link.
    let mut items = vec![];
    for n in 0..60 {
        let (name, handle) = (format!("Person {n:02}"), format!("@p{n:02}@x.test"));
        let profile = match n % 4 {
            0 => links(&[&format!("https://site{}.test/", n / 8)]),
            1 => links(&["https://linktr.ee/"]),
            _ => Profile::default(),
        };
        items.push(item(
            &n.to_string(),
            Network::Mastodon,
            &handle,
            &name,
            profile,
        ));
        if n % 5 == 0 {
            let bsky = format!("@p{n:02}.bsky.social");
            items.push(item(
                &format!("b{n}"),
                Network::Bluesky,
                &bsky,
                &name,
                Profile::default(),
            ));
        }
    }
    let all = members(&items);
    let dismissed = vec![pair("mastodon:@p00@x.test", "bluesky:@p00.bsky.social")];
    let at_once = suggestions(&all, &dismissed);
    assert!(at_once.len() >= 10, "{}", at_once.len());
    for budget in [1, 2, 7, 1_000] {
        let mut s = Suggesting::new(&all, &dismissed);
        let mut steps = 1;
        while !s.step(budget) {
            steps += 1;
        }
        assert_eq!(s.suggestions(), at_once, "budget {budget}");
        if budget == 1 {
            assert!(steps > all.len(), "{steps} steps of one");
        }
    }
}
