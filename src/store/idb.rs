//! The few IndexedDB primitives we need, as futures over web-sys: open with migrations,
//! transactions with explicit durability, and single requests.
//!
//! Rule of the house: never await anything but IndexedDB while a transaction is open —
//! the browser commits an idle transaction and the next request fails.

use std::future::Future;

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::{closure::Closure, prelude::wasm_bindgen, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbFactory, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
};

#[wasm_bindgen]
extern "C" {
    // `IDBDatabase.transaction(names, mode, { durability })`: web-sys hides the options
    // dictionary behind its unstable-API flag, so we bind the two calls ourselves.
    #[wasm_bindgen(js_name = IDBDatabase)]
    type DatabaseExt;
    #[wasm_bindgen(js_name = IDBTransaction)]
    type TransactionExt;

    #[wasm_bindgen(method, catch, js_name = transaction)]
    fn transaction_with_options(
        this: &DatabaseExt,
        names: &Array,
        mode: &str,
        options: &Object,
    ) -> Result<IdbTransaction, JsValue>;

    #[wasm_bindgen(method, catch, js_name = commit)]
    fn commit_now(this: &TransactionExt) -> Result<(), JsValue>;
}

use super::StoreError;

/// Whether a write must reach the disk before it is reported done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Flushed to disk before `complete`: workspaces, settings, imports, outbox rows.
    Strict,
    /// Caches that can be fetched again.
    Relaxed,
}

pub fn factory() -> Result<IdbFactory, StoreError> {
    web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StoreError::Unavailable)
}

type Handler = Closure<dyn FnMut(web_sys::Event)>;

fn handler(f: impl FnOnce(web_sys::Event) + 'static) -> Handler {
    Closure::once(f)
}

/// A request's `success` and `error` handlers, taken off the request and freed when this is
/// dropped (once the request ended, or its future was dropped). A one-shot closure left on
/// the event that never came (the `error` of a request that succeeded) held the request and
/// its result for the life of the tab: every record ever read stayed in the JS heap, 810 MB
/// for a new session opening People at 100,000 members.
struct RequestHandlers {
    req: IdbRequest,
    _success: Handler,
    _error: Handler,
}

impl Drop for RequestHandlers {
    fn drop(&mut self) {
        // Taken off before the closures are freed: a freed closure must never be called.
        self.req.set_onsuccess(None);
        self.req.set_onerror(None);
    }
}

/// Resolves with the request's result, or fails with its error. Call it right after
/// issuing the request: a request that already finished would never resolve.
pub fn request(req: &IdbRequest) -> impl Future<Output = Result<JsValue, StoreError>> {
    let mut handlers = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let success = handler(move |_| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let error = handler(move |_| {
            let err = r.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &err.unwrap_or(JsValue::UNDEFINED));
        });
        req.set_onsuccess(Some(success.as_ref().unchecked_ref()));
        req.set_onerror(Some(error.as_ref().unchecked_ref()));
        handlers = Some(RequestHandlers {
            req: req.clone(),
            _success: success,
            _error: error,
        });
    });
    let fut = JsFuture::from(promise);
    async move {
        let out = fut.await.map_err(StoreError::from_js);
        drop(handlers);
        out
    }
}

/// Opens `name` at `version`. `upgrade(db, tx, old_version)` runs inside the
/// `upgradeneeded` event, synchronously; an error from it aborts the whole upgrade.
/// `on_blocked` is called when another tab keeps an older version open.
pub async fn open(
    name: &str,
    version: u32,
    upgrade: impl FnOnce(&IdbDatabase, &IdbTransaction, u32) -> Result<(), JsValue> + 'static,
    on_blocked: impl FnOnce() + 'static,
) -> Result<IdbDatabase, StoreError> {
    let req: IdbOpenDbRequest = factory()?
        .open_with_u32(name, version)
        .map_err(StoreError::from_js)?;
    let r = req.clone();
    let upgrading = handler(move |event| {
        let old = event
            .dyn_ref::<web_sys::IdbVersionChangeEvent>()
            .map(|e| e.old_version() as u32)
            .unwrap_or(0);
        let (Ok(result), Some(tx)) = (r.result(), r.transaction()) else {
            return;
        };
        let db: IdbDatabase = result.unchecked_into();
        if let Err(e) = upgrade(&db, &tx, old) {
            web_sys::console::error_2(&"migration failed".into(), &e);
            let _ = tx.abort();
        }
    });
    let blocked = handler(move |_| on_blocked());
    req.set_onupgradeneeded(Some(upgrading.as_ref().unchecked_ref()));
    req.set_onblocked(Some(blocked.as_ref().unchecked_ref()));
    let db = request(&req).await;
    // Taken off before the closures are freed (see `RequestHandlers`).
    req.set_onupgradeneeded(None);
    req.set_onblocked(None);
    drop((upgrading, blocked));
    Ok(db?.unchecked_into())
}

/// Sees each read-write transaction as it is created (tests only).
pub type WriteObserver = Box<dyn Fn(&IdbTransaction)>;

thread_local! {
    static WRITE_OBSERVER: std::cell::RefCell<Option<WriteObserver>> =
        const { std::cell::RefCell::new(None) };
}

/// Tests only: calls `observer` with every read-write transaction the store opens, so a
/// browser test can read the browser's own `durability` of each.
pub fn observe_write_transactions(observer: Option<WriteObserver>) {
    WRITE_OBSERVER.with(|o| *o.borrow_mut() = observer);
}

/// A transaction and a future for its end (`complete`, `error` or `abort`).
pub struct Tx {
    pub raw: IdbTransaction,
    done: JsFuture,
    _ends: TxHandlers,
}

/// A transaction's `complete` and `abort` handlers, taken off and freed with it (see
/// `RequestHandlers`).
struct TxHandlers {
    raw: IdbTransaction,
    _complete: Handler,
    _abort: Handler,
}

impl Drop for TxHandlers {
    fn drop(&mut self) {
        self.raw.set_oncomplete(None);
        self.raw.set_onabort(None);
    }
}

impl Tx {
    pub fn read(db: &IdbDatabase, stores: &[&str]) -> Result<Tx, StoreError> {
        Self::open(db, stores, "readonly", Durability::Relaxed)
    }

    pub fn write(
        db: &IdbDatabase,
        stores: &[&str],
        durability: Durability,
    ) -> Result<Tx, StoreError> {
        Self::open(db, stores, "readwrite", durability)
    }

    fn open(
        db: &IdbDatabase,
        stores: &[&str],
        mode: &str,
        durability: Durability,
    ) -> Result<Tx, StoreError> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let opts = Object::new();
        let durability = match durability {
            Durability::Strict => "strict",
            Durability::Relaxed => "relaxed",
        };
        Reflect::set(&opts, &"durability".into(), &durability.into())
            .map_err(StoreError::from_js)?;
        let raw = db
            .unchecked_ref::<DatabaseExt>()
            .transaction_with_options(&names, mode, &opts)
            .map_err(StoreError::from_js)?;
        if mode == "readwrite" {
            WRITE_OBSERVER.with(|o| {
                if let Some(observe) = o.borrow().as_ref() {
                    observe(&raw);
                }
            });
        }
        let mut ends = None;
        let done = Promise::new(&mut |resolve, reject| {
            let complete = handler(move |_| {
                let _ = resolve.call0(&JsValue::NULL);
            });
            let t = raw.clone();
            let abort = handler(move |_| {
                let err = t.error().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
                let _ = reject.call1(&JsValue::NULL, &err);
            });
            raw.set_oncomplete(Some(complete.as_ref().unchecked_ref()));
            raw.set_onabort(Some(abort.as_ref().unchecked_ref()));
            // `error` bubbles from a failed request and is followed by `abort`, which
            // carries the transaction's error: nothing to do here.
            ends = Some(TxHandlers {
                raw: raw.clone(),
                _complete: complete,
                _abort: abort,
            });
        });
        let Some(ends) = ends else {
            return Err(StoreError::Unavailable);
        };
        Ok(Tx {
            raw,
            done: JsFuture::from(done),
            _ends: ends,
        })
    }

    pub fn store(&self, name: &str) -> Result<IdbObjectStore, StoreError> {
        self.raw.object_store(name).map_err(StoreError::from_js)
    }

    /// Commits and waits until the browser reports the transaction complete.
    pub async fn commit(self) -> Result<(), StoreError> {
        // `commit()` only speeds things up; a transaction also commits when idle.
        let _ = self.raw.unchecked_ref::<TransactionExt>().commit_now();
        self.done
            .await
            .map(|_| ())
            .map_err(|e| match StoreError::from_js(e) {
                StoreError::Other { .. } => StoreError::Aborted,
                other => other,
            })
    }

    /// Waits for a read-only transaction to end.
    pub async fn finish(self) -> Result<(), StoreError> {
        self.commit().await
    }

    pub fn abort(&self) {
        let _ = self.raw.abort();
    }
}
