//! The People list as it was last worked out (`domain::people_glance`), painted at once on
//! a new session's first visit while every message and sign is read again: the counts per
//! level, the first members with their tags, narrowed by the words searched, and a status
//! line saying the list is being read and from which day the glance is. Its rows do not
//! open: a member opens once everything is read and the real list replaces this one.
//! A first visit with no glance kept paints a first look instead: the people of the newest
//! messages and signs (`members::first_look`), most recently seen first, without levels.

use leptos::prelude::*;

use crate::domain::member_level::Level;
use crate::domain::people_glance::{Glance, GlanceRow};
use crate::ui::format::long_date;
use crate::ui::i18n::Msg;
use crate::ui::text::use_text;

use super::{member::row_head, words};

/// What a new session's first visit paints while everything is read.
#[derive(Debug, Clone)]
pub enum Early {
    /// The list as it was last worked out.
    Kept(Glance),
    /// No list was ever worked out here: the people seen most recently.
    FirstLook(Vec<GlanceRow>),
}

#[component]
pub fn EarlyList(early: Early, search: RwSignal<String>) -> impl IntoView {
    match early {
        Early::Kept(glance) => view! { <GlanceList glance=glance first_look=false search=search/> },
        Early::FirstLook(rows) => {
            let glance = Glance {
                total: u32::try_from(rows.len()).unwrap_or(u32::MAX),
                rows,
                ..Glance::default()
            };
            view! { <GlanceList glance=glance first_look=true search=search/> }
        }
    }
}

#[component]
fn GlanceList(glance: Glance, first_look: bool, search: RwSignal<String>) -> impl IntoView {
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
    let status = move || match first_look {
        true => t.get(Msg::PeopleFirstLook).to_string(),
        false => t.fill(Msg::PeopleGlance, &[("date", &long_date(t.lang(), made))]),
    };
    // A first look knows nobody's level yet: no counts by level.
    let counts = (!first_look).then(|| view! {
        <ul class="level-counts" aria-label=t.tr(Msg::PeopleByLevel)>
            {by_level.into_iter().map(|(l, n)| view! {
                <li><span class=format!("badge level level-{}", l.number())>{move || words::level_name(t, l)}</span>" "{n}</li>
            }).collect_view()}
        </ul>
    });
    view! {
        <p class="people-status" role="status">{status}</p>
        {counts}
        <p class="people-count">{move || {
            if search.with(|s| s.trim().is_empty()) {
                let counted = if first_look { Msg::PeopleFirstLookCount } else { Msg::PeopleCount };
                t.plural(counted, total, &[])
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
