//! Several tabs of the app at once: a BroadcastChannel tells the others what changed so
//! their screens reload it, and a Web Lock elects the one leader tab that runs background
//! work (the outbox, token refresh).

use gloo_events::EventListener;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "attache-changes";
const LEADER_LOCK: &str = "attache-leader";

/// What changed in the store, as far as other tabs' screens care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Workspaces,
    Preferences,
    /// The outbox changed (a row queued, sent, stopped): the leader runs, screens reload.
    Outbox,
    /// An import replaced data wholesale.
    Everything,
}

impl Change {
    fn as_str(self) -> &'static str {
        match self {
            Change::Workspaces => "workspaces",
            Change::Preferences => "preferences",
            Change::Outbox => "outbox",
            Change::Everything => "everything",
        }
    }

    fn parse(s: &str) -> Option<Change> {
        match s {
            "workspaces" => Some(Change::Workspaces),
            "preferences" => Some(Change::Preferences),
            "outbox" => Some(Change::Outbox),
            "everything" => Some(Change::Everything),
            _ => None,
        }
    }
}

/// This tab's end of the change channel. Keep it alive as long as the app runs.
#[derive(Clone)]
pub struct Tabs {
    channel: Option<BroadcastChannel>,
}

impl Tabs {
    /// Joins the channel; `on_change` runs for each change another tab announces.
    pub fn join(on_change: impl Fn(Change) + 'static) -> Tabs {
        let channel = BroadcastChannel::new(CHANNEL).ok();
        if let Some(ch) = &channel {
            // Lives as long as the page.
            EventListener::new(ch, "message", move |e| {
                let data = e.unchecked_ref::<MessageEvent>().data();
                if let Some(change) = data.as_string().as_deref().and_then(Change::parse) {
                    on_change(change);
                }
            })
            .forget();
        }
        Tabs { channel }
    }

    /// Tells the other tabs (not this one) that something changed.
    pub fn announce(&self, change: Change) {
        if let Some(ch) = &self.channel {
            let _ = ch.post_message(&JsValue::from_str(change.as_str()));
        }
    }
}

thread_local! {
    static THIS_TAB: String = super::clock::new_id();
}

/// This tab's name for as long as the page lives (a new one at each load): what a post's
/// `edited_in` records, so a save tells another tab's change from this tab's own.
pub fn this_tab() -> String {
    THIS_TAB.with(|t| t.clone())
}

/// `navigator.locks` and its `request` method, where the browser has Web Locks.
fn lock_api() -> Option<(JsValue, Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|l| !l.is_undefined())?;
    let request = Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Some((locks, request))
}

/// Asks for the leader lock; `on_leader` runs when this tab gets it, which is at once for
/// the first tab, or when the leader tab closes or crashes. The lock is held until this
/// tab goes away. Without Web Locks (old browsers), every tab leads.
pub fn elect_leader(on_leader: impl FnOnce() + 'static) {
    let Some((locks, request)) = lock_api() else {
        on_leader();
        return;
    };
    let granted = Closure::once_into_js(move |_lock: JsValue| -> Promise {
        on_leader();
        // Never settles: the lock is released only when the tab closes.
        Promise::new(&mut |_, _| {})
    });
    let _ = request.call2(&locks, &LEADER_LOCK.into(), &granted);
}

/// Holds a Web Lock until dropped.
pub struct LockGuard(Option<Function>);

impl Drop for LockGuard {
    fn drop(&mut self) {
        if let Some(release) = self.0.take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

/// Waits until this tab holds the exclusive lock `name` (no other tab or task does), and
/// keeps it until the guard is dropped. Without Web Locks, returns at once.
pub async fn exclusive(name: &str) -> LockGuard {
    let Some((locks, request)) = lock_api() else {
        return LockGuard(None);
    };
    let name = name.to_string();
    // Settles with the function that releases the lock, once the lock is granted.
    let granted = Promise::new(&mut |give_release, _| {
        let held = Closure::once_into_js(move |_lock: JsValue| -> Promise {
            Promise::new(&mut |release, _| {
                let _ = give_release.call1(&JsValue::NULL, &release);
            })
        });
        let _ = request.call2(&locks, &name.clone().into(), &held);
    });
    match wasm_bindgen_futures::JsFuture::from(granted).await {
        Ok(release) => LockGuard(release.dyn_into::<Function>().ok()),
        Err(_) => LockGuard(None),
    }
}
