//! Favourites, boosts and follows (`domain::interaction`), kept in packs of one workspace
//! and ten minutes (`domain::sign_pack`): a pack is `{ id, workspace_id, start, who, signs }`,
//! its signs one JSON text, which IndexedDB stores and gives back as it is. Written with the
//! sync's page and cursor (`inbox::save_page_with`), so none is lost or counted twice.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::interaction::Interaction;
use crate::domain::member_record::erase_sign;
use crate::domain::sign_pack::{self, newest_whole, start_of, who_key, SignPack};

use super::idb::{request, Durability, Tx};
use super::records;
use super::schema::{SIGN_PACKS, SIGN_PACKS_BY_WHO, SIGN_PACKS_BY_WORKSPACE};
use super::sealed_records::{index_value, index_values, opened_text, sealed_text};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

/// The pack as IndexedDB keeps it.
pub(super) fn pack_to_js(pack: &SignPack) -> Result<JsValue, StoreError> {
    let signs = sealed_text(&serde_json::to_string(&pack.signs).map_err(corrupt)?)?;
    let who = Array::new();
    for w in &pack.who {
        who.push(&JsValue::from_str(&index_value(w)?));
    }
    let obj = Object::new();
    for (field, value) in [
        ("id", JsValue::from_str(&pack.id)),
        ("workspace_id", JsValue::from_str(&pack.workspace_id)),
        ("start", JsValue::from_f64(pack.start)),
        ("who", who.into()),
        ("signs", JsValue::from_str(&signs)),
    ] {
        Reflect::set(&obj, &field.into(), &value).map_err(StoreError::from_js)?;
    }
    Ok(obj.into())
}

fn field(value: &JsValue, name: &str) -> Result<JsValue, StoreError> {
    Reflect::get(value, &name.into()).map_err(StoreError::from_js)
}

/// The signs of a pack IndexedDB gave, as kept: in order.
fn pack_signs(value: &JsValue) -> Result<Vec<Interaction>, StoreError> {
    let text = field(value, "signs")?
        .as_string()
        .ok_or_else(|| corrupt("a sign pack without its signs"))?;
    serde_json::from_str(&opened_text(&text)?).map_err(corrupt)
}

/// The pack IndexedDB gave, to change it.
fn pack_from_js(value: &JsValue) -> Result<SignPack, StoreError> {
    let signs = pack_signs(value)?;
    let workspace_id = field(value, "workspace_id")?
        .as_string()
        .ok_or_else(|| corrupt("a sign pack without its workspace"))?;
    let start = field(value, "start")?
        .as_f64()
        .ok_or_else(|| corrupt("a sign pack without its start"))?;
    Ok(SignPack::new(&workspace_id, start, signs))
}

/// The pack IndexedDB gave, as it is to be written now (sealed or in the clear, as
/// "encrypt everything" asks: `reseal`).
pub(super) fn written_again(value: &JsValue) -> Result<JsValue, StoreError> {
    pack_to_js(&pack_from_js(value)?)
}

/// A pack set aside (`kept`) put back into the one written again since (`found`): one
/// pack holding both's signs, a sign of both as it is now.
pub(super) fn put_back_into(kept: &JsValue, found: &JsValue) -> Result<JsValue, StoreError> {
    let mut pack = pack_from_js(found)?;
    pack.put_back(pack_signs(kept)?);
    pack_to_js(&pack)
}

/// The signs of the packs IndexedDB gave, oldest first.
fn signs_of(values: &JsValue) -> Result<Vec<Interaction>, StoreError> {
    let mut out = vec![];
    for value in Array::from(values).iter() {
        out.append(&mut pack_signs(&value)?);
    }
    Ok(out)
}

/// Every interaction of a workspace, newest first.
pub async fn all(db: &Db, workspace_id: &str) -> Result<Vec<Interaction>, StoreError> {
    let range = records::prefix_range(workspace_id)?;
    let tx = Tx::read(db.raw(), &[SIGN_PACKS])?;
    let req = tx
        .store(SIGN_PACKS)?
        .index(SIGN_PACKS_BY_WORKSPACE)
        .and_then(|i| i.get_all_with_key(&range))
        .map_err(StoreError::from_js)?;
    let values = request(&req).await?;
    tx.finish().await?;
    let mut out = signs_of(&values)?;
    out.reverse();
    Ok(out)
}

/// The workspace's signs of up to `packs` packs after the one that starts at `after`
/// (`None`: from the oldest), oldest first; and the start of the last pack read, where the
/// next page starts after (`None`: this was the last). A pack is never split.
pub async fn page(
    db: &Db,
    workspace_id: &str,
    after: Option<f64>,
    packs: u32,
) -> Result<(Vec<Interaction>, Option<f64>), StoreError> {
    let range = super::time_pages::after_range(workspace_id, after)?;
    let tx = Tx::read(db.raw(), &[SIGN_PACKS])?;
    let req = tx
        .store(SIGN_PACKS)?
        .index(SIGN_PACKS_BY_WORKSPACE)
        .and_then(|i| i.get_all_with_key_and_limit(&range, packs.max(1)))
        .map_err(StoreError::from_js)?;
    let values: Array = request(&req).await?.unchecked_into();
    tx.finish().await?;
    let next = if values.length() < packs.max(1) {
        None
    } else {
        field(&values.get(values.length() - 1), "start")?.as_f64()
    };
    Ok((signs_of(&values)?, next))
}

/// The workspace's `count` newest signs, newest first, with every other sign of the oldest
/// instant given (all of them when there are fewer).
pub async fn newest(
    db: &Db,
    workspace_id: &str,
    count: u32,
) -> Result<Vec<Interaction>, StoreError> {
    let range: web_sys::IdbKeyRange = records::prefix_range(workspace_id)?.unchecked_into();
    // A few packs hold enough, mostly; when not, four times as many, until they run out.
    let mut packs = 4;
    loop {
        let values: Vec<JsValue> =
            records::newest_values(db, SIGN_PACKS, SIGN_PACKS_BY_WORKSPACE, &range, packs).await?;
        let mut signs = vec![];
        for value in values.iter().rev() {
            signs.append(&mut pack_signs(value)?);
        }
        if signs.len() >= count as usize || (values.len() as u32) < packs {
            signs.reverse();
            return Ok(newest_whole(signs, count as usize));
        }
        packs = packs.saturating_mul(4);
    }
}

/// Saves `signs` into their packs inside the caller's write transaction: each pack read,
/// the signs put in (a sign already there replaced), written back.
pub(super) async fn put_in(tx: &Tx, signs: &[Interaction]) -> Result<(), StoreError> {
    if signs.is_empty() {
        return Ok(());
    }
    let store = tx.store(SIGN_PACKS)?;
    let groups = sign_pack::by_pack(signs);
    // Every read asked for before any is awaited (see `idb::request`).
    let mut reads = vec![];
    for (workspace_id, start) in groups.keys() {
        let key = JsValue::from_str(&sign_pack::pack_id(workspace_id, *start as f64));
        reads.push(request(&store.get(&key).map_err(StoreError::from_js)?));
    }
    let mut found = vec![];
    for read in reads {
        found.push(read.await?);
    }
    for (((workspace_id, start), new), value) in groups.iter().zip(found) {
        let mut pack = if value.is_undefined() {
            SignPack::new(workspace_id, *start as f64, vec![])
        } else {
            pack_from_js(&value)?
        };
        pack.upsert(new);
        store
            .put(&pack_to_js(&pack)?)
            .map_err(StoreError::from_js)?;
    }
    Ok(())
}

/// Erases, inside the caller's write transaction, the signs `handle` gave in `workspace_id`
/// (kept as "someone": counts stay right); returns how many, and the posts they were about.
pub(super) async fn erase_who(
    tx: &Tx,
    workspace_id: &str,
    handle: &str,
) -> Result<(usize, Vec<String>), StoreError> {
    let store = tx.store(SIGN_PACKS)?;
    let mut found = vec![];
    for who in index_values(&who_key(workspace_id, handle)) {
        let req = store
            .index(SIGN_PACKS_BY_WHO)
            .and_then(|i| i.get_all_with_key(&who.into()))
            .map_err(StoreError::from_js)?;
        found.extend(Array::from(&request(&req).await?).iter());
    }
    let (mut erased, mut subjects) = (0, vec![]);
    for value in found {
        let mut pack = pack_from_js(&value)?;
        for sign in pack.signs.iter_mut().filter(|s| s.who_handle == handle) {
            subjects.extend(sign.subject.clone().filter(|s| !s.is_empty()));
            erase_sign(sign);
            erased += 1;
        }
        pack.settle();
        store
            .put(&pack_to_js(&pack)?)
            .map_err(StoreError::from_js)?;
    }
    Ok((erased, subjects))
}

/// Deletes a workspace's interactions inside the caller's transaction.
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    let range = records::prefix_range(workspace_id)?;
    take_in_index(tx, SIGN_PACKS, SIGN_PACKS_BY_WORKSPACE, &range, kept).await
}

/// Deletes one sign of `workspace_id` given at `at` (a listening find taken into People,
/// once it is a conversation too).
pub async fn delete(db: &Db, workspace_id: &str, at: f64, id: &str) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[SIGN_PACKS], Durability::Strict)?;
    let store = tx.store(SIGN_PACKS)?;
    let key = JsValue::from_str(&sign_pack::pack_id(workspace_id, start_of(at)));
    let value = request(&store.get(&key).map_err(StoreError::from_js)?).await?;
    if !value.is_undefined() {
        let mut pack = pack_from_js(&value)?;
        if pack.remove(id) {
            if pack.signs.is_empty() {
                store.delete(&key).map_err(StoreError::from_js)?;
            } else {
                store
                    .put(&pack_to_js(&pack)?)
                    .map_err(StoreError::from_js)?;
            }
        }
    }
    tx.commit().await
}
