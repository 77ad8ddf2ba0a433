//! Storage health in Settings: space used and granted, eviction protection, and which tab
//! runs the background work.

use leptos::prelude::*;

use crate::domain::storage::{quota_level, QuotaLevel};
use crate::services::storage_health;
use crate::ui::format::bytes;
use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

#[component]
pub fn StorageSection() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    // Read again whenever the data changes (workspaces stand for "something was written").
    let health = LocalResource::new(move || {
        state.workspaces.track();
        storage_health::read()
    });
    let summary = move || {
        let Some(h) = health.get().flatten() else {
            return view! { <p>{t.get(Msg::StorageUnknown)}</p> }.into_any();
        };
        let lang = t.lang();
        let used = t.fill(
            Msg::StorageUse,
            &[
                ("used", &bytes(lang, h.usage)),
                ("available", &bytes(lang, h.quota)),
            ],
        );
        let level = quota_level(h.usage, h.quota);
        view! {
            <p data-testid="storage-use">{used}</p>
            <p>{t.get(if h.persisted { Msg::StoragePersisted } else { Msg::StorageNotPersisted })}</p>
            <Show when=move || level != QuotaLevel::Fine>
                <p class="storage-warning" role="alert">{t.get(Msg::StorageLow)}</p>
            </Show>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="settings-storage">
            <h2 id="settings-storage">{t.tr(Msg::StorageHeading)}</h2>
            {summary}
            <p data-testid="leader">
                {move || t.get(if state.is_leader.get() { Msg::LeaderThis } else { Msg::LeaderOther })}
            </p>
        </section>
    }
}
