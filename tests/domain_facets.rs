//! Bluesky rich-text facets (`domain::facets`). Each row of `CASES` is a text and every facet
//! the official app would send for it, as the exact text it selects and its value; the other
//! tests pin byte offsets numerically, and a hostile corpus checks the invariants.

use attache::domain::facets::{detect, Facet, FacetKind, MAX_TAG_GRAPHEMES};

/// What a facet should be: the text it selects, and its link / mention / tag value.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    Link(&'static str, &'static str),
    Mention(&'static str, &'static str),
    Tag(&'static str, &'static str),
}
use Want::{Link, Mention, Tag};

fn observed(text: &str, f: &Facet) -> Want {
    // Leak to compare with the 'static table: tests only.
    let selected: &'static str = Box::leak(text[f.start..f.end].to_string().into_boxed_str());
    let value = |s: &String| -> &'static str { Box::leak(s.clone().into_boxed_str()) };
    match &f.kind {
        FacetKind::Link { uri } => Link(selected, value(uri)),
        FacetKind::Mention { handle } => Mention(selected, value(handle)),
        FacetKind::Tag { tag } => Tag(selected, value(tag)),
    }
}

const CASES: &[(&str, &[Want])] = &[
    // Nothing to find.
    ("", &[]),
    ("   \n\t  ", &[]),
    ("hello world", &[]),
    ("\u{3000}\u{A0}\u{2003}", &[]),
    // Hashtags: the official rule (white space before, run to white space, trailing
    // punctuation off, not only digits).
    ("#", &[]),
    ("text # text", &[]),
    ("text #", &[]),
    ("#2026", &[]),
    ("en #2026 !", &[]),
    ("#2026fr", &[Tag("#2026fr", "2026fr")]),
    // Cashtags, as the official app: a letter and up to four letters or digits, in capitals.
    ("Buy $aapl.", &[Tag("$aapl", "$AAPL")]),
    ("$TOOLONG and x$EUR", &[]),
    ("#fr2026", &[Tag("#fr2026", "fr2026")]),
    ("#1?", &[]),
    ("#_ #- #_-_", &[]),
    ("##double", &[Tag("##double", "#double")]),
    ("##", &[]),
    (
        "its a #double#rainbow",
        &[Tag("#double#rainbow", "double#rainbow")],
    ),
    ("#tag", &[Tag("#tag", "tag")]),
    ("#Tag at the start", &[Tag("#Tag", "Tag")]),
    ("ends with #TheTag", &[Tag("#TheTag", "TheTag")]),
    ("first line\n#second", &[Tag("#second", "second")]),
    ("first line\r\n\t#tabbed", &[Tag("#tabbed", "tabbed")]),
    ("#café", &[Tag("#café", "café")]),
    ("Vive #été2026 !", &[Tag("#été2026", "été2026")]),
    ("#cafe\u{301}", &[Tag("#cafe\u{301}", "cafe\u{301}")]),
    (
        "strips #trailing, #punct. #this!",
        &[
            Tag("#trailing", "trailing"),
            Tag("#punct", "punct"),
            Tag("#this", "this"),
        ],
    ),
    (
        "#multi_trailing___...",
        &[Tag("#multi_trailing", "multi_trailing")],
    ),
    (
        "#with,punctuation",
        &[Tag("#with,punctuation", "with,punctuation")],
    ),
    (
        "#snake_case #kebab-case",
        &[
            Tag("#snake_case", "snake_case"),
            Tag("#kebab-case", "kebab-case"),
        ],
    ),
    ("#tag's", &[Tag("#tag's", "tag's")]),
    ("(#paren)", &[]),
    ("\"#quoted\"", &[]),
    ("«#guillemets»", &[]),
    ("a#b C# x#y", &[]),
    ("#🦋", &[Tag("#🦋", "🦋")]),
    ("#butter🦋fly!", &[Tag("#butter🦋fly", "butter🦋fly")]),
    ("😀 #smile 😀", &[Tag("#smile", "smile")]),
    ("#️⃣ is a keycap", &[]),
    ("##️⃣tag", &[Tag("##️⃣tag", "#️⃣tag")]),
    // Zero-width characters end a tag, the joiner included (official list).
    ("#a\u{200B}b", &[Tag("#a", "a")]),
    ("#\u{200B}a", &[]),
    ("#👨‍👩‍👧 family", &[Tag("#👨", "👨")]),
    ("＃全角", &[Tag("＃全角", "全角")]),
    ("東京 #東京タワー です", &[Tag("#東京タワー", "東京タワー")]),
    ("見て #東京。", &[Tag("#東京", "東京")]),
    ("日本#東京", &[]),
    ("#bsky.app", &[Tag("#bsky.app", "bsky.app")]),
    // Links.
    (
        "https://example.com",
        &[Link("https://example.com", "https://example.com")],
    ),
    (
        "see https://example.com.",
        &[Link("https://example.com", "https://example.com")],
    ),
    (
        "https://example.com/a, then",
        &[Link("https://example.com/a", "https://example.com/a")],
    ),
    (
        "wow https://example.com/a!",
        &[Link("https://example.com/a", "https://example.com/a")],
    ),
    (
        "really https://example.com/a?",
        &[Link("https://example.com/a", "https://example.com/a")],
    ),
    (
        "and https://example.com/a;",
        &[Link("https://example.com/a", "https://example.com/a")],
    ),
    (
        "at https://example.com/a: here",
        &[Link("https://example.com/a", "https://example.com/a")],
    ),
    (
        "https://example.com/suite…",
        &[Link(
            "https://example.com/suite…",
            "https://example.com/suite…",
        )],
    ),
    ("«https://exemple.fr/a»", &[]),
    ("“https://x.org/a”", &[]),
    (
        "(see https://x.org)",
        &[Link("https://x.org", "https://x.org")],
    ),
    (
        "(see https://x.org/a)",
        &[Link("https://x.org/a", "https://x.org/a")],
    ),
    (
        "https://en.wikipedia.org/wiki/Foo_(bar)",
        &[Link(
            "https://en.wikipedia.org/wiki/Foo_(bar)",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
        )],
    ),
    (
        "(https://en.wikipedia.org/wiki/Foo_(bar))",
        &[Link(
            "https://en.wikipedia.org/wiki/Foo_(bar))",
            "https://en.wikipedia.org/wiki/Foo_(bar))",
        )],
    ),
    (
        "https://x.org/#frag",
        &[Link("https://x.org/#frag", "https://x.org/#frag")],
    ),
    (
        "https://x.org/page#section",
        &[Link(
            "https://x.org/page#section",
            "https://x.org/page#section",
        )],
    ),
    (
        "https://x.org/(#frag)",
        &[Link("https://x.org/(#frag)", "https://x.org/(#frag)")],
    ),
    (
        "https://x.org/page #section",
        &[
            Link("https://x.org/page", "https://x.org/page"),
            Tag("#section", "section"),
        ],
    ),
    (
        "https://example.com/a?b=1&c=2#x",
        &[Link(
            "https://example.com/a?b=1&c=2#x",
            "https://example.com/a?b=1&c=2#x",
        )],
    ),
    (
        "https://exemple.fr/été?x=1.",
        &[Link(
            "https://exemple.fr/été?x=1",
            "https://exemple.fr/été?x=1",
        )],
    ),
    (
        "http://localhost:2583/path",
        &[Link(
            "http://localhost:2583/path",
            "http://localhost:2583/path",
        )],
    ),
    ("HTTPS://EXAMPLE.COM/Up", &[]),
    ("Http://Example.org", &[]),
    ("https:// nothing", &[]),
    (
        "https://bsky.app/profile/@bob.test",
        &[Link(
            "https://bsky.app/profile/@bob.test",
            "https://bsky.app/profile/@bob.test",
        )],
    ),
    // Bare domains: `https://` is added; the top-level domain must be a real one.
    (
        "example.com/path",
        &[Link("example.com/path", "https://example.com/path")],
    ),
    (
        "go to www.example.co.uk.",
        &[Link("www.example.co.uk", "https://www.example.co.uk")],
    ),
    ("x.com", &[Link("x.com", "https://x.com")]),
    (
        "a trailing bsky.app: colon",
        &[Link("bsky.app", "https://bsky.app")],
    ),
    ("v1.2 is out", &[]),
    ("e.g. this", &[]),
    ("something-cool.jpg website.com.jpg", &[]),
    ("not.. a..url ..here", &[]),
    // E-mail addresses are neither links nor mentions.
    ("mail a@b.com", &[]),
    (
        "jean.dupont.fr@gmail.com",
        &[Link(
            "jean.dupont.fr@gmail.com",
            "https://jean.dupont.fr@gmail.com",
        )],
    ),
    ("foo@bar.com and foo@bob.test", &[]),
    // Mentions.
    ("@bob.test", &[Mention("@bob.test", "bob.test")]),
    ("hi @bob.test", &[Mention("@bob.test", "bob.test")]),
    ("@bob.test, hello", &[Mention("@bob.test", "bob.test")]),
    ("ping @bob.test.", &[Mention("@bob.test", "bob.test")]),
    ("@bob.test!@#$chars", &[Mention("@bob.test", "bob.test")]),
    ("@bob.test-", &[Mention("@bob.test", "bob.test")]),
    ("(@bob.test)", &[Mention("@bob.test", "bob.test")]),
    ("@Bob.Bsky.Social", &[]),
    (
        "@full123-chars.test",
        &[Mention("@full123-chars.test", "full123-chars.test")],
    ),
    ("@bob", &[]),
    ("@bob.123", &[]),
    (
        "@-bob.test @bob-.test @bob..test @.bob.test",
        &[
            Mention("@-bob.test", "-bob.test"),
            Mention("@bob-.test", "bob-.test"),
            Mention("@bob..test", "bob..test"),
            Mention("@.bob.test", ".bob.test"),
        ],
    ),
    ("@a.b_c @alice@mastodon.social", &[]),
    ("@@bob.test", &[]),
    (
        "こんにちは @bob.test さん",
        &[Mention("@bob.test", "bob.test")],
    ),
    ("（@bob.test）", &[]),
    ("@bob.testさん", &[Mention("@bob.test", "bob.test")]),
    ("こんにちは@bob.test", &[]),
    ("😀@bob.test😀", &[]),
    ("#@bob.test", &[Tag("#@bob.test", "@bob.test")]),
    (
        "@alice.test\n@bob.test",
        &[
            Mention("@alice.test", "alice.test"),
            Mention("@bob.test", "bob.test"),
        ],
    ),
    // Emoji around links.
    (
        "👨‍👩‍👧‍👦 https://x.org 👨‍👩‍👧‍👦",
        &[Link("https://x.org", "https://x.org")],
    ),
    ("🇫🇷🇨🇦https://x.org", &[]),
    (
        "https://x.org😀",
        &[Link("https://x.org😀", "https://x.org😀")],
    ),
    (
        "https://x.org/😀/a",
        &[Link("https://x.org/😀/a", "https://x.org/😀/a")],
    ),
    // Several facets, in text order.
    (
        "Voilà l’été #café @bob.test",
        &[Tag("#café", "café"), Mention("@bob.test", "bob.test")],
    ),
    (
        "@alice.test @bob.test @carol.test",
        &[
            Mention("@alice.test", "alice.test"),
            Mention("@bob.test", "bob.test"),
            Mention("@carol.test", "carol.test"),
        ],
    ),
    (
        "Salut @alice.test ! Lire https://x.org/a. #news #2026 #fr2026 et exemple.fr",
        &[
            Mention("@alice.test", "alice.test"),
            Link("https://x.org/a", "https://x.org/a"),
            Tag("#news", "news"),
            Tag("#fr2026", "fr2026"),
            Link("exemple.fr", "https://exemple.fr"),
        ],
    ),
];

#[test]
fn every_case_selects_the_expected_text_with_the_expected_value() {
    let mut failures = Vec::new();
    for (text, want) in CASES {
        let got: Vec<Want> = detect(text).iter().map(|f| observed(text, f)).collect();
        if got != *want {
            failures.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_has_eighty_distinct_texts_at_least() {
    let mut texts: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), CASES.len(), "a text is repeated");
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
}

fn ranges(text: &str) -> Vec<(usize, usize)> {
    detect(text).iter().map(|f| (f.start, f.end)).collect()
}

#[test]
fn bluesky_facets_use_utf8_byte_offsets_for_accented_text() {
    // "Voilà" 6 bytes, "l’été" 9 bytes (’ is 3, é is 2).
    assert_eq!(ranges("Voilà l’été #café @bob.test"), [(17, 23), (24, 33)]);
}

#[test]
fn offsets_count_bytes_after_emoji_zwj_sequences_and_flags() {
    // The family is 25 bytes, a flag 8, an emoji 4.
    assert_eq!(ranges("👨‍👩‍👧‍👦 https://x.org"), [(26, 39)]);
    assert_eq!(ranges("🇫🇷 🇨🇦 https://x.org"), [(18, 31)]);
    assert_eq!(ranges("😀 @bob.test😀"), [(5, 14)]);
    assert_eq!(ranges("#butter🦋fly!"), [(0, 14)]);
}

#[test]
fn offsets_count_bytes_in_cjk_text_and_fullwidth_signs() {
    assert_eq!(ranges("こんにちは @bob.test さん"), [(16, 25)]);
    assert_eq!(ranges("（ @bob.test）"), [(4, 13)]);
    assert_eq!(ranges("＃全角"), [(0, 9)]);
    assert_eq!(ranges("東京 #東京タワー です"), [(7, 23)]);
}

#[test]
fn offsets_of_plain_ascii_match_the_official_examples() {
    assert_eq!(ranges("#a #b"), [(0, 2), (3, 5)]);
    assert_eq!(ranges("body #1a"), [(5, 8)]);
    assert_eq!(ranges("its a #double#rainbow"), [(6, 21)]);
    assert_eq!(ranges("strips #multi_trailing___..."), [(7, 22)]);
    assert_eq!(ranges("(see https://x.org)"), [(5, 18)]);
    assert_eq!(ranges("hi @bob.test."), [(3, 12)]);
}

#[test]
fn a_tag_may_hold_sixty_four_graphemes_but_not_sixty_five() {
    let at_limit = format!("#{}", "é".repeat(MAX_TAG_GRAPHEMES));
    let over = format!("#{}", "é".repeat(MAX_TAG_GRAPHEMES + 1));
    assert_eq!(ranges(&at_limit), [(0, 1 + 2 * MAX_TAG_GRAPHEMES)]);
    assert_eq!(ranges(&over), []);
    // Trailing punctuation does not count.
    assert_eq!(ranges(&format!("{at_limit}!!")).len(), 1);
    // Graphemes, not chars: 64 flags are 128 chars.
    let flags = format!("#{}", "🇫🇷".repeat(MAX_TAG_GRAPHEMES));
    assert_eq!(ranges(&flags), [(0, 1 + 8 * MAX_TAG_GRAPHEMES)]);
}

// ---------------------------------------------------------------------------------------
// Invariants on hostile input

#[path = "hostile_corpus/mod.rs"]
mod hostile_corpus;

fn assert_well_formed(text: &str) {
    let facets = detect(text);
    let mut last_start = 0;
    for f in &facets {
        assert!(f.start < f.end && f.end <= text.len(), "{f:?} in {text:?}");
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{f:?} in {text:?}"
        );
        // Sorted by start; as in the official app, a facet may overlap another in rare texts.
        assert!(f.start >= last_start, "unsorted: {facets:?} in {text:?}");
        last_start = f.start;
        let selected = &text[f.start..f.end];
        match &f.kind {
            FacetKind::Link { uri } => {
                // As typed when it starts with `http`, else a bare domain with `https://`.
                let as_typed = selected.starts_with("http") && uri == selected;
                assert!(as_typed || *uri == format!("https://{selected}"), "{uri}");
            }
            FacetKind::Mention { handle } => {
                assert_eq!(selected[1..].to_ascii_lowercase(), *handle);
                assert!(selected.starts_with('@'));
            }
            FacetKind::Tag { tag } => {
                if let Some(ticker) = selected.strip_prefix('$') {
                    // A cashtag: `$` and the ticker in capitals.
                    assert_eq!(format!("${}", ticker.to_ascii_uppercase()), *tag);
                    continue;
                }
                let rest = selected
                    .strip_prefix('#')
                    .or_else(|| selected.strip_prefix('＃'))
                    .unwrap_or_else(|| panic!("{selected:?}"));
                assert_eq!(rest, tag);
            }
        }
    }
}

#[test]
fn the_hostile_corpus_gives_well_formed_facets() {
    let inputs = hostile_corpus::all_inputs();
    assert!(inputs.len() > 1000);
    for input in &inputs {
        assert_well_formed(input);
    }
}

#[test]
fn random_mixes_of_tricky_pieces_give_well_formed_facets() {
    const PIECES: &[&str] = &[
        "#",
        "＃",
        "@",
        ".",
        "(",
        ")",
        " ",
        "\n",
        "https://",
        "http://",
        "x.org",
        "bob.test",
        "é",
        "e\u{301}",
        "😀",
        "👨‍👩‍👧‍👦",
        "🇫🇷",
        "\u{FE0F}",
        "\u{200D}",
        "\u{200B}",
        "東京",
        "2026",
        "/",
        "?",
        "…",
        "»",
        "_",
        "-",
        "a",
        "com",
        ":",
        "'",
        "\"",
        "\u{0}",
        "\u{FEFF}",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _ in 0..20_000 {
        let len = next() % 12;
        let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
        assert_well_formed(&text);
    }
}
