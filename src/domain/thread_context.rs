//! The thread around a conversation, as its network showed it when it was last opened online:
//! the posts above it (up to our own post it answers), the replies under it that never reached
//! the inbox (people answering each other, our replies sent from another app), each marked as
//! ours or not. Kept on the device, so an opened thread reads the same offline.

use super::sorting;
use serde::{Deserialize, Serialize};

use super::inbox::InboxItem;

/// How long a thread read from the network is taken as current (opening it again within this
/// time does not ask the network again).
pub const FRESH_MS: f64 = 2.0 * 60_000.0;

/// One message of the thread, as the network gave it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContextMessage {
    pub item: InboxItem,
    /// Written by the connected account (the brand).
    pub ours: bool,
}

/// A conversation's thread, one record per conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadContext {
    /// `<workspace id>:<conversation key>` (as the conversation's triage).
    pub id: String,
    pub workspace_id: String,
    /// The conversation's key.
    pub key: String,
    /// When it was read from the network (UTC ms).
    pub fetched_at: f64,
    pub messages: Vec<ContextMessage>,
}

impl ThreadContext {
    pub fn is_fresh(&self, now: f64) -> bool {
        now - self.fetched_at < FRESH_MS && now >= self.fetched_at
    }
}

/// One message as the open conversation shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub item: InboxItem,
    pub ours: bool,
    /// It came to the inbox (a mention or a reply to us), as opposed to a message read with
    /// the thread.
    pub received: bool,
}

/// The conversation's messages with its thread: every message once (the inbox's copy when
/// both have it, marked ours when the thread says so), oldest first, leaving out the
/// thread's messages whose remote id is in `shown_elsewhere` (our replies, shown with how
/// far they got). Without a thread, the inbox's messages alone.
pub fn merged(
    items: &[InboxItem],
    context: Option<&ThreadContext>,
    shown_elsewhere: &[String],
) -> Vec<Shown> {
    let mut out: Vec<Shown> = items
        .iter()
        .map(|i| Shown {
            item: i.clone(),
            ours: false,
            received: true,
        })
        .collect();
    if let Some(c) = context {
        for m in c
            .messages
            .iter()
            .filter(|m| !shown_elsewhere.contains(&m.item.remote_id))
        {
            let known = out
                .iter_mut()
                .find(|s| !s.item.remote_id.is_empty() && s.item.remote_id == m.item.remote_id);
            match known {
                Some(s) => s.ours |= m.ours,
                None => out.push(Shown {
                    item: m.item.clone(),
                    ours: m.ours,
                    received: false,
                }),
            }
        }
    }
    sorting::sort_by(&mut out[..], |a, b| {
        a.item
            .at
            .total_cmp(&b.item.at)
            .then_with(|| a.item.id.cmp(&b.item.id))
    });
    out
}
