//! The post life cycle, the publish gate, and thread splitting.

use attache::domain::counting::{count, MastodonRules};
use attache::domain::network::Network;
use attache::domain::post::{Blocker, MediaRef, Post, PostState, Variant};
use attache::domain::thread::split_thread;
use PostState::*;

const ALL: [PostState; 8] = [
    Draft, InReview, Approved, Scheduled, Publishing, Published, Failed, Cancelled,
];

fn post() -> Post {
    Post::new("p1".into(), "w1".into(), 0.0)
}

#[test]
fn only_the_life_cycle_s_transitions_are_allowed() {
    let allowed = [
        (Draft, InReview),
        (Draft, Scheduled),
        (Draft, Publishing),
        (Draft, Cancelled),
        (InReview, Approved),
        (InReview, Draft),
        (InReview, Cancelled),
        (Approved, Scheduled),
        (Approved, Publishing),
        (Approved, Draft),
        (Approved, Cancelled),
        (Scheduled, Publishing),
        (Scheduled, Draft),
        (Scheduled, Cancelled),
        (Publishing, Published),
        (Publishing, Failed),
        (Failed, Publishing),
        (Failed, Draft),
        (Failed, Cancelled),
        (Cancelled, Draft),
    ];
    for from in ALL {
        for to in ALL {
            assert_eq!(
                from.can_become(to),
                allowed.contains(&(from, to)),
                "{from:?} -> {to:?}"
            );
        }
    }
}

#[test]
fn a_published_post_never_changes_state_again() {
    let mut p = post();
    p.transition(Publishing, "me", 1.0).unwrap();
    p.transition(Published, "me", 2.0).unwrap();
    for to in ALL {
        assert!(p.transition(to, "me", 3.0).is_err(), "{to:?}");
    }
    assert_eq!(p.state, Published);
}

#[test]
fn each_transition_is_kept_with_who_and_when() {
    let mut p = post();
    p.transition(InReview, "camille", 10.0).unwrap();
    p.transition(Approved, "sam", 20.0).unwrap();
    let err = p.transition(Published, "sam", 30.0).unwrap_err();
    assert_eq!((err.from, err.to), (Approved, Published));
    let steps: Vec<_> = p
        .history
        .iter()
        .map(|t| (t.from, t.to, t.by.as_str(), t.at))
        .collect();
    assert_eq!(
        steps,
        [
            (Draft, InReview, "camille", 10.0),
            (InReview, Approved, "sam", 20.0)
        ]
    );
    assert_eq!(p.updated_at, 20.0);
}

#[test]
fn an_image_without_alt_text_blocks_publishing_until_it_has_one() {
    let mut p = post();
    p.base_text = "Our new shop opens today!".into();
    let mut v = Variant::new(Network::Mastodon);
    v.media.push(MediaRef {
        id: "m1".into(),
        mime: "image/png".into(),
        bytes: 1000,
        alt: "  ".into(),
    });
    p.variants.push(v);
    assert_eq!(
        p.blockers(MastodonRules::default()),
        vec![Blocker::MissingAltText(Network::Mastodon, "m1".into())]
    );
    p.variants[0].media[0].alt = "The shop front, with a blue door".into();
    assert!(p.blockers(MastodonRules::default()).is_empty());
}

#[test]
fn the_gate_names_each_network_that_is_over_its_limits() {
    let mut p = post();
    p.base_text = "x".repeat(400);
    p.variants = vec![
        Variant::new(Network::Mastodon),
        Variant::new(Network::X),
        Variant::new(Network::Bluesky),
    ];
    let mut big = MediaRef {
        id: "big".into(),
        mime: "image/jpeg".into(),
        bytes: 1_500_000,
        alt: "a photo".into(),
    };
    p.variants[2].media.push(big.clone());
    big.id = "b2".into();
    p.variants[1].media = vec![big.clone(), big.clone(), big.clone(), big.clone(), big];
    assert_eq!(
        p.blockers(MastodonRules::default()),
        vec![
            Blocker::TooLong(Network::X),
            Blocker::TooManyImages(Network::X),
            Blocker::TooLong(Network::Bluesky),
            Blocker::ImageTooLarge(Network::Bluesky, "big".into()),
        ]
    );
    assert_eq!(
        post().blockers(MastodonRules::default()),
        vec![Blocker::NoNetwork]
    );
}

#[test]
fn mastodon_takes_as_many_images_as_the_instance_says() {
    let mut p = post();
    p.base_text = "Trois photos".into();
    p.variants = vec![Variant::new(Network::Mastodon)];
    let image = |id: &str| MediaRef {
        id: id.into(),
        mime: "image/png".into(),
        bytes: 1000,
        alt: "a photo".into(),
    };
    p.variants[0].media = vec![image("a"), image("b"), image("c")];
    assert!(p.blockers(MastodonRules::default()).is_empty());
    let strict = MastodonRules {
        max_media: 2,
        ..MastodonRules::default()
    };
    assert_eq!(
        p.blockers(strict),
        vec![Blocker::TooManyImages(Network::Mastodon)]
    );
    // an account stored before the field existed reads with Mastodon's default of 4
    let old: MastodonRules =
        serde_json::from_str(r#"{"max_characters":500,"characters_reserved_per_url":23}"#).unwrap();
    assert_eq!(old.max_media, 4);
}

#[test]
fn a_variant_text_overrides_the_base_text_for_its_network_only() {
    let mut p = post();
    p.base_text = "long ".repeat(70);
    let mut x = Variant::new(Network::X);
    x.text = Some("Short for X".into());
    p.variants = vec![x, Variant::new(Network::Mastodon)];
    assert!(p.blockers(MastodonRules::default()).is_empty());
    assert_eq!(p.text_for(&p.variants[0]), "Short for X");
}

fn weigh_x(s: &str) -> usize {
    count(Network::X, s, "", MastodonRules::default()).used
}

#[test]
fn a_long_text_becomes_a_numbered_thread_cut_at_sentence_ends() {
    let sentence = "Our community grew by twelve percent this month, thanks to you all. ";
    let text = sentence.repeat(12);
    let parts = split_thread(&text, 280, weigh_x);
    let n = parts.len();
    assert!(n > 1);
    for (i, p) in parts.iter().enumerate() {
        assert!(weigh_x(p) <= 280, "segment {i} weighs {}", weigh_x(p));
        assert!(p.ends_with(&format!(" {}/{n}", i + 1)), "{p}");
        let body = p.rsplit_once(' ').unwrap().0;
        assert!(body.ends_with("you all."), "cut mid-sentence: {body}");
    }
    let joined: Vec<String> = parts
        .iter()
        .map(|p| p.rsplit_once(' ').unwrap().0.to_string())
        .collect();
    assert_eq!(joined.join(" "), text.trim());
}

#[test]
fn a_sentence_longer_than_a_segment_is_cut_between_words() {
    let text = "word ".repeat(120); // one 600-character sentence
    let parts = split_thread(&text, 300, |s| s.chars().count());
    assert!(parts.len() >= 2);
    for p in &parts {
        assert!(p.chars().count() <= 300);
        assert!(!p.contains("wor ") && !p.starts_with("ord"), "{p}");
    }
}

#[test]
fn a_text_that_fits_stays_whole_and_unnumbered() {
    assert_eq!(
        split_thread("  Just one post.  ", 500, |s| s.len()),
        vec!["Just one post."]
    );
}

#[test]
fn a_thread_of_ten_or_more_reserves_room_for_two_digit_numbers() {
    let text = "Twelve characters. ".repeat(40);
    let parts = split_thread(&text, 30, |s| s.chars().count());
    assert!(parts.len() >= 10, "{}", parts.len());
    for p in &parts {
        assert!(p.chars().count() <= 30, "{p:?}");
    }
    assert!(parts
        .last()
        .unwrap()
        .ends_with(&format!("{0}/{0}", parts.len())));
}

#[test]
fn a_post_survives_a_round_trip_through_json() {
    let mut p = post();
    p.base_text = "Bonjour 👋".into();
    p.variants.push(Variant::new(Network::Bluesky));
    p.transition(Scheduled, "me", 5.0).unwrap();
    p.due_at = Some(1_790_000_000_000.0);
    let json = serde_json::to_string(&p).unwrap();
    assert!(
        json.contains(r#""state":"scheduled""#) && json.contains(r#""network":"bluesky""#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Post>(&json).unwrap(), p);
}

#[test]
fn a_kept_note_becomes_a_draft_with_its_title_text_and_link() {
    use attache::domain::note::Note;
    let note = Note {
        id: "n".into(),
        workspace_id: "w9".into(),
        title: " Great thread ".into(),
        text: String::new(),
        url: "https://example.org/t".into(),
        created_at: 1.0,
    };
    let p = Post::from_note(&note, "p9".into(), 2.0);
    assert_eq!(p.base_text, "Great thread\n\nhttps://example.org/t");
    assert_eq!((p.workspace_id.as_str(), p.state), ("w9", Draft));
    assert_eq!(
        p.variants.iter().map(|v| v.network).collect::<Vec<_>>(),
        [Network::Mastodon, Network::Bluesky]
    );
}

#[test]
fn a_post_is_published_once_every_variant_went_out() {
    let mut p = post();
    p.base_text = "Hello".into();
    p.variants = vec![Variant::new(Network::X), Variant::new(Network::LinkedIn)];
    p.transition(Scheduled, "me", 1.0).unwrap();
    p.mark_published(Network::X, " https://x.com/cafe/status/1 ", "me", 2.0)
        .unwrap();
    assert_eq!(p.state, Scheduled);
    assert_eq!(
        p.variants[0].published.as_ref().unwrap().url,
        "https://x.com/cafe/status/1"
    );
    p.mark_published(Network::LinkedIn, "", "me", 3.0).unwrap();
    assert_eq!(p.state, Published);
    let steps: Vec<_> = p.history.iter().map(|t| t.to).collect();
    assert_eq!(steps, [Scheduled, Publishing, Published]);
}

#[test]
fn an_occurrence_is_a_fresh_scheduled_copy_of_the_post() {
    use attache::domain::post::{Comment, Publication};
    let mut p = post();
    p.base_text = "Our brunch is back every Sunday ☕".into();
    p.campaigns = vec!["c1".into(), "c2".into()];
    let mut masto = Variant::new(Network::Mastodon);
    masto.media.push(MediaRef {
        id: "m1".into(),
        mime: "image/jpeg".into(),
        bytes: 2048,
        alt: "Pancakes on a blue plate".into(),
    });
    masto.content_warning = "food".into();
    masto.language = Some("fr".into());
    masto.thread = vec!["Book at the counter.".into()];
    let mut bsky = Variant::new(Network::Bluesky);
    bsky.text = Some("Brunch is back ☕".into());
    p.variants = vec![masto, bsky];
    p.comments.push(Comment {
        by: "sam".into(),
        at: 1.0,
        text: "Add the opening hours?".into(),
    });
    p.transition(Scheduled, "camille", 2.0).unwrap();
    p.due_at = Some(1_000.0);
    p.mark_published(Network::Mastodon, "https://m.example/1", "camille", 3.0)
        .unwrap();
    p.mark_published(Network::Bluesky, "https://b.example/1", "camille", 4.0)
        .unwrap();
    assert_eq!(p.state, Published);

    let copy = p.occurrence("p2".into(), 9_000.0, "sam", 50.0, |id| format!("{id}-copy"));

    assert_eq!(copy.id, "p2");
    assert_eq!(copy.workspace_id, "w1");
    assert_eq!(copy.due_at, Some(9_000.0));
    assert_eq!(copy.state, Scheduled);
    let steps: Vec<_> = copy
        .history
        .iter()
        .map(|t| (t.from, t.to, t.by.as_str(), t.at))
        .collect();
    assert_eq!(steps, [(Draft, Scheduled, "sam", 50.0)]);
    assert_eq!(copy.repeat_of.as_deref(), Some("p1"));
    assert_eq!((copy.created_at, copy.updated_at), (50.0, 50.0));
    assert_eq!(copy.base_text, p.base_text);
    assert_eq!(copy.campaigns, ["c1", "c2"]);
    assert!(copy.comments.is_empty());

    assert_eq!(copy.variants.len(), 2);
    assert!(copy.variants.iter().all(|v| v.published.is_none()));
    assert_eq!(
        copy.variants[0].media,
        [MediaRef {
            id: "m1-copy".into(),
            mime: "image/jpeg".into(),
            bytes: 2048,
            alt: "Pancakes on a blue plate".into(),
        }]
    );
    // Everything else of each variant is the same.
    for (c, o) in copy.variants.iter().zip(&p.variants) {
        let mut o = o.clone();
        o.published = None;
        for m in &mut o.media {
            m.id = format!("{}-copy", m.id);
        }
        assert_eq!(c, &o);
    }
    assert_eq!(copy.text_for(&copy.variants[1]), "Brunch is back ☕");

    // The original is untouched and still published.
    assert_eq!(p.state, Published);
    assert_eq!(
        p.variants[0].published,
        Some(Publication {
            at: 3.0,
            url: "https://m.example/1".into()
        })
    );
    assert_eq!(p.variants[0].media[0].id, "m1");
}

#[test]
fn an_occurrence_of_an_occurrence_still_repeats_the_post_it_was_copied_from() {
    let mut p = post();
    p.base_text = "Weekly tip".into();
    p.variants = vec![Variant::new(Network::X)];
    let second = p.occurrence("p2".into(), 10.0, "me", 1.0, str::to_string);
    let third = second.occurrence("p3".into(), 20.0, "me", 2.0, str::to_string);
    assert_eq!(second.repeat_of.as_deref(), Some("p1"));
    assert_eq!(third.repeat_of.as_deref(), Some("p2"));
    assert_eq!(third.history.len(), 1);
    assert!(third.blockers(MastodonRules::default()).is_empty());
}

#[test]
fn an_untouched_new_post_has_no_content_and_anything_typed_or_added_counts() {
    let empty = post();
    assert!(!empty.has_content());
    let mut spaces = post();
    spaces.base_text = "  \n".into();
    assert!(!spaces.has_content(), "blank text is not content");
    let mut text = post();
    text.base_text = "Bonjour".into();
    assert!(text.has_content());
    let mut own = post();
    own.variants = vec![Variant {
        text: Some("Only on Bluesky".into()),
        ..Variant::new(Network::Bluesky)
    }];
    assert!(own.has_content(), "a network's own text counts");
    let mut warned = post();
    warned.variants = vec![Variant {
        content_warning: "spoilers".into(),
        ..Variant::new(Network::Mastodon)
    }];
    assert!(warned.has_content(), "a content warning counts");
    let mut threaded = post();
    threaded.variants = vec![Variant {
        thread: vec!["2/2".into()],
        ..Variant::new(Network::Mastodon)
    }];
    assert!(threaded.has_content(), "a thread's next part counts");
}

#[test]
fn the_composer_reopens_work_in_progress_and_stops_taking_edits_once_sending() {
    let mut p = post();
    p.base_text = "x".into();
    assert!(p.is_in_progress() && p.takes_edits());
    p.transition(PostState::Scheduled, "me", 2.0).unwrap();
    assert!(
        !p.is_in_progress(),
        "a scheduled post is done being written"
    );
    assert!(p.takes_edits(), "its text can still be changed");
    p.transition(PostState::Publishing, "me", 3.0).unwrap();
    assert!(!p.takes_edits());
    p.transition(PostState::Published, "me", 4.0).unwrap();
    assert!(!p.takes_edits() && !p.is_in_progress());
}

#[test]
fn the_autosave_compares_content_not_the_time_of_the_last_save() {
    let mut a = post();
    a.base_text = "x".into();
    let mut b = a.clone();
    b.updated_at += 5_000.0;
    assert_eq!(a.as_edited(), b.as_edited());
    b.base_text.push('y');
    assert_ne!(a.as_edited(), b.as_edited());
}

#[test]
fn instagram_takes_no_text_only_post() {
    let mut p = post();
    p.base_text = "Du pain chaud".into();
    p.variants = vec![Variant::new(Network::Instagram), Variant::new(Network::X)];
    let blockers = p.blockers(MastodonRules::default());
    assert_eq!(blockers, vec![Blocker::NeedsMedia(Network::Instagram)]);
    p.variants[0].media.push(MediaRef {
        id: "m1".into(),
        mime: "image/png".into(),
        bytes: 10,
        alt: "Une baguette".into(),
    });
    assert!(p.blockers(MastodonRules::default()).is_empty());
}

#[test]
fn scheduling_says_which_networks_need_attache_open_and_which_are_published_by_hand() {
    let mut p = post();
    p.variants = [
        Network::Mastodon,
        Network::Bluesky,
        Network::X,
        Network::Instagram,
    ]
    .into_iter()
    .map(Variant::new)
    .collect();
    assert_eq!(
        p.scheduled_sending(),
        (vec![Network::Bluesky], vec![Network::X, Network::Instagram])
    );
    p.variants = vec![Variant::new(Network::Mastodon)];
    assert_eq!(p.scheduled_sending(), (vec![], vec![]));
}

#[test]
fn a_held_post_edited_since_is_stale_and_only_then() {
    use attache::domain::post::RemoteSend;
    let mut p = Post::new("p".into(), "w".into(), 0.0);
    p.base_text = "Atelier latte art samedi".into();
    p.variants.push(Variant::new(Network::Mastodon));
    p.variants.push(Variant::new(Network::Bluesky));
    let mut remote = RemoteSend::new("k".into(), "a".into());
    remote.held_id = Some("1".into());
    remote.held_version = p.content_version(Network::Mastodon);
    p.variants[0].remote = Some(remote);
    assert!(!p.held_is_stale(Network::Mastodon));
    // A change of time or of another network's words is not a new version.
    p.due_at = Some(5.0);
    p.variants[1].text = Some("Only on Bluesky".into());
    assert!(!p.held_is_stale(Network::Mastodon));
    // The words, the warning, the language, a thread's next part, an image are.
    for edit in [
        (|p: &mut Post| p.base_text.push('!')) as fn(&mut Post),
        |p| p.variants[0].content_warning = "CW".into(),
        |p| p.variants[0].language = Some("fr".into()),
        |p| p.variants[0].thread.push("La suite".into()),
        |p| {
            p.variants[0].media.push(MediaRef {
                id: "m".into(),
                mime: "image/png".into(),
                bytes: 1,
                alt: String::new(),
            })
        },
    ] {
        let mut q = p.clone();
        edit(&mut q);
        assert!(q.held_is_stale(Network::Mastodon));
    }
    let mut q = p.clone();
    q.variants[0].media.push(MediaRef {
        id: "m".into(),
        mime: "image/png".into(),
        bytes: 1,
        alt: "a".into(),
    });
    let before = q.content_version(Network::Mastodon);
    q.variants[0].media[0].alt = "b".into();
    assert_ne!(q.content_version(Network::Mastodon), before);
    // A status held before versions were kept is not called stale (nothing to compare).
    p.variants[0].remote.as_mut().unwrap().held_version = None;
    p.base_text.push('?');
    assert!(!p.held_is_stale(Network::Mastodon));
}

#[test]
fn a_copy_is_edited_elsewhere_only_when_another_tab_saved_something_else_since() {
    let mut stored = post();
    stored.base_text = "Ouverture samedi".into();
    stored.version = 3;
    stored.edited_in = Some("tab-a".into());
    let mut copy = stored.clone();
    copy.version = 2;
    copy.edited_in = Some("tab-b".into());
    // the same words: nothing would be lost
    assert!(!copy.edited_elsewhere(&stored));
    copy.base_text = "Ouverture dimanche".into();
    assert!(
        copy.edited_elsewhere(&stored),
        "B edits an older version A changed"
    );
    copy.version = 3;
    assert!(
        !copy.edited_elsewhere(&stored),
        "B's copy is of the stored version"
    );
    copy.version = 2;
    copy.edited_in = Some("tab-a".into());
    assert!(!copy.edited_elsewhere(&stored), "a tab's own earlier save");
    copy.edited_in = None;
    assert!(
        copy.edited_elsewhere(&stored),
        "a copy named by no tab, older"
    );
    // the time of the save is not a change
    let mut same = stored.clone();
    same.version = 1;
    same.updated_at = 99.0;
    same.edited_in = Some("tab-b".into());
    assert!(!same.edited_elsewhere(&stored));
}
