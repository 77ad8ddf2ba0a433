//! Listening (`/listening`): the workspace's saved searches (`services::listening`), each
//! with its last run (what each network said, in words), its volume per day over the last
//! two weeks and today (a table), a spike said when today stands out, and the posts it
//! found, newest first (`listening/hit.rs`). A search runs when saved, on "Search now", and
//! while the app is open at its interval (`components/listening_loop.rs`).

mod form;
mod hit;

use leptos::prelude::*;

use crate::domain::listening::{parse, FeedNote, NetworkRun, Problem};
use crate::domain::spike::Spike;
use crate::services::listening::{self, SearchView};
use crate::ui::components::no_workspace::NoWorkspace;
use crate::ui::format::{date_time, day_month, number};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

/// A network's part of a run, in words.
fn run_words(t: Text, n: &NetworkRun) -> String {
    let network = n.network.name();
    let mut out = match &n.problem {
        None => t.plural(Msg::ListeningFoundOn, n.found, &[("network", &network)]),
        Some(Problem::HashtagsOnly) => t.get(Msg::ListeningHashtagsOnly).to_string(),
        Some(Problem::FeedsOff) => t.get(Msg::ListeningFeedsOff).to_string(),
        Some(Problem::Failed { problem }) => crate::ui::errors::send_problem(t, network, problem),
    };
    if let Some(note) = n.note {
        out.push(' ');
        out.push_str(t.get(match note {
            FeedNote::SignedInOnly => Msg::ListeningSignedInOnly,
            FeedNote::LocalOnly => Msg::ListeningLocalOnly,
            FeedNote::RemoteOnly => Msg::ListeningRemoteOnly,
        }));
    }
    out
}

/// A spike in words.
pub fn spike_words(t: Text, s: &Spike) -> String {
    let lang = t.lang();
    t.fill(
        Msg::ListeningSpike,
        &[
            ("today", &s.today),
            ("mean", &crate::ui::format::decimal(lang, s.mean, 1)),
            (
                "threshold",
                &crate::ui::format::decimal(lang, s.threshold, 1),
            ),
            ("days", &s.days),
        ],
    )
}

/// The posts per day as bars, oldest first, today last; named by a sentence (the table
/// beside it gives every day).
fn volume_bars(t: Text, days: &[crate::domain::spike::DayVolume]) -> impl IntoView {
    const BAR: f64 = 14.0;
    const HEIGHT: f64 = 48.0;
    let most = days.iter().map(|d| d.count).max().unwrap_or(0);
    let today = days.last().map(|d| d.count).unwrap_or(0);
    let named = t.fill(
        Msg::ListeningVolumeSummary,
        &[("days", &days.len()), ("today", &today), ("most", &most)],
    );
    let label = named.clone();
    let width = BAR * days.len() as f64;
    let bars =
        days.iter()
            .enumerate()
            .map(|(i, d)| {
                let h =
                    if most == 0 {
                        0.0
                    } else {
                        (f64::from(d.count) / f64::from(most) * (HEIGHT - 2.0))
                            .max(if d.count > 0 { 2.0 } else { 0.0 })
                    };
                view! {
                    <rect x=format!("{:.1}", i as f64 * BAR + 2.0) y=format!("{:.1}", HEIGHT - h)
                        width=format!("{:.1}", BAR - 4.0) height=format!("{h:.1}")/>
                }
            })
            .collect_view();
    view! {
        <svg class="volume-bars" role="img" aria-label=label width=format!("{width}") height=format!("{HEIGHT}")
            viewBox=format!("0 0 {width} {HEIGHT}")>
            <title>{named}</title>
            <line x1="0" y1=format!("{HEIGHT}") x2=format!("{width}") y2=format!("{HEIGHT}")/>
            {bars}
        </svg>
    }
}

#[component]
fn SearchSection(
    view: SearchView,
    #[prop(into)] changed: Callback<()>,
    edit: RwSignal<Option<crate::domain::listening::SavedSearch>>,
) -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let lang = t.lang();
    let SearchView {
        search,
        run,
        hits,
        total,
        volume,
        spike,
    } = view;
    let ws = search.id.clone();
    let heading = format!("search-{}", ws);
    let labelled = heading.clone();
    let query = StoredValue::new(parse(&search.query));
    let kept = StoredValue::new(search.clone());
    let run_now = Action::new_local(move |_: &()| {
        let (db, s) = (db.get(), kept.get_value());
        let ws = state.current().map(|w| w.id).unwrap_or_default();
        async move {
            match listening::run(&db, &ws, &s).await {
                Ok(_) => changed.run(()),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let delete = Action::new_local(move |_: &()| {
        let (db, id) = (db.get(), kept.with_value(|s| s.id.clone()));
        let ws = state.current().map(|w| w.id).unwrap_or_default();
        async move {
            match listening::delete(&db, &ws, &id).await {
                Ok(Some(gone)) => {
                    changed.run(());
                    let name = gone.name.clone();
                    let gone = StoredValue::new(gone);
                    state.say_undoable(
                        move |t| t.fill(Msg::ListeningDeleted, &[("name", &name)]),
                        move || {
                            let (db, ws, s) = (db.clone(), ws.clone(), gone.get_value());
                            leptos::task::spawn_local(async move {
                                match listening::restore(&db, &ws, s).await {
                                    Ok(()) => changed.run(()),
                                    Err(e) => state.save_failed(&e),
                                }
                            });
                        },
                    );
                }
                Ok(None) => changed.run(()),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let status = match &run {
        None => vec![t.get(Msg::ListeningNeverRan).to_string()],
        Some(r) => {
            let mut lines = vec![t.fill(
                Msg::ListeningLastRun,
                &[
                    ("when", &date_time(lang, r.last_at)),
                    ("next", &crate::ui::format::time_of_day(lang, r.next_at)),
                ],
            )];
            lines.extend(r.networks.iter().map(|n| run_words(t, n)));
            if r.networks.is_empty() {
                lines.push(t.get(Msg::ListeningNoAccount).to_string());
            }
            lines
        }
    };
    let rows = volume
        .iter()
        .rev()
        .map(|d| {
            use chrono::Datelike;
            let ms = crate::ui::dates::Day {
                year: d.day.year(),
                month: d.day.month(),
                day: d.day.day(),
            }
            .start_ms()
                + 12.0 * 3_600_000.0;
            view! { <tr><th scope="row">{day_month(lang, ms)}</th><td>{number(lang, f64::from(d.count))}</td></tr> }
        })
        .collect_view();
    let bars = volume_bars(t, &volume);
    let empty = hits.is_empty();
    view! {
        <section class="listening-search" aria-labelledby=labelled>
            <h2 id=heading>{search.name.clone()}</h2>
            <p class="listening-query"><code>{search.query.clone()}</code></p>
            {spike.map(|s| view! { <p class="listening-spike" role="status">{spike_words(t, &s)}</p> })}
            <ul class="listening-status">
                {status.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            <p>
                <button type="button" disabled=move || run_now.pending().get()
                    on:click=move |_| { run_now.dispatch(()); }>
                    {move || t.get(if run_now.pending().get() { Msg::ListeningRunning } else { Msg::ListeningRunNow })}
                </button>" "
                <button type="button" class="secondary" on:click=move |_| edit.set(Some(kept.get_value()))>
                    {t.tr(Msg::ListeningChange)}
                </button>" "
                <button type="button" class="secondary" on:click=move |_| { delete.dispatch(()); }>
                    {t.tr(Msg::ListeningDelete)}
                </button>
            </p>
            {bars}
            <details>
                <summary>{t.tr(Msg::ListeningVolumeTable)}</summary>
                <table>
                    <caption>{t.tr(Msg::ListeningVolume)}</caption>
                    <thead><tr><th scope="col">{t.tr(Msg::ListeningDay)}</th><th scope="col">{t.tr(Msg::ListeningPosts)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
            <h3>{t.plural(Msg::ListeningFound, total, &[])}</h3>
            {if empty {
                view! { <p class="empty">{t.get(Msg::ListeningNoHits)}</p> }.into_any()
            } else {
                view! {
                    <ul class="hits">
                        {hits.into_iter().map(|h| view! { <hit::HitRow hit=h query=query/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn ListeningPage() -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    crate::ui::components::tone::provide_corrections();
    let version = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        let (db, ws) = (db.get(), state.current());
        version.track();
        async move {
            match ws {
                Some(ws) => listening::load(&db, &ws.id, crate::services::clock::now_ms())
                    .await
                    .map(|v| Some((ws.id, v))),
                None => Ok(None),
            }
        }
    });
    let changed = Callback::new(move |_: ()| version.update(|v| *v += 1));
    let edit = RwSignal::new(None::<crate::domain::listening::SavedSearch>);
    // A search just saved runs at once; the page reads again when it is done.
    let first_run = Action::new_local(move |s: &crate::domain::listening::SavedSearch| {
        let (db, s) = (db.get(), s.clone());
        let ws = state.current().map(|w| w.id).unwrap_or_default();
        async move {
            if let Err(e) = listening::run(&db, &ws, &s).await {
                state.save_failed(&e);
            }
            version.update(|v| *v += 1);
        }
    });
    let saved = Callback::new(move |s| {
        version.update(|v| *v += 1);
        first_run.dispatch(s);
    });
    let body = move || match data.get() {
        None => ().into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{crate::ui::errors::read_failed(t, &e)}</p> }.into_any()
        }
        Some(Ok(None)) => view! { <NoWorkspace/> }.into_any(),
        Some(Ok(Some((_, list)))) => {
            let none = list.is_empty();
            view! {
                {none.then(|| view! { <p class="empty">{t.get(Msg::ListeningNone)}</p> })}
                {list.into_iter().map(|v| view! { <SearchSection view=v changed=changed edit=edit/> }).collect_view()}
            }
            .into_any()
        }
    };
    // The form is drawn once per workspace, not with the list read again after each run.
    let ws_id = Memo::new(move |_| state.current().map(|w| w.id));
    let form = move || {
        ws_id.get().map(|ws| {
            view! { <form::SearchForm workspace_id=ws saved=saved edit=edit/> }
        })
    };
    view! {
        <h1>{t.tr(Msg::NavListening)}</h1>
        <p>{t.tr(Msg::ListeningIntro)}</p>
        {form}
        <Transition>{body}</Transition>
    }
}
