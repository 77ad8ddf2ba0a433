//! Snippets: a kind, a title and a text; hashtag sets are tidied as they are saved.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::domain::library::{Body, SnippetKind};
use crate::domain::saved_reply::{CodeError, VARIABLES};
use crate::services::library;
use crate::ui::components::form_draft::keep_typed;
use crate::ui::components::library_data::Library;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

use super::{added, delete_action};

pub fn kind_label(kind: SnippetKind) -> Msg {
    match kind {
        SnippetKind::Signature => Msg::KindSignature,
        SnippetKind::Hashtags => Msg::KindHashtags,
        SnippetKind::Answer => Msg::KindAnswer,
        SnippetKind::Other => Msg::KindOther,
    }
}

fn kind_value(kind: SnippetKind) -> &'static str {
    match kind {
        SnippetKind::Signature => "signature",
        SnippetKind::Hashtags => "hashtags",
        SnippetKind::Answer => "answer",
        SnippetKind::Other => "other",
    }
}

/// Why a saved reply's short code was refused.
pub(crate) fn code_error(e: CodeError) -> Msg {
    match e {
        CodeError::Empty => Msg::CodeEmpty,
        CodeError::TooLong => Msg::CodeTooLong,
        CodeError::BadCharacter => Msg::CodeBadCharacter,
        CodeError::Taken => Msg::CodeTaken,
    }
}

#[component]
pub fn Snippets(lib: Library) -> impl IntoView {
    let state = use_app();
    let db = use_db();
    let t = use_text();
    let kind = RwSignal::new(SnippetKind::Signature);
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let language = RwSignal::new(t.lang().tag().to_string());
    keep_typed("snippet", vec![title, text, code]);
    let error = RwSignal::new(None::<Msg>);
    let add = Action::new_local(
        move |(k, typed_title, typed_text, typed_code, lang): &(
            SnippetKind,
            String,
            String,
            String,
            String,
        )| {
            let (k, typed_title, typed_text) = (*k, typed_title.clone(), typed_text.clone());
            let (typed_code, lang) = (typed_code.clone(), lang.clone());
            let (db, ws) = (db.get(), state.current());
            async move {
                let Some(ws) = ws else {
                    return;
                };
                let result = library::add_snippet(
                    &db,
                    &ws.id,
                    k,
                    &typed_title,
                    &typed_text,
                    &typed_code,
                    &lang,
                )
                .await;
                if result.is_ok() {
                    title.set(String::new());
                    text.set(String::new());
                    code.set(String::new());
                }
                let done = result.map(|item| match item.body {
                    Body::Snippet { title, .. } => t.fill(Msg::SnippetAdded, &[("title", &title)]),
                    _ => String::new(),
                });
                added(state, lib, error, done);
            }
        },
    );
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        add.dispatch((
            kind.get_untracked(),
            title.get_untracked(),
            text.get_untracked(),
            code.get_untracked(),
            language.get_untracked(),
        ));
    };
    let delete = delete_action(state, db, lib);
    view! {
        <section aria-labelledby="snippets-heading" class="library-section">
            <h2 id="snippets-heading">{t.tr(Msg::SnippetsHeading)}</h2>
            <form class="stacked-form" on:submit=submit novalidate>
                <label for="snippet-kind">{t.tr(Msg::SnippetKindLabel)}</label>
                <select id="snippet-kind" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = SnippetKind::ALL.into_iter().find(|k| kind_value(*k) == v) { kind.set(k); }
                }>
                    {SnippetKind::ALL.into_iter().map(|k| view! {
                        <option value=kind_value(k) selected=move || kind.get() == k>{move || t.get(kind_label(k))}</option>
                    }).collect_view()}
                </select>
                <label for="snippet-title">{t.tr(Msg::SnippetTitle)}</label>
                <input id="snippet-title" type="text" autocomplete="off" bind:value=title
                    aria-describedby="snippet-error"/>
                <label for="snippet-text">{t.tr(Msg::SnippetText)}</label>
                <textarea id="snippet-text" rows="3" aria-describedby="snippet-hint snippet-error"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <p id="snippet-hint" class="hint">{t.tr(Msg::HashtagHint)}</p>
                <Show when=move || kind.get() == SnippetKind::Answer>
                    <label for="snippet-code">{t.tr(Msg::SnippetCode)}</label>
                    <input id="snippet-code" type="text" autocomplete="off" bind:value=code
                        aria-describedby="snippet-code-hint snippet-error"/>
                    <p id="snippet-code-hint" class="hint">{move || {
                        let names: Vec<String> = VARIABLES.iter().map(|v| format!("{{{v}}}")).collect();
                        t.fill(Msg::SnippetCodeHint, &[("variables", &names.join(", "))])
                    }}</p>
                    <label for="snippet-language">{t.tr(Msg::SnippetLanguage)}</label>
                    <select id="snippet-language" on:change=move |ev| language.set(event_target_value(&ev))>
                        <option value="fr" selected=move || language.get() == "fr">"Français"</option>
                        <option value="en" selected=move || language.get() == "en">"English"</option>
                    </select>
                </Show>
                <p id="snippet-error" class="field-error">{move || error.get().map(|m| t.get(m))}</p>
                <div><button type="submit">{t.tr(Msg::AddSnippet)}</button></div>
            </form>
            {move || {
                let list = lib.snippets();
                if list.is_empty() {
                    view! { <p class="empty">{t.get(Msg::SnippetsEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="library-list">
                            {list.into_iter().map(|(id, k, title, text, code)| {
                                let label = t.fill(Msg::DeleteNamed, &[("name", &title)]);
                                let name = title.clone();
                                view! {
                                    <li class="snippet">
                                        <p><strong>{title}</strong>" · "<span class="badge">{t.get(kind_label(k))}</span>
                                            {(!code.is_empty()).then(|| view! { " " <code>{format!("/{code}")}</code> })}</p>
                                        <p class="snippet-text">{text}</p>
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
