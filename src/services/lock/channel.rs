//! The lock's own channel between tabs (BroadcastChannel `attache-lock`): the data key is
//! passed to the other tabs of this origin when one unlocks (a `CryptoKey` crosses by
//! structured clone, still not extractable), "locked" and "off" are told, a tab that starts
//! locked asks whether another one holds the key, and activity is shared so that an idle
//! clock counts the user's work in every tab. The records' secret of "encrypt everything"
//! goes with the key, and is told again when the setting changes.

use std::cell::RefCell;

use gloo_events::EventListener;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

use crate::domain::lock::LockState;
use crate::store::{sealed_records, sealing};

const CHANNEL: &str = "attache-lock";

thread_local! {
    static CH: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// Joins the channel (once).
pub fn join() {
    if CH.with(|c| c.borrow().is_some()) {
        return;
    }
    let Ok(ch) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    EventListener::new(&ch, "message", move |e| {
        let data = e.unchecked_ref::<MessageEvent>().data();
        let kind = Reflect::get(&data, &"kind".into())
            .ok()
            .and_then(|k| k.as_string())
            .unwrap_or_default();
        match kind.as_str() {
            "key" => {
                if let Ok(key) = Reflect::get(&data, &"key".into()) {
                    if !key.is_undefined() && super::state() != LockState::Open {
                        hold_records(&data);
                        super::open_here(key);
                    }
                }
            }
            "records" if super::state() == LockState::Open => hold_records(&data),
            "locked" if super::state() == LockState::Open => super::lock_here(),
            "off" => super::off_here(),
            "ask" => {
                if let Some(key) = sealing::key() {
                    post_key(&key);
                }
            }
            "activity" => {
                if let Some(at) = Reflect::get(&data, &"at".into())
                    .ok()
                    .and_then(|a| a.as_f64())
                {
                    super::activity(at, false);
                }
            }
            _ => {}
        }
    })
    .forget();
    CH.with(|c| *c.borrow_mut() = Some(ch));
}

fn post(fields: &[(&str, JsValue)]) {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    CH.with(|c| {
        if let Some(ch) = &*c.borrow() {
            let _ = ch.post_message(&o);
        }
    });
}

/// The records' secret and whether writes are sealed, as a message carries them.
fn records_fields() -> [(&'static str, JsValue); 2] {
    match sealed_records::held() {
        Some((secret, seal)) => [
            ("secret", Uint8Array::from(&secret[..]).into()),
            ("seal", seal.into()),
        ],
        None => [("secret", JsValue::UNDEFINED), ("seal", false.into())],
    }
}

/// Holds the records' secret a message carries (none: "encrypt everything" is off).
fn hold_records(data: &JsValue) {
    let secret = Reflect::get(data, &"secret".into())
        .ok()
        .and_then(|s| s.dyn_into::<Uint8Array>().ok())
        .and_then(|s| <[u8; 32]>::try_from(s.to_vec()).ok());
    let seal = Reflect::get(data, &"seal".into())
        .ok()
        .and_then(|s| s.as_bool())
        .unwrap_or(false);
    sealed_records::hold(secret.as_ref(), seal);
}

/// Gives the data key (and the records' secret, when "encrypt everything" is on) to the
/// other tabs.
pub fn post_key(key: &JsValue) {
    let [secret, seal] = records_fields();
    post(&[("kind", "key".into()), ("key", key.clone()), secret, seal]);
}

/// Tells the other tabs that "encrypt everything" changed: the secret, or none.
pub fn post_records() {
    let [secret, seal] = records_fields();
    post(&[("kind", "records".into()), secret, seal]);
}

pub fn post_locked() {
    post(&[("kind", "locked".into())]);
}

pub fn post_off() {
    post(&[("kind", "off".into())]);
}

/// Asks whether another tab holds the key.
pub fn ask_for_key() {
    post(&[("kind", "ask".into())]);
}

pub fn post_activity(at: f64) {
    post(&[("kind", "activity".into()), ("at", at.into())]);
}
