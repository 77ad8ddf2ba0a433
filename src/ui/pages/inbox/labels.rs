//! The labels' colours: each label badge is drawn in its colour (set through the CSSOM, as
//! the campaigns' tags are: the page's CSP allows no style attribute), and the "Label
//! colours" panel lets the user choose one per label from the campaigns' palette, kept per
//! workspace by `services::label_colours`.

use leptos::prelude::*;

use crate::domain::label_colour::LabelColours;
use crate::domain::library::PALETTE;
use crate::services::label_colours;
use crate::ui::i18n::Msg;
use crate::ui::pages::library::campaigns::colour_name;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::{use_inbox, Inbox};

/// `label`'s colour, following the one chosen for it.
pub(super) fn colour(inbox: Inbox, label: String) -> impl Fn() -> &'static str {
    move || inbox.colours.with(|c| c.of(&label))
}

/// The workspace's chosen colours, read once the Inbox opens.
pub(super) fn load(db: crate::store::Db, workspace: Option<String>) -> RwSignal<LabelColours> {
    let colours = RwSignal::new(LabelColours::default());
    if let Some(ws) = workspace {
        let state = use_app();
        leptos::task::spawn_local(async move {
            match label_colours::load(&db, &ws).await {
                Ok(c) => {
                    colours.try_set(c);
                }
                Err(e) => state.save_failed(&e),
            }
        });
    }
    colours
}

/// "Label colours": every label in use, its badge and a choice of colour.
#[component]
pub(super) fn LabelColoursPanel() -> impl IntoView {
    let (t, state, db, inbox) = (use_text(), use_app(), use_db(), use_inbox());
    let ws = StoredValue::new(state.current().map(|w| w.id).unwrap_or_default());
    let labels = Memo::new(move |_| inbox.known().0);
    let choose = Action::new_local(move |(label, colour): &(String, String)| {
        let (db, ws, label, colour) = (db.get(), ws.get_value(), label.clone(), colour.clone());
        async move {
            match label_colours::choose(&db, &ws, &label, &colour).await {
                Ok(kept) => inbox.colours.set(kept),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    view! {
        <details class="label-colours">
            <summary>{t.tr(Msg::LabelColours)}</summary>
            {move || labels.with(Vec::is_empty).then(|| view! { <p>{t.get(Msg::NoLabelsYet)}</p> })}
            <ul>
                <For each=move || labels.get() key=|l| l.clone() let:label>
                    {
                        let for_select = label.clone();
                        let shown = label.clone();
                        let name = t.fill(Msg::LabelColourFor, &[("label", &label)]);
                        view! {
                            <li>
                                <span class="badge label coloured" style:background-color=colour(inbox, label.clone())>{label.clone()}</span>
                                " "
                                <select aria-label=name on:change=move |ev| {
                                    choose.dispatch((for_select.clone(), event_target_value(&ev)));
                                }>
                                    {PALETTE.into_iter().map(|c| {
                                        let mine = shown.clone();
                                        view! {
                                            <option value=c prop:selected=move || inbox.colours.with(|k| k.of(&mine) == c)>
                                                {move || t.get(colour_name(c))}
                                            </option>
                                        }
                                    }).collect_view()}
                                </select>
                            </li>
                        }
                    }
                </For>
            </ul>
        </details>
    }
}
