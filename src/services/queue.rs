//! The queue as use-cases: put a post in the workspace's next free slot, and schedule the
//! later occurrences of an evergreen post, each in a free slot, with copies of its images.

use std::collections::HashMap;

use crate::domain::post::{Post, PostState};
use crate::domain::queue::{
    evergreen_occurrences, next_free_slot, QueueSettings, Recurrence, Slot, Zone,
};
use crate::store::{self, Db, StoreError};

use super::clock::{new_id, now_ms};

const DAY_MS: f64 = 86_400_000.0;

/// The user's own time zone, through the browser's `Date`.
pub struct BrowserZone;

impl Zone for BrowserZone {
    fn offset_minutes(&self, utc_ms: f64) -> i32 {
        -(js_sys::Date::new(&utc_ms.into()).get_timezone_offset() as i32)
    }
}

/// Due times already used in the workspace from `from` on (cancelled and published posts
/// and `except` itself do not hold a slot).
async fn taken(
    db: &Db,
    workspace_id: &str,
    except: &str,
    from: f64,
) -> Result<Vec<f64>, StoreError> {
    let posts = store::posts::due_between(db, workspace_id, from, from + 1_100.0 * DAY_MS).await?;
    Ok(posts
        .into_iter()
        .filter(|p| {
            p.id != except && !matches!(p.state, PostState::Cancelled | PostState::Published)
        })
        .filter_map(|p| p.due_at)
        .collect())
}

fn settings(post: &Post, slots: &[Slot]) -> QueueSettings {
    QueueSettings {
        workspace_id: post.workspace_id.clone(),
        slots: slots.to_vec(),
    }
}

/// Schedules `post` in the next free slot after now and saves it as an edit made in this
/// tab (`posts::save_edit`: refused when another tab changed the post since this copy was
/// read). `None` when the workspace has no free slot (or the post cannot be scheduled from
/// its state).
pub async fn add_to_queue(
    db: &Db,
    post: &Post,
    slots: &[Slot],
    by: &str,
) -> Result<Option<Post>, StoreError> {
    let now = now_ms();
    let used = taken(db, &post.workspace_id, &post.id, now).await?;
    let Some(due) = next_free_slot(&settings(post, slots), &BrowserZone, now, &used) else {
        return Ok(None);
    };
    let mut post = post.clone();
    if post.state != PostState::Scheduled && post.transition(PostState::Scheduled, by, now).is_err()
    {
        return Ok(None);
    }
    post.due_at = Some(due);
    // as the composer saves: refused when another tab changed the post since this copy
    let saved = super::posts::save_edit(db, &post).await?;
    Ok(Some(saved))
}

/// Schedules the later occurrences of an already scheduled `post` (every `every_days`
/// until `until`), each a copy with its own images, written in one transaction. Returns
/// every due time, the post's own first.
pub async fn schedule_repeats(
    db: &Db,
    post: &Post,
    recurrence: &Recurrence,
    slots: &[Slot],
    by: &str,
) -> Result<Vec<f64>, StoreError> {
    let Some(first) = post.due_at else {
        return Ok(vec![]);
    };
    let used = taken(db, &post.workspace_id, &post.id, first).await?;
    let dues = evergreen_occurrences(
        &settings(post, slots),
        &BrowserZone,
        first,
        recurrence,
        &used,
    );
    let now = now_ms();
    let mut copies = Vec::with_capacity(dues.len().saturating_sub(1));
    let mut blobs = vec![];
    for due in dues.iter().skip(1) {
        let mut ids = HashMap::new();
        for m in post.variants.iter().flat_map(|v| v.media.iter()) {
            ids.entry(m.id.clone()).or_insert_with(new_id);
        }
        let copy = post.occurrence(new_id(), *due, by, now, |old| ids[old].clone());
        for (old, new) in ids {
            blobs.push((old, new, copy.id.clone()));
        }
        copies.push(copy);
    }
    for (old, new, owner) in blobs {
        if let Some(blob) = store::posts::get_media(db, &old).await? {
            store::posts::put_media(db, &new, &owner, &blob).await?;
        }
    }
    store::posts::put_many(db, &copies).await?;
    Ok(dues)
}

/// Adds (`add`) or removes a posting slot of the workspace, read and written in one
/// transaction; `Ok(false)` when nothing changed (the slot was already there, or not).
pub async fn change_slot(
    db: &Db,
    workspace_id: &str,
    slot: Slot,
    add: bool,
) -> Result<bool, StoreError> {
    let mut changed = false;
    store::library::update_slots(db, workspace_id, |slots| {
        changed = if add {
            !slots.contains(&slot) && {
                slots.push(slot);
                true
            }
        } else {
            let before = slots.len();
            slots.retain(|s| *s != slot);
            slots.len() != before
        };
        changed
    })
    .await?;
    Ok(changed)
}

/// Adds each of `slots` that the workspace does not have yet (the best hours of a report),
/// in one transaction. Returns how many were added.
pub async fn adopt_slots(db: &Db, workspace_id: &str, slots: &[Slot]) -> Result<usize, StoreError> {
    let mut added = 0;
    store::library::update_slots(db, workspace_id, |kept| {
        for s in slots {
            if !kept.contains(s) {
                kept.push(*s);
                added += 1;
            }
        }
        added > 0
    })
    .await?;
    Ok(added)
}
