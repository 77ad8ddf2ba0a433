//! Today's word from listening: each saved search whose today is a spike (far more posts
//! than its last two weeks), with a link to Listening. Nothing when all is quiet.

use leptos::prelude::*;

use crate::services::listening;
use crate::ui::i18n::Msg;
use crate::ui::pages::listening::spike_words;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::use_text;

#[component]
pub fn ListeningBlock() -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let ws = state.current().map(|w| w.id).unwrap_or_default();
    let spikes = LocalResource::new(move || {
        let (db, ws) = (db.get(), ws.clone());
        async move { listening::spikes(&db, &ws, crate::services::clock::now_ms()).await }
    });
    move || {
        let found = spikes.get().and_then(Result::ok).unwrap_or_default();
        (!found.is_empty()).then(|| {
            view! {
                <section class="today-block" aria-labelledby="today-listening">
                    <h2 id="today-listening">{t.tr(Msg::ListeningTodayHeading)}</h2>
                    <ul>
                        {found.into_iter().map(|(name, s)| view! {
                            <li class="listening-spike">
                                {t.fill(Msg::ListeningSpikeTitle, &[("name", &name)])}" — "{spike_words(t, &s)}
                            </li>
                        }).collect_view()}
                    </ul>
                    <p><a href="/listening">{t.tr(Msg::ListeningTodayOpen)}</a></p>
                </section>
            }
        })
    }
}
