//! The form that saves a new search or changes a saved one: name, words and hashtags,
//! language, how often. Kept as typed (`form_draft`, with the search being changed) until
//! saved or cancelled, so a reload or another screen loses nothing; a refusal is said beside
//! the form. It lives apart from the list of searches, which is read again after each run.

use leptos::prelude::*;

use crate::domain::listening::{SavedSearch, SearchError};
use crate::services::listening::{self, SaveError};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

/// Intervals offered, in minutes.
pub const EVERY: [u32; 5] = [5, 15, 30, 60, 180];
/// The interval of a new search.
const DEFAULT_EVERY: u32 = 15;

#[component]
pub fn SearchForm(
    workspace_id: String,
    #[prop(into)] saved: Callback<SavedSearch>,
    /// A search the user asked to change: put into the form, then let go.
    edit: RwSignal<Option<SavedSearch>>,
) -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let name = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    // The search being changed (empty: a new one), its language ("" any) and its interval
    // ("" the default): kept with the words, so a reload comes back to the same change.
    let editing = RwSignal::new(String::new());
    let lang = RwSignal::new(String::new());
    let every = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    crate::ui::components::form_draft::keep_typed(
        "listening",
        vec![name, query, editing, lang, every],
    );
    let minutes = move || every.with(|e| e.parse().unwrap_or(DEFAULT_EVERY));
    let name_field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(s) = edit.get() {
            name.set(s.name);
            query.set(s.query);
            editing.set(s.id);
            lang.set(s.lang);
            every.set(s.every_minutes.to_string());
            error.set(None);
            edit.set(None);
            if let Some(field) = name_field.get_untracked() {
                let _ = field.focus();
            }
        }
    });
    let clear = move || {
        for f in [name, query, editing, lang, every] {
            f.set(String::new());
        }
        error.set(None);
    };
    let ws = StoredValue::new(workspace_id);
    let save = Action::new_local(move |_: &()| {
        let db = db.get();
        let draft = SavedSearch {
            id: editing.get_untracked(),
            name: name.get_untracked(),
            query: query.get_untracked(),
            lang: lang.get_untracked(),
            every_minutes: minutes(),
            created_at: 0.0,
        };
        let ws = ws.get_value();
        async move {
            match listening::save(&db, &ws, draft).await {
                Ok(kept) => {
                    clear();
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
    let changing = move || editing.with(|e| !e.is_empty());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(());
    };
    view! {
        <form class="listening-form" on:submit=submit aria-labelledby="listening-new">
            <h2 id="listening-new">{move || t.get(if changing() { Msg::ListeningChangeHeading } else { Msg::ListeningNew })}</h2>
            {move || changing().then(|| view! { <p>{t.tr(Msg::ListeningChangeIntro)}</p> })}
            <p>
                <label>{t.tr(Msg::ListeningName)}" "
                    <input type="text" maxlength="80" node_ref=name_field prop:value=move || name.get()
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
                    <select prop:value=move || lang.get() on:change=move |ev| lang.set(event_target_value(&ev))>
                        <option value="" selected=move || lang.get().is_empty()>{t.tr(Msg::ListeningAnyLang)}</option>
                        {crate::ui::pages::compose::LANGUAGES.into_iter().map(|(code, label)| view! {
                            <option value=code lang=code selected=move || lang.get() == code>{label}</option>
                        }).collect_view()}
                    </select>
                </label>" "
                <label>{t.tr(Msg::ListeningEvery)}" "
                    <select prop:value=move || minutes().to_string() on:change=move |ev| every.set(event_target_value(&ev))>
                        {EVERY.into_iter().map(|n| view! {
                            <option value=n.to_string() selected=move || minutes() == n>
                                {move || t.plural(Msg::ListeningMinutes, n as usize, &[])}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
            </p>
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{t.get(m)}</p> })}
            <p>
                <button type="submit" disabled=move || save.pending().get()>
                    {move || t.get(if changing() { Msg::ListeningSaveChanges } else { Msg::ListeningSave })}
                </button>
                {move || changing().then(|| view! {
                    " "<button type="button" class="secondary" on:click=move |_| clear()>{t.tr(Msg::ListeningCancelChange)}</button>
                })}
            </p>
        </form>
    }
}
