//! Mastodon's status `content` is HTML written by another server: hostile until proven
//! otherwise. It is never inserted as HTML. [`parse_status_html`] reads it with the small
//! tokenizer below (no html5ever or ammonia: too big for our wasm) and rebuilds only an
//! allowlist, as a tree of [`Paragraph`]s and [`Inline`]s that the UI renders node by node
//! with text nodes.
//!
//! What survives:
//! - `<p>` → a [`Paragraph`]; text outside any `<p>` becomes its own paragraph. Paragraphs
//!   with nothing but white space and line breaks are dropped. `<p>` and `</p>` inside an open
//!   link are ignored (a link never spans two paragraphs).
//! - `<br>` (and `</br>`, as browsers do) → [`Inline::Break`].
//! - `<a href>` → [`Inline::Link`], only for an absolute `http:`/`https:` address (see
//!   [`checked_href`]). A refused link keeps its text as plain text. A link with no visible
//!   content is dropped. Links do not nest: a new `<a>` closes the open one, as in browsers.
//! - `<a class="hashtag">` (Mastodon writes `class="mention hashtag"`) → [`Inline::Tag`]
//!   holding the [`Inline::Link`]; `<a class="mention">`, or any link inside
//!   `<span class="h-card">` → [`Inline::Mention`] holding the [`Inline::Link`]. The parser
//!   always gives a `Mention`/`Tag` exactly one child, that `Link`.
//! - Mastodon shortens long links with spans: text inside `<span class="invisible">` is
//!   dropped (it is not shown on Mastodon either), and `…` is appended after the text of a
//!   `<span class="ellipsis">`. So `https://` + `joinmastodon.org/ap` + `ps/x` in invisible /
//!   ellipsis / invisible spans reads `joinmastodon.org/ap…`; the link keeps its full address.
//!   Every other span is transparent: its text is kept.
//! - Every other tag is dropped and its text kept (`<b>hi</b>` → `hi`), except the content of
//!   `script`, `style`, `template`, `iframe`, `object`, `noscript`, `textarea`, `title`, `xmp`,
//!   `noembed`, `noframes` (dropped up to the matching end tag, found case-insensitively as in
//!   browsers: `</script` followed by white space, `/` or `>`; never closed = dropped to the
//!   end), `plaintext` (drops the rest) and comments, `<!…>` and `<?…>`.
//! - Only the `href` and `class` attributes are read (first occurrence wins, as in browsers);
//!   values double-, single- or un-quoted, entity-decoded.
//! - Entities: `&amp; &lt; &gt; &quot; &apos; &nbsp;` (plus the legacy upper-case `&AMP; &LT;
//!   &GT; &QUOT;`), which need their `;`, and numeric `&#NNN;` / `&#xHH;`, whose `;` may be
//!   missing as browsers allow. Zero, surrogate and out-of-range code points become U+FFFD.
//!   Unknown named entities stay as literal text.
//! - Text loses its C0 control characters except `\n` and `\t` (so `\r` goes); link text and
//!   hrefs also lose bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
//!   U+061C), which could disguise where a link goes. Text outside links keeps them (they are
//!   legitimate in right-to-left writing).
//!
//! Robustness: a single forward pass over the bytes with an explicit stack (no recursion),
//! capped at [`MAX_DEPTH`] open `span`/`a` elements (deeper ones are flattened: their text is
//! kept, the element ignored). A tag left open at the end of the input is dropped, as in
//! browsers. The output tree is at most three levels deep (`Tag` → `Link` → `Text`).

mod entities;
mod tokenizer;

use std::borrow::Cow;

use entities::*;
use tokenizer::*;

/// Open `span`/`a` elements tracked at once; deeper ones are flattened.
pub const MAX_DEPTH: usize = 100;

/// Elements whose whole content is dropped.
const DROPPED_CONTENT: &[&str] = &[
    "script", "style", "template", "iframe", "object", "noscript", "textarea", "title", "xmp",
    "noembed", "noframes",
];

const LINK_REL: &str = "nofollow noopener noreferrer";

/// One piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text, to be rendered as a text node (never as HTML).
    Text(String),
    /// A line break (`<br>`).
    Break,
    /// A link whose `href` passed [`checked_href`]; its children are only `Text` and `Break`.
    Link { href: String, children: Vec<Inline> },
    /// A mention of an account; from the parser, exactly one child: its `Link`.
    Mention { children: Vec<Inline> },
    /// A hashtag; from the parser, exactly one child: its `Link`.
    Tag { children: Vec<Inline> },
}

/// One paragraph of a status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph(pub Vec<Inline>);

/// Reads a status's HTML into the safe tree. Never panics, linear in the input.
pub fn parse_status_html(html: &str) -> Vec<Paragraph> {
    let bytes = html.as_bytes();
    let mut b = Builder::default();
    let mut i = 0;
    let mut text_start = 0;
    // The input after the last tag, if it is text (false when an unfinished tag or
    // dropped content runs to the end).
    let mut tail_is_text = true;
    while let Some(offset) = bytes[i..].iter().position(|&c| c == b'<') {
        let lt = i + offset;
        let next = bytes.get(lt + 1).copied();
        let step = match next {
            Some(c) if c.is_ascii_alphabetic() => Some(Step::Start),
            Some(b'/') => match bytes.get(lt + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => Some(Step::End),
                Some(b'>') => Some(Step::Skip(lt + 3)),
                // `</` at the very end is text.
                None => None,
                // `</1…>`: a bogus comment.
                Some(_) => Some(Step::Skip(skip_past(bytes, lt + 2, b'>'))),
            },
            Some(b'!') if bytes[lt..].starts_with(b"<!--") => {
                Some(Step::Skip(comment_end(bytes, lt + 4)))
            }
            Some(b'!' | b'?') => Some(Step::Skip(skip_past(bytes, lt + 2, b'>'))),
            // `<` followed by anything else (or nothing) is text.
            _ => None,
        };
        let Some(step) = step else {
            i = lt + 1;
            continue;
        };
        b.text(&html[text_start..lt]);
        let resume = match step {
            Step::Start => match read_tag(html, lt + 1) {
                Some(tag) => b.start_tag(html, tag),
                None => bytes.len(),
            },
            Step::End => match read_tag(html, lt + 2) {
                Some(tag) => {
                    b.end_tag(&tag.name);
                    tag.end
                }
                None => bytes.len(),
            },
            Step::Skip(end) => end,
        };
        i = resume;
        text_start = resume;
        if resume >= bytes.len() {
            tail_is_text = false;
            break;
        }
    }
    if tail_is_text && text_start < bytes.len() {
        b.text(&html[text_start..]);
    }
    b.finish()
}

/// The text of the paragraphs, for search and previews: paragraphs joined by a blank line,
/// line breaks as `\n`, links by their visible text.
pub fn plain_text(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    for (n, p) in paragraphs.iter().enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        for node in &p.0 {
            push_plain(&mut out, node);
        }
    }
    out
}

/// A canonical, escaped HTML form of the tree: `<p>…</p>` per paragraph, `<br>`, and
/// `<a href="…" [class="mention"|class="hashtag"] rel="nofollow noopener noreferrer"
/// target="_blank">…</a>`; all text escaped (`& < > " '`). Safe for any tree, even one not made
/// by the parser: hrefs are checked again (a refused link is written as its text) and links
/// never nest. Parsing this output gives the same tree back.
pub fn to_safe_html(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    for p in paragraphs {
        out.push_str("<p>");
        for node in &p.0 {
            write_inline(&mut out, node, None);
        }
        out.push_str("</p>");
    }
    out
}

/// The address a link may carry, or `None` if it is refused. `raw` is already
/// entity-decoded. Bidirectional controls are removed and leading/trailing spaces and C0
/// controls trimmed (as a browser's URL parser does); then the scheme (what comes before the
/// first `:`), read case-insensitively without the ASCII white space and controls inside it,
/// must be `http` or `https`, and something must follow it. An address that still holds
/// white space (any Unicode white space), a control character, `"`, `<`, `>` or `` ` `` is
/// refused rather than percent-encoded: servers send encoded addresses, so only broken or
/// hostile ones are refused.
pub fn checked_href(raw: &str) -> Option<String> {
    let no_bidi: Cow<str> = if raw.chars().any(is_bidi_control) {
        Cow::Owned(raw.chars().filter(|&c| !is_bidi_control(c)).collect())
    } else {
        Cow::Borrowed(raw)
    };
    let href = no_bidi.trim_matches(|c: char| c <= ' ');
    let colon = href.find(':')?;
    let scheme: String = href[..colon]
        .chars()
        .filter(|c| !(c.is_ascii_whitespace() || c.is_ascii_control()))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    if href.len() == colon + 1
        || href
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`'))
    {
        return None;
    }
    Some(href.to_string())
}

// ---------------------------------------------------------------------------------------
// Tree building

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    Mention,
    Tag,
}

enum Frame {
    Span {
        invisible: bool,
        ellipsis: bool,
        h_card: bool,
    },
    Anchor,
}

struct OpenLink {
    /// `None`: refused, its text will be kept as plain text.
    href: Option<String>,
    kind: Kind,
    children: Vec<Inline>,
}

#[derive(Default)]
struct Builder {
    paragraphs: Vec<Paragraph>,
    current: Vec<Inline>,
    link: Option<OpenLink>,
    stack: Vec<Frame>,
    /// Open `span.invisible` elements.
    hidden: usize,
    /// Open `span.h-card` elements.
    h_cards: usize,
}

fn has_class(class: Option<&str>, wanted: &str) -> bool {
    class.is_some_and(|c| {
        c.split(|ch: char| ch.is_ascii_whitespace())
            .any(|t| t == wanted)
    })
}

fn push_text(sink: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = sink.last_mut() {
        last.push_str(text);
    } else {
        sink.push(Inline::Text(text.to_string()));
    }
}

fn has_content(nodes: &[Inline]) -> bool {
    nodes.iter().any(|n| match n {
        Inline::Text(t) => !t.chars().all(char::is_whitespace),
        Inline::Break => false,
        _ => true,
    })
}

impl Builder {
    fn sink(&mut self) -> &mut Vec<Inline> {
        match &mut self.link {
            Some(link) => &mut link.children,
            None => &mut self.current,
        }
    }

    fn text(&mut self, raw: &str) {
        if self.hidden > 0 || raw.is_empty() {
            return;
        }
        let decoded = decode_entities(raw);
        let in_link = self.link.is_some();
        let cleaned = clean_text(&decoded, in_link);
        push_text(self.sink(), &cleaned);
    }

    fn line_break(&mut self) {
        if self.hidden == 0 {
            self.sink().push(Inline::Break);
        }
    }

    fn paragraph_boundary(&mut self) {
        if self.link.is_none() {
            self.flush_paragraph();
        }
    }

    fn flush_paragraph(&mut self) {
        let nodes = std::mem::take(&mut self.current);
        if has_content(&nodes) {
            self.paragraphs.push(Paragraph(nodes));
        }
    }

    /// Handles a start tag; returns where reading resumes.
    fn start_tag(&mut self, html: &str, tag: RawTag) -> usize {
        match tag.name.as_str() {
            "p" => self.paragraph_boundary(),
            "br" => self.line_break(),
            "span" if self.stack.len() < MAX_DEPTH => {
                let class = tag.class.as_deref();
                let frame = Frame::Span {
                    invisible: has_class(class, "invisible"),
                    ellipsis: has_class(class, "ellipsis"),
                    h_card: has_class(class, "h-card"),
                };
                if let Frame::Span {
                    invisible, h_card, ..
                } = frame
                {
                    self.hidden += usize::from(invisible);
                    self.h_cards += usize::from(h_card);
                }
                self.stack.push(frame);
            }
            "a" => {
                if let Some(open) = self.stack.iter().rposition(|f| matches!(f, Frame::Anchor)) {
                    self.close_to(open);
                }
                if self.stack.len() < MAX_DEPTH {
                    let class = tag.class.as_deref();
                    let kind = if has_class(class, "hashtag") {
                        Kind::Tag
                    } else if has_class(class, "mention") || self.h_cards > 0 {
                        Kind::Mention
                    } else {
                        Kind::Plain
                    };
                    self.link = Some(OpenLink {
                        href: tag.href.as_deref().and_then(checked_href),
                        kind,
                        children: Vec::new(),
                    });
                    self.stack.push(Frame::Anchor);
                }
            }
            "plaintext" => return html.len(),
            name if DROPPED_CONTENT.contains(&name) => {
                return dropped_content_end(html, tag.end, name);
            }
            _ => {}
        }
        tag.end
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "p" => self.paragraph_boundary(),
            "br" => self.line_break(),
            "span" => {
                if let Some(at) = self
                    .stack
                    .iter()
                    .rposition(|f| matches!(f, Frame::Span { .. }))
                {
                    self.close_to(at);
                }
            }
            "a" => {
                if let Some(at) = self.stack.iter().rposition(|f| matches!(f, Frame::Anchor)) {
                    self.close_to(at);
                }
            }
            _ => {}
        }
    }

    /// Closes the open elements from the top of the stack down to `at`, included.
    fn close_to(&mut self, at: usize) {
        while self.stack.len() > at {
            match self.stack.pop() {
                Some(Frame::Span {
                    invisible,
                    ellipsis,
                    h_card,
                }) => {
                    self.hidden -= usize::from(invisible);
                    self.h_cards -= usize::from(h_card);
                    if ellipsis && !invisible && self.hidden == 0 {
                        push_text(self.sink(), "…");
                    }
                }
                Some(Frame::Anchor) => self.finish_link(),
                None => break,
            }
        }
    }

    fn finish_link(&mut self) {
        let Some(link) = self.link.take() else {
            return;
        };
        match link.href {
            Some(href) if !link.children.is_empty() => {
                let node = Inline::Link {
                    href,
                    children: link.children,
                };
                self.current.push(match link.kind {
                    Kind::Plain => node,
                    Kind::Mention => Inline::Mention {
                        children: vec![node],
                    },
                    Kind::Tag => Inline::Tag {
                        children: vec![node],
                    },
                });
            }
            Some(_) => {}
            None => {
                for node in link.children {
                    match node {
                        Inline::Text(t) => push_text(&mut self.current, &t),
                        other => self.current.push(other),
                    }
                }
            }
        }
    }

    fn finish(mut self) -> Vec<Paragraph> {
        self.close_to(0);
        self.flush_paragraph();
        self.paragraphs
    }
}

// ---------------------------------------------------------------------------------------
// Output

fn push_plain(out: &mut String, node: &Inline) {
    match node {
        Inline::Text(t) => out.push_str(t),
        Inline::Break => out.push('\n'),
        Inline::Link { children, .. } | Inline::Mention { children } | Inline::Tag { children } => {
            for c in children {
                push_plain(out, c);
            }
        }
    }
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn write_inline(out: &mut String, node: &Inline, class: Option<&str>) {
    match node {
        Inline::Text(t) => escape_into(out, t),
        Inline::Break => out.push_str("<br>"),
        Inline::Link { href, children } => match checked_href(href) {
            Some(href) => {
                out.push_str("<a href=\"");
                escape_into(out, &href);
                out.push('"');
                if let Some(class) = class {
                    out.push_str(" class=\"");
                    out.push_str(class);
                    out.push('"');
                }
                out.push_str(" rel=\"");
                out.push_str(LINK_REL);
                out.push_str("\" target=\"_blank\">");
                for c in children {
                    write_link_content(out, c);
                }
                out.push_str("</a>");
            }
            None => {
                for c in children {
                    write_link_content(out, c);
                }
            }
        },
        Inline::Mention { children } => {
            for c in children {
                write_inline(out, c, Some("mention"));
            }
        }
        Inline::Tag { children } => {
            for c in children {
                write_inline(out, c, Some("hashtag"));
            }
        }
    }
}

/// Inside a link: text and breaks only; anything else is written as its content.
fn write_link_content(out: &mut String, node: &Inline) {
    match node {
        Inline::Text(t) => escape_into(out, t),
        Inline::Break => out.push_str("<br>"),
        Inline::Link { children, .. } | Inline::Mention { children } | Inline::Tag { children } => {
            for c in children {
                write_link_content(out, c);
            }
        }
    }
}
