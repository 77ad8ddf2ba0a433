//! People: every member of the workspace (gathered by `services::members`), inner orbits
//! first, searched by name or handle as typed; each opens to say why they are at their level,
//! what would move them, and their timeline with links to each message and profile. A new
//! session's first visit paints the list as it was last worked out (`glance.rs`) — or, when
//! none was ever worked out here, the people seen most recently — while everything is read;
//! coming back in a session paints the members last read.

pub(crate) mod follow_ups;
mod forget;
mod glance;
pub(crate) mod gravity;
mod map;
mod member;
mod merges;
mod picture;
mod record;
mod segments;
mod weights;
pub(crate) mod words;

pub use words::level_name;

use crate::domain::sorting;
use leptos::prelude::*;

use crate::domain::member::Member;
use crate::domain::member_level::Level;
use crate::domain::network::Network;
use crate::domain::segment::{csv as segment_csv, Filter};
use crate::services::members;
use crate::ui::components::no_workspace::NoWorkspace;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

/// How many members are drawn at once; a search narrows the rest.
const SHOWN: usize = 200;
/// How many of them the first frame draws (a screen and more); the rest follow once it is
/// painted, so a hundred thousand members' list opens as fast as a short one.
const FIRST_ROWS: usize = 40;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    // The tones the user corrected, for the messages in a member's timeline.
    let said = crate::ui::components::tone::provide_corrections();
    let version = RwSignal::new(0u32);
    let weights_open = RwSignal::new(false);
    // The members read last time in this workspace show at once; the read replaces them.
    let ws_id = state.current().map(|w| w.id);
    let cache = state.people_cache;
    let cached = cache.with_value(|c| {
        c.as_ref()
            .filter(|(id, _)| Some(id) == ws_id.as_ref())
            .map(|(_, p)| p.clone())
    });
    // A new session's first visit: the list as it was last worked out, while all is read.
    let fresh = cached.is_none();
    let cached = StoredValue::new(cached);
    // The glance kept, or when none was ever kept here, a first look at the newest people.
    let kept_glance = LocalResource::new(move || {
        let (db, ws) = (db.get(), state.current());
        async move {
            let ws = ws.filter(|_| fresh)?;
            match members::glance(&db, &ws.id).await.ok().flatten() {
                Some(g) => Some(glance::Early::Kept(g)),
                None => members::first_look(&db, &ws.id)
                    .await
                    .ok()
                    .filter(|rows| !rows.is_empty())
                    .map(glance::Early::FirstLook),
            }
        }
    });
    // Everything read and worked out — once the early rows are painted on a new session's
    // first visit, so that reading a million signs never holds them back. Until then the
    // read waits (`None`), and starts when `kept_glance` has its answer.
    let data = LocalResource::new(move || {
        version.track();
        let waiting = fresh && kept_glance.with(Option::is_none);
        let (db, ws) = (db.get(), state.current());
        let now = crate::services::clock::now_ms();
        async move {
            if waiting {
                return None;
            }
            let read = match ws {
                Some(ws) => members::load(&db, &ws.id, now).await.map(Some),
                None => Ok(None),
            };
            crate::ui::marks::mark("attache:people-read");
            Some(read)
        }
    });
    Effect::new(move |_| {
        if let (Some(id), Some(Ok(Some(people)))) = (ws_id.clone(), data.get().flatten()) {
            cache.set_value(Some((id, people)));
        }
    });
    let read = move || {
        data.get()
            .flatten()
            .or_else(|| cached.get_value().map(|p| Ok(Some(p))))
    };
    let search = RwSignal::new(String::new());
    // Opened from the search box (`?q=` a handle): the list narrowed to them.
    let asked = leptos_router::hooks::use_query_map();
    Effect::new(move |_| {
        if let Some(q) = asked.with(|q| q.get("q")) {
            search.set(q);
        }
    });
    let segment = RwSignal::new(Filter::default());
    let list = move || match read() {
        None => match kept_glance.get().flatten() {
            Some(early) => view! { <glance::EarlyList early=early search=search/> }.into_any(),
            None => ().into_any(),
        },
        Some(Err(e)) => {
            view! { <p role="alert">{crate::ui::errors::read_failed(t, &e)}</p> }.into_any()
        }
        Some(Ok(None)) => view! { <NoWorkspace/> }.into_any(),
        Some(Ok(Some(people))) if people.members.is_empty() => {
            view! { <p class="empty">{t.get(Msg::PeopleEmpty)}</p> }.into_any()
        }
        Some(Ok(Some(people))) => {
            let weights = people.weights.clone();
            let records = StoredValue::new(people.records);
            let teammates = people.teammates;
            let suggestions = people.suggestions;
            let all = StoredValue::new(people.members);
            let record_of = move |key: &str| records.with_value(|r| r.get(key).cloned());
            let now = crate::services::clock::now_ms();
            // The segment, then the words searched: every member kept, by place in `all`.
            let kept = Memo::new(move |_| {
                let needle = search.with(|s| s.trim().to_lowercase());
                let f = segment.get();
                // A message's tone: the user's word, else the hint (read only for a tone filter).
                let said = said.0;
                let tone = |mo: &crate::domain::member::Moment| {
                    said.with(|s| {
                        crate::services::sentiment::tone(s, &mo.url, mo.text(), mo.lang())
                    })
                };
                all.with_value(|all| {
                    records.with_value(|r| {
                        f.positions(all, r, now, tone)
                            .into_iter()
                            .filter(|&i| {
                                let m = &all[i];
                                m.matches(&needle)
                                    || r.get(&m.key).is_some_and(|r| {
                                        r.tags.iter().any(|t| t.to_lowercase().contains(&needle))
                                    })
                            })
                            .collect::<Vec<usize>>()
                    })
                })
            });
            let drawn = RwSignal::new(FIRST_ROWS);
            crate::ui::paint::after_next_paint(move || {
                // The list may have been drawn again meanwhile (its signal gone with it).
                let _ = drawn.try_set(SHOWN);
            });
            let shown = Memo::new(move |_| {
                let drawn = drawn.get();
                kept.with(|kept| {
                    all.with_value(|all| {
                        let list: Vec<Member> =
                            kept.iter().take(drawn).map(|&i| all[i].clone()).collect();
                        (list, kept.len())
                    })
                })
            });
            // How many at each level, and the networks anyone is on: one pass.
            let (by_level, networks) = all.with_value(|all| {
                let mut counts = [0usize; 4];
                let mut on = Vec::new();
                for m in all.iter() {
                    counts[usize::from(m.level.number() - 1)] += 1;
                    for i in &m.identities {
                        if !on.contains(&i.network) {
                            on.push(i.network);
                        }
                    }
                }
                let by_level = Level::ALL.map(|l| (l, counts[usize::from(l.number() - 1)]));
                let networks: Vec<Network> = Network::ALL
                    .into_iter()
                    .filter(|n| on.contains(n))
                    .collect();
                (by_level, networks)
            });
            let saved = Callback::new(move |()| version.update(|v| *v += 1));
            let tags: Vec<String> = records.with_value(|r| {
                let mut tags: Vec<String> =
                    r.values().flat_map(|r| r.tags.iter().cloned()).collect();
                sorting::sort_by_key(&mut tags[..], |t| t.to_lowercase());
                tags.dedup_by_key(|t| t.to_lowercase());
                tags
            });
            let export = Callback::new(move |()| {
                let text = kept.with_untracked(|kept| {
                    all.with_value(|all| {
                        let list: Vec<&Member> = kept.iter().map(|&i| &all[i]).collect();
                        records.with_value(|r| {
                            segment_csv(
                                &list,
                                r,
                                |l| words::level_name(t, l),
                                &crate::services::queue::BrowserZone,
                            )
                        })
                    })
                });
                let file = format!(
                    "attache-members-{}.csv",
                    crate::ui::dates::Day::today().iso()
                );
                if let Err(e) = crate::services::backup::download_as(&file, &text, "text/csv") {
                    state.save_failed(&e);
                }
            });
            let count = Signal::derive(move || kept.with(Vec::len));
            let team_weights = weights.clone();
            let team_count = teammates.len();
            let team = (!teammates.is_empty()).then(|| view! {
                <details class="teammates">
                    <summary>{move || t.plural(Msg::TeammatesCount, team_count, &[])}</summary>
                    <ul class="people-list">
                        {teammates.iter().cloned().map(|m| {
                            let r = record_of(&m.key);
                            view! { <member::MemberRow member=m weights=team_weights.clone() record=r moved=saved/> }
                        }).collect_view()}
                    </ul>
                </details>
            });
            view! {
                <weights::WeightsForm weights=weights.clone() saved=saved open=weights_open/>
                <merges::MergeSuggestions suggestions=suggestions members=all changed=saved/>
                <gravity::GravityTable members=all weights=weights.clone()/>
                <map::RelationshipMap members=all/>
                <segments::SegmentBar filter=segment tags=tags networks=networks count=count export=export/>
                <ul class="level-counts" aria-label=t.tr(Msg::PeopleByLevel)>
                    {by_level.into_iter().map(|(l, n)| view! {
                        <li><span class=format!("badge level level-{}", l.number())>{move || words::level_name(t, l)}</span>" "{n}</li>
                    }).collect_view()}
                </ul>
                <p class="people-count" aria-live="polite">{move || {
                    let total = shown.with(|(_, total)| *total);
                    if SHOWN < total {
                        t.fill(Msg::PeopleShownOf, &[("shown", &SHOWN.to_string()), ("count", &total.to_string())])
                    } else {
                        t.plural(Msg::PeopleCount, total, &[])
                    }
                }}</p>
                <ul class="people-list">
                    <For each=move || shown.get().0 key=|m| (m.key.clone(), m.last_seen.to_bits(), m.level) let:m>
                        <member::MemberRow record=record_of(&m.key) member=m weights=weights.clone() moved=saved/>
                    </For>
                </ul>
                {team}
            }
            .into_any()
        }
    };
    view! {
        <h1>{t.tr(Msg::NavPeople)}</h1>
        <p>{t.tr(Msg::PeopleIntro)}</p>
        <p>
            <label>{t.tr(Msg::PeopleSearch)}" "
                <input type="search" prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))/>
            </label>
        </p>
        {list}
    }
}
