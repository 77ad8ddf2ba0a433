//! Requests and transactions are let go once they are over, on real IndexedDB in Chromium
//! (run with `--js-flags=--expose-gc`, webdriver.json): a read's request and its result, a
//! failed write's request, and their transactions are collected by the next garbage
//! collection. A listener left on an event that never came (the `error` of a request that
//! succeeded) kept every record ever read in the tab's memory.
#![cfg(target_arch = "wasm32")]

use attache::store::idb::{self, Durability, Tx};
use attache::store::schema::{KEPT, NOTES};
use js_sys::Function;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::fresh_db;

/// Watches `value` through a weak reference; its number.
fn watch(value: &JsValue) -> u32 {
    let f = Function::new_with_args(
        "v",
        "const w = (globalThis.__watched ||= []); w.push(new WeakRef(v)); return w.length - 1;",
    );
    f.call1(&JsValue::NULL, value).unwrap().as_f64().unwrap() as u32
}

/// How many of the watched values are still alive after a full garbage collection, run in
/// a later task (a weak reference holds its value until the task that made it ends).
async fn alive_after_gc(watched: &[u32]) -> Vec<u32> {
    gloo_timers::future::TimeoutFuture::new(0).await;
    Function::new_no_args("globalThis.gc()")
        .call0(&JsValue::NULL)
        .expect("gc() (webdriver.json gives Chromium --js-flags=--expose-gc)");
    let alive =
        Function::new_with_args("i", "return globalThis.__watched[i].deref() !== undefined;");
    watched
        .iter()
        .copied()
        .filter(|i| {
            alive
                .call1(&JsValue::NULL, &(*i).into())
                .unwrap()
                .is_truthy()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_read_its_result_and_its_transaction_are_let_go_once_read() {
    let db = fresh_db("idb-lets-go-read").await;
    let mut watched = vec![];
    {
        let tx = Tx::read(db.raw(), &[NOTES]).unwrap();
        watched.push(watch(&tx.raw));
        let req = tx.store(NOTES).unwrap().get_all().unwrap();
        watched.push(watch(&req));
        let result = idb::request(&req).await.expect("read");
        assert!(js_sys::Array::is_array(&result), "getAll gives a list");
        watched.push(watch(&result));
        tx.finish().await.expect("ended");
    }
    assert_eq!(
        alive_after_gc(&watched).await,
        Vec::<u32>::new(),
        "transaction, request, result"
    );
}

#[wasm_bindgen_test]
async fn a_failed_write_and_its_transaction_are_let_go() {
    let db = fresh_db("idb-lets-go-failed").await;
    let mut watched = vec![];
    {
        let tx = Tx::write(db.raw(), &[KEPT], Durability::Relaxed).unwrap();
        watched.push(watch(&tx.raw));
        let store = tx.store(KEPT).unwrap();
        let key: JsValue = js_sys::Array::of2(&"w".into(), &"search".into()).into();
        let first = store.add_with_key(&JsValue::from(1), &key).unwrap();
        idb::request(&first).await.expect("the first add");
        let second = store.add_with_key(&JsValue::from(2), &key).unwrap();
        watched.push(watch(&second));
        assert!(
            idb::request(&second).await.is_err(),
            "the same key twice fails"
        );
        // Ended either way: committed with the first add, or aborted by the error.
        let _ = tx.commit().await;
    }
    assert_eq!(
        alive_after_gc(&watched).await,
        Vec::<u32>::new(),
        "transaction, failed request"
    );
}
