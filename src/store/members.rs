//! What the user keeps about members (`domain::member_record`), by workspace, and the marks
//! forgotten members leave. Forgetting a member is one strict transaction over every store
//! that held something of theirs (their row of the People list's glance too): a crash
//! leaves them either whole or gone.

use js_sys::Array;
use wasm_bindgen::JsValue;

use crate::domain::follow_up::FollowUp;
use crate::domain::inbox::InboxItem;
use crate::domain::member_record::{erase_item, Forgotten, MemberRecord};
use crate::domain::people_glance::Glance;

use super::codec::{from_js, to_stored};
use super::idb::{request, Durability, Tx};
use super::records;
use super::schema::{
    FORGOTTEN, FORGOTTEN_BY_WORKSPACE, HITS, HITS_BY_WORKSPACE, INBOX, INBOX_BY_AUTHOR, KEPT,
    MEMBERS, MEMBERS_BY_WORKSPACE, SETTINGS, SIGN_PACKS, THREADS,
};
use super::set_aside::{take_in_index, SetAside};
use super::{Db, StoreError};

/// Every member record of a workspace.
pub async fn for_workspace(db: &Db, workspace_id: &str) -> Result<Vec<MemberRecord>, StoreError> {
    let key = JsValue::from_str(workspace_id);
    Ok(
        records::page(db, MEMBERS, MEMBERS_BY_WORKSPACE, &key, u32::MAX)
            .await?
            .items,
    )
}

/// The marks of the workspace's forgotten members.
pub async fn forgotten(db: &Db, workspace_id: &str) -> Result<Vec<Forgotten>, StoreError> {
    let key = JsValue::from_str(workspace_id);
    Ok(
        records::page(db, FORGOTTEN, FORGOTTEN_BY_WORKSPACE, &key, u32::MAX)
            .await?
            .items,
    )
}

/// Reads the record `id` (`fresh` when there is none), lets `change` alter it and writes it
/// back in one strict transaction (two tabs' changes both kept); a record left empty is
/// deleted. Returns the record as kept.
pub async fn update(
    db: &Db,
    fresh: MemberRecord,
    change: impl FnOnce(&mut MemberRecord),
) -> Result<MemberRecord, StoreError> {
    change_in(db, fresh, None, |r, _| change(r)).await
}

/// As [`update`], with another record read in the same transaction (`other_id`; none when
/// there is none), handed to `change` as it is: a merge or an unmerge.
pub async fn update_with(
    db: &Db,
    fresh: MemberRecord,
    other_id: &str,
    change: impl FnOnce(&mut MemberRecord, Option<&MemberRecord>),
) -> Result<MemberRecord, StoreError> {
    change_in(db, fresh, Some(other_id), change).await
}

async fn read(
    store: &web_sys::IdbObjectStore,
    id: &str,
) -> Result<Option<MemberRecord>, StoreError> {
    let value = request(&store.get(&id.into()).map_err(StoreError::from_js)?).await?;
    if value.is_undefined() {
        Ok(None)
    } else {
        from_js(&value).map(Some)
    }
}

async fn change_in(
    db: &Db,
    fresh: MemberRecord,
    other_id: Option<&str>,
    change: impl FnOnce(&mut MemberRecord, Option<&MemberRecord>),
) -> Result<MemberRecord, StoreError> {
    let tx = Tx::write(db.raw(), &[MEMBERS], Durability::Strict)?;
    let store = tx.store(MEMBERS)?;
    let id = fresh.id.clone();
    let mut record = read(&store, &id).await?.unwrap_or(fresh);
    let other = match other_id {
        Some(o) => read(&store, o).await?,
        None => None,
    };
    change(&mut record, other.as_ref());
    if record.is_empty() {
        store
            .delete(&id.as_str().into())
            .map_err(StoreError::from_js)?;
    } else {
        store
            .put(&to_stored(&record)?)
            .map_err(StoreError::from_js)?;
    }
    tx.commit().await?;
    Ok(record)
}

/// What forgetting one member touches.
#[derive(Debug, Clone, PartialEq)]
pub struct Forget {
    pub workspace_id: String,
    /// Their records' ids (`MemberRecord::id_of`), one per identity merged.
    pub record_ids: Vec<String>,
    /// Every spelling of their handle in the stored messages and signs.
    pub handles: Vec<String>,
    /// The kept threads of their conversations (`<workspace>:<conversation>`).
    pub threads: Vec<String>,
    /// The settings document of the workspace's follow-ups.
    pub follow_ups_key: String,
    /// The keys of their identities (their follow-ups go, and their row of the People
    /// list's glance).
    pub member_keys: Vec<String>,
    /// The settings document of the People list's glance.
    pub glance_key: String,
    /// The settings document of the member pictures shown (their hashes go).
    pub pictures_key: String,
    /// One mark per identity.
    pub marks: Vec<Forgotten>,
}

/// How much was erased.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Erased {
    pub messages: usize,
    pub signs: usize,
}

/// Erases one person's records of `store` found by `index`; returns how many, and the
/// addresses (`url_of`) they had before, so what was kept about them elsewhere goes too.
async fn erase_in<T, F>(
    tx: &Tx,
    store: &str,
    index: &str,
    workspace_id: &str,
    handle: &str,
    erase: F,
    url_of: fn(&T) -> String,
) -> Result<(usize, Vec<String>), StoreError>
where
    T: serde::de::DeserializeOwned + serde::Serialize,
    F: Fn(&mut T),
{
    let st = tx.store(store)?;
    let mut found: Vec<T> = vec![];
    for handle in super::sealed_records::index_values(handle) {
        let key = Array::of2(&workspace_id.into(), &handle.into());
        let req = st
            .index(index)
            .and_then(|i| i.get_all_with_key(&key))
            .map_err(StoreError::from_js)?;
        found.extend(from_js::<Vec<T>>(&request(&req).await?)?);
    }
    let urls = found.iter().map(url_of).filter(|u| !u.is_empty()).collect();
    found.iter_mut().for_each(erase);
    records::put_batch(&st, &found)?;
    Ok((found.len(), urls))
}

/// The marks of the workspace's forgotten members, read inside `tx` (which covers
/// [`FORGOTTEN`]): a write that must not bring someone back reads them in its own
/// transaction.
pub(super) async fn marks_in(tx: &Tx, workspace_id: &str) -> Result<Vec<Forgotten>, StoreError> {
    let marks = tx
        .store(FORGOTTEN)?
        .index(FORGOTTEN_BY_WORKSPACE)
        .and_then(|i| i.get_all_with_key(&workspace_id.into()))
        .map_err(StoreError::from_js)?;
    from_js(&request(&marks).await?)
}

/// Forgets a member in one strict transaction: their messages and signs erased (kept as
/// "someone"), their record, their follow-ups and the kept threads of their conversations
/// deleted, and their mark kept so the next sync does not bring them back.
pub async fn forget(db: &Db, plan: &Forget) -> Result<Erased, StoreError> {
    let tx = Tx::write(
        db.raw(),
        &[
            INBOX, SIGN_PACKS, MEMBERS, FORGOTTEN, THREADS, SETTINGS, HITS, KEPT,
        ],
        Durability::Strict,
    )?;
    let mut erased = Erased::default();
    // The search index kept to start faster holds their name and words: made again.
    super::kept::delete_for_workspace(&tx, &plan.workspace_id)?;
    // Listening's hits of theirs go too (they are found again only if they write again).
    let hits = tx.store(HITS)?;
    let range = records::prefix_range(&plan.workspace_id)?;
    let req = hits
        .index(HITS_BY_WORKSPACE)
        .and_then(|i| i.get_all_with_key(&range))
        .map_err(StoreError::from_js)?;
    let all: Vec<crate::domain::listening::Hit> = from_js(&request(&req).await?)?;
    let mut urls: Vec<String> = vec![];
    for h in all
        .iter()
        .filter(|h| plan.handles.contains(&h.item.author_handle))
    {
        urls.push(h.item.url.clone());
        hits.delete(&h.id.as_str().into())
            .map_err(StoreError::from_js)?;
    }
    for handle in &plan.handles {
        let (n, mut gone) = erase_in::<InboxItem, _>(
            &tx,
            INBOX,
            INBOX_BY_AUTHOR,
            &plan.workspace_id,
            handle,
            erase_item,
            |i| i.url.clone(),
        )
        .await?;
        erased.messages += n;
        urls.append(&mut gone);
        let (n, mut gone) = super::interactions::erase_who(&tx, &plan.workspace_id, handle).await?;
        erased.signs += n;
        urls.append(&mut gone);
    }
    let members = tx.store(MEMBERS)?;
    for id in &plan.record_ids {
        members
            .delete(&id.as_str().into())
            .map_err(StoreError::from_js)?;
    }
    records::put_batch(&tx.store(FORGOTTEN)?, &plan.marks)?;
    let threads = tx.store(THREADS)?;
    for id in &plan.threads {
        threads
            .delete(&id.as_str().into())
            .map_err(StoreError::from_js)?;
    }
    let settings = tx.store(SETTINGS)?;
    let key = JsValue::from_str(&plan.follow_ups_key);
    let value = request(&settings.get(&key).map_err(StoreError::from_js)?).await?;
    if !value.is_undefined() {
        let mut all: Vec<FollowUp> = from_js(&value)?;
        all.retain(|f| !plan.member_keys.contains(&f.member_key));
        settings
            .put_with_key(&to_stored(&all)?, &key)
            .map_err(StoreError::from_js)?;
    }
    // The tones the user gave their messages (`sentiment:<workspace>`, by address).
    let key = JsValue::from_str(&format!("sentiment:{}", plan.workspace_id));
    let value = request(&settings.get(&key).map_err(StoreError::from_js)?).await?;
    if !value.is_undefined() {
        let mut tones: std::collections::HashMap<String, crate::domain::sentiment::Sentiment> =
            from_js(&value)?;
        tones.retain(|url, _| !urls.contains(url));
        settings
            .put_with_key(&to_stored(&tones)?, &key)
            .map_err(StoreError::from_js)?;
    }
    let key = JsValue::from_str(&plan.glance_key);
    let value = request(&settings.get(&key).map_err(StoreError::from_js)?).await?;
    if !value.is_undefined() {
        let mut glance: Glance = from_js(&value)?;
        glance.forget(&plan.member_keys);
        settings
            .put_with_key(&to_stored(&glance)?, &key)
            .map_err(StoreError::from_js)?;
    }
    let key = JsValue::from_str(&plan.pictures_key);
    let value = request(&settings.get(&key).map_err(StoreError::from_js)?).await?;
    if !value.is_undefined() {
        let mut shown: std::collections::HashMap<String, serde_json::Value> = from_js(&value)?;
        shown.retain(|k, _| !plan.member_keys.contains(k));
        settings
            .put_with_key(&to_stored(&shown)?, &key)
            .map_err(StoreError::from_js)?;
    }
    tx.commit().await?;
    Ok(erased)
}

/// Deletes a workspace's member records and marks inside the caller's transaction.
pub async fn take_for_workspace(
    tx: &Tx,
    workspace_id: &str,
    kept: &mut SetAside,
) -> Result<(), StoreError> {
    let key = JsValue::from_str(workspace_id);
    take_in_index(tx, MEMBERS, MEMBERS_BY_WORKSPACE, &key, kept).await?;
    take_in_index(tx, FORGOTTEN, FORGOTTEN_BY_WORKSPACE, &key, kept).await
}
