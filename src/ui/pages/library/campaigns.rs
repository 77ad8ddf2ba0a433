//! Campaigns: a name and a colour from a palette that stays readable in both themes.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::library::{campaign, Body, LibraryItem, PALETTE};
use crate::services::clock::{new_id, now_ms};
use crate::ui::components::library_data::Library;
use crate::ui::errors::library_error;
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

use super::{delete_item, save_item};

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
    let t = use_text();
    let name = RwSignal::new(String::new());
    let colour = RwSignal::new(PALETTE[0].to_string());
    let error = RwSignal::new(None::<Msg>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(ws) = state.current() else { return };
        let others: Vec<String> = lib.campaigns().into_iter().map(|c| c.name).collect();
        match campaign(
            &name.get_untracked(),
            &colour.get_untracked(),
            others.iter().map(String::as_str),
        ) {
            Err(e) => error.set(Some(library_error(e))),
            Ok((clean, colour_value)) => {
                error.set(None);
                name.set(String::new());
                let done = t.fill(Msg::CampaignAdded, &[("name", &clean)]);
                let item = LibraryItem {
                    id: new_id(),
                    workspace_id: ws.id,
                    body: Body::Campaign {
                        name: clean,
                        colour: colour_value,
                        created_at: now_ms(),
                    },
                };
                save_item(state, t, lib, item, done);
            }
        }
    };
    view! {
        <section aria-labelledby="campaigns-heading" class="library-section">
            <h2 id="campaigns-heading">{move || t.get(Msg::CampaignsHeading)}</h2>
            <form class="stacked-form" on:submit=submit novalidate>
                <label for="campaign-name">{move || t.get(Msg::CampaignName)}</label>
                <input id="campaign-name" type="text" autocomplete="off" bind:value=name
                    aria-describedby="campaign-error"/>
                <fieldset class="swatches">
                    <legend>{move || t.get(Msg::CampaignColour)}</legend>
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
                <div><button type="submit">{move || t.get(Msg::AddCampaign)}</button></div>
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
                                            on:click=move |_| delete_item(state, t, lib, id.clone(), name.clone())>
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
