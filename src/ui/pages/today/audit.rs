//! The health audit on Today: a score over the rules that have data, the failing rules first
//! with why they matter and a link to where each is fixed, then the ones without data yet,
//! then what goes well.

use leptos::prelude::*;

use crate::domain::audit::{score, Finding, Rule, Verdict};
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

/// The screen where the rule is fixed.
pub fn fix_route(rule: Rule) -> &'static str {
    match rule {
        // The signature is a library snippet; display names are set on the network itself.
        Rule::Hiding => "/library",
        Rule::Neglecting | Rule::OnlyAnimating => "/compose",
        Rule::OnlyCreating => "/inbox",
        // Objectives' progress is shown on the strategy page.
        Rule::CannedStrategy | Rule::Stagnating => "/strategy",
    }
}

/// What a rule says to the user: a short title, why it matters, how to fix it.
pub fn rule_msgs(rule: Rule) -> [Msg; 3] {
    match rule {
        Rule::Hiding => [
            Msg::AuditHidingTitle,
            Msg::AuditHidingWhy,
            Msg::AuditHidingFix,
        ],
        Rule::Neglecting => [
            Msg::AuditNeglectingTitle,
            Msg::AuditNeglectingWhy,
            Msg::AuditNeglectingFix,
        ],
        Rule::OnlyCreating => [
            Msg::AuditOnlyCreatingTitle,
            Msg::AuditOnlyCreatingWhy,
            Msg::AuditOnlyCreatingFix,
        ],
        Rule::OnlyAnimating => [
            Msg::AuditOnlyAnimatingTitle,
            Msg::AuditOnlyAnimatingWhy,
            Msg::AuditOnlyAnimatingFix,
        ],
        Rule::CannedStrategy => [
            Msg::AuditCannedStrategyTitle,
            Msg::AuditCannedStrategyWhy,
            Msg::AuditCannedStrategyFix,
        ],
        Rule::Stagnating => [
            Msg::AuditStagnatingTitle,
            Msg::AuditStagnatingWhy,
            Msg::AuditStagnatingFix,
        ],
    }
}

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
                        let [title, why, fix] = rule_msgs(f.rule);
                        view! {
                            <li class="audit-fail">
                                <strong>{t.get(title)}</strong>
                                <p>{t.get(why)}</p>
                                <p><a href=fix_route(f.rule)>{t.get(fix)}</a></p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {(!no_data.is_empty()).then(|| view! {
                <p class="hint">{t.get(Msg::AuditNoDataFor)}" "
                    {no_data.iter().map(|f| t.get(rule_msgs(f.rule)[0])).collect::<Vec<_>>().join(" · ")}
                </p>
            })}
            {(!passing.is_empty()).then(|| view! {
                <details>
                    <summary>{t.fill(Msg::AuditGoingWell, &[("count", &passing.len())])}</summary>
                    <ul>
                        {passing.into_iter().map(|f| view! { <li>{t.get(rule_msgs(f.rule)[0])}</li> }).collect_view()}
                    </ul>
                </details>
            })}
        </section>
    }
}
