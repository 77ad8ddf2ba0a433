//! Campaigns: a name and a colour from a palette that stays readable in both themes.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::library::{Body, PALETTE};
use crate::services::library;
use crate::ui::components::form_draft::keep_typed;
use crate::ui::components::library_data::Library;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::{added, delete_action};

/// The spoken name of a palette colour.
pub fn colour_name(colour: &str) -> Msg {
    const NAMES: [Msg; 8] = [
        Msg::ColourBlue,
        Msg::ColourGreen,
        Msg::ColourRed,
        Msg::ColourPurple,
        Msg::ColourOchre,
        Msg::ColourTeal,
        Msg::ColourPink,
        Msg::ColourGrey,
    ];
    PALETTE
        .iter()
        .position(|c| *c == colour)
        .map(|i| NAMES[i])
        .unwrap_or(Msg::CampaignColour)
}

#[component]
pub fn Campaigns(lib: Library) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let name = RwSignal::new(String::new());
    keep_typed("campaign", vec![name]);
    let colour = RwSignal::new(PALETTE[0].to_string());
    let error = RwSignal::new(None::<Msg>);
    let add = Action::new_local(move |(typed, chosen): &(String, String)| {
        let (typed, chosen) = (typed.clone(), chosen.clone());
        let (db, ws) = (db.get(), state.current());
        async move {
            let Some(ws) = ws else {
                return;
            };
            let result = library::add_campaign(&db, &ws.id, &typed, &chosen).await;
            if result.is_ok() {
                name.set(String::new());
            }
            let done = result.map(|item| match item.body {
                Body::Campaign { name, .. } => t.fill(Msg::CampaignAdded, &[("name", &name)]),
                _ => String::new(),
            });
            added(state, lib, error, done);
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        add.dispatch((name.get_untracked(), colour.get_untracked()));
    };
    let delete = delete_action(state, db, lib);
    view! {
        <section aria-labelledby="campaigns-heading" class="library-section">
            <h2 id="campaigns-heading">{t.tr(Msg::CampaignsHeading)}</h2>
            <form class="stacked-form" on:submit=submit novalidate>
                <label for="campaign-name">{t.tr(Msg::CampaignName)}</label>
                <input id="campaign-name" type="text" autocomplete="off" bind:value=name
                    aria-describedby="campaign-error"/>
                <fieldset class="swatches">
                    <legend>{t.tr(Msg::CampaignColour)}</legend>
                    {PALETTE.into_iter().map(|c| {
                        let id = format!("colour-{}", &c[1..]);
                        view! {
                            <span class="swatch-choice">
                                <input type="radio" name="campaign-colour" id=id.clone() value=c
                                    prop:checked=move || colour.get() == c
                                    on:change=move |_| colour.set(c.to_string())/>
                                <label for=id>
                                    <span class="swatch" style:background-color=c aria-hidden="true"></span>
                                    {move || t.get(colour_name(c))}
                                </label>
                            </span>
                        }
                    }).collect_view()}
                </fieldset>
                <p id="campaign-error" class="field-error">{move || error.get().map(|m| t.get(m))}</p>
                <div><button type="submit">{t.tr(Msg::AddCampaign)}</button></div>
            </form>
            {move || {
                let list = lib.campaigns();
                if list.is_empty() {
                    view! { <p class="empty">{t.get(Msg::CampaignsEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="library-list">
                            {list.into_iter().map(|c| {
                                let label = t.fill(Msg::DeleteNamed, &[("name", &c.name)]);
                                let (id, name) = (c.id.clone(), c.name.clone());
                                view! {
                                    <li class="campaign">
                                        <span class="campaign-tag" style:background-color=c.colour.clone()>{c.name}</span>
                                        <button type="button" class="danger" aria-label=label
                                            on:click=move |_| { delete.dispatch((id.clone(), name.clone())); }>
                                            {t.get(Msg::Delete)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
