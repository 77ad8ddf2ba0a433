//! The strategy's personas: the people the community is for, each with needs, where they
//! are found and what they expect from the brand.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::strategy::{Persona, Strategy};
use crate::services::strategy::new_persona;
use crate::ui::components::form_draft::keep_typed;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

#[component]
pub fn Personas(strategy: RwSignal<Strategy>, loaded: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let (name, needs, where_found, expects) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let problem = RwSignal::new(false);
    keep_typed("persona", vec![name, needs, where_found, expects]);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = new_persona(
            &name.get_untracked(),
            &needs.get_untracked(),
            &where_found.get_untracked(),
            &expects.get_untracked(),
        );
        let Ok(persona) = typed else {
            problem.set(true);
            return;
        };
        problem.set(false);
        let said = t.fill(Msg::PersonaAdded, &[("name", &persona.name)]);
        strategy.update(|s| s.personas.push(persona));
        for field in [name, needs, where_found, expects] {
            field.set(String::new());
        }
        super::save(state, db, strategy, said);
    };
    let remove = move |p: Persona| {
        let Some(at) = strategy.with_untracked(|s| s.personas.iter().position(|x| x.id == p.id))
        else {
            return;
        };
        let name = p.name.clone();
        super::remove_undoably(
            state,
            db,
            strategy,
            |s| &mut s.personas,
            at,
            move |t| t.fill(Msg::PersonaRemoved, &[("name", &name)]),
            p.name,
        );
    };
    view! {
        <section aria-labelledby="personas-heading">
            <h2 id="personas-heading">{t.tr(Msg::PersonasHeading)}</h2>
            <p>{t.tr(Msg::PersonasIntro)}</p>
            {move || {
                let list = strategy.with(|s| s.personas.clone());
                if list.is_empty() {
                    return view! { <p class="empty">{t.get(Msg::PersonasEmpty)}</p> }.into_any();
                }
                view! {
                    <ul class="glossary-list personas">
                        {list.into_iter().map(|p| {
                            let label = t.fill(Msg::RemoveTermNamed, &[("term", &p.name)]);
                            let rows = [
                                (Msg::PersonaNeeds, p.needs.clone()),
                                (Msg::PersonaWhere, p.where_found.clone()),
                                (Msg::PersonaExpects, p.expects.clone()),
                            ];
                            view! {
                                <li class="persona">
                                    <div class="persona-text">
                                        <strong>{p.name.clone()}</strong>
                                        <dl>
                                            {rows.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! {
                                                <dt>{t.get(k)}</dt><dd>{v}</dd>
                                            }).collect_view()}
                                        </dl>
                                    </div>
                                    <button type="button" class="danger" aria-label=label
                                        on:click=move |_| remove(p.clone())>{t.get(Msg::RemoveTerm)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form class="inline-form" on:submit=add novalidate>
                <label for="persona-name">{t.tr(Msg::PersonaName)}</label>
                <input id="persona-name" type="text" maxlength="100" bind:value=name
                    aria-invalid=move || if problem.get() { "true" } else { "false" }
                    aria-describedby="persona-error"/>
                <label for="persona-needs">{t.tr(Msg::PersonaNeeds)}</label>
                <input id="persona-needs" type="text" bind:value=needs/>
                <label for="persona-where">{t.tr(Msg::PersonaWhere)}</label>
                <input id="persona-where" type="text" bind:value=where_found/>
                <label for="persona-expects">{t.tr(Msg::PersonaExpects)}</label>
                <input id="persona-expects" type="text" bind:value=expects/>
                <button type="submit" disabled=move || !loaded.get()>{t.tr(Msg::AddPersona)}</button>
                <p id="persona-error" class="field-error" role="alert">{move || problem.get().then(|| t.get(Msg::ErrPersonaName))}</p>
            </form>
        </section>
    }
}
