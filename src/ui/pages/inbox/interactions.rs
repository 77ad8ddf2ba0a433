//! The Inbox's "likes, boosts and follows" panel: counted, never listed as conversations —
//! the last 30 days' totals, the people who gave the most and the latest ones. Read from the
//! device only while the panel is open.

use leptos::prelude::*;

use crate::domain::interaction::{Interaction, InteractionKind, Summary, Tally};
use crate::services::interactions::last_days;
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

const DAYS: u32 = 30;

fn tally_cells(t: &Tally) -> impl IntoView {
    view! { <td>{t.favourites}</td><td>{t.boosts}</td><td>{t.follows}</td> }
}

fn kind_headers(t: Text) -> impl IntoView {
    view! {
        <th scope="col">{t.get(Msg::KindFavourites)}</th>
        <th scope="col">{t.get(Msg::KindBoosts)}</th>
        <th scope="col">{t.get(Msg::KindFollows)}</th>
    }
}

fn latest_line(t: Text, i: Interaction) -> impl IntoView {
    let words = match i.kind {
        InteractionKind::Favourite => Msg::GaveFavourite,
        InteractionKind::Boost => Msg::GaveBoost,
        InteractionKind::Follow => Msg::GaveFollow,
        InteractionKind::Content => Msg::GaveContent,
    };
    view! {
        <li>
            <a href=i.who_url.clone() rel="nofollow noopener noreferrer" target="_blank">
                {t.fill(words, &[("name", &i.who_name)])}
            </a>
            " · "{i.network.name()}" · "{date_time(t.lang(), i.at)}
        </li>
    }
}

fn body(t: Text, s: Summary) -> AnyView {
    if s.tally.total() == 0 {
        return view! { <p>{t.get(Msg::InteractionsNone)}</p> }.into_any();
    }
    let people = s.people.into_iter().map(|g| {
        view! {
            <tr>
                <th scope="row">
                    <a href=g.url rel="nofollow noopener noreferrer" target="_blank">{g.name}</a>
                    " "<span class="muted">{g.handle}</span>
                </th>
                {tally_cells(&g.tally)}
            </tr>
        }
    });
    view! {
        <table class="response-table">
            <caption>{t.get(Msg::InteractionsTotals)}</caption>
            <thead><tr>{kind_headers(t)}</tr></thead>
            <tbody><tr>{tally_cells(&s.tally)}</tr></tbody>
        </table>
        <div class="table-scroll" tabindex="0" role="region" aria-label=t.get(Msg::InteractionsPeople)>
            <table class="response-table">
                <caption>{t.get(Msg::InteractionsPeople)}</caption>
                <thead><tr><th scope="col">{t.get(Msg::PersonHeader)}</th>{kind_headers(t)}</tr></thead>
                <tbody>{people.collect_view()}</tbody>
            </table>
        </div>
        <h2 class="small-heading">{t.get(Msg::InteractionsLatest)}</h2>
        <ul class="interactions-latest">{s.latest.into_iter().map(|i| latest_line(t, i)).collect_view()}</ul>
    }
    .into_any()
}

/// The panel: closed at first, read when opened (again at each opening).
#[component]
pub(super) fn Interactions() -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let open = RwSignal::new(false);
    let summary = LocalResource::new(move || {
        let (db, ws, on) = (db.get(), state.current(), open.get());
        async move {
            match ws {
                Some(ws) if on => Some(last_days(&db, &ws.id, DAYS).await),
                _ => None,
            }
        }
    });
    let shown = move || {
        summary.get().flatten().map(|r| match r {
            Ok(s) => body(t, s),
            Err(e) => {
                view! { <p role="alert">{crate::ui::errors::read_failed(t, &e)}</p> }.into_any()
            }
        })
    };
    view! {
        <details class="interactions"
            on:toggle=move |ev| open.set(super::times::opened(&ev))>
            <summary>{t.tr(Msg::Interactions)}</summary>
            <p>{t.tr(Msg::InteractionsIntro)}</p>
            {shown}
        </details>
    }
}
