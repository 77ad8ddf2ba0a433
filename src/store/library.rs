//! The library repository: a workspace's snippets, campaigns and posting slots.

use crate::domain::sorting;
use wasm_bindgen::JsValue;

use crate::domain::library::{queue_id, Body, LibraryItem};
use crate::domain::queue::Slot;
use crate::domain::routine::{routine_id, Routine};
use crate::domain::strategy::{strategy_id, Strategy};

use super::codec::{from_js, to_stored};
use super::idb::{request, Durability, Tx};
use super::records;
use super::schema::{LIBRARY, LIBRARY_BY_WORKSPACE};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

/// Every library record of a workspace.
pub async fn for_workspace(db: &Db, workspace_id: &str) -> Result<Vec<LibraryItem>, StoreError> {
    let key = JsValue::from_str(workspace_id);
    Ok(
        records::page(db, LIBRARY, LIBRARY_BY_WORKSPACE, &key, u32::MAX)
            .await?
            .items,
    )
}

pub async fn put(db: &Db, item: &LibraryItem) -> Result<(), StoreError> {
    records::put_one(db, LIBRARY, item).await
}

pub async fn delete(db: &Db, id: &str) -> Result<(), StoreError> {
    records::delete(db, LIBRARY, &id.into()).await
}

/// The workspace's strategy (empty until the user writes one).
pub async fn strategy(db: &Db, workspace_id: &str) -> Result<Strategy, StoreError> {
    let item: Option<LibraryItem> =
        records::get(db, LIBRARY, &strategy_id(workspace_id).into()).await?;
    Ok(match item.map(|i| i.body) {
        Some(Body::Strategy(s)) => s,
        _ => Strategy::default(),
    })
}

pub async fn put_strategy(
    db: &Db,
    workspace_id: &str,
    strategy: &Strategy,
) -> Result<(), StoreError> {
    let item = LibraryItem {
        id: strategy_id(workspace_id),
        workspace_id: workspace_id.to_string(),
        body: Body::Strategy(strategy.clone()),
    };
    put(db, &item).await
}

/// The workspace's daily routine, if one was saved.
pub async fn routine(db: &Db, workspace_id: &str) -> Result<Option<Routine>, StoreError> {
    let item: Option<LibraryItem> =
        records::get(db, LIBRARY, &routine_id(workspace_id).into()).await?;
    Ok(match item.map(|i| i.body) {
        Some(Body::Routine { routine }) => Some(routine),
        _ => None,
    })
}

pub async fn put_routine(db: &Db, routine: &Routine) -> Result<(), StoreError> {
    let item = LibraryItem {
        id: routine_id(&routine.workspace_id),
        workspace_id: routine.workspace_id.clone(),
        body: Body::Routine {
            routine: routine.clone(),
        },
    };
    put(db, &item).await
}

/// The workspace's posting slots (none until the user adds some).
pub async fn slots(db: &Db, workspace_id: &str) -> Result<Vec<Slot>, StoreError> {
    let item: Option<LibraryItem> =
        records::get(db, LIBRARY, &queue_id(workspace_id).into()).await?;
    Ok(match item.map(|i| i.body) {
        Some(Body::Queue { slots }) => slots,
        _ => vec![],
    })
}

/// Changes the workspace's slots in one read-write transaction, so two quick changes (or two
/// tabs) never overwrite each other. `change` returns false to leave them as they are.
/// Returns the slots as stored afterwards.
pub async fn update_slots(
    db: &Db,
    workspace_id: &str,
    change: impl FnOnce(&mut Vec<Slot>) -> bool,
) -> Result<Vec<Slot>, StoreError> {
    let id = queue_id(workspace_id);
    let tx = Tx::write(db.raw(), &[LIBRARY], Durability::Strict)?;
    let store = tx.store(LIBRARY)?;
    let req = store
        .get(&id.as_str().into())
        .map_err(StoreError::from_js)?;
    let found = request(&req).await?;
    let mut slots = if found.is_undefined() {
        vec![]
    } else {
        match from_js::<LibraryItem>(&found)?.body {
            Body::Queue { slots } => slots,
            _ => vec![],
        }
    };
    if change(&mut slots) {
        sorting::sort(&mut slots[..]);
        slots.dedup();
        let item = LibraryItem {
            id,
            workspace_id: workspace_id.to_string(),
            body: Body::Queue {
                slots: slots.clone(),
            },
        };
        store.put(&to_stored(&item)?).map_err(StoreError::from_js)?;
    }
    tx.commit().await?;
    Ok(slots)
}

/// Deletes a workspace's library inside the caller's transaction (which covers `library`).
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    take_in_index(
        tx,
        LIBRARY,
        LIBRARY_BY_WORKSPACE,
        &workspace_id.into(),
        kept,
    )
    .await
}
