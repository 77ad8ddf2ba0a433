//! What the user keeps about a member — notes (dated, with the teammate's name), tags,
//! custom fields, the teammate mark — each change one strict read-modify-write; forgetting a
//! member (one strict transaction, `store::members::forget`) with the export of their data
//! first, on request; and the sync's scrub, so a forgotten member is not brought back.

use crate::domain::follow_up::FollowUp;
use crate::domain::inbox::InboxItem;
use crate::domain::interaction::Interaction;
use crate::domain::member::Member;
use crate::domain::member_record::{
    merge_into, note_text, parse_tags, scrub, set_field, unmerge_from, Forgotten, MemberNote,
    MemberRecord, RecordError,
};
use crate::domain::sorting;
use crate::store::{self, Db, StoreError};

use super::clock::{new_id, now_ms};

/// The settings key of the name this device's teammate signs notes with.
const MY_NAME: &str = "my-name";

#[derive(Debug, Clone, PartialEq)]
pub enum RecordChangeError {
    Invalid(RecordError),
    Store(StoreError),
}

impl From<StoreError> for RecordChangeError {
    fn from(e: StoreError) -> Self {
        RecordChangeError::Store(e)
    }
}

/// The name this device's teammate signed their last note with.
pub async fn my_name(db: &Db) -> Result<String, StoreError> {
    store::settings_docs::get_or_default(db, MY_NAME).await
}

async fn change(
    db: &Db,
    workspace_id: &str,
    key: &str,
    f: impl FnOnce(&mut MemberRecord),
) -> Result<MemberRecord, StoreError> {
    let now = now_ms();
    store::members::update(db, MemberRecord::new(workspace_id, key, now), |r| {
        f(r);
        r.updated_at = now;
    })
    .await
}

/// Adds a note about the member `key`, signed `by` (remembered on this device for the next).
pub async fn add_note(
    db: &Db,
    workspace_id: &str,
    key: &str,
    by: &str,
    text: &str,
) -> Result<MemberRecord, RecordChangeError> {
    let text = note_text(text).map_err(RecordChangeError::Invalid)?;
    let by = by.trim().chars().take(80).collect::<String>();
    let note = MemberNote {
        id: new_id(),
        at: now_ms(),
        by: by.clone(),
        text,
    };
    let record = change(db, workspace_id, key, |r| r.notes.insert(0, note)).await?;
    store::settings_docs::put(db, MY_NAME, &by).await?;
    Ok(record)
}

/// Deletes the note `id` of the member `key`.
pub async fn delete_note(
    db: &Db,
    workspace_id: &str,
    key: &str,
    id: &str,
) -> Result<MemberRecord, StoreError> {
    change(db, workspace_id, key, |r| r.notes.retain(|n| n.id != id)).await
}

/// Sets the member's tags from what was typed ("ambassador, Lyon").
pub async fn set_tags(
    db: &Db,
    workspace_id: &str,
    key: &str,
    typed: &str,
) -> Result<MemberRecord, RecordChangeError> {
    let tags = parse_tags(typed).map_err(RecordChangeError::Invalid)?;
    Ok(change(db, workspace_id, key, |r| r.tags = tags).await?)
}

/// Sets (or, with an empty value, removes) one custom field of the member.
pub async fn set_member_field(
    db: &Db,
    workspace_id: &str,
    key: &str,
    name: &str,
    value: &str,
) -> Result<MemberRecord, RecordChangeError> {
    let mut check = vec![];
    set_field(&mut check, name, value).map_err(RecordChangeError::Invalid)?;
    let mut result = Ok(());
    let record = change(db, workspace_id, key, |r| {
        result = set_field(&mut r.fields, name, value);
    })
    .await?;
    result.map_err(RecordChangeError::Invalid)?;
    Ok(record)
}

/// Marks one of the member's interactions (its address, when it happened) as negative, or
/// not: the relationship map names the members with one in the last 90 days.
pub async fn set_negative(
    db: &Db,
    workspace_id: &str,
    key: &str,
    url: &str,
    at: f64,
    negative: bool,
) -> Result<MemberRecord, StoreError> {
    change(db, workspace_id, key, |r| r.set_negative(url, at, negative)).await
}

/// Marks the member as a teammate (left out of the levels), or not.
pub async fn set_teammate(
    db: &Db,
    workspace_id: &str,
    key: &str,
    teammate: bool,
) -> Result<MemberRecord, StoreError> {
    change(db, workspace_id, key, |r| r.teammate = teammate).await
}

/// One member's data as a JSON document (what they are asked to be given before they are
/// forgotten): who they are, what they did, and everything the workspace noted about them.
pub fn export(member: &Member, record: Option<&MemberRecord>, follow_ups: &[FollowUp]) -> String {
    use serde_json::json;
    let timeline: Vec<_> = member
        .timeline
        .iter()
        .map(|m| json!({ "kind": format!("{:?}", m.kind), "at": m.at, "url": m.url, "text": m.text() }))
        .collect();
    let follow_ups: Vec<&FollowUp> = follow_ups
        .iter()
        .filter(|f| f.member_key == member.key)
        .collect();
    let doc = json!({
        "name": member.name,
        "handle": member.handle,
        "network": member.network.name(),
        "profile": member.url,
        "first_seen": member.first_seen,
        "last_seen": member.last_seen,
        "timeline": timeline,
        "notes": record.map(|r| r.notes.clone()).unwrap_or_default(),
        "tags": record.map(|r| r.tags.clone()).unwrap_or_default(),
        "fields": record.map(|r| r.fields.clone()).unwrap_or_default(),
        "follow_ups": follow_ups,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Forgets the member: their messages and signs erased from the device (kept as "someone"),
/// their record, follow-ups and kept threads deleted, in one strict transaction.
pub async fn forget(
    db: &Db,
    workspace_id: &str,
    member: &Member,
) -> Result<store::members::Erased, StoreError> {
    let mut threads: Vec<String> = member
        .timeline
        .iter()
        .filter_map(|m| m.conversation())
        .map(|c| crate::domain::conversation::Triage::id_of(workspace_id, c))
        .collect();
    sorting::sort(&mut threads[..]);
    threads.dedup();
    let now = now_ms();
    let mut keys: Vec<String> = member.identities.iter().map(|i| i.key.clone()).collect();
    if !keys.contains(&member.key) {
        keys.push(member.key.clone());
    }
    let plan = store::members::Forget {
        workspace_id: workspace_id.to_string(),
        record_ids: keys
            .iter()
            .map(|k| MemberRecord::id_of(workspace_id, k))
            .collect(),
        handles: member.handles.clone(),
        threads,
        follow_ups_key: super::follow_ups::key(workspace_id),
        glance_key: super::members::glance_key(workspace_id),
        pictures_key: super::avatars::shown_key(workspace_id),
        marks: keys
            .iter()
            .map(|k| Forgotten::new(workspace_id, k, now))
            .collect(),
        member_keys: keys,
    };
    store::members::forget(db, &plan).await
}

/// Merges the member `other_key` into `into_key` (both keep their own records; the
/// merged member shows `into_key`'s, with `other_key`'s notes, tags and fields copied in).
pub async fn merge(
    db: &Db,
    workspace_id: &str,
    into_key: &str,
    other_key: &str,
) -> Result<MemberRecord, StoreError> {
    change_pair(db, workspace_id, into_key, other_key, merge_into).await
}

/// Undoes a merge: `other_key` is its own member again, with its own record as it was.
pub async fn unmerge(
    db: &Db,
    workspace_id: &str,
    into_key: &str,
    other_key: &str,
) -> Result<MemberRecord, StoreError> {
    change_pair(db, workspace_id, into_key, other_key, unmerge_from).await
}

async fn change_pair(
    db: &Db,
    workspace_id: &str,
    into_key: &str,
    other_key: &str,
    rule: fn(&mut MemberRecord, &str, Option<&MemberRecord>),
) -> Result<MemberRecord, StoreError> {
    let now = now_ms();
    let fresh = MemberRecord::new(workspace_id, into_key, now);
    let other_id = MemberRecord::id_of(workspace_id, other_key);
    store::members::update_with(db, fresh, &other_id, |into, other| {
        rule(into, other_key, other);
        into.updated_at = now;
    })
    .await
}

fn dismissed_key(workspace_id: &str) -> String {
    format!("merge-dismissed:{workspace_id}")
}

/// The pairs the user said are not the same person.
pub async fn dismissed(db: &Db, workspace_id: &str) -> Result<Vec<(String, String)>, StoreError> {
    store::settings_docs::get_or_default(db, &dismissed_key(workspace_id)).await
}

/// Keeps that `a` and `b` are not the same person: never suggested again.
pub async fn dismiss(db: &Db, workspace_id: &str, a: &str, b: &str) -> Result<(), StoreError> {
    let p = crate::domain::member_merge::pair(a, b);
    store::settings_docs::update(
        db,
        &dismissed_key(workspace_id),
        |all: &mut Vec<(String, String)>| {
            if !all.contains(&p) {
                all.push(p);
            }
        },
    )
    .await
}

/// Erases from a page just read what comes from members forgotten after it was written.
pub async fn scrub_page(
    db: &Db,
    workspace_id: &str,
    items: &mut [InboxItem],
    signs: &mut [Interaction],
) -> Result<(), StoreError> {
    let forgotten = store::members::forgotten(db, workspace_id).await?;
    scrub(workspace_id, &forgotten, items, signs);
    Ok(())
}
