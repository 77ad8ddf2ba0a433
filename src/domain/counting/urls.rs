//! Finding links in text the way the networks do: with a scheme (`https://…`), and for X
//! and Threads also without one (`example.com/path`) when the top-level domain is known.

/// Top-level domains recognised without a scheme: the generic ones people use, every
/// country code, and IDN country codes (Unicode and punycode).
const TLDS: &[&str] = &[
    "com",
    "net",
    "org",
    "edu",
    "gov",
    "mil",
    "int",
    "info",
    "biz",
    "name",
    "pro",
    "aero",
    "asia",
    "cat",
    "coop",
    "jobs",
    "mobi",
    "museum",
    "post",
    "tel",
    "travel",
    "xxx",
    "app",
    "dev",
    "io",
    "ai",
    "blog",
    "shop",
    "store",
    "online",
    "site",
    "tech",
    "xyz",
    "social",
    "news",
    "media",
    "page",
    "art",
    "design",
    "cloud",
    "live",
    "life",
    "world",
    "today",
    "space",
    "website",
    "email",
    "agency",
    "studio",
    "digital",
    "network",
    "club",
    "paris",
    "bzh",
    "quebec",
    "eus",
    "brussels",
    "berlin",
    "london",
    "nyc",
    "swiss",
    "africa",
    "ac",
    "ad",
    "ae",
    "af",
    "ag",
    "ai",
    "al",
    "am",
    "ao",
    "aq",
    "ar",
    "as",
    "at",
    "au",
    "aw",
    "ax",
    "az",
    "ba",
    "bb",
    "bd",
    "be",
    "bf",
    "bg",
    "bh",
    "bi",
    "bj",
    "bm",
    "bn",
    "bo",
    "br",
    "bs",
    "bt",
    "bw",
    "by",
    "bz",
    "ca",
    "cc",
    "cd",
    "cf",
    "cg",
    "ch",
    "ci",
    "ck",
    "cl",
    "cm",
    "cn",
    "co",
    "cr",
    "cu",
    "cv",
    "cw",
    "cx",
    "cy",
    "cz",
    "de",
    "dj",
    "dk",
    "dm",
    "do",
    "dz",
    "ec",
    "ee",
    "eg",
    "er",
    "es",
    "et",
    "eu",
    "fi",
    "fj",
    "fk",
    "fm",
    "fo",
    "fr",
    "ga",
    "gd",
    "ge",
    "gf",
    "gg",
    "gh",
    "gi",
    "gl",
    "gm",
    "gn",
    "gp",
    "gq",
    "gr",
    "gs",
    "gt",
    "gu",
    "gw",
    "gy",
    "hk",
    "hm",
    "hn",
    "hr",
    "ht",
    "hu",
    "id",
    "ie",
    "il",
    "im",
    "in",
    "io",
    "iq",
    "ir",
    "is",
    "it",
    "je",
    "jm",
    "jo",
    "jp",
    "ke",
    "kg",
    "kh",
    "ki",
    "km",
    "kn",
    "kp",
    "kr",
    "kw",
    "ky",
    "kz",
    "la",
    "lb",
    "lc",
    "li",
    "lk",
    "lr",
    "ls",
    "lt",
    "lu",
    "lv",
    "ly",
    "ma",
    "mc",
    "md",
    "me",
    "mg",
    "mh",
    "mk",
    "ml",
    "mm",
    "mn",
    "mo",
    "mp",
    "mq",
    "mr",
    "ms",
    "mt",
    "mu",
    "mv",
    "mw",
    "mx",
    "my",
    "mz",
    "na",
    "nc",
    "ne",
    "nf",
    "ng",
    "ni",
    "nl",
    "no",
    "np",
    "nr",
    "nu",
    "nz",
    "om",
    "pa",
    "pe",
    "pf",
    "pg",
    "ph",
    "pk",
    "pl",
    "pm",
    "pn",
    "pr",
    "ps",
    "pt",
    "pw",
    "py",
    "qa",
    "re",
    "ro",
    "rs",
    "ru",
    "rw",
    "sa",
    "sb",
    "sc",
    "sd",
    "se",
    "sg",
    "sh",
    "si",
    "sk",
    "sl",
    "sm",
    "sn",
    "so",
    "sr",
    "ss",
    "st",
    "su",
    "sv",
    "sx",
    "sy",
    "sz",
    "tc",
    "td",
    "tf",
    "tg",
    "th",
    "tj",
    "tk",
    "tl",
    "tm",
    "tn",
    "to",
    "tr",
    "tt",
    "tv",
    "tw",
    "tz",
    "ua",
    "ug",
    "uk",
    "us",
    "uy",
    "uz",
    "va",
    "vc",
    "ve",
    "vg",
    "vi",
    "vn",
    "vu",
    "wf",
    "ws",
    "ye",
    "yt",
    "za",
    "zm",
    "zw",
    "рф",
    "中国",
    "中國",
    "日本",
    "한국",
    "xn--p1ai",
    "xn--fiqs8s",
    "xn--fiqz9s",
    "xn--wgv71a",
    "xn--3e0b707e",
];

fn is_host_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.' || c == '_'
}

/// Characters that end a link when they come last (sentence punctuation).
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '"' | '…' | '»' | '”' | '’'
    )
}

/// Length of an `http://` or `https://` prefix at the start of `rest`, any case; 0 if none.
fn scheme_len(rest: &[u8]) -> usize {
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if starts(b"https://") {
        8
    } else if starts(b"http://") {
        7
    } else {
        0
    }
}

/// Byte ranges of the links in `text`. With `schemeless`, `domain.tld` forms count too.
/// One pass, no allocation per character: this runs on every keystroke.
pub fn find_links(text: &str, schemeless: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices();
    while let Some((i, c)) = iter.next() {
        let starts_word =
            prev.is_none_or(|p| !p.is_alphanumeric() && p != '@' && p != '.' && p != '/');
        prev = Some(c);
        if !starts_word || !c.is_alphanumeric() {
            continue;
        }
        let scheme = if c == 'h' || c == 'H' {
            scheme_len(&text.as_bytes()[i..])
        } else {
            0
        };
        let end = if scheme > 0 {
            link_end(text, i + scheme, true)
        } else if schemeless {
            link_end(text, i, false)
        } else {
            None
        };
        if let Some(end) = end {
            out.push((i, end));
            // skip to the end of the link
            while iter.as_str().len() > text.len() - end {
                prev = iter.next().map(|(_, c)| c);
            }
        }
    }
    out
}

/// Where the link whose host starts at `host_start` ends, or `None` if there is no valid host.
fn link_end(text: &str, host_start: usize, has_scheme: bool) -> Option<usize> {
    let host_len: usize = text[host_start..]
        .chars()
        .take_while(|c| is_host_char(*c))
        .map(char::len_utf8)
        .sum();
    let mut host = &text[host_start..host_start + host_len];
    while host.ends_with('.') || host.ends_with('-') {
        host = &host[..host.len() - 1];
    }
    if !has_scheme && !host.contains('.') {
        return None; // the common case: a plain word
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return None;
    }
    let tld = labels.last()?.to_lowercase();
    let valid_host = if has_scheme {
        !host.is_empty() && (labels.len() >= 2 || host.eq_ignore_ascii_case("localhost"))
    } else {
        labels.len() >= 2
            && TLDS.contains(&tld.as_str())
            && labels.iter().all(|l| !l.starts_with('-'))
    };
    if !valid_host {
        return None;
    }
    let mut end = host_start + host.len();
    // port, path, query and fragment: up to white space, minus trailing punctuation
    if text[end..].starts_with([':', '/', '?', '#']) {
        let tail: usize = text[end..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '<' && *c != '>')
            .map(char::len_utf8)
            .sum();
        end += tail;
        while let Some(last) = text[..end].chars().next_back() {
            let unbalanced_paren = last == ')'
                && text[host_start..end].matches('(').count()
                    < text[host_start..end].matches(')').count();
            if is_trailing_punct(last) || unbalanced_paren {
                end -= last.len_utf8();
            } else {
                break;
            }
        }
    }
    Some(end)
}
