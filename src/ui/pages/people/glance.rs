//! The People list as it was last worked out (`domain::people_glance`), painted at once on
//! a new session's first visit while every message and sign is read again: the counts per
//! level, the first members with their tags, narrowed by the words searched, and a status
//! line saying the list is being read and from which day the glance is. Its rows do not
//! open: a member opens once everything is read and the real list replaces this one.

use leptos::prelude::*;

use crate::domain::member_level::Level;
use crate::domain::people_glance::Glance;
use crate::ui::format::long_date;
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

use super::{member::row_head, words};

#[component]
pub fn GlanceList(glance: Glance, search: RwSignal<String>) -> impl IntoView {
    let t = use_text();
    let made = glance.made_at;
    let total = glance.total as usize;
    let by_level = Level::ALL.map(|l| (l, glance.on_level(l)));
    let rows = StoredValue::new(glance.rows);
    let shown = Memo::new(move |_| {
        let needle = search.with(|s| s.trim().to_lowercase());
        rows.with_value(|rows| {
            rows.iter()
                .filter(|r| r.matches(&needle))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let kept = rows.with_value(Vec::len);
    view! {
        <p class="people-status" role="status">{move || t.fill(Msg::PeopleGlance, &[("date", &long_date(t.lang(), made))])}</p>
        <ul class="level-counts" aria-label=t.tr(Msg::PeopleByLevel)>
            {by_level.into_iter().map(|(l, n)| view! {
                <li><span class=format!("badge level level-{}", l.number())>{move || words::level_name(t, l)}</span>" "{n}</li>
            }).collect_view()}
        </ul>
        <p class="people-count">{move || {
            if search.with(|s| s.trim().is_empty()) {
                t.plural(Msg::PeopleCount, total, &[])
            } else {
                t.plural(Msg::PeopleGlanceSearch, kept, &[])
            }
        }}</p>
        <ul class="people-list" aria-busy="true">
            <For each=move || shown.get() key=|r| r.key.clone() let:r>
                <li class="glance-member">
                    <div class="member-head">
                        {row_head(t, r.name.clone(), r.handle.clone(), &r.networks, r.level, r.last_seen)}
                        {r.tags.iter().map(|tag| view! { " "<span class="badge tag">{tag.clone()}</span> }).collect_view()}
                    </div>
                </li>
            </For>
        </ul>
    }
}
