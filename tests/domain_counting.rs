//! Counting rules per network. Each row of `TABLE` is one text and its count on X,
//! Mastodon, Bluesky, Threads and the UTF-16 networks (LinkedIn, Instagram, Facebook): five
//! cases a row. The other tests cover limits, overflow marks and the extra rules.

use attache::domain::counting::{self, count, Excess, MastodonRules};
use attache::domain::network::Network;

const NONE: &str = "";
const M: MastodonRules = MastodonRules {
    max_characters: 500,
    characters_reserved_per_url: 23,
    max_media: 4,
};

/// text, X, Mastodon, Bluesky, Threads, UTF-16
const TABLE: &[(&str, usize, usize, usize, usize, usize)] = &[
    ("", 0, 0, 0, 0, 0),
    ("hello", 5, 5, 5, 5, 5),
    ("café", 4, 4, 4, 4, 4),
    ("cafe\u{301}", 4, 4, 4, 4, 5), // combining acute: NFC for X, one grapheme elsewhere
    ("a\u{301}\u{302}\u{303}", 3, 1, 1, 1, 4), // stacked marks: NFC composes the first
    ("日本語", 6, 3, 3, 3, 3),      // CJK weighs 2 on X
    ("한국어 text", 11, 8, 8, 8, 8),
    ("中文，标点。", 12, 6, 6, 6, 6),
    ("Привет", 6, 6, 6, 6, 6), // Cyrillic is in X's weight-1 range
    ("שלום", 4, 4, 4, 4, 4),
    ("مرحبا", 5, 5, 5, 5, 5),
    ("😀", 2, 1, 1, 4, 2),
    ("👍🏽", 2, 1, 1, 8, 4),   // skin tone: one emoji
    ("👨‍👩‍👧‍👦", 2, 1, 1, 25, 11), // ZWJ family: one emoji
    ("🏳️‍🌈", 2, 1, 1, 14, 6),
    ("🇫🇷", 2, 1, 1, 8, 4), // flag: two regional indicators
    ("🇫🇷🇨🇦", 4, 2, 2, 16, 8),
    ("1️⃣", 2, 1, 1, 7, 3), // keycap
    ("❤️", 2, 1, 1, 6, 2),
    ("☺", 2, 1, 1, 3, 1),
    ("ok 👍", 5, 4, 4, 7, 5),
    ("“Bonjour”", 9, 9, 9, 9, 9), // curly quotes weigh 1 on X
    ("l’été", 5, 5, 5, 5, 5),
    ("—", 1, 1, 1, 1, 1),
    ("…", 2, 1, 1, 1, 1), // U+2026 is outside X's weight-1 ranges
    ("€5", 3, 2, 2, 2, 2),
    ("a\nb", 3, 3, 3, 3, 3),
    ("https://example.com", 23, 23, 19, 19, 19),
    ("https://example.com/path?q=1&r=2#frag", 23, 23, 37, 37, 37),
    ("HTTP://EXAMPLE.COM/UP", 23, 23, 21, 21, 21),
    ("example.com", 23, 11, 11, 11, 11), // no scheme: a link on X only
    ("x.com", 23, 5, 5, 5, 5),
    ("www.example.co.uk/path", 23, 22, 22, 22, 22),
    ("Go to www.example.org.", 30, 22, 22, 22, 22),
    ("https://example.com, and more", 33, 33, 29, 29, 29),
    (
        "(https://en.wikipedia.org/wiki/Foo_(bar))",
        25,
        25,
        41,
        41,
        41,
    ),
    ("xn--bcher-kva.de", 23, 16, 16, 16, 16), // punycode host
    ("bücher.de", 23, 9, 9, 9, 9),            // IDN host
    ("https://bücher.de/ä", 23, 23, 19, 19, 19),
    ("foo.notatld", 11, 11, 11, 11, 11),
    ("e.g. this", 9, 9, 9, 9, 9),
    ("mail a@example.com", 18, 18, 18, 18, 18), // an address is not a link
    ("a https://x.com b example.org", 51, 39, 29, 29, 29),
    ("Hi @alice@mastodon.social!", 26, 10, 26, 26, 26), // Mastodon counts @user only
    ("@alice hi", 9, 9, 9, 9, 9),
    ("#CommunityManager", 17, 17, 17, 17, 17),
    ("C# and F#", 9, 9, 9, 9, 9),
    ("  spaces  ", 10, 10, 10, 10, 10),
    ("tab\there", 8, 8, 8, 8, 8),
    ("𝐁𝐨𝐥𝐝", 8, 4, 4, 4, 8), // mathematical bold letters: astral, not emoji
];

#[test]
fn every_row_of_the_table_counts_as_each_network_does() {
    let mut failures = vec![];
    for &(text, x, mastodon, bluesky, threads, utf16) in TABLE {
        let got = [
            ("X", count(Network::X, text, NONE, M).used, x),
            (
                "Mastodon",
                count(Network::Mastodon, text, NONE, M).used,
                mastodon,
            ),
            (
                "Bluesky",
                count(Network::Bluesky, text, NONE, M).used,
                bluesky,
            ),
            (
                "Threads",
                count(Network::Threads, text, NONE, M).used,
                threads,
            ),
            (
                "LinkedIn",
                count(Network::LinkedIn, text, NONE, M).used,
                utf16,
            ),
            (
                "Instagram",
                count(Network::Instagram, text, NONE, M).used,
                utf16,
            ),
            (
                "Facebook",
                count(Network::Facebook, text, NONE, M).used,
                utf16,
            ),
        ];
        for (net, got, want) in got {
            if got != want {
                failures.push(format!("{net} {text:?}: got {got}, want {want}"));
            }
        }
    }
    assert!(TABLE.len() * 7 >= 150 + 150, "{} cases", TABLE.len() * 7);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn each_network_accepts_its_limit_and_marks_one_more() {
    let limits = [
        (Network::X, 280),
        (Network::Mastodon, 500),
        (Network::Bluesky, 300),
        (Network::Threads, 500),
        (Network::LinkedIn, 3000),
        (Network::Instagram, 2200),
        (Network::Facebook, 63_206),
    ];
    for (net, limit) in limits {
        let at = count(net, &"a".repeat(limit), NONE, M);
        assert!(at.is_valid(), "{net:?} at its limit");
        assert_eq!((at.remaining(), at.overflow_at), (0, None), "{net:?}");
        let over = count(net, &"a".repeat(limit + 1), NONE, M);
        assert!(!over.is_valid(), "{net:?} over its limit");
        assert_eq!(
            (over.remaining(), over.overflow_at),
            (-1, Some(limit)),
            "{net:?}"
        );
    }
}

#[test]
fn the_overflow_mark_on_x_starts_where_the_weight_passes_280() {
    // 139 CJK characters weigh 278; the 140th (bytes 417..420) brings 280; the 141st overflows.
    let text = "語".repeat(141);
    let c = counting::count_x(&text);
    assert_eq!(c.used, 282);
    assert_eq!(c.overflow_at, Some(140 * 3));
    // a link that crosses the limit is marked from its start
    let text = format!("{} https://example.com/page", "a".repeat(270));
    let c = counting::count_x(&text);
    assert_eq!(c.used, 294);
    assert_eq!(c.overflow_at, Some(271));
}

#[test]
fn the_x_overflow_mark_points_into_the_text_as_typed_not_its_nfc_form() {
    let text = format!("{}{}", "e\u{301}".repeat(280), "x");
    let c = counting::count_x(&text);
    assert_eq!(c.used, 281);
    assert_eq!(c.overflow_at, Some(280 * 3));
}

#[test]
fn mastodon_uses_the_instance_limit_and_url_length() {
    let rules = MastodonRules {
        max_characters: 1000,
        characters_reserved_per_url: 30,
        max_media: 4,
    };
    let c = count(Network::Mastodon, "see https://example.com/a", NONE, rules);
    assert_eq!((c.used, c.limit), (34, 1000));
    assert!(count(Network::Mastodon, &"a".repeat(1000), NONE, rules).is_valid());
}

#[test]
fn the_mastodon_content_warning_counts_and_moves_the_mark() {
    let c = counting::count_mastodon("hi", "Spoiler", M);
    assert_eq!(c.used, 9);
    let c = counting::count_mastodon(&"a".repeat(495), "ten chars!", M);
    assert_eq!(c.used, 505);
    assert_eq!(c.overflow_at, Some(490));
    let c = counting::count_mastodon("", &"w".repeat(501), M);
    assert_eq!(c.overflow_at, Some(0));
}

#[test]
fn mastodon_counts_only_the_user_part_of_remote_mentions() {
    let c = counting::count_mastodon("@camille@piaille.fr @bob@mastodon.social merci", NONE, M);
    assert_eq!(c.used, "@camille @bob merci".chars().count());
    // a local mention and a bare address are counted in full
    assert_eq!(counting::count_mastodon("@camille merci", NONE, M).used, 14);
}

#[test]
fn bluesky_limits_graphemes_and_bytes_both() {
    let family = "👨‍👩‍👧‍👦".repeat(300);
    let c = counting::count_bluesky(&family);
    assert_eq!(c.used, 300);
    assert_eq!(c.excess, vec![Excess::Bytes(7500)]);
    assert!(!c.is_valid());
    assert_eq!(c.overflow_at, Some(120 * 25));
    let accents = "é".repeat(300);
    assert!(counting::count_bluesky(&accents).is_valid());
    let c = counting::count_bluesky(&"é".repeat(301));
    assert_eq!(c.overflow_at, Some(600));
}

#[test]
fn threads_allows_five_links_at_most() {
    let five = (1..=5)
        .map(|i| format!("https://e{i}.example.com"))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(counting::count_threads(&five).is_valid());
    let six = format!("{five} example.org");
    assert_eq!(counting::count_threads(&six).excess, vec![Excess::Links(6)]);
}

#[test]
fn threads_weighs_an_emoji_as_its_utf8_bytes() {
    let c = counting::count_threads(&"👍".repeat(125));
    assert_eq!(c.used, 500);
    assert!(c.is_valid());
    assert!(!counting::count_threads(&format!("{}a", "👍".repeat(125))).is_valid());
}

#[test]
fn instagram_allows_thirty_hashtags() {
    let thirty = (0..30)
        .map(|i| format!("#tag{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(count(Network::Instagram, &thirty, NONE, M).is_valid());
    let more = format!("{thirty} #one_more");
    assert_eq!(
        count(Network::Instagram, &more, NONE, M).excess,
        vec![Excess::Hashtags(31)]
    );
    assert_eq!(counting::hashtags("C# #ok &#38; #_x #"), 2);
}

#[test]
fn links_are_found_with_their_exact_bounds() {
    use attache::domain::counting::urls::find_links;
    let text = "Voir https://exemple.fr/été?x=1. Puis bücher.de, et (https://a.org/b_(c)).";
    let found: Vec<&str> = find_links(text, true)
        .into_iter()
        .map(|(a, b)| &text[a..b])
        .collect();
    assert_eq!(
        found,
        [
            "https://exemple.fr/été?x=1",
            "bücher.de",
            "https://a.org/b_(c)"
        ]
    );
    let found: Vec<&str> = find_links(text, false)
        .into_iter()
        .map(|(a, b)| &text[a..b])
        .collect();
    assert_eq!(found, ["https://exemple.fr/été?x=1", "https://a.org/b_(c)"]);
}

#[test]
fn counting_all_networks_at_once_gives_the_same_counts_as_one_by_one() {
    let mut texts: Vec<String> = TABLE.iter().map(|r| r.0.to_string()).collect();
    texts.push(format!(
        "{}{}",
        "語".repeat(141),
        " @a@b.social https://x.example 👍"
    ));
    texts.push("e\u{301}".repeat(300));
    for text in &texts {
        let all = counting::count_all(&Network::ALL, text, "cw", M);
        for (net, got) in Network::ALL.iter().zip(all) {
            assert_eq!(got, count(*net, text, "cw", M), "{net:?} {text:?}");
        }
    }
}

/// Hard link and emoji contexts, with the lengths npm `twitter-text` 3.1 (X) and Mastodon's
/// rules (tests/differential/references.mjs) give them; the differential test tries
/// thousands more.
const HARD: &[(&str, usize, usize)] = &[
    ("fin.https://example.com/a", 27, 27),
    ("voir https://example.com/path(", 29, 29),
    ("voir https://example.com—suite", 34, 34),
    ("http://localhost:8080/x", 23, 23), // no public suffix: no link
    ("http://127.0.0.1:3000", 21, 21),
    ("https://bücher.de/x", 23, 23),
    ("«https://例え.jp»", 25, 25),
    ("go https://t.co/abc123?x=1#y)", 27, 27), // a t.co link ends after its query
    (
        "https://t.co/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        54,
        54,
    ), // slug over 40: no link
    ("a_b.example.com/x", 25, 17),             // X links only the ASCII domain after "_"
    ("-example.com", 12, 12),
    ("path https://a.co/path,(abc) ok", 37, 37), // parentheses after "," are not the link's
    ("https://a.co/p(a.b)x", 23, 23),
    ("https://ex.com/ιota", 23, 23), // iota is a path letter to X (it folds to U+0345)
    ("example.com?q=1", 27, 15),     // without a scheme, the query is not the link's
    ("✔︎", 4, 1),                     // text style: not an emoji on X
    ("🫶🏽", 4, 1),                    // newer than X's emoji list: two characters
    ("❤️‍🔥", 5, 1),
    ("\u{fe0f}", 2, 1),
    ("@bob@localhost hi", 17, 7), // Mastodon shortens a mention with any domain
    ("@user@mastodon.social.https://example.xyz/", 45, 20), // the link starts inside the mention
];

#[test]
fn hard_link_and_emoji_contexts_count_as_on_x_and_mastodon() {
    for &(text, x, mastodon) in HARD {
        assert_eq!(count(Network::X, text, NONE, M).used, x, "X: {text:?}");
        assert_eq!(
            count(Network::Mastodon, text, NONE, M).used,
            mastodon,
            "Mastodon: {text:?}"
        );
    }
}
