//! Listening's rules: a search read as typed (words, phrases, tags any/all/none,
//! exclusions), what it asks Mastodon's hashtag timeline and Bluesky's search, which posts
//! it keeps, the parts of a text it marks, a post found twice kept once, a search checked
//! before it is saved, and when it runs again (interval, backoff, the server's limit).

use attache::domain::inbox::InboxItem;
use attache::domain::listening::{
    highlights, is_due, keeps, next_run, parse, Hit, RunState, SavedSearch, SearchError,
    TagTimeline, Term,
};
use attache::domain::network::Network;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn a_search_is_read_as_a_person_types_it() {
    let q = parse(r#"Café Lumière #CafeLumiere, +#lyon -spam -#ad "bon café" #cafelumiere"#);
    assert_eq!(q.words, s(&["café", "lumière", "bon café"]));
    assert_eq!(
        q.any_tags,
        s(&["cafelumiere"]),
        "a tag is kept once, without its comma"
    );
    assert_eq!(q.all_tags, s(&["lyon"]));
    assert_eq!(q.none_tags, s(&["ad"]));
    assert_eq!(q.none_words, s(&["spam"]));
    assert!(
        parse("-spam -#ad").is_empty(),
        "exclusions alone find nothing"
    );
    assert!(parse("   ").is_empty());
    assert_eq!(
        parse("＃Café").any_tags,
        s(&["café"]),
        "a full-width # is a tag too"
    );
    assert_eq!(
        parse(r#""unclosed phrase"#).words,
        s(&["\"unclosed", "phrase"])
    );
}

#[test]
fn mastodon_is_asked_by_hashtag_with_any_all_and_none() {
    let q = parse("#cafe #coffee +#lyon -#ad word");
    assert_eq!(
        q.mastodon(),
        Some(TagTimeline {
            tag: "cafe".into(),
            any: s(&["coffee"]),
            all: s(&["lyon"]),
            none: s(&["ad"]),
        })
    );
    // Only required tags: the first goes in the path, the others in all[].
    let q = parse("+#lyon +#cafe");
    let t = q.mastodon().unwrap();
    assert_eq!((t.tag.as_str(), t.all.clone()), ("lyon", s(&["cafe"])));
    assert_eq!(
        parse("only words").mastodon(),
        None,
        "no tag: Mastodon cannot search it"
    );
}

#[test]
fn bluesky_is_asked_once_per_word_and_tag() {
    let q = parse("lumière #cafe +#lyon #cafe -spam");
    assert_eq!(
        q.bluesky(),
        vec![
            Term::Word("lumière".into()),
            Term::Tag("cafe".into()),
            Term::Tag("lyon".into())
        ]
    );
}

#[test]
fn a_post_is_kept_only_when_it_really_matches() {
    let q = parse("lumière #cafe +#lyon -spam -#ad");
    let tags = s(&["cafe", "lyon"]);
    assert!(keeps(&q, "", "Le café Lumière à Lyon", &tags, "fr"));
    assert!(
        !keeps(&q, "", "Le café Lumière, SPAM", &tags, "fr"),
        "an excluded word"
    );
    assert!(
        !keeps(&q, "", "Lumière", &s(&["cafe", "lyon", "ad"]), "fr"),
        "an excluded tag"
    );
    assert!(
        !keeps(&q, "", "Lumière", &s(&["cafe"]), "fr"),
        "a required tag missing"
    );
    assert!(
        keeps(&q, "", "Lumière #Lyon", &[], "fr"),
        "a tag written in the text counts"
    );
    assert!(
        !keeps(&q, "", "Rien à voir #lyon", &s(&["lyon"]), ""),
        "none of the words or tags"
    );
    assert!(
        !keeps(&q, "", "allumière #lyon", &[], ""),
        "a word matches at a word's start only"
    );
    // Language: the post's primary language against the search's; a post without one stays.
    assert!(keeps(&q, "fr", "Lumière #lyon", &[], "fr-CA"));
    assert!(!keeps(&q, "fr", "Lumière #lyon", &[], "en"));
    assert!(keeps(&q, "fr", "Lumière #lyon", &[], ""));
    // "spam" excludes "spammy" (a word's start) but not "antispam".
    assert!(!keeps(&q, "", "lumière spammy #lyon", &[], ""));
    assert!(keeps(&q, "", "lumière antispam #lyon", &[], ""));
}

#[test]
fn the_matches_are_marked_without_case_and_merged() {
    let q = parse("café #Lyon lumière");
    let text = "Café Lumière, #lyon! Le CAFÉ";
    let marks: Vec<&str> = highlights(&q, text)
        .iter()
        .map(|&(a, b)| &text[a..b])
        .collect();
    assert_eq!(marks, vec!["Café", "Lumière", "#lyon", "CAFÉ"]);
    // Overlapping matches become one.
    let q = parse(r#""café lu" lumière café"#);
    let text = "café lumière";
    assert_eq!(highlights(&q, text), vec![(0, text.len())]);
    // Nothing to mark, nothing marked.
    assert!(highlights(&parse("absent"), "rien ici").is_empty());
    // A text whose lowercase changes its length (İ) is not marked, never cut mid-letter.
    assert!(highlights(&parse("i̇stanbul"), "İstanbul").is_empty());
}

fn item(id: &str) -> InboxItem {
    InboxItem {
        id: id.into(),
        workspace_id: "w".into(),
        account_id: "a".into(),
        network: Network::Bluesky,
        author_name: "Bob".into(),
        author_handle: "@bob.test".into(),
        author_url: String::new(),
        html: String::new(),
        text: "Lumière".into(),
        links: vec![],
        spoiler: String::new(),
        at: 10.0,
        url: String::new(),
        in_reply_to: None,
        post_id: None,
        remote_id: "at://x".into(),
        cid: String::new(),
        thread_root: None,
        thread_root_cid: None,
        visibility: String::new(),
        mentions: vec![],
        answered_at: None,
        profile: Default::default(),
    }
}

fn hit(search: &str, found_at: f64) -> Hit {
    Hit {
        id: Hit::key("w", "at://x"),
        workspace_id: "w".into(),
        uri: "at://x".into(),
        at: 10.0,
        found_at,
        searches: vec![search.into()],
        tags: vec![],
        item: item("i"),
        taken: vec![],
    }
}

#[test]
fn a_post_found_again_is_one_hit_with_every_search() {
    let mut first = hit("s1", 100.0);
    first.taken = s(&["member"]);
    let kept = first.joined(&hit("s2", 50.0)).joined(&hit("s1", 200.0));
    assert_eq!(kept.searches, s(&["s1", "s2"]));
    assert_eq!(kept.found_at, 50.0, "the first finding stays");
    assert_eq!(kept.taken, s(&["member"]), "what the user did stays");
    assert_eq!(Hit::key("w", "at://x"), "w:at://x");
}

#[test]
fn a_mastodon_post_is_matched_on_its_words_not_its_markup() {
    let mut h = hit("s", 1.0);
    h.item.html = r#"<p>Chez <a href="https://x/tags/lumiere" class="hashtag">#<span>lumiere</span></a> &amp; co<script>x</script></p>"#.into();
    let words = h.words();
    assert!(words.contains("#lumiere"), "{words}");
    assert!(words.contains("& co"), "{words}");
    assert!(!words.contains('<'), "{words}");
}

#[test]
fn a_search_is_checked_before_it_is_saved() {
    let draft = |name: &str, query: &str, every: u32| SavedSearch {
        id: String::new(),
        name: name.into(),
        query: query.into(),
        lang: " FR ".into(),
        every_minutes: every,
        created_at: 0.0,
    };
    let ok = draft(" Brand ", " #cafe ", 15).checked().unwrap();
    assert_eq!(
        (ok.name.as_str(), ok.query.as_str(), ok.lang.as_str()),
        ("Brand", "#cafe", "fr")
    );
    assert_eq!(draft(" ", "#cafe", 15).checked(), Err(SearchError::NoName));
    assert_eq!(
        draft("B", "-spam", 15).checked(),
        Err(SearchError::NothingToFind)
    );
    assert_eq!(draft("B", "#cafe", 1).checked(), Err(SearchError::Interval));
    assert_eq!(
        draft("B", "#cafe", 100_000).checked(),
        Err(SearchError::Interval)
    );
}

#[test]
fn a_search_runs_again_after_its_interval_later_after_failures() {
    const MIN: f64 = 60_000.0;
    let now = 1_000_000.0;
    assert_eq!(next_run(15, 0, None, now, 0.0), now + 15.0 * MIN);
    // Failures double the wait from the interval (plus the policy's backoff), up to 6 hours.
    let one = next_run(15, 1, None, now, 0.0) - now;
    let two = next_run(15, 2, None, now, 0.0) - now;
    let many = next_run(15, 30, None, now, 0.0) - now;
    assert!(
        one >= 15.0 * MIN && two > one && many > two,
        "{one} {two} {many}"
    );
    assert!(many <= 6.0 * 60.0 * MIN + 15.0 * MIN, "{many}");
    // A rate limit that lifts later than that is waited for.
    let until = now + 10.0 * 60.0 * MIN;
    assert_eq!(next_run(15, 1, Some(until), now, 0.0), until);
    assert_eq!(next_run(15, 1, Some(now + 1.0), now, 0.0), now + one);
    // Due: never run, or its time came.
    assert!(is_due(None, now));
    let state = RunState {
        next_at: now + 1.0,
        ..RunState::default()
    };
    assert!(!is_due(Some(&state), now));
    assert!(is_due(Some(&state), now + 1.0));
}
