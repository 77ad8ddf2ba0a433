//! Today's crisis alert: when the last hour brought far more negative messages than the
//! same hour usually does (`services::sentiment::crisis`), said at the top of Today with a
//! link to the Inbox. Nothing when all is as usual.

use leptos::prelude::*;

use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

/// A crisis in words.
pub fn crisis_words(t: Text, s: &crate::domain::spike::Spike) -> String {
    t.fill(
        Msg::CrisisWords,
        &[
            ("count", &s.today),
            ("mean", &crate::ui::format::decimal(t.lang(), s.mean, 1)),
            ("days", &s.days),
        ],
    )
}

#[component]
pub fn CrisisBlock() -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = state.current().map(|w| w.id).unwrap_or_default();
    let found = LocalResource::new(move || {
        let (db, ws) = (db.get(), ws.clone());
        async move {
            let now = crate::services::clock::now_ms();
            let found = crate::services::sentiment::crisis(&db, &ws, now).await;
            // The tests wait for this before saying no crisis was shown.
            crate::ui::marks::mark("attache:crisis-checked");
            found
        }
    });
    move || {
        found.get().and_then(Result::ok).flatten().map(|s| {
            view! {
                <section class="today-block crisis" aria-labelledby="today-crisis">
                    <h2 id="today-crisis">{t.tr(Msg::CrisisHeading)}</h2>
                    <p role="alert">{crisis_words(t, &s)}</p>
                    <p><a href="/inbox">{t.tr(Msg::CrisisOpenInbox)}</a></p>
                </section>
            }
        })
    }
}
