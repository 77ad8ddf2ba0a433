//! The service worker from the page's side: registered in release builds only (the dev
//! server reloads on its own), and "a new version is ready" when an update waits.

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts and some embedded browsers.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|has| *has)?;
    Some(navigator.service_worker())
}

/// Registers `/sw.js` and calls `on_update_ready` whenever a new version has been installed
/// and waits. Does nothing in debug builds.
pub async fn register(on_update_ready: impl Fn() + Clone + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(sw) = container() else { return };
    let Ok(reg) = JsFuture::from(sw.register("/sw.js")).await else {
        return;
    };
    let reg: ServiceWorkerRegistration = reg.unchecked_into();
    let has_controller = move || container().and_then(|c| c.controller()).is_some();
    if reg.waiting().is_some() && has_controller() {
        on_update_ready();
    }
    let reg2 = reg.clone();
    // Both listeners live as long as the page.
    EventListener::new(&reg, "updatefound", move |_| {
        let Some(installing) = reg2.installing() else {
            return;
        };
        let worker = installing.clone();
        let ready = on_update_ready.clone();
        EventListener::new(&installing, "statechange", move |_| {
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                ready();
            }
        })
        .forget();
    })
    .forget();
}

/// Activates the waiting version; the page reloads once it has taken control.
pub async fn apply_update() {
    let Some(sw) = container() else { return };
    EventListener::once(&sw, "controllerchange", |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    })
    .forget();
    let Ok(reg) = JsFuture::from(
        sw.ready()
            .unwrap_or_else(|_| js_sys::Promise::resolve(&JsValue::NULL)),
    )
    .await
    else {
        return;
    };
    let reg: ServiceWorkerRegistration = reg.unchecked_into();
    match reg.waiting() {
        Some(waiting) => {
            let _ = waiting.post_message(&"skip-waiting".into());
        }
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    }
}
