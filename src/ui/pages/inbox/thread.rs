//! An open conversation's messages with the thread around them: what the device keeps is
//! shown at once, then the thread is read from the network (unless it was read moments ago)
//! and shown whole — our own posts marked, the messages that never reached the inbox marked
//! "in the thread". A read that fails says why and leaves what is shown. Reads belong to the
//! Inbox (`Reads`), not to the row: a row drawn again (a triage changed it) keeps its read.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::thread_context::{merged, ThreadContext};
use crate::services::clock::now_ms;
use crate::services::conversations::ConversationView;
use crate::services::sending::SyncError;
use crate::services::threads;
use crate::ui::errors::{save_failed, thread_problem};
use crate::ui::format::date_time;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_db, OpenDb};
use crate::ui::text::use_text;

use super::message::Message;
use super::reply_box::OurReplies;
use super::use_inbox;

/// How a thread's reads this visit went: the last one that worked is kept through a later
/// one that fails.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Read {
    reading: bool,
    done: Option<ThreadContext>,
    failed: Option<SyncError>,
}

/// The threads read this visit, by conversation key, and the one action that reads them.
#[derive(Clone, Copy)]
pub(super) struct Reads {
    by_key: RwSignal<HashMap<String, Read>>,
    read: Action<Arc<ConversationView>, ()>,
}

impl Reads {
    pub(super) fn new(db: OpenDb) -> Reads {
        let by_key = RwSignal::new(HashMap::<String, Read>::new());
        let read = Action::new_local(move |conv: &Arc<ConversationView>| {
            let (db, conv) = (db.get(), conv.clone());
            async move {
                let got = threads::read(&db, &conv).await;
                by_key.try_update(|m| {
                    let r = m.entry(conv.key.clone()).or_default();
                    r.reading = false;
                    match got {
                        Ok(t) => r.done = Some(t),
                        Err(e) => r.failed = Some(e),
                    }
                });
            }
        });
        Reads { by_key, read }
    }

    fn start(&self, conv: Arc<ConversationView>) {
        self.by_key.update(|m| {
            let r = m.entry(conv.key.clone()).or_default();
            r.reading = true;
            r.failed = None;
        });
        self.read.dispatch(conv);
    }

    fn of(&self, key: &str) -> Option<Read> {
        self.by_key.with(|m| m.get(key).cloned())
    }
}

#[component]
pub fn Thread(conv: Arc<ConversationView>) -> impl IntoView {
    let (db, t, reads) = (use_db(), use_text(), use_inbox().threads);
    let network = conv.last().network.name();
    let key = StoredValue::new(conv.key.clone());
    // Messages kept before conversations have no remote id: their thread cannot be asked for.
    let readable = !conv.last().remote_id.is_empty();
    let conv = StoredValue::new(conv);
    let kept = LocalResource::new(move || {
        let db = db.get();
        let (ws, key) = conv.with_value(|c| (c.last().workspace_id.clone(), c.key.clone()));
        async move { threads::kept(&db, &ws, &key).await.ok().flatten() }
    });
    let state = move || key.with_value(|k| reads.of(k));
    // Once what is kept is known: read the network, unless that was done moments ago or
    // this visit already read it (or is reading it).
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let Some(k) = kept.get() else {
            return false;
        };
        let fresh = k.is_some_and(|k| k.is_fresh(now_ms()));
        if readable && !fresh && key.with_value(|k| reads.of(k)).is_none() {
            reads.start(conv.get_value());
        }
        true
    });
    let context = move || {
        state()
            .and_then(|r| r.done)
            .or_else(|| kept.get().flatten())
    };
    let replies = RwSignal::new(Vec::<String>::new());
    let shown = move || {
        let c = context();
        replies.with(|r| conv.with_value(|v| merged(&v.items, c.as_ref(), r)))
    };
    let reading = move || state().is_some_and(|r| r.reading);
    let status = move || {
        if reading() {
            return t.fill(Msg::ThreadReading, &[("network", &network)]);
        }
        let as_of = context().map(|c| {
            t.fill(
                Msg::ThreadAsOf,
                &[
                    ("network", &network),
                    ("when", &date_time(t.lang(), c.fetched_at)),
                ],
            )
        });
        match state().and_then(|r| r.failed) {
            Some(e) => {
                let why = match &e {
                    SyncError::Stopped(p) => thread_problem(t, network, p),
                    SyncError::Store(e) => save_failed(t, e),
                };
                let what = as_of.unwrap_or_else(|| t.get(Msg::ThreadOnlyKept).to_string());
                format!("{why} {what}")
            }
            _ => as_of.unwrap_or_default(),
        }
    };
    view! {
        {readable.then(|| view! {
            <p class="thread-status" role="status">
                <span>{status}</span>" "
                <button type="button" class="secondary" disabled=reading
                    on:click=move |_| reads.start(conv.get_value())>{t.tr(Msg::ThreadReadAgain)}</button>
            </p>
        })}
        <ol class="thread">
            {move || shown().into_iter().map(|s| {
                let badge = if s.ours {
                    Some(view! { <span class="badge ours-badge">{t.get(Msg::ThreadOurs)}</span> })
                } else if !s.received {
                    Some(view! { <span class="badge around-badge">{t.get(Msg::ThreadAround)}</span> })
                } else {
                    None
                };
                view! {
                    <li class:ours=s.ours class:around=!s.received>
                        {badge}
                        <Message item=s.item/>
                    </li>
                }
            }).collect_view()}
            <OurReplies conv_key=key.get_value() published=replies/>
        </ol>
    }
}
