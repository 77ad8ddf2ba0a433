//! The inbox (mentions and replies) and the metrics snapshots, by workspace and time. A
//! page of mentions is saved in the same strict transaction as the sync cursor that follows
//! it, so a crash can neither lose a mention nor skip one.

use crate::domain::inbox::{InboxItem, MetricSnapshot};
use crate::domain::interaction::Interaction;

use super::codec::to_js;
use wasm_bindgen::JsCast;

use super::idb::{Durability, Tx};
use super::records::{self, Page};
use super::schema::{
    INBOX, INBOX_BY_WORKSPACE, METRICS, METRICS_BY_WORKSPACE, SETTINGS, SIGN_PACKS,
};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};
use wasm_bindgen::JsValue;

/// Saves `items` (a page from the server) and, when given, where the next sync starts
/// (`(key, cursor)`), in one strict transaction.
pub async fn save_page(
    db: &Db,
    items: &[InboxItem],
    cursor: Option<(&str, &str)>,
) -> Result<(), StoreError> {
    save_page_with(db, items, &[], cursor).await
}

/// As [`save_page`], with the favourites, boosts and follows of the same page.
pub async fn save_page_with(
    db: &Db,
    items: &[InboxItem],
    interactions: &[Interaction],
    cursor: Option<(&str, &str)>,
) -> Result<(), StoreError> {
    let tx = Tx::write(db.raw(), &[INBOX, SIGN_PACKS, SETTINGS], Durability::Strict)?;
    records::put_batch(&tx.store(INBOX)?, items)?;
    super::interactions::put_in(&tx, interactions).await?;
    if let Some((key, value)) = cursor {
        tx.store(SETTINGS)?
            .put_with_key(&to_js(&value)?, &key.into())
            .map_err(StoreError::from_js)?;
    }
    tx.commit().await
}

/// Whether the inbox already holds the item `id`.
pub async fn has(db: &Db, id: &str) -> Result<bool, StoreError> {
    Ok(records::get::<InboxItem>(db, INBOX, &id.into())
        .await?
        .is_some())
}

/// Where the last sync of this key stopped.
pub async fn cursor(db: &Db, cursor_key: &str) -> Result<Option<String>, StoreError> {
    records::get(db, SETTINGS, &cursor_key.into()).await
}

/// The newest `limit` items of a workspace, newest first, and how many there are.
pub async fn latest(
    db: &Db,
    workspace_id: &str,
    limit: u32,
) -> Result<Page<InboxItem>, StoreError> {
    records::latest(
        db,
        INBOX,
        INBOX_BY_WORKSPACE,
        &records::prefix_range(workspace_id)?,
        limit,
    )
    .await
}

/// Every item of a workspace, newest first (the Inbox groups them all into conversations).
pub async fn all(db: &Db, workspace_id: &str) -> Result<Vec<InboxItem>, StoreError> {
    records::all_in_index(
        db,
        INBOX,
        INBOX_BY_WORKSPACE,
        &records::prefix_range(workspace_id)?,
    )
    .await
}

/// One page of the workspace's messages, oldest first, after `after` (`time_pages`).
pub async fn page(
    db: &Db,
    workspace_id: &str,
    after: Option<f64>,
    count: u32,
) -> Result<(Vec<InboxItem>, Option<f64>), StoreError> {
    super::time_pages::page(db, INBOX, INBOX_BY_WORKSPACE, workspace_id, after, count).await
}

/// The workspace's `count` newest messages, newest first.
pub async fn newest(db: &Db, workspace_id: &str, count: u32) -> Result<Vec<InboxItem>, StoreError> {
    let range = records::prefix_range(workspace_id)?;
    records::newest(
        db,
        INBOX,
        INBOX_BY_WORKSPACE,
        &range.unchecked_into(),
        count,
    )
    .await
}

/// The workspace's messages written in `[start, end)` (UTC ms), oldest first.
pub async fn between(
    db: &Db,
    workspace_id: &str,
    start: f64,
    end: f64,
) -> Result<Vec<InboxItem>, StoreError> {
    let range = span(workspace_id, start, end)?;
    Ok(
        records::page(db, INBOX, INBOX_BY_WORKSPACE, &range, u32::MAX)
            .await?
            .items,
    )
}

pub async fn put_metrics(db: &Db, snapshots: &[MetricSnapshot]) -> Result<(), StoreError> {
    records::put_all(db, METRICS, snapshots, Durability::Strict).await
}

/// The newest `limit` metric snapshots of a workspace, newest first.
pub async fn latest_metrics(
    db: &Db,
    workspace_id: &str,
    limit: u32,
) -> Result<Page<MetricSnapshot>, StoreError> {
    records::latest(
        db,
        METRICS,
        METRICS_BY_WORKSPACE,
        &records::prefix_range(workspace_id)?,
        limit,
    )
    .await
}

/// The keys `[workspace, at]` of an index by workspace and time with `at` in `[start, end)`.
pub(crate) fn span(workspace_id: &str, start: f64, end: f64) -> Result<JsValue, StoreError> {
    let ws = JsValue::from_str(workspace_id);
    let lower = js_sys::Array::of2(&ws, &JsValue::from_f64(start));
    let upper = js_sys::Array::of2(&ws, &JsValue::from_f64(end));
    web_sys::IdbKeyRange::bound_with_lower_open_and_upper_open(&lower, &upper, false, true)
        .map(JsValue::from)
        .map_err(StoreError::from_js)
}

/// The workspace's metric snapshots taken in `[start, end)` (UTC ms), oldest first.
pub async fn metrics_between(
    db: &Db,
    workspace_id: &str,
    start: f64,
    end: f64,
) -> Result<Vec<MetricSnapshot>, StoreError> {
    let range = span(workspace_id, start, end)?;
    Ok(
        records::page(db, METRICS, METRICS_BY_WORKSPACE, &range, u32::MAX)
            .await?
            .items,
    )
}

/// How many messages of the workspace came in each of `spans` (`[start, end)`, UTC ms):
/// counted by the `[workspace, at]` index in one transaction, no message read.
pub async fn count_between(
    db: &Db,
    workspace_id: &str,
    spans: &[(f64, f64)],
) -> Result<Vec<u64>, StoreError> {
    let tx = Tx::read(db.raw(), &[INBOX])?;
    let index = tx
        .store(INBOX)?
        .index(INBOX_BY_WORKSPACE)
        .map_err(StoreError::from_js)?;
    let mut waits = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        let range = span(workspace_id, *start, *end)?;
        let req = index.count_with_key(&range).map_err(StoreError::from_js)?;
        waits.push(super::idb::request(&req));
    }
    let mut out = Vec::with_capacity(waits.len());
    for wait in waits {
        out.push(wait.await?.as_f64().unwrap_or(0.0) as u64);
    }
    tx.finish().await?;
    Ok(out)
}

/// Deletes a workspace's inbox and metrics inside the caller's transaction.
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    let range = records::prefix_range(workspace_id)?;
    take_in_index(tx, INBOX, INBOX_BY_WORKSPACE, &range, kept).await?;
    take_in_index(tx, METRICS, METRICS_BY_WORKSPACE, &range, kept).await
}
