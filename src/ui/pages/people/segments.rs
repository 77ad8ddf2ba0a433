//! The People page's segment bar: a preset or a saved segment, or filters by level, tag,
//! network, when last seen and the tone of recent messages; the current filters saved under a
//! name; the segment downloaded as CSV (`domain::segment`, `services::segments`).

use leptos::html;
use leptos::prelude::*;

use crate::domain::network::Network;
use crate::domain::segment::{Filter, Preset, Seen, Tone};
use crate::services::segments;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

fn preset_name(t: Text, p: Preset) -> &'static str {
    t.get(match p {
        Preset::SlippingAway => Msg::PresetSlipping,
        Preset::NewAndActive => Msg::PresetNew,
        Preset::MostEngaged => Msg::PresetEngaged,
    })
}

const SEEN: [(&str, Option<Seen>, Msg); 5] = [
    ("", None, Msg::SegmentAny),
    ("w7", Some(Seen::Within(7)), Msg::SeenWithin7),
    ("w30", Some(Seen::Within(30)), Msg::SeenWithin30),
    ("i30", Some(Seen::IdleOver(30)), Msg::SeenIdle30),
    ("i90", Some(Seen::IdleOver(90)), Msg::SeenIdle90),
];

/// The tone filter's choices: the tone of a member's messages of the last 90 days.
const TONES: [(&str, Option<Tone>, Msg); 3] = [
    ("", None, Msg::SegmentAny),
    ("neg", Some(Tone::Negative), Msg::ToneSeemNegative),
    ("pos", Some(Tone::Positive), Msg::ToneSeemPositive),
];

#[component]
pub fn SegmentBar(
    filter: RwSignal<Filter>,
    /// Every tag in use, sorted.
    tags: Vec<String>,
    /// The networks the members are on.
    networks: Vec<Network>,
    /// How many members the segment holds.
    count: Signal<usize>,
    /// Downloads the segment as CSV.
    export: Callback<()>,
) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = StoredValue::new(state.current().map(|w| w.id).unwrap_or_default());
    let version = RwSignal::new(0u32);
    let saved = LocalResource::new(move || {
        version.track();
        let (db, ws) = (db.get(), ws.get_value());
        async move { segments::list(&db, &ws).await.unwrap_or_default() }
    });
    let name_input = NodeRef::<html::Input>::new();
    let name_error = RwSignal::new(false);
    let save = Action::new_local(move |name: &String| {
        let (db, ws, name, f) = (
            db.get(),
            ws.get_value(),
            name.clone(),
            filter.get_untracked(),
        );
        async move {
            match segments::save(&db, &ws, &name, f).await {
                Ok(Some(kept)) => {
                    name_error.set(false);
                    state.say_in(move |t| t.fill(Msg::SegmentSaved, &[("name", &kept)]));
                    version.update(|v| *v += 1);
                }
                Ok(None) => name_error.set(true),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let delete = Action::new_local(move |name: &String| {
        let (db, ws, name) = (db.get(), ws.get_value(), name.clone());
        async move {
            match segments::delete(&db, &ws, &name).await {
                Ok(()) => version.update(|v| *v += 1),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    // The segment chosen: "" all, "p:<n>" a preset, "s:<name>" a saved one, "*" changed by hand.
    let chosen = move || {
        let f = filter.get();
        if f == Filter::default() {
            return String::new();
        }
        if let Some(i) = Preset::ALL.iter().position(|p| Filter::preset(*p) == f) {
            return format!("p:{i}");
        }
        saved
            .get()
            .and_then(|list| list.into_iter().find(|s| s.filter == f))
            .map_or("*".to_string(), |s| format!("s:{}", s.name))
    };
    let pick = move |v: String| {
        let f = if let Some(i) = v.strip_prefix("p:").and_then(|i| i.parse::<usize>().ok()) {
            Preset::ALL.get(i).map(|p| Filter::preset(*p))
        } else if let Some(name) = v.strip_prefix("s:") {
            saved
                .get_untracked()
                .and_then(|l| l.into_iter().find(|s| s.name == name))
                .map(|s| s.filter)
        } else if v.is_empty() {
            Some(Filter::default())
        } else {
            None
        };
        if let Some(f) = f {
            filter.set(f);
        }
    };
    let tag_options = tags
        .into_iter()
        .map(|tag| {
            let (v, shown) = (tag.clone(), tag.clone());
            view! { <option value=v.clone() prop:selected=move || filter.with(|f| f.tag.as_ref() == Some(&v))>{shown}</option> }
        })
        .collect_view();
    let network_options = networks
        .into_iter()
        .map(|n| {
            view! { <option value=n.name() prop:selected=move || filter.with(|f| f.network == Some(n))>{n.name()}</option> }
        })
        .collect_view();
    let saved_list = move || {
        saved.get().map(|list| {
            list.into_iter()
                .map(|s| {
                    let (name, label) = (
                        s.name.clone(),
                        t.fill(Msg::SegmentDeleteNamed, &[("name", &s.name)]),
                    );
                    view! {
                        <li>{s.name.clone()}" "
                            <button type="button" class="secondary" aria-label=label
                                on:click=move |_| { delete.dispatch(name.clone()); }>"×"</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <fieldset class="segment-bar">
            <legend>{t.tr(Msg::SegmentLegend)}</legend>
            <label>{t.tr(Msg::SegmentChoose)}" "
                <select prop:value=chosen on:change=move |ev| pick(event_target_value(&ev))>
                    <option value="">{t.tr(Msg::SegmentAll)}</option>
                    {Preset::ALL.iter().enumerate().map(|(i, p)| {
                        let p = *p;
                        view! { <option value=format!("p:{i}")>{move || preset_name(t, p)}</option> }
                    }).collect_view()}
                    {move || saved.get().map(|l| l.into_iter().map(|s| view! { <option value=format!("s:{}", s.name)>{s.name.clone()}</option> }).collect_view())}
                    <option value="*" disabled=true>{t.tr(Msg::SegmentCustom)}</option>
                </select>
            </label>" "
            <label>{t.tr(Msg::FilterLevel)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.levels = v.parse::<u8>().map(|n| vec![n]).unwrap_or_default());
                }>
                    <option value="" prop:selected=move || filter.with(|f| f.levels.is_empty())>{t.tr(Msg::SegmentAny)}</option>
                    {(1..=4u8).map(|n| {
                        let level = crate::domain::member_level::Level::ALL[usize::from(n) - 1];
                        view! { <option value=n.to_string() prop:selected=move || filter.with(|f| f.levels == [n])>{move || super::words::level_name(t, level)}</option> }
                    }).collect_view()}
                </select>
            </label>" "
            <label>{t.tr(Msg::SegmentTag)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.tag = (!v.is_empty()).then_some(v));
                }>
                    <option value="" prop:selected=move || filter.with(|f| f.tag.is_none())>{t.tr(Msg::SegmentAny)}</option>
                    {tag_options}
                </select>
            </label>" "
            <label>{t.tr(Msg::SegmentNetwork)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.network = Network::ALL.into_iter().find(|n| n.name() == v));
                }>
                    <option value="" prop:selected=move || filter.with(|f| f.network.is_none())>{t.tr(Msg::SegmentAny)}</option>
                    {network_options}
                </select>
            </label>" "
            <label>{t.tr(Msg::SegmentSeen)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.seen = SEEN.iter().find(|(k, _, _)| *k == v).and_then(|(_, s, _)| *s));
                }>
                    {SEEN.iter().map(|(k, s, m)| {
                        let (s, m) = (*s, *m);
                        view! { <option value=*k prop:selected=move || filter.with(|f| f.seen == s)>{move || t.get(m)}</option> }
                    }).collect_view()}
                </select>
            </label>" "
            <label>{t.tr(Msg::SegmentTone)}" "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.tone = TONES.iter().find(|(k, _, _)| *k == v).and_then(|(_, s, _)| *s));
                }>
                    {TONES.iter().map(|(k, s, m)| {
                        let (s, m) = (*s, *m);
                        view! { <option value=*k prop:selected=move || filter.with(|f| f.tone == s)>{move || t.get(m)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <p>
                <button type="button" class="secondary" on:click=move |_| export.run(())>
                    {move || t.plural(Msg::SegmentExport, count.get(), &[])}</button>
            </p>
            <form class="segment-save" on:submit=move |ev| {
                ev.prevent_default();
                let name = name_input.get().map(|i| i.value()).unwrap_or_default();
                save.dispatch(name);
            }>
                <label>{t.tr(Msg::SegmentName)}" "<input type="text" node_ref=name_input maxlength="60"
                    aria-invalid=move || name_error.get().to_string()/></label>" "
                <button type="submit" class="secondary">{t.tr(Msg::SegmentSave)}</button>
                {move || name_error.get().then(|| view! { <p class="field-error" role="alert">{t.get(Msg::SegmentNameNeeded)}</p> })}
            </form>
            <ul class="segments-saved">{saved_list}</ul>
        </fieldset>
    }
}
