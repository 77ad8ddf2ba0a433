//! The same person under two identities: the suggested merges with their reasons, merged
//! or dismissed (never suggested again); and a merged member's other identities, each
//! unmerged by its own button (`services::member_records`).

use leptos::prelude::*;

use crate::domain::member::{Identity, Member};
use crate::domain::member_merge::{Reason, Suggestion};
use crate::services::member_records;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

/// One reason in words.
pub fn reason(t: Text, r: &Reason) -> String {
    match r {
        Reason::VerifiedLink(l) => t.fill(Msg::ReasonVerifiedLink, &[("link", l)]),
        Reason::SameLink(l) => t.fill(Msg::ReasonSameLink, &[("link", l)]),
        Reason::LinksToProfile(l) => t.fill(Msg::ReasonLinksToProfile, &[("link", l)]),
        Reason::SameHandle(h) => t.fill(Msg::ReasonSameHandle, &[("handle", h)]),
        Reason::SimilarName(p) => t.fill(Msg::ReasonSimilarName, &[("percent", &p.to_string())]),
        Reason::SameSite(s) => t.fill(Msg::ReasonSameSite, &[("site", s)]),
        Reason::SameLanguage(l) => t.fill(Msg::ReasonSameLanguage, &[("lang", l)]),
        Reason::SamePicture => t.get(Msg::ReasonSamePicture).to_string(),
    }
}

fn who(m: &Member) -> String {
    format!("{} ({} · {})", m.name, m.handle, m.network.name())
}

/// The suggested merges; `changed` reads the members again.
#[component]
pub fn MergeSuggestions(
    suggestions: Vec<Suggestion>,
    members: StoredValue<std::sync::Arc<Vec<Member>>>,
    changed: Callback<()>,
) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = StoredValue::new(state.current().map(|w| w.id).unwrap_or_default());
    let act = Action::new_local(move |(a, b, merge): &(String, String, bool)| {
        let (db, ws, a, b, merge) = (db.get(), ws.get_value(), a.clone(), b.clone(), *merge);
        async move {
            let done = if merge {
                member_records::merge(&db, &ws, &a, &b).await.map(|_| ())
            } else {
                member_records::dismiss(&db, &ws, &a, &b).await
            };
            match done {
                Ok(()) => {
                    state.say_in(move |t| {
                        t.get(if merge {
                            Msg::Merged
                        } else {
                            Msg::MergeDismissed
                        })
                        .to_string()
                    });
                    changed.run(());
                }
                Err(e) => state.save_failed(&e),
            }
        }
    });
    if suggestions.is_empty() {
        return ().into_any();
    }
    let count = suggestions.len();
    let rows = suggestions
        .into_iter()
        .take(50)
        .filter_map(|s| {
            let (a, b) = members.with_value(|all| {
                let find = |k: &str| all.iter().find(|m| m.key == k).cloned();
                (find(&s.a), find(&s.b))
            });
            let (a, b) = (a?, b?);
            // The one seen more often names the merged member; else the one known first.
            let b_first = (b.timeline.len(), -b.first_seen) > (a.timeline.len(), -a.first_seen);
            let (into, other) = if b_first { (b, a) } else { (a, b) };
            let why: Vec<String> = s.reasons.iter().map(|r| reason(t, r)).collect();
            let (ik, ok) = (into.key.clone(), other.key.clone());
            let (ik2, ok2) = (ik.clone(), ok.clone());
            let pair = t.fill(Msg::MergePair, &[("a", &who(&into)), ("b", &who(&other))]);
            let merge_label = t.fill(Msg::MergeNamed, &[("a", &into.name), ("b", &other.name)]);
            let dismiss_label = t.fill(Msg::MergeDismissNamed, &[("a", &into.name), ("b", &other.name)]);
            Some(view! {
                <li>
                    <p>{pair}</p>
                    <p class="muted">{why.join(" · ")}</p>
                    <button type="button" class="secondary" aria-label=merge_label disabled=move || act.pending().get()
                        on:click=move |_| { act.dispatch((ik.clone(), ok.clone(), true)); }>{t.get(Msg::Merge)}</button>" "
                    <button type="button" class="secondary" aria-label=dismiss_label disabled=move || act.pending().get()
                        on:click=move |_| { act.dispatch((ik2.clone(), ok2.clone(), false)); }>{t.get(Msg::MergeDismiss)}</button>
                </li>
            })
        })
        .collect_view();
    view! {
        <section class="merge-suggestions" aria-labelledby="merge-head">
            <h2 id="merge-head">{move || t.plural(Msg::MergeSuggestions, count, &[])}</h2>
            <ul>{rows}</ul>
        </section>
    }
    .into_any()
}

/// A merged member's other identities, each with its "unmerge".
#[component]
pub fn OtherIdentities(
    member_key: String,
    identities: Vec<Identity>,
    changed: Callback<()>,
) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = StoredValue::new(state.current().map(|w| w.id).unwrap_or_default());
    let into = StoredValue::new(member_key.clone());
    let unmerge = Action::new_local(move |other: &String| {
        let (db, ws, other) = (db.get(), ws.get_value(), other.clone());
        async move {
            match member_records::unmerge(&db, &ws, &into.get_value(), &other).await {
                Ok(_) => {
                    state.say_in(|t| t.get(Msg::Unmerged).to_string());
                    changed.run(());
                }
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let others: Vec<Identity> = identities
        .into_iter()
        .filter(|i| i.key != member_key)
        .collect();
    (!others.is_empty()).then(|| {
        let rows = others
            .into_iter()
            .map(|i| {
                let key = i.key.clone();
                let label = t.fill(Msg::UnmergeNamed, &[("handle", &i.handle)]);
                view! {
                    <li>
                        <a href=i.url.clone() rel="nofollow noopener noreferrer" target="_blank">{i.handle.clone()}</a>
                        " · "{i.network.name()}" "
                        <button type="button" class="secondary" aria-label=label
                            on:click=move |_| { unmerge.dispatch(key.clone()); }>{t.get(Msg::Unmerge)}</button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 class="timeline-head">{t.tr(Msg::AlsoKnownAs)}</h2>
            <ul class="identities">{rows}</ul>
        }
    })
}
