//! The workspace's strategy: the community's mission and audience, objectives, personas, the tone of voice, and
//! the glossary of words to avoid (which the composer points out). Saved in the library.

pub mod objectives;
mod personas;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::ui::components::form_draft::keep_typed;
use crate::ui::components::no_workspace::NoWorkspace;

use crate::domain::strategy::{check_term, Strategy, StrategyWords, Term, TermError};
use crate::services;
use crate::store;
use crate::ui::components::autosave::Autosave;
use crate::ui::format::time_of_day;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db, AppState, OpenDb};
use crate::ui::text::{use_text, Text};

fn term_error(e: TermError) -> Msg {
    match e {
        TermError::Empty => Msg::ErrTermEmpty,
        TermError::TooLong => Msg::ErrTermTooLong,
        TermError::Duplicate => Msg::ErrTermDuplicate,
        TermError::Circular => Msg::ErrTermCircular,
    }
}

fn save(state: AppState, db: OpenDb, strategy: RwSignal<Strategy>, said: String) {
    save_then(state, db, strategy, move || state.say(said));
}

/// Saves the strategy as the page holds it, then runs `done` (which says so).
fn save_then(
    state: AppState,
    db: OpenDb,
    strategy: RwSignal<Strategy>,
    done: impl FnOnce() + 'static,
) {
    let db = db.get();
    let Some(ws) = state.current() else {
        return;
    };
    let s = strategy.get_untracked();
    leptos::task::spawn_local(async move {
        match services::strategy::save(&db, &ws.id, &s).await {
            Ok(saved) => {
                strategy.try_update(|s| s.updated_at = saved.updated_at);
                done()
            }
            Err(e) => state.save_failed(&e),
        }
    });
}

/// Takes something out of the strategy (a word to avoid, a persona, an objective), saves,
/// and says so with "Undo", which puts it back where it was and saves again.
pub(crate) fn remove_undoably<T: Clone + Send + Sync + 'static>(
    state: AppState,
    db: OpenDb,
    strategy: RwSignal<Strategy>,
    list: fn(&mut Strategy) -> &mut Vec<T>,
    at: usize,
    said: impl Fn(Text) -> String + Send + Sync + 'static,
    name: String,
) {
    let taken = strategy.try_update(|s| {
        let l = list(s);
        (at < l.len()).then(|| l.remove(at))
    });
    let Some(Some(item)) = taken else { return };
    save_then(state, db, strategy, move || {
        state.say_undoable(said, move || {
            let item = item.clone();
            strategy.update(|s| {
                let l = list(s);
                l.insert(at.min(l.len()), item);
            });
            let name = name.clone();
            save_then(state, db, strategy, move || {
                state.say_in(move |t| t.fill(Msg::Restored, &[("name", &name)]))
            });
        })
    });
}

/// Saves the page's words as the user types them (`Autosave`), once they were loaded: the
/// strategy the page holds takes them at once (so the page's other saves keep them), and
/// the store within `DELAY_MS`, on top of the strategy as stored.
fn autosave_words(
    state: AppState,
    db: OpenDb,
    words: impl Fn() -> StrategyWords + Send + Sync + 'static,
    kept: StoredValue<Option<StrategyWords>>,
    strategy: RwSignal<Strategy>,
    loaded: RwSignal<bool>,
    autosaved: RwSignal<Option<f64>>,
) -> Autosave {
    let autosave = Autosave::new();
    let handle = autosave.clone();
    Effect::new(move |_| {
        let now = words();
        // Nothing is saved before the stored words are on the page.
        if !loaded.get() || kept.with_value(|k| k.as_ref() == Some(&now)) {
            return;
        }
        let Some(ws) = state.current() else { return };
        kept.set_value(Some(now.clone()));
        strategy.update_untracked(|s| s.take_words(&now));
        autosave.change(move || {
            let db = db.get();
            leptos::task::spawn_local(async move {
                match services::strategy::save_words(&db, &ws.id, &now).await {
                    Ok(saved) => {
                        strategy.try_update_untracked(|s| s.updated_at = saved.updated_at);
                        autosaved.try_set(Some(saved.updated_at));
                    }
                    Err(e) => {
                        kept.try_set_value(None);
                        state.save_failed(&e);
                    }
                }
            });
        });
    });
    handle
}

#[component]
pub fn StrategyPage() -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let strategy = RwSignal::new(Strategy::default());
    let loaded = RwSignal::new(false);
    let (mission, audience, tone_do, tone_dont) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let words = move || StrategyWords {
        mission: mission.get(),
        audience: audience.get(),
        tone_do: tone_do.get(),
        tone_dont: tone_dont.get(),
    };
    // The words as the store holds them; the autosave saves what differs.
    let kept = StoredValue::new(None::<StrategyWords>);
    let autosaved = RwSignal::new(None::<f64>);
    let autosave = StoredValue::new(autosave_words(
        state, db, words, kept, strategy, loaded, autosaved,
    ));
    if let Some(ws) = state.current() {
        let db = db.get();
        leptos::task::spawn_local(async move {
            match store::library::strategy(&db, &ws.id).await {
                Ok(mut s) => {
                    let shown = StrategyWords::of(&s);
                    kept.set_value(Some(shown.clone()));
                    mission.set(shown.mission);
                    audience.set(shown.audience);
                    tone_do.set(shown.tone_do);
                    tone_dont.set(shown.tone_dont);
                    // The objectives' figures are the report: looking at them is noted (the
                    // audit's "stagnating" rule), without counting as an edit.
                    if !s.objectives.is_empty() {
                        if let Ok(seen) =
                            services::strategy::note_report_viewed(&db, &ws.id, &s).await
                        {
                            s = seen;
                        }
                    }
                    strategy.set(s);
                    loaded.set(true);
                }
                Err(e) => state.save_failed(&e),
            }
        });
    }
    let save_fields = move |ev: SubmitEvent| {
        ev.prevent_default();
        autosave.with_value(Autosave::flush);
        state.say_in(move |t| t.get(Msg::StrategySaved).to_string());
    };
    let (banned, replacement, lang) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let term_problem = RwSignal::new(None::<Msg>);
    keep_typed("glossary-term", vec![banned, replacement]);
    let add_term = move |ev: SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let checked = strategy.with_untracked(|s| {
            check_term(
                &s.glossary,
                &banned.get_untracked(),
                &replacement.get_untracked(),
                Some(l.as_str()),
            )
        });
        match checked {
            Ok(term) => {
                term_problem.set(None);
                let said = t.fill(Msg::TermAdded, &[("term", &term.banned)]);
                strategy.update(|s| s.glossary.push(term));
                banned.set(String::new());
                replacement.set(String::new());
                save(state, db, strategy, said);
            }
            Err(e) => term_problem.set(Some(term_error(e))),
        }
    };
    let remove = move |term: Term| {
        let Some(at) = strategy.with_untracked(|s| s.glossary.iter().position(|x| x == &term))
        else {
            return;
        };
        let banned = term.banned.clone();
        remove_undoably(
            state,
            db,
            strategy,
            |s| &mut s.glossary,
            at,
            move |t| t.fill(Msg::TermRemoved, &[("term", &banned)]),
            term.banned,
        );
    };
    let lang_name = move |l: &Option<String>| match l.as_deref() {
        Some("en") => t.get(Msg::LangEnglish),
        Some("fr") => t.get(Msg::LangFrench),
        _ => t.get(Msg::AllLanguages),
    };
    view! {
        <h1>{t.tr(Msg::NavStrategy)}</h1>
        <p>{t.tr(Msg::StrategyIntro)}</p>
        <Show when=move || state.current().is_some() fallback=NoWorkspace>
            <form class="strategy-form" on:submit=save_fields>
                <label for="mission" class="field-label">{t.tr(Msg::MissionLabel)}</label>
                <textarea id="mission" rows="3" bind:value=mission></textarea>
                <label for="audience" class="field-label">{t.tr(Msg::AudienceLabel)}</label>
                <textarea id="audience" rows="3" bind:value=audience></textarea>
                <h2>{t.tr(Msg::ToneHeading)}</h2>
                <label for="tone-do" class="field-label">{t.tr(Msg::ToneDoLabel)}</label>
                <textarea id="tone-do" rows="4" bind:value=tone_do></textarea>
                <label for="tone-dont" class="field-label">{t.tr(Msg::ToneDontLabel)}</label>
                <textarea id="tone-dont" rows="4" bind:value=tone_dont></textarea>
                <p class="hint" id="strategy-autosave">{move || autosaved.get().map(|at| {
                    t.fill(Msg::AutosavedAt, &[("time", &time_of_day(t.lang(), at))])
                })}</p>
                <p><button type="submit" disabled=move || !loaded.get()>{t.tr(Msg::SaveStrategy)}</button></p>
            </form>
            <objectives::Objectives strategy=strategy loaded=loaded/>
            <personas::Personas strategy=strategy loaded=loaded/>
            <section aria-labelledby="glossary-heading">
                <h2 id="glossary-heading">{t.tr(Msg::GlossaryHeading)}</h2>
                <p>{t.tr(Msg::GlossaryIntro)}</p>
                <form class="inline-form" on:submit=add_term novalidate>
                    <label for="term-banned">{t.tr(Msg::BannedLabel)}</label>
                    <input id="term-banned" type="text" maxlength="100" bind:value=banned
                        aria-invalid=move || if term_problem.get().is_some() { "true" } else { "false" }
                        aria-describedby="term-error"/>
                    <label for="term-replacement">{t.tr(Msg::ReplacementLabel)}</label>
                    <input id="term-replacement" type="text" maxlength="100" bind:value=replacement/>
                    <label for="term-lang">{t.tr(Msg::TermLangLabel)}</label>
                    <select id="term-lang" on:change=move |ev| lang.set(event_target_value(&ev))>
                        <option value="" selected=true>{t.tr(Msg::AllLanguages)}</option>
                        <option value="en">{t.tr(Msg::LangEnglish)}</option>
                        <option value="fr">{t.tr(Msg::LangFrench)}</option>
                    </select>
                    <button type="submit" disabled=move || !loaded.get()>{t.tr(Msg::AddTerm)}</button>
                    <p id="term-error" class="field-error" role="alert">{move || term_problem.get().map(|m| t.get(m))}</p>
                </form>
                {move || {
                    let glossary = strategy.with(|s| s.glossary.clone());
                    if glossary.is_empty() {
                        view! { <p class="empty">{t.get(Msg::GlossaryEmpty)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="glossary-list">
                                {glossary.into_iter().map(|term| {
                                    let label = t.fill(Msg::RemoveTermNamed, &[("term", &term.banned)]);
                                    let entry = t.fill(Msg::TermEntry, &[("banned", &term.banned), ("replacement", &term.replacement)]);
                                    let which = lang_name(&term.lang);
                                    view! {
                                        <li>
                                            <span>{entry}</span>
                                            <span class="hint">{which}</span>
                                            <button type="button" class="danger" aria-label=label
                                                on:click=move |_| remove(term.clone())>{t.get(Msg::RemoveTerm)}</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
        </Show>
    }
}
