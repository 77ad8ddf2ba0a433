//! Renders a status's safe tree (`domain::rich_text`) as DOM nodes: paragraphs, line breaks,
//! text nodes and allowlisted links. Nothing here ever sets `innerHTML`.

use leptos::prelude::*;

use crate::domain::rich_text::{checked_href, parse_status_html, Inline, Paragraph};

const REL: &str = "nofollow noopener noreferrer";

fn inline(node: Inline, kind: Option<&'static str>) -> AnyView {
    match node {
        Inline::Text(s) => s.into_any(),
        Inline::Break => view! { <br/> }.into_any(),
        Inline::Link { href, children } => match checked_href(&href) {
            // A tree built by the parser always passes; checked again all the same.
            Some(href) => view! {
                <a href=href rel=REL target="_blank" class=kind>
                    {children.into_iter().map(|c| inline(c, None)).collect_view()}
                </a>
            }
            .into_any(),
            None => children.into_iter().map(|c| inline(c, None)).collect_view().into_any(),
        },
        Inline::Mention { children } => view! {
            <span class="h-card">{children.into_iter().map(|c| inline(c, Some("mention"))).collect_view()}</span>
        }
        .into_any(),
        Inline::Tag { children } => children
            .into_iter()
            .map(|c| inline(c, Some("hashtag")))
            .collect_view()
            .into_any(),
    }
}

/// The paragraphs of a tree.
pub fn paragraphs(tree: Vec<Paragraph>) -> impl IntoView {
    tree.into_iter()
        .map(|p| view! { <p>{p.0.into_iter().map(|n| inline(n, None)).collect_view()}</p> })
        .collect_view()
}

/// Another server's status HTML, shown safely.
#[component]
pub fn StatusContent(html: String) -> impl IntoView {
    view! { <div class="status-content">{paragraphs(parse_status_html(&html))}</div> }
}
