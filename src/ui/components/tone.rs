//! A message's tone, as a hint ("Seems negative") the user may correct: a small choice
//! beside it keeps their word (`services::sentiment`), which then counts everywhere. The
//! page that lists messages provides the workspace's corrections once ([`Corrections`]).

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::sentiment::{hint, Sentiment};
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

/// The workspace's corrections, read once by the page and shared with every message.
#[derive(Clone, Copy)]
pub struct Corrections(pub RwSignal<HashMap<String, Sentiment>>);

/// Provides the current workspace's corrections to the messages below (read now).
pub fn provide_corrections() -> Corrections {
    let (state, db) = (use_app(), use_db());
    let c = Corrections(RwSignal::new(HashMap::new()));
    if let Some(ws) = state.current() {
        let db = db.get();
        leptos::task::spawn_local(async move {
            if let Ok(all) = crate::services::sentiment::corrections(&db, &ws.id).await {
                c.0.set(all);
            }
        });
    }
    provide_context(c);
    c
}

fn words(s: Sentiment) -> Msg {
    match s {
        Sentiment::Negative => Msg::ToneNegative,
        Sentiment::Neutral => Msg::ToneNeutral,
        Sentiment::Positive => Msg::TonePositive,
    }
}

fn class(s: Sentiment) -> &'static str {
    match s {
        Sentiment::Negative => "tone tone-negative",
        Sentiment::Neutral => "tone tone-neutral",
        Sentiment::Positive => "tone tone-positive",
    }
}

/// The tone of the message at `url` whose words are `text` (language `lang` if known).
#[component]
pub fn Tone(url: String, text: String, #[prop(optional)] lang: String) -> impl IntoView {
    let (state, db, t) = (use_app(), use_db(), use_text());
    let Some(Corrections(all)) = use_context::<Corrections>() else {
        return ().into_any();
    };
    let guessed = hint(&text, &lang);
    let url = StoredValue::new(url);
    let said = Memo::new(move |_| url.with_value(|u| all.with(|a| a.get(u).copied())));
    let save = Action::new_local(move |tone: &Option<Sentiment>| {
        let (db, tone) = (db.get(), *tone);
        let ws = state.current().map(|w| w.id).unwrap_or_default();
        let u = url.get_value();
        async move {
            match crate::services::sentiment::correct(&db, &ws, &u, tone).await {
                Ok(kept) => all.set(kept),
                Err(e) => state.save_failed(&e),
            }
        }
    });
    let shown = move || said.get().unwrap_or(guessed);
    let label = move || match said.get() {
        Some(s) => t.fill(Msg::ToneSaid, &[("tone", &t.get(words(s)))]),
        None => t.fill(Msg::ToneSeems, &[("tone", &t.get(words(guessed)))]),
    };
    let choose = move |ev: leptos::ev::Event| {
        let tone = match event_target_value(&ev).as_str() {
            "negative" => Some(Sentiment::Negative),
            "neutral" => Some(Sentiment::Neutral),
            "positive" => Some(Sentiment::Positive),
            _ => None,
        };
        save.dispatch(tone);
    };
    let option = move |value: &'static str, tone: Sentiment| {
        view! { <option value=value selected=move || said.get() == Some(tone)>{t.get(words(tone))}</option> }
    };
    view! {
        <span class="tone-line">
            <span class=move || class(shown())>{label}</span>" "
            <label class="tone-correct">{t.tr(Msg::ToneCorrect)}" "
                <select on:change=choose>
                    <option value="" selected=move || said.get().is_none()>{t.tr(Msg::ToneKeepHint)}</option>
                    {option("negative", Sentiment::Negative)}
                    {option("neutral", Sentiment::Neutral)}
                    {option("positive", Sentiment::Positive)}
                </select>
            </label>
        </span>
    }
    .into_any()
}
