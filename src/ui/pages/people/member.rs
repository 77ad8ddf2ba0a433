//! One member in the People list: closed, their name, handle, network, level and when last
//! seen; open, why they are at their level, what would move them, and their timeline.

use leptos::prelude::*;

use crate::domain::member::Member;
use crate::domain::member_level::{Level, Weights};
use crate::domain::member_record::MemberRecord;
use crate::domain::network::Network;
use crate::ui::format::{date_time, long_date};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

use super::words;

/// How many moments of the timeline are shown.
const MOMENTS: usize = 30;

/// The user's judgement of one interaction: negative or not (a toggle button).
#[component]
fn NegativeToggle(
    member_key: String,
    url: String,
    at: f64,
    /// Its name for screen readers: the visible word, then which interaction.
    named: String,
    record: RwSignal<MemberRecord>,
) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let url = StoredValue::new(url);
    let pressed = move || url.with_value(|u| record.with(|r| r.is_negative(u)));
    let ws = state.current().map(|w| w.id).unwrap_or_default();
    let toggle = Action::new_local(move |on: &bool| {
        let (db, ws, key, on) = (db.get(), ws.clone(), member_key.clone(), *on);
        async move {
            let u = url.get_value();
            match crate::services::member_records::set_negative(&db, &ws, &key, &u, at, on).await {
                Ok(r) => record.set(r),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    view! {
        <button type="button" class="secondary small negative-mark" aria-label=named aria-pressed=move || pressed().to_string()
            on:click=move |_| { toggle.dispatch(!pressed()); }>{t.tr(Msg::MarkNegative)}</button>
    }
}

/// A member's row closed, tags aside: name, handle, networks, level and when last seen.
pub fn row_head(
    t: Text,
    name: String,
    handle: String,
    networks: &[Network],
    level: Option<Level>,
    last_seen: f64,
) -> impl IntoView {
    let seen = t.fill(Msg::LastSeen, &[("date", &long_date(t.lang(), last_seen))]);
    let networks = networks
        .iter()
        .map(|n| n.name())
        .collect::<Vec<_>>()
        .join(" + ");
    view! {
        <strong>{name}</strong>" "
        <span class="handle">{handle}</span>" · "{networks}" "
        {level.map(|level| view! {
            <span class=format!("badge level level-{}", level.number())>{words::level_name(t, level)}</span>" "
        })}
        <span class="muted">{seen}</span>
    }
}

#[component]
pub fn MemberRow(
    member: Member,
    weights: Weights,
    record: Option<MemberRecord>,
    /// Called when the lists change (a teammate marked, a member forgotten).
    moved: Callback<()>,
) -> impl IntoView {
    let t = use_text();
    let m = StoredValue::new(member);
    let weights = StoredValue::new(weights);
    let record = RwSignal::new(record.unwrap_or_default());
    let open = RwSignal::new(false);
    let head = m.with_value(|m| {
        let networks: Vec<Network> = std::iter::once(m.network)
            .chain(m.identities.iter().skip(1).map(|i| i.network))
            .collect();
        view! {
            {row_head(t, m.name.clone(), m.handle.clone(), &networks, Some(m.level), m.last_seen)}
            {move || record.with(|r| r.tags.iter().map(|tag| view! { " "<span class="badge tag">{tag.clone()}</span> }).collect_view())}
        }
    });
    let body = move || {
        open.get().then(|| {
            m.with_value(|m| {
                let weights = weights.get_value();
                let now = crate::services::clock::now_ms();
                let lines = [
                    Some(words::why(t, m, &weights)),
                    words::keeps(t, m),
                    words::next(t, m, &weights, now),
                    m.reach.map(|r| t.plural(Msg::MemberReach, usize::try_from(r).unwrap_or(usize::MAX), &[])),
                    Some(t.fill(
                        Msg::FirstSeenLove,
                        &[
                            ("date", &long_date(t.lang(), m.first_seen)),
                            ("love", &m.love.to_string()),
                        ],
                    )),
                ];
                let key = m.key.clone();
                let moments = m.timeline.iter().take(MOMENTS).map(|x| {
                    let what = words::one(t, x.kind);
                    let when = date_time(t.lang(), x.at);
                    let named = t.fill(Msg::MarkNegativeOf, &[("when", &when), ("what", &what)]);
                    let mark = (!x.url.is_empty()).then(|| view! {
                        " "<NegativeToggle member_key=key.clone() url=x.url.to_string() at=x.at named=named record=record/>
                    });
                    view! {
                        <li>
                            <a href=x.url.clone() rel="nofollow noopener noreferrer" target="_blank">{when}</a>
                            " · "{what}
                            {(!x.text().is_empty()).then(|| view! { <span class="glance">" — "{glance(x.text())}</span> })}
                            {mark}
                            {(!x.text().is_empty()).then(|| view! {
                                " "<crate::ui::components::tone::Tone url=x.url.to_string() text=x.text().to_string() lang=x.lang().to_string()/>
                            })}
                        </li>
                    }
                }).collect_view();
                view! {
                    <div class="member-body">
                        {(!m.profile.avatar.is_empty()).then(|| view! {
                            <super::picture::MemberPicture member_key=m.key.clone() url=m.profile.avatar.clone()/>
                        })}
                        {lines.into_iter().flatten().map(|l| view! { <p>{l}</p> }).collect_view()}
                        <a href=m.url.clone() rel="nofollow noopener noreferrer" target="_blank">{t.get(Msg::ProfileLink)}</a>
                        <super::merges::OtherIdentities member_key=m.key.clone() identities=m.identities.clone() changed=moved/>
                        <super::follow_ups::MemberFollowUps member_key=m.key.clone() member_name=m.name.clone()
                            keys=m.identities.iter().map(|i| i.key.clone()).collect()/>
                        <super::record::MemberRecordPanel member_key=m.key.clone() record=record moved=moved/>
                        <h2 class="timeline-head">{t.get(Msg::Timeline)}</h2>
                        <ol class="timeline">{moments}</ol>
                        <super::forget::ForgetMember member=m.clone() record=record gone=moved/>
                    </div>
                }
            })
        })
    };
    view! {
        <li class="member">
            <button type="button" class="member-open" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>{head}</button>
            {body}
        </li>
    }
}

/// A message's first 140 characters, for the timeline's glance (… when cut).
fn glance(text: &str) -> String {
    match text.char_indices().nth(140) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
