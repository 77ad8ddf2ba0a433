//! The frame around every page: skip link, header with the workspace switcher, the main
//! navigation, the status line, and the start-up and failure screens.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::lock::LockState;
use crate::ui::i18n::Msg;

use super::components::{status_line::StatusLine, workspace_switcher::WorkspaceSwitcher};
use super::pages::lock_screen::LockScreen;
use super::pages::open_failed::OpenFailed;
use super::state::{use_app, OpenDb, Phase};
use super::text::use_text;

#[component]
pub fn Shell(children: ChildrenFn) -> impl IntoView {
    let state = use_app();
    let t = use_text();
    mark_first_screen(state.phase, state.settled);
    // Locked: the lock screen alone, no navigation, no page.
    let locked = move || state.lock.get() == LockState::Locked;
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{t.tr(Msg::SkipToContent)}</a>
        <header class="app-header">
            <div class="brand">
                <span class="brand-name">{t.tr(Msg::AppName)}</span>
                <span class="brand-tagline">{t.tr(Msg::Tagline)}</span>
            </div>
            <Show when=move || state.phase.get() == Phase::Ready && !locked()>
                <super::components::search_box::SearchBox/>
                <WorkspaceSwitcher/>
                <Show when=move || state.lock.get() == LockState::Open>
                    <button type="button" class="secondary lock-now" on:click=move |_| crate::services::lock::lock_now()>
                        {t.tr(Msg::LockNow)}
                    </button>
                </Show>
            </Show>
        </header>
        <Show when=move || !locked()>
        <nav class="app-nav" aria-label=t.tr(Msg::NavLabel)>
            <ul>
                <li><A href="/today">{t.tr(Msg::NavToday)}</A></li>
                <li><A href="/">{t.tr(Msg::NavWorkspaces)}</A></li>
                <li><A href="/strategy">{t.tr(Msg::NavStrategy)}</A></li>
                <li><A href="/compose">{t.tr(Msg::NavCompose)}</A></li>
                <li><A href="/calendar">{t.tr(Msg::NavCalendar)}</A></li>
                <li><A href="/library">{t.tr(Msg::NavLibrary)}</A></li>
                <li><A href="/inbox">{t.tr(Msg::NavInbox)}</A></li>
                <li><A href="/people">{t.tr(Msg::NavPeople)}</A></li>
                <li><A href="/listening">{t.tr(Msg::NavListening)}</A></li>
                <li><A href="/reports">{t.tr(Msg::NavReports)}</A></li>
                <li><A href="/outbox">{t.tr(Msg::NavOutbox)}
                    {move || (state.outbox_pending.get() > 0).then(|| {
                        let n = state.outbox_pending.get();
                        view! { <span class="badge" aria-label=t.plural(Msg::OutboxBadge, n, &[])>{n}</span> }
                    })}
                </A></li>
                <li><A href="/accounts">{t.tr(Msg::NavAccounts)}</A></li>
                <li><A href="/notes">{t.tr(Msg::NavNotes)}</A></li>
                <li><A href="/settings">{t.tr(Msg::NavSettings)}</A></li>
            </ul>
        </nav>
        </Show>
        <main id="main" tabindex="-1">
            <Show when=move || state.superseded.get()>
                <div class="banner" role="alert">
                    <p>{move || t.get(if state.erased.get() { Msg::ErasedBanner } else { Msg::SupersededBanner })}</p>
                    <button type="button" on:click=move |_| { let _ = window().location().reload(); }>
                        {t.tr(Msg::Reload)}
                    </button>
                </div>
            </Show>
            <Show when=move || state.update_ready.get()>
                <div class="banner banner-info" role="status">
                    <p>{t.tr(Msg::UpdateReady)}</p>
                    <button type="button" on:click=move |_| leptos::task::spawn_local(crate::services::pwa::apply_update())>
                        {t.tr(Msg::UpdateReload)}
                    </button>
                </div>
            </Show>
            <super::components::offline_banner::OfflineBanner/>
            <StatusLine/>
            <super::components::palette::Palette/>
            <super::components::reminders::ReminderLoop/>
            <super::components::listening_loop::ListeningLoop/>
            <super::components::outbox_runner::OutboxRunner/>
            <super::components::lock_watch::LockWatch/>
            {move || match state.phase.get() {
                Phase::Opening => view! { <p class="opening">{t.get(Msg::Opening)}</p> }.into_any(),
                Phase::Failed(e) => view! { <OpenFailed error=e/> }.into_any(),
                Phase::Ready if locked() => view! { <LockScreen/> }.into_any(),
                Phase::Ready => match state.db_if_open() {
                    Some(db) => {
                        provide_context(OpenDb::new(db));
                        children().into_any()
                    }
                    None => view! { <p class="opening">{t.get(Msg::Opening)}</p> }.into_any(),
                },
            }}
        </main>
    }
}

/// The router would treat `#main` as a navigation; move the focus ourselves instead.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Sets the `attache:first-screen` performance mark once the store is open and the first
/// page is about to be painted (read by the benchmark command), then, once that frame is
/// out, `settled` (and the mark `attache:settled`): the work that can wait starts.
fn mark_first_screen(phase: RwSignal<Phase>, settled: RwSignal<bool>) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        if phase.get() != Phase::Ready {
            return false;
        }
        request_animation_frame(move || {
            if let Some(perf) = window().performance() {
                let _ = perf.mark("attache:first-screen");
            }
            // A task queued in the frame's callback runs after the frame is painted.
            set_timeout(
                move || {
                    if let Some(perf) = window().performance() {
                        let _ = perf.mark("attache:settled");
                    }
                    settled.set(true);
                },
                std::time::Duration::ZERO,
            );
        });
        true
    });
}
