//! The Inbox's saved views: choose one to show its conversations (every filter and the list
//! set at once), save the filters shown under a name, delete the view chosen. Kept per
//! workspace by `services::inbox_views`.

use leptos::html;
use leptos::prelude::*;

use crate::domain::workspace::NameError;
use crate::services::inbox_views::{self, SaveDone, Saved, SavedView, ViewError};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::use_inbox;

fn name_problem(e: NameError) -> Msg {
    match e {
        NameError::Empty => Msg::ViewNameEmpty,
        NameError::TooLong => Msg::NameTooLong,
        NameError::ControlCharacter => Msg::NameControl,
        // Saving under a name used replaces that view: never refused for it.
        NameError::Taken => Msg::ViewNameEmpty,
    }
}

#[component]
pub(super) fn SavedViews() -> impl IntoView {
    let (t, state, db, inbox) = (use_text(), use_app(), use_db(), use_inbox());
    let ws = state.current().map(|w| w.id);
    let views = RwSignal::new(Vec::<SavedView>::new());
    let chosen = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<Msg>);
    let name_input = NodeRef::<html::Input>::new();
    let ws_id = StoredValue::new(ws.clone().unwrap_or_default());
    let loaded = LocalResource::new(move || {
        let (db, ws) = (db.get(), ws_id.get_value());
        async move { inbox_views::list(&db, &ws).await }
    });
    Effect::new(move |_| match loaded.get() {
        Some(Ok(v)) => views.set(v),
        Some(Err(e)) => state.save_failed(&e),
        None => {}
    });
    let save = Action::new_local(move |name: &String| {
        let (db, ws, name) = (db.get(), ws_id.get_value(), name.clone());
        let filter = inbox.filter.get_untracked();
        async move {
            match inbox_views::save(&db, &ws, &name, filter).await {
                Ok(SaveDone {
                    views: kept,
                    saved: how,
                    name: named,
                }) => {
                    views.try_set(kept);
                    problem.try_set(None);
                    if let Some(input) = name_input.try_get_untracked().flatten() {
                        input.set_value("");
                    }
                    chosen.try_set(Some(named.clone()));
                    let words = match how {
                        Saved::Added => Msg::ViewAdded,
                        Saved::Replaced => Msg::ViewReplaced,
                    };
                    state.say_in(move |t| t.fill(words, &[("name", &named)]));
                }
                Err(ViewError::Name(e)) => {
                    problem.try_set(Some(name_problem(e)));
                }
                Err(ViewError::Store(e)) => state.save_failed(&e),
            }
        }
    });
    let delete = Action::new_local(move |name: &String| {
        let (db, ws, name) = (db.get(), ws_id.get_value(), name.clone());
        async move {
            match inbox_views::delete(&db, &ws, &name).await {
                Ok(kept) => {
                    views.try_set(kept);
                    chosen.try_set(None);
                    state.say_in(move |t| t.fill(Msg::ViewDeleted, &[("name", &name)]));
                }
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let choose = move |name: String| {
        let view = views.with(|v| v.iter().find(|x| x.name == name).cloned());
        match view {
            Some(v) => {
                inbox.filter.set(v.filter);
                chosen.set(Some(v.name.clone()));
                state.say_in(move |t| t.fill(Msg::ViewShown, &[("name", &v.name)]));
            }
            None => chosen.set(None),
        }
    };
    ws.map(|_| {
        view! {
            <div class="inbox-views">
                <label>{t.tr(Msg::SavedViewsLabel)}" "
                    <select on:change=move |ev| choose(event_target_value(&ev))>
                        <option value="" prop:selected=move || chosen.with(Option::is_none)>{t.tr(Msg::ChooseView)}</option>
                        {move || views.get().into_iter().map(|v| {
                            let mine = v.name.clone();
                            view! {
                                <option value=v.name.clone() prop:selected=move || chosen.with(|c| c.as_ref() == Some(&mine))>{v.name.clone()}</option>
                            }
                        }).collect_view()}
                    </select>
                </label>
                {move || chosen.get().map(|name| {
                    let words = t.fill(Msg::DeleteView, &[("name", &name)]);
                    view! {
                        " "<button type="button" class="secondary" on:click=move |_| { delete.dispatch(name.clone()); }>{words}</button>
                    }
                })}
                <form class="save-view" on:submit=move |ev| {
                    ev.prevent_default();
                    if let Some(input) = name_input.get() {
                        save.dispatch(input.value());
                    }
                }>
                    <label>{t.tr(Msg::ViewNameLabel)}" "
                        <input node_ref=name_input autocomplete="off" maxlength="120"
                            aria-invalid=move || problem.with(Option::is_some).to_string()/>
                    </label>
                    " "<button type="submit" class="secondary">{t.tr(Msg::SaveView)}</button>
                    {move || problem.get().map(|m| view! { <p class="field-error" role="alert">{t.get(m)}</p> })}
                </form>
            </div>
        }
    })
}
