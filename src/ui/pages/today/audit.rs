//! The health audit on Today: a score over the rules that have data, the failing rules first
//! with why they matter and a link to where each is fixed, then the ones without data yet,
//! then what goes well.

use leptos::prelude::*;

use crate::domain::audit::{fix_path, score, texts, Finding, Verdict};
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

#[component]
pub fn AuditBlock(findings: Vec<Finding>) -> impl IntoView {
    let t = use_text();
    let total = score(&findings);
    let failing: Vec<Finding> = findings
        .iter()
        .filter(|f| matches!(f.verdict, Verdict::Fail(_)))
        .cloned()
        .collect();
    let no_data: Vec<Finding> = findings
        .iter()
        .filter(|f| f.verdict == Verdict::NoData)
        .cloned()
        .collect();
    let passing: Vec<Finding> = findings
        .iter()
        .filter(|f| f.verdict == Verdict::Pass)
        .cloned()
        .collect();
    let lang = t.lang();
    view! {
        <section class="today-block audit" aria-labelledby="audit-heading">
            <h2 id="audit-heading">{t.get(Msg::AuditHeading)}</h2>
            <p class="audit-score">{match total {
                Some(s) => t.fill(Msg::AuditScore, &[("score", &s)]),
                None => t.get(Msg::AuditNoScore).to_string(),
            }}</p>
            {(!failing.is_empty()).then(|| view! {
                <ul class="audit-list">
                    {failing.into_iter().map(|f| {
                        let text = texts(f.rule, lang);
                        view! {
                            <li class="audit-fail">
                                <strong>{text.title}</strong>
                                <p>{text.why}</p>
                                <p><a href=fix_path(f.rule)>{text.fix}</a></p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {(!no_data.is_empty()).then(|| view! {
                <p class="hint">{t.get(Msg::AuditNoDataFor)}" "
                    {no_data.iter().map(|f| texts(f.rule, lang).title).collect::<Vec<_>>().join(" · ")}
                </p>
            })}
            {(!passing.is_empty()).then(|| view! {
                <details>
                    <summary>{t.fill(Msg::AuditGoingWell, &[("count", &passing.len())])}</summary>
                    <ul>
                        {passing.into_iter().map(|f| view! { <li>{texts(f.rule, lang).title}</li> }).collect_view()}
                    </ul>
                </details>
            })}
        </section>
    }
}
