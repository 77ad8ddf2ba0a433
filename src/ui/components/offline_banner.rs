//! The shell's offline indicator: shown whenever the browser is offline, with what waits in
//! the outbox (it goes out once the network is back), gone as soon as it is back.

use leptos::prelude::*;

use crate::ui::i18n::Msg;
use crate::ui::state::use_app;
use crate::ui::text::use_text;

#[component]
pub fn OfflineBanner() -> impl IntoView {
    let state = use_app();
    let t = use_text();
    let online = RwSignal::new(window().navigator().on_line());
    let went_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    let came_back = window_event_listener(leptos::ev::online, move |_| online.set(true));
    on_cleanup(move || {
        went_offline.remove();
        came_back.remove();
    });
    view! {
        <Show when=move || !online.get()>
            <p class="offline-banner" role="status">
                <strong>{t.tr(Msg::OfflineNow)}</strong>" "
                {move || match state.outbox_pending.get() {
                    0 => t.get(Msg::OfflineNothingWaits).to_string(),
                    n => t.plural(Msg::OfflineWaiting, n, &[]),
                }}
            </p>
        </Show>
    }
}
