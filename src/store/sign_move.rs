//! v11's move of the signs from their store of one record each into packs of one workspace
//! and ten minutes, inside the upgrade's transaction. The old store is walked in batches by
//! workspace and time (its `by_workspace` index), so a pack's signs come together and each
//! pack is written once, whole, and only a batch is in memory at a time. A sign that cannot
//! be read (or that the index does not hold, its time not a key) is not moved: then the old
//! store is kept as it is, nothing of it lost, for a later build to read; when every sign
//! moved, it goes.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbKeyRange, IdbTransaction};

use crate::domain::interaction::Interaction;
use crate::domain::sign_pack::{start_of, SignPack};

use super::schema::{INTERACTIONS, INTERACTIONS_BY_WORKSPACE, SIGN_PACKS};
use super::{codec, interactions, StoreError};

/// Signs read a batch; doubled while one instant holds more than a batch.
const BATCH: u32 = 5_000;

/// Where the walk is.
struct Walk {
    db: IdbDatabase,
    tx: IdbTransaction,
    batch: u32,
    /// The index key (`[workspace, time]`) of the last sign read, and the ids read at it:
    /// the next batch starts at that key again (a key can hold many signs) and skips them.
    at: Option<(Value, Vec<String>)>,
    /// The pack being filled: its workspace, start and signs, in index order.
    open: Option<(String, f64, Vec<Interaction>)>,
    moved: u32,
    unread: u32,
}

/// Starts the move; it goes on in the requests' success events, and aborts the upgrade
/// (the database stays at v10, whole) if the browser refuses a read or a write.
pub fn start(db: &IdbDatabase, tx: &IdbTransaction) -> Result<(), JsValue> {
    let walk = Rc::new(RefCell::new(Walk {
        db: db.clone(),
        tx: tx.clone(),
        batch: BATCH,
        at: None,
        open: None,
        moved: 0,
        unread: 0,
    }));
    next_batch(walk).map_err(|e| JsValue::from_str(&e.to_string()))
}

fn fail(tx: &IdbTransaction, e: StoreError) {
    web_sys::console::error_1(&format!("moving the signs into packs: {e}").into());
    let _ = tx.abort();
}

fn next_batch(walk: Rc<RefCell<Walk>>) -> Result<(), StoreError> {
    let req = {
        let w = walk.borrow();
        let index =
            w.tx.object_store(INTERACTIONS)
                .and_then(|s| s.index(INTERACTIONS_BY_WORKSPACE))
                .map_err(StoreError::from_js)?;
        let range = match &w.at {
            None => JsValue::UNDEFINED,
            Some((key, _)) => IdbKeyRange::lower_bound(&codec::to_js(key)?)
                .map_err(StoreError::from_js)?
                .into(),
        };
        index
            .get_all_with_key_and_limit(&range, w.batch)
            .map_err(StoreError::from_js)?
    };
    let r = req.clone();
    let on_read = Closure::once_into_js(move || {
        let tx = walk.borrow().tx.clone();
        let values = r.result().unwrap_or(JsValue::UNDEFINED);
        if let Err(e) = take_batch(walk, &values) {
            fail(&tx, e);
        }
    });
    req.set_onsuccess(Some(on_read.unchecked_ref()));
    Ok(())
}

/// A batch read: its signs placed (a pack written when the walk passes it), then the next
/// batch asked, or the end.
fn take_batch(walk: Rc<RefCell<Walk>>, values: &JsValue) -> Result<(), StoreError> {
    let read: Vec<Value> = codec::from_js(values)?;
    let full = read.len() as u32 == walk.borrow().batch;
    let mut new = 0;
    {
        let mut w = walk.borrow_mut();
        for raw in read {
            let key = Value::Array(vec![raw["workspace_id"].clone(), raw["at"].clone()]);
            let id = raw["id"].as_str().unwrap_or_default().to_string();
            match &mut w.at {
                Some((at, ids)) if *at == key => {
                    if ids.contains(&id) {
                        continue;
                    }
                    ids.push(id);
                }
                at => *at = Some((key, vec![id])),
            }
            new += 1;
            match crate::domain::json::read::<Interaction>(&raw) {
                Ok(sign) => w.place(sign)?,
                Err(_) => w.unread += 1,
            }
        }
        if full && new == 0 {
            // One instant holds more signs than a batch: ask for more at once.
            w.batch = w.batch.saturating_mul(2);
        }
    }
    if full {
        next_batch(walk)
    } else {
        finish(walk)
    }
}

impl Walk {
    fn place(&mut self, sign: Interaction) -> Result<(), StoreError> {
        let start = start_of(sign.at);
        match &mut self.open {
            Some((ws, s, signs)) if *ws == sign.workspace_id && *s == start => signs.push(sign),
            _ => {
                self.write_open()?;
                self.open = Some((sign.workspace_id.clone(), start, vec![sign]));
            }
        }
        self.moved += 1;
        Ok(())
    }

    fn write_open(&mut self) -> Result<(), StoreError> {
        if let Some((ws, start, signs)) = self.open.take() {
            let pack = interactions::pack_to_js(&SignPack::new(&ws, start, signs))?;
            self.tx
                .object_store(SIGN_PACKS)
                .and_then(|s| s.put(&pack))
                .map_err(StoreError::from_js)?;
        }
        Ok(())
    }
}

/// The last pack written; the old store goes if it held only the signs moved.
fn finish(walk: Rc<RefCell<Walk>>) -> Result<(), StoreError> {
    walk.borrow_mut().write_open()?;
    let req = walk
        .borrow()
        .tx
        .object_store(INTERACTIONS)
        .and_then(|s| s.count())
        .map_err(StoreError::from_js)?;
    let r = req.clone();
    let on_count = Closure::once_into_js(move || {
        let w = walk.borrow();
        let held = r.result().ok().and_then(|n| n.as_f64()).unwrap_or(-1.0);
        if held == w.moved as f64 {
            if let Err(e) = w.db.delete_object_store(INTERACTIONS) {
                fail(&w.tx, StoreError::from_js(e));
            }
        } else {
            let kept = held - w.moved as f64;
            web_sys::console::warn_1(
                &format!(
                    "{} signs moved into packs; {kept} could not be read ({} of them in the \
                     index), so the old store of signs is kept as it is",
                    w.moved, w.unread
                )
                .into(),
            );
        }
    });
    req.set_onsuccess(Some(on_count.unchecked_ref()));
    Ok(())
}
