//! The report's best and least received posts, three each, by engagement rate
//! (`domain::report::top_and_bottom`).

use leptos::prelude::*;

use crate::domain::report::PostFigures;
use crate::ui::format::signed;
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

/// The three best and least received posts (by engagement rate), each a line.
#[component]
pub fn TopAndBottom(posts: Vec<PostFigures>) -> impl IntoView {
    let t = use_text();
    let lang = t.lang();
    let (top, bottom) = crate::domain::report::top_and_bottom(&posts, 3);
    let line = |p: &PostFigures| {
        // A post of images alone is named by its time.
        let words: String = match p.post.text.trim() {
            "" => crate::ui::format::date_time(lang, p.post.at),
            text => text.chars().take(80).collect(),
        };
        let rate = p
            .rate()
            .map(|r| signed(lang, r, 2, true).trim_start_matches('+').to_string())
            .unwrap_or_default();
        view! {
            <li>
                <a href=p.post.url.clone() rel="noopener noreferrer" target="_blank">{words}</a>
                " · "{p.post.network.name()}" · "{t.fill(Msg::ReportRateOf, &[("rate", &rate)])}
            </li>
        }
    };
    let (top, bottom): (Vec<_>, Vec<_>) = (
        top.into_iter().map(line).collect(),
        bottom.into_iter().map(line).collect(),
    );
    (!top.is_empty()).then(|| {
        view! {
            <div class="report-ends">
                <section aria-labelledby="report-top">
                    <h3 id="report-top">{t.tr(Msg::ReportTopHeading)}</h3>
                    <ol>{top}</ol>
                </section>
                {(!bottom.is_empty()).then(|| view! {
                    <section aria-labelledby="report-bottom">
                        <h3 id="report-bottom">{t.tr(Msg::ReportBottomHeading)}</h3>
                        <ol>{bottom}</ol>
                    </section>
                })}
            </div>
        }
    })
}
