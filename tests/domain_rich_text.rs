//! Mastodon status HTML → the safe tree: Mastodon's own shapes, every rule with an input
//! that would break it, and a hostile corpus (XSS vectors × wrappers × variants).

use std::time::{Duration, Instant};

use attache::domain::rich_text::{
    checked_href, parse_status_html, plain_text, to_safe_html, Inline, Paragraph, MAX_DEPTH,
};

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn link(href: &str, children: Vec<Inline>) -> Inline {
    Inline::Link {
        href: href.into(),
        children,
    }
}

fn para(nodes: Vec<Inline>) -> Paragraph {
    Paragraph(nodes)
}

fn html(s: &str) -> String {
    to_safe_html(&parse_status_html(s))
}

fn plain(s: &str) -> String {
    plain_text(&parse_status_html(s))
}

// ---------------------------------------------------------------------------------------
// Mastodon's shapes

const MASTODON_EXAMPLE: &str = r#"<p>Hello <span class="h-card"><a href="https://mastodon.social/@Gargron" class="u-url mention">@<span>Gargron</span></a></span> look <a href="https://joinmastodon.org/apps" rel="nofollow noopener noreferrer" target="_blank"><span class="invisible">https://</span><span class="">joinmastodon.org/apps</span><span class="invisible"></span></a> <a href="https://mastodon.social/tags/test" class="mention hashtag" rel="tag">#<span>test</span></a></p>"#;

#[test]
fn mastodons_example_gives_a_mention_a_link_and_a_hashtag() {
    assert_eq!(
        parse_status_html(MASTODON_EXAMPLE),
        vec![para(vec![
            text("Hello "),
            Inline::Mention {
                children: vec![link(
                    "https://mastodon.social/@Gargron",
                    vec![text("@Gargron")]
                )]
            },
            text(" look "),
            link(
                "https://joinmastodon.org/apps",
                vec![text("joinmastodon.org/apps")]
            ),
            text(" "),
            Inline::Tag {
                children: vec![link(
                    "https://mastodon.social/tags/test",
                    vec![text("#test")]
                )]
            },
        ])]
    );
    assert_eq!(
        plain(MASTODON_EXAMPLE),
        "Hello @Gargron look joinmastodon.org/apps #test"
    );
    assert_eq!(
        html(MASTODON_EXAMPLE),
        "<p>Hello <a href=\"https://mastodon.social/@Gargron\" class=\"mention\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">@Gargron</a> look \
         <a href=\"https://joinmastodon.org/apps\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">joinmastodon.org/apps</a> \
         <a href=\"https://mastodon.social/tags/test\" class=\"hashtag\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">#test</a></p>"
    );
}

#[test]
fn a_shortened_link_hides_its_invisible_parts_and_ends_with_an_ellipsis() {
    let status = r#"<p>Read <a href="https://example.com/a/very/long/path?x=1" rel="nofollow noopener noreferrer" translate="no" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/a/very/lo</span><span class="invisible">ng/path?x=1</span></a> now</p>"#;
    assert_eq!(
        parse_status_html(status),
        vec![para(vec![
            text("Read "),
            link(
                "https://example.com/a/very/long/path?x=1",
                vec![text("example.com/a/very/lo…")]
            ),
            text(" now"),
        ])]
    );
    // Outside links too, and "invisible" wins over "ellipsis" on one span.
    assert_eq!(
        plain(
            r#"a<span class="invisible">b</span><span class="ellipsis">c</span><span class="invisible ellipsis">d</span>"#
        ),
        "ac…"
    );
    // Nested inside an invisible span: hidden, no ellipsis.
    assert_eq!(
        plain(r#"a<span class="invisible">b<span class="ellipsis">c</span>d<br></span>e"#),
        "ae"
    );
}

#[test]
fn paragraphs_and_line_breaks_as_mastodon_writes_them() {
    let status = "<p>First line<br />second line<br>third</p><p>Second paragraph</p>";
    assert_eq!(
        parse_status_html(status),
        vec![
            para(vec![
                text("First line"),
                Inline::Break,
                text("second line"),
                Inline::Break,
                text("third"),
            ]),
            para(vec![text("Second paragraph")]),
        ]
    );
    assert_eq!(
        plain(status),
        "First line\nsecond line\nthird\n\nSecond paragraph"
    );
    assert_eq!(
        html(status),
        "<p>First line<br>second line<br>third</p><p>Second paragraph</p>"
    );
}

#[test]
fn a_mention_without_the_h_card_span_and_a_link_inside_an_h_card_are_mentions() {
    let a = parse_status_html(r#"<a href="https://x.example/@a" class="u-url mention">@a</a>"#);
    let b = parse_status_html(
        r#"<span class="h-card" translate="no"><a href="https://x.example/@a" class="u-url">@a</a></span>"#,
    );
    let expected = vec![para(vec![Inline::Mention {
        children: vec![link("https://x.example/@a", vec![text("@a")])],
    }])];
    assert_eq!(a, expected);
    assert_eq!(b, expected);
    // A hashtag inside an h-card is still a hashtag.
    assert!(matches!(
        parse_status_html(r#"<span class="h-card"><a href="https://x.example/tags/t" class="hashtag">#t</a></span>"#)[0].0[0],
        Inline::Tag { .. }
    ));
    // An h-card with no link is plain text; a link after the h-card closes is plain.
    assert_eq!(
        parse_status_html(r#"<span class="h-card">@bob</span> <a href="https://x.example/">x</a>"#),
        vec![para(vec![
            text("@bob "),
            link("https://x.example/", vec![text("x")])
        ])]
    );
    // Class tokens are whole words.
    assert_eq!(
        parse_status_html(r#"<a href="https://x.example/" class="mentions hashtags">x</a>"#),
        vec![para(vec![link("https://x.example/", vec![text("x")])])]
    );
}

// ---------------------------------------------------------------------------------------
// Structure

#[test]
fn text_outside_any_paragraph_becomes_its_own_paragraph() {
    assert_eq!(
        parse_status_html("before<p>inside</p>after<br>more"),
        vec![
            para(vec![text("before")]),
            para(vec![text("inside")]),
            para(vec![text("after"), Inline::Break, text("more")]),
        ]
    );
    assert_eq!(
        parse_status_html("just text"),
        vec![para(vec![text("just text")])]
    );
    // Unclosed and nested paragraphs split; white-space-only and break-only ones go.
    assert_eq!(
        parse_status_html("<p>a<p>b</p>\n<p> </p><p><br></p><p>c"),
        vec![
            para(vec![text("a")]),
            para(vec![text("b")]),
            para(vec![text("c")]),
        ]
    );
    assert_eq!(parse_status_html(""), vec![]);
    assert_eq!(parse_status_html("<p></p>"), vec![]);
    assert_eq!(to_safe_html(&[]), "");
}

#[test]
fn other_tags_are_dropped_and_their_text_kept() {
    assert_eq!(
        parse_status_html("<b>hi</b> <i>there</i> <em>you</em><div>!</div><ul><li>x</li></ul>"),
        vec![para(vec![text("hi there you!x")])]
    );
    assert_eq!(
        html("<p><strong onclick=\"x()\">bold</strong> <img src=x alt=pic> <code>c</code></p>"),
        "<p>bold  c</p>"
    );
    // Spans other than the special ones are transparent.
    assert_eq!(
        parse_status_html(
            r#"<span class="quote-inline">RE: <span style="color:red">x</span></span>"#
        ),
        vec![para(vec![text("RE: x")])]
    );
}

#[test]
fn the_content_of_scripts_styles_and_friends_is_dropped_entirely() {
    for name in [
        "script", "style", "template", "iframe", "object", "noscript", "textarea", "title", "xmp",
        "SCRIPT", "ScRiPt", "noembed", "noframes",
    ] {
        let input = format!("a<{name} x=1>b<p>c</p><b>d</b></{name}>e");
        assert_eq!(plain(&input), "ae", "{name}");
        let upper_end = format!("a<{name}>b</{}  >e", name.to_ascii_uppercase());
        assert_eq!(plain(&upper_end), "ae", "{name}");
    }
    // A script ends only at its own end tag.
    assert_eq!(
        plain("a<script>x</scrip></scriptx></style>y</script>b"),
        "ab"
    );
    assert_eq!(plain("a<script>x</script/>b"), "ab");
    assert_eq!(plain("a<script>x</script foo=\">\">b"), "ab");
    // Never closed: dropped to the end.
    assert_eq!(plain("a<script>alert(1)<p>more</p>"), "a");
    assert_eq!(plain("a<style>x</sty"), "a");
    assert_eq!(plain("a<plaintext>everything</plaintext>after"), "a");
    // Self-closing syntax does not end a script, as in browsers.
    assert_eq!(plain("a<script/>x</script>b"), "ab");
}

#[test]
fn comments_and_declarations_are_dropped() {
    assert_eq!(plain("a<!-- <b>x</b> -->b"), "ab");
    assert_eq!(plain("a<!-->b"), "ab");
    assert_eq!(plain("a<!--->b"), "ab");
    assert_eq!(plain("a<!-- x --!>b"), "ab");
    assert_eq!(plain("a<!-- x -- y -->b"), "ab");
    assert_eq!(plain("a<!-- never closed <p>b</p>"), "a");
    assert_eq!(plain("a<!DOCTYPE html>b<?xml x?>c<![CDATA[d]]>e"), "abce");
    assert_eq!(plain("a</>b</ x>c</3>d"), "abcd");
}

#[test]
fn stray_angle_brackets_are_text() {
    assert_eq!(plain("I <3 you"), "I <3 you");
    assert_eq!(plain("a < b > c"), "a < b > c");
    assert_eq!(plain("a <"), "a <");
    assert_eq!(plain("a </"), "a </");
    assert_eq!(plain("<<<"), "<<<");
    assert_eq!(plain("x<=y & y>=z"), "x<=y & y>=z");
    assert_eq!(html("I <3 you & me"), "<p>I &lt;3 you &amp; me</p>");
    // An unclosed tag at the end is dropped, as in browsers.
    assert_eq!(plain("a <b"), "a ");
    assert_eq!(plain("a<img src=x onerror=alert(1)//"), "a");
    assert_eq!(plain("a<a href=\"https://x.example/"), "a");
}

// ---------------------------------------------------------------------------------------
// Links

#[test]
fn only_http_and_https_links_survive() {
    for ok in [
        "https://example.com/",
        "http://example.com/a?b=c&d=e#f",
        "HTTPS://EXAMPLE.COM/",
        "HtTp://example.com",
        "https://exämple.com/ünïcode",
    ] {
        assert_eq!(checked_href(ok).as_deref(), Some(ok), "{ok}");
    }
    for refused in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\tjavascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\0script:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "ftp://example.com/",
        "mailto:a@example.com",
        "/relative/path",
        "//example.com/protocol-relative",
        "example.com/no-scheme",
        "#fragment",
        "",
        "https:",
        "https",
        "h ttps://example.com",
        "https://exa mple.com/",
        "https://example.com/\"onmouseover=\"x",
        "https://example.com/<script>",
        "https://example.com/>",
        "https://example.com/`x`",
        "https://example.com/\u{A0}x",
        "https://example.com/\u{7F}",
        "https://example.com/\u{85}",
    ] {
        assert_eq!(checked_href(refused), None, "{refused:?}");
    }
    // Leading and trailing spaces are trimmed, as a browser's URL parser does.
    assert_eq!(
        checked_href("  https://example.com/ \n").as_deref(),
        Some("https://example.com/")
    );
}

#[test]
fn hrefs_are_checked_after_entity_decoding() {
    for href in [
        "jav&#x09;ascript:alert(1)",
        "jav&#9;ascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#106avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "&#X6a;avascript:alert(1)",
        "&#0000106;&#0000097;vascript:alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#x3A;alert(1)",
        "java&#x0A;script:alert(1)",
        "java&#13;script:alert(1)",
        "&#32;javascript:alert(1)",
        "&#x20;&#x0;javascript:alert(1)",
        "java&#x202E;script:alert(1)",
        "vb&#115;cript:x",
        "&#100;ata:text/html,x",
        "javascript&colon;alert(1)",
    ] {
        for quoted in [
            format!("<a href=\"{href}\">t</a>"),
            format!("<a href='{href}'>t</a>"),
            format!("<a href={href}>t</a>"),
        ] {
            assert_eq!(
                parse_status_html(&quoted),
                vec![para(vec![text("t")])],
                "{quoted}"
            );
        }
    }
    // An encoded address that is fine stays fine, decoded once.
    assert_eq!(
        parse_status_html("<a href=\"https://x.example/?a=1&amp;b=2&#38;c=&lt;\">t</a>"),
        vec![para(vec![text("t")])]
    );
    assert_eq!(
        parse_status_html("<a href=\"https://x.example/?a=1&amp;b=2&#38;c=3\">t</a>"),
        vec![para(vec![link(
            "https://x.example/?a=1&b=2&c=3",
            vec![text("t")]
        )])]
    );
    assert_eq!(
        html("<a href=\"https://x.example/?a=1&amp;b='2'\">t</a>"),
        "<p><a href=\"https://x.example/?a=1&amp;b=&#39;2&#39;\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">t</a></p>"
    );
}

#[test]
fn a_refused_link_keeps_its_text() {
    assert_eq!(
        parse_status_html(
            "<p>see <a href=\"javascript:alert(1)\" class=\"mention\">this <b>link</b><br>now</a>!</p>"
        ),
        vec![para(vec![
            text("see this link"),
            Inline::Break,
            text("now!")
        ])]
    );
    // No href at all: the same.
    assert_eq!(
        parse_status_html("<a name=x>anchor</a>"),
        vec![para(vec![text("anchor")])]
    );
    // A hashtag with a refused address is plain text, not a Tag.
    assert_eq!(
        parse_status_html("<a href=\"data:x\" class=\"hashtag\">#t</a>"),
        vec![para(vec![text("#t")])]
    );
}

#[test]
fn links_do_not_nest_and_empty_links_go() {
    assert_eq!(
        parse_status_html(
            "<a href=\"https://a.example/\">a<a href=\"https://b.example/\">b</a>c</a>"
        ),
        vec![para(vec![
            link("https://a.example/", vec![text("a")]),
            link("https://b.example/", vec![text("b")]),
            text("c"),
        ])]
    );
    assert_eq!(
        parse_status_html("x<a href=\"https://a.example/\"></a>y"),
        vec![para(vec![text("xy")])]
    );
    assert_eq!(
        parse_status_html("<p>x<a href=\"https://a.example/\">in<p>side</p></a>y</p>"),
        vec![para(vec![
            text("x"),
            link("https://a.example/", vec![text("inside")]),
            text("y")
        ])]
    );
    // An unclosed link ends with the input.
    assert_eq!(
        parse_status_html("x<a href=\"https://a.example/\">y"),
        vec![para(vec![
            text("x"),
            link("https://a.example/", vec![text("y")])
        ])]
    );
    // Misnested: the span closes the link it holds.
    assert_eq!(
        parse_status_html("<span>x<a href=\"https://a.example/\">y</span>z</a>"),
        vec![para(vec![
            text("x"),
            link("https://a.example/", vec![text("y")]),
            text("z")
        ])]
    );
}

#[test]
fn only_href_and_class_are_read_in_any_quoting() {
    for tag in [
        r#"<a href="https://x.example/" class="mention">"#,
        r#"<a href='https://x.example/' class='mention'>"#,
        r#"<a href=https://x.example/ class=mention>"#,
        r#"<a HREF = "https://x.example/"   CLASS = mention >"#,
        "<a\nhref=\"https://x.example/\"\tclass=\"mention\"/>",
        r#"<a href="https://x.example/" href="javascript:x" class="mention" class="hashtag">"#,
        r#"<a onclick="x()" style="color:red" href="https://x.example/" class="mention" data-x=1 target=_top>"#,
        r#"<a href="&#x68;ttps://x.example/" class="&#109;ention">"#,
    ] {
        let input = format!("{tag}@x</a>");
        assert_eq!(
            parse_status_html(&input),
            vec![para(vec![Inline::Mention {
                children: vec![link("https://x.example/", vec![text("@x")])]
            }])],
            "{input}"
        );
        assert_eq!(
            html(&input),
            "<p><a href=\"https://x.example/\" class=\"mention\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">@x</a></p>"
        );
    }
    // A `>` inside a quoted value does not end the tag.
    assert_eq!(plain("<b title=\"a>b\">x</b>"), "x");
    assert_eq!(plain("<b title='a>b'>x</b>"), "x");
    // Valueless and odd attributes.
    assert_eq!(plain("<b disabled =x ==y `a`=b>x</b>"), "x");
}

// ---------------------------------------------------------------------------------------
// Entities and characters

#[test]
fn entities_are_decoded_and_unknown_ones_kept() {
    assert_eq!(
        plain("&amp; &lt; &gt; &quot; &apos; &#39; &nbsp;|&AMP;&LT;&GT;&QUOT;"),
        "& < > \" ' ' \u{A0}|&<>\""
    );
    assert_eq!(plain("&#65;&#x42;&#X43;&#x1F600;&#128512;"), "ABC😀😀");
    assert_eq!(plain("&#65 &#x42x"), "A Bx");
    assert_eq!(
        plain("&eacute; &hellip; &foo; &amp &; &# &#x; &#;"),
        "&eacute; &hellip; &foo; &amp &; &# &#x; &#;"
    );
    // Zero, surrogates and beyond Unicode: U+FFFD.
    assert_eq!(
        plain("&#0;|&#xD800;|&#xDFFF;|&#x110000;|&#99999999999999999999;|&#xFFFFFFFFFF;"),
        "\u{FFFD}|\u{FFFD}|\u{FFFD}|\u{FFFD}|\u{FFFD}|\u{FFFD}"
    );
    // Decoded once: `&amp;lt;` is the text `&lt;`, escaped again on the way out.
    assert_eq!(plain("&amp;lt;script&amp;gt;"), "&lt;script&gt;");
    assert_eq!(
        html("&amp;lt;script&amp;gt;"),
        "<p>&amp;lt;script&amp;gt;</p>"
    );
    assert_eq!(
        html("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    );
}

#[test]
fn control_characters_go_and_bidi_controls_go_from_links() {
    assert_eq!(
        plain("a\0b\u{1}c\u{8}d\re\nf\tg\u{1B}[31mh&#1;i&#x1F;j"),
        "abcde\nf\tg[31mhij"
    );
    let rlo = "\u{202E}";
    let input = format!(
        "<p>\u{200F}שלום{rlo} <a href=\"https://x.example/{rlo}gpj.exe\">fdp.{rlo}exe\u{2066}\u{2069}\u{200E}\u{061C}</a></p>"
    );
    assert_eq!(
        parse_status_html(&input),
        vec![para(vec![
            text(&format!("\u{200F}שלום{rlo} ")),
            link("https://x.example/gpj.exe", vec![text("fdp.exe")])
        ])]
    );
    // Bidi controls inside the scheme do not hide it.
    assert_eq!(checked_href("java\u{202E}script:alert(1)"), None);
    assert_eq!(
        checked_href("ht\u{2066}tps://x.example/").as_deref(),
        Some("https://x.example/")
    );
}

// ---------------------------------------------------------------------------------------
// Output

#[test]
fn safe_html_escapes_everything_and_forces_rel_and_target() {
    let tree = vec![para(vec![
        text("<b>\"quoted\" & 'single'</b>"),
        Inline::Break,
        link("https://x.example/?q=\"'", vec![text("<x>")]),
    ])];
    // The `"` makes the href refused even when the tree is built by hand.
    assert_eq!(
        to_safe_html(&tree),
        "<p>&lt;b&gt;&quot;quoted&quot; &amp; &#39;single&#39;&lt;/b&gt;<br>&lt;x&gt;</p>"
    );
    // A hand-built tree with a bad href or nested links is still written safely.
    let hand_built = vec![para(vec![
        link("javascript:alert(1)", vec![text("bad")]),
        link(
            "https://a.example/",
            vec![link("https://b.example/", vec![text("nested")])],
        ),
        Inline::Mention {
            children: vec![text("@"), link("https://a.example/@m", vec![text("m")])],
        },
    ])];
    assert_eq!(
        to_safe_html(&hand_built),
        "<p>bad<a href=\"https://a.example/\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">nested</a>\
         @<a href=\"https://a.example/@m\" class=\"mention\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">m</a></p>"
    );
}

#[test]
fn plain_text_joins_paragraphs_with_a_blank_line() {
    assert_eq!(
        plain("<p>a<br>b</p><p><a href=\"https://x.example/\">c</a> &amp; d</p>e"),
        "a\nb\n\nc & d\n\ne"
    );
    assert_eq!(plain_text(&[]), "");
}

// ---------------------------------------------------------------------------------------
// Robustness

#[test]
fn deep_nesting_is_flattened_without_blowing_the_stack() {
    let n = 100_000;
    let spans = format!("{}x{}", "<span>".repeat(n), "</span>".repeat(n));
    assert_eq!(plain(&spans), "x");
    let mixed = format!(
        "{}deep{}",
        "<b><span class=\"h-card\"><i><span>".repeat(n / 4),
        "</span></i></span></b>".repeat(n / 4)
    );
    assert_eq!(plain(&mixed), "deep");
    // Beyond the cap a link is flattened to its text; below it, it is a link.
    let below = format!(
        "{}<a href=\"https://x.example/\">y</a>",
        "<span>".repeat(MAX_DEPTH - 1)
    );
    assert_eq!(
        parse_status_html(&below),
        vec![para(vec![link("https://x.example/", vec![text("y")])])]
    );
    let beyond = format!(
        "{}<a href=\"https://x.example/\">y</a>",
        "<span>".repeat(MAX_DEPTH)
    );
    assert_eq!(parse_status_html(&beyond), vec![para(vec![text("y")])]);
    let links = "<a href=\"https://x.example/\">".repeat(n);
    assert_eq!(parse_status_html(&links), vec![]);
    let nested_invisible = format!(
        "{}hidden{}shown",
        "<span class=\"invisible\">".repeat(n),
        "</span>".repeat(n)
    );
    assert_eq!(plain(&nested_invisible), "shown");
}

#[test]
fn one_megabyte_inputs_parse_well_under_a_second() {
    const MB: usize = 1 << 20;
    let fill = |unit: &str| unit.repeat(MB / unit.len() + 1);
    let inputs = [
        fill("a"),
        fill("<"),
        fill("<a"),
        fill("</"),
        fill("&"),
        fill("&#"),
        fill("&#1"),
        fill("<p>x</p>"),
        fill("<br>"),
        fill("<span>"),
        fill("</span>"),
        fill("<span class=\"invisible\">"),
        fill("<a href=\"https://x.example/\">x"),
        fill("<!--"),
        fill("--"),
        format!("<!--{}", fill("-")),
        format!("<script>{}", fill("</scrip")),
        format!("<script>{}", fill("</")),
        format!("<a href=\"{}", fill("x")),
        format!("<a {}", fill("b=")),
        format!("<a{}", fill(" x")),
        fill("<a href=https://x.example/ class=mention>"),
        fill("<b><i><u>"),
        fill("\u{202E}\0\u{1}"),
        fill("é😀"),
        fill(MASTODON_EXAMPLE),
    ];
    for input in &inputs {
        let started = Instant::now();
        let tree = parse_status_html(input);
        let out = to_safe_html(&tree);
        let _ = plain_text(&tree);
        let elapsed = started.elapsed();
        eprintln!(
            "TIMING {elapsed:?} {:?}",
            &input.chars().take(20).collect::<String>()
        );
        assert!(
            elapsed < Duration::from_millis(1000),
            "{elapsed:?} for {:?}…",
            &input.chars().take(30).collect::<String>()
        );
        assert_safe_markup(&out);
    }
}

// ---------------------------------------------------------------------------------------
// The hostile corpus (shared with the Chromium test, tests/browser_rich_text.rs)

#[path = "hostile_corpus/mod.rs"]
mod hostile_corpus;
use hostile_corpus::{all_inputs, variants, wrap, BENIGN, SEEDS};

/// A strict reader of `to_safe_html`'s output: after every `<` the tag is p, br or a (or
/// their end), the only attributes are href, class, rel, target, double-quoted, with safe
/// values; text holds no raw `>` or `"`.
fn assert_safe_markup(out: &str) {
    let lower = out.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{out}");
    let mut rest = out;
    while let Some(lt) = rest.find('<') {
        let before = &rest[..lt];
        assert!(
            !before.contains('>') && !before.contains('"') && !before.contains('\''),
            "raw markup characters in text: {out}"
        );
        let gt = rest[lt..]
            .find('>')
            .unwrap_or_else(|| panic!("unclosed tag: {out}"));
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        match tag {
            "p" | "/p" | "br" | "/a" => continue,
            _ => {}
        }
        let attrs = tag
            .strip_prefix("a ")
            .unwrap_or_else(|| panic!("tag {tag:?} in {out}"));
        assert!(!tag.contains(" on"), "{tag}");
        let mut attrs = attrs;
        let mut seen = Vec::new();
        while !attrs.is_empty() {
            let eq = attrs.find("=\"").unwrap_or_else(|| panic!("{tag}"));
            let name = &attrs[..eq];
            let after = &attrs[eq + 2..];
            let close = after.find('"').unwrap_or_else(|| panic!("{tag}"));
            let value = &after[..close];
            assert!(!value.contains('<') && !value.contains('>'), "{tag}");
            match name {
                "href" => {
                    let decoded = value
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&")
                        .to_ascii_lowercase();
                    assert!(
                        decoded.starts_with("http://") || decoded.starts_with("https://"),
                        "{tag}"
                    );
                    for bad in ["javascript:", "vbscript:", "data:"] {
                        assert!(!decoded.contains(bad), "{tag}");
                    }
                    assert!(!decoded.chars().any(char::is_whitespace), "{tag}");
                }
                "class" => assert!(value == "mention" || value == "hashtag", "{tag}"),
                "rel" => assert_eq!(value, "nofollow noopener noreferrer"),
                "target" => assert_eq!(value, "_blank"),
                other => panic!("attribute {other:?} in {out}"),
            }
            assert!(!seen.contains(&name), "{tag}");
            seen.push(name);
            attrs = after[close + 1..].trim_start_matches(' ');
        }
        assert!(seen.contains(&"href") && seen.contains(&"rel") && seen.contains(&"target"));
    }
    assert!(!rest.contains('>') && !rest.contains('"'), "{out}");
}

fn check_one(input: &str) -> (Vec<Paragraph>, String) {
    let tree = parse_status_html(input);
    let once = to_safe_html(&tree);
    assert_safe_markup(&once);
    let again = to_safe_html(&parse_status_html(&once));
    assert_eq!(again, once, "not idempotent for {input:?}");
    // The tree itself comes back.
    assert_eq!(parse_status_html(&once), tree, "tree changed for {input:?}");
    (tree, once)
}

#[test]
fn the_hostile_corpus_comes_out_safe_and_stable() {
    let mut count = 0;
    for seed in SEEDS {
        for (variant, all_text) in variants(seed) {
            for wrapper in 0..4 {
                let input = wrap(wrapper, &variant);
                let (tree, _) = check_one(&input);
                count += 1;
                if all_text && wrapper != 2 {
                    // Every encoded `<` is still there, as text.
                    let shown = plain_text(&tree);
                    let expected = if variant.contains("&amp;lt;") {
                        variant.matches("&amp;lt;").count()
                    } else {
                        variant.matches("&lt;").count()
                    };
                    let found = if variant.contains("&amp;lt;") {
                        shown.matches("&lt;").count()
                    } else {
                        shown.matches('<').count()
                    };
                    assert!(found >= expected, "{input:?} → {shown:?}");
                }
            }
        }
    }
    // Pairs of seeds, so one vector's debris meets another's.
    for (i, a) in SEEDS.iter().enumerate() {
        let b = SEEDS[(i * 7 + 3) % SEEDS.len()];
        let input = wrap(i % 4, &format!("{a}{b}").replace("{U}", BENIGN));
        check_one(&input);
        count += 1;
    }
    assert!(count >= 2_000, "only {count} inputs");
}

#[test]
fn the_whole_corpus_with_the_naughty_strings_comes_out_safe_and_stable() {
    let inputs = all_inputs();
    assert!(inputs.len() >= 4_000, "only {} inputs", inputs.len());
    for input in &inputs {
        check_one(input);
    }
}

#[test]
fn the_fixture_corpus_comes_out_safe_and_stable() {
    let corpus = include_str!("fixtures/hostile_html.txt");
    let mut count = 0;
    for line in corpus
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("##"))
    {
        for wrapper in 0..4 {
            check_one(&wrap(wrapper, line));
            count += 1;
        }
    }
    assert!(count >= 100, "only {count} inputs");
}

#[test]
fn every_prefix_of_a_rich_status_is_safe_and_stable() {
    let status = format!(
        "{MASTODON_EXAMPLE}<p>x &amp; <a href=\"javascript:alert(1)\">y</a><br>z<script>bad()</script></p><!-- c -->"
    );
    let mut boundaries: Vec<usize> = status.char_indices().map(|(i, _)| i).collect();
    boundaries.push(status.len());
    for end in boundaries {
        check_one(&status[..end]);
        check_one(&status[end..]);
    }
}

#[test]
fn the_hostile_corpus_never_shows_script_content_as_a_link() {
    // Scripts' text never reaches the tree; attribute values never become text.
    for input in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<b title=\"alert(1)\">x</b>",
    ] {
        assert!(!plain(input).contains("alert"), "{input}");
    }
}
