//! Listening's hits (`domain::listening::Hit`), by workspace and time. A run's finds are
//! saved in one strict transaction that reads each one's earlier copy, so a post found again
//! (another run, another search, another tab) is kept once with every search that found it.

use crate::domain::listening::Hit;

use super::codec::{from_js, to_stored};
use super::idb::{request, Durability, Tx};
use super::records;
use super::schema::{HITS, HITS_BY_WORKSPACE};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

/// Saves a run's finds, each joined with its earlier copy; returns how many were new.
pub async fn save(db: &Db, found: &[Hit]) -> Result<usize, StoreError> {
    if found.is_empty() {
        return Ok(0);
    }
    let tx = Tx::write(db.raw(), &[HITS], Durability::Strict)?;
    let store = tx.store(HITS)?;
    let waits = found
        .iter()
        .map(|h| {
            store
                .get(&h.id.as_str().into())
                .map(|r| request(&r))
                .map_err(StoreError::from_js)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut new = 0;
    for (hit, wait) in found.iter().zip(waits) {
        let before = wait.await?;
        let kept = if before.is_undefined() {
            new += 1;
            hit.clone()
        } else {
            from_js::<Hit>(&before)?.joined(hit)
        };
        store.put(&to_stored(&kept)?).map_err(StoreError::from_js)?;
    }
    tx.commit().await?;
    Ok(new)
}

/// One hit, if it is kept.
pub async fn get(db: &Db, id: &str) -> Result<Option<Hit>, StoreError> {
    records::get(db, HITS, &id.into()).await
}

/// Adds `what` to what was done with the hit `id`, read and written in one strict
/// transaction (a run saving the same post in another tab meanwhile loses neither); the hit
/// as kept, or none when it is gone.
pub async fn mark(db: &Db, id: &str, what: &str) -> Result<Option<Hit>, StoreError> {
    let tx = Tx::write(db.raw(), &[HITS], Durability::Strict)?;
    let store = tx.store(HITS)?;
    let req = store.get(&id.into()).map_err(StoreError::from_js)?;
    let before = request(&req).await?;
    if before.is_undefined() {
        tx.commit().await?;
        return Ok(None);
    }
    let mut hit: Hit = from_js(&before)?;
    if !hit.taken.iter().any(|t| t == what) {
        hit.taken.push(what.to_string());
    }
    store.put(&to_stored(&hit)?).map_err(StoreError::from_js)?;
    tx.commit().await?;
    Ok(Some(hit))
}

/// Deletes the workspace's hits of posts written before `before` (UTC ms), in one strict
/// transaction: what a find became (a draft, a conversation, a member's sign) is kept
/// elsewhere and stays.
pub async fn prune(db: &Db, workspace_id: &str, before: f64) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[HITS], Durability::Strict)?;
    let range = super::inbox::span(workspace_id, f64::MIN, before)?;
    records::delete_in_index(&tx, HITS, HITS_BY_WORKSPACE, &range).await?;
    tx.commit().await
}

/// The workspace's hits written in `[start, end)` (UTC ms), newest first.
pub async fn between(
    db: &Db,
    workspace_id: &str,
    start: f64,
    end: f64,
) -> Result<Vec<Hit>, StoreError> {
    let range = super::inbox::span(workspace_id, start, end)?;
    records::all_in_index(db, HITS, HITS_BY_WORKSPACE, &range).await
}

/// Deletes a workspace's hits inside the caller's transaction.
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    let range = records::prefix_range(workspace_id)?;
    take_in_index(tx, HITS, HITS_BY_WORKSPACE, &range, kept).await
}
