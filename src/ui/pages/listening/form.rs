//! The form that saves a new search: name, words and hashtags, language, how often. Kept
//! as typed (`form_draft`) until saved; a refusal is said beside the form.

use leptos::prelude::*;

use crate::domain::listening::{SavedSearch, SearchError};
use crate::services::listening::{self, SaveError};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

/// Intervals offered, in minutes.
pub const EVERY: [u32; 5] = [5, 15, 30, 60, 180];

#[component]
pub fn SearchForm(
    workspace_id: String,
    #[prop(into)] saved: Callback<SavedSearch>,
) -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let name = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let lang = RwSignal::new(String::new());
    let every = RwSignal::new(15u32);
    let error = RwSignal::new(None::<Msg>);
    crate::ui::components::form_draft::keep_typed("listening", vec![name, query]);
    let ws = StoredValue::new(workspace_id);
    let save = Action::new_local(move |_: &()| {
        let db = db.get();
        let draft = SavedSearch {
            id: String::new(),
            name: name.get_untracked(),
            query: query.get_untracked(),
            lang: lang.get_untracked(),
            every_minutes: every.get_untracked(),
            created_at: 0.0,
        };
        let ws = ws.get_value();
        async move {
            match listening::save(&db, &ws, draft).await {
                Ok(kept) => {
                    error.set(None);
                    name.set(String::new());
                    query.set(String::new());
                    let (n, e) = (kept.name.clone(), kept.every_minutes);
                    state.say_in(move |t| {
                        t.fill(Msg::ListeningSaved, &[("name", &n), ("every", &e)])
                    });
                    saved.run(kept);
                }
                Err(SaveError::Invalid(e)) => error.set(Some(match e {
                    SearchError::NoName => Msg::ListeningNoName,
                    SearchError::NothingToFind => Msg::ListeningNothing,
                    SearchError::Interval => Msg::ListeningBadEvery,
                })),
                Err(SaveError::Store(e)) => state.save_failed(&e),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(());
    };
    view! {
        <form class="listening-form" on:submit=submit aria-labelledby="listening-new">
            <h2 id="listening-new">{t.tr(Msg::ListeningNew)}</h2>
            <p>
                <label>{t.tr(Msg::ListeningName)}" "
                    <input type="text" maxlength="80" prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
            </p>
            <p>
                <label>{t.tr(Msg::ListeningQuery)}" "
                    <input type="text" class="wide" maxlength="300" prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                </label>
            </p>
            <p>
                <label>{t.tr(Msg::ListeningLang)}" "
                    <select on:change=move |ev| lang.set(event_target_value(&ev))>
                        <option value="" selected=move || lang.get().is_empty()>{t.tr(Msg::ListeningAnyLang)}</option>
                        {crate::ui::pages::compose::LANGUAGES.into_iter().map(|(code, label)| view! {
                            <option value=code lang=code selected=move || lang.get() == code>{label}</option>
                        }).collect_view()}
                    </select>
                </label>" "
                <label>{t.tr(Msg::ListeningEvery)}" "
                    <select on:change=move |ev| every.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {EVERY.into_iter().map(|n| view! {
                            <option value=n.to_string() selected=move || every.get() == n>
                                {move || t.plural(Msg::ListeningMinutes, n as usize, &[])}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
            </p>
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{t.get(m)}</p> })}
            <p><button type="submit" disabled=move || save.pending().get()>{t.tr(Msg::ListeningSave)}</button></p>
        </form>
    }
}
