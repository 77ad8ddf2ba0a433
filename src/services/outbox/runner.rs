//! The one runner: only the leader tab sends. It starts when this tab becomes the leader
//! (at once for the first tab, or when the leader closes or crashes), takes back the rows
//! the previous leader left mid-send, and then runs on every trigger: app start, `online`,
//! the page becoming visible, a timer set to the next row due (and a 30-second beat), a
//! change announced by another tab, and Background Sync's wake-up from the service worker
//! where the browser has it. One row at a time; every change is saved before the next
//! request, and the row's lease is renewed while its attempt runs (see `LEASE_MS` in
//! `domain/outbox.rs`).

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::{Interval, Timeout};
use wasm_bindgen::JsCast;

use crate::domain::outbox::{
    next_due, Decision, ItemState, OutboxItem, Start, KEEP_LEASE_EVERY_MS,
};
use crate::domain::post::PostState;
use crate::services::clock::{now_ms, sleep};
use crate::store::outbox::Writes;
use crate::store::{self, Db, StoreError};

use super::attempt::{self, Ended};
use super::DuePost;

/// The steady beat, for rows coming due and posts falling due.
const BEAT_MS: u32 = 30_000;
/// The longest a timer is set ahead (the beat covers the rest).
const MAX_TIMER_MS: f64 = 30_000.0;

/// What needs the user, for a notification.
pub enum Attention {
    /// A row stopped: reconnect, or change the post.
    Stopped(Box<OutboxItem>),
    /// Posts found past their time, newly seen.
    Late(Vec<DuePost>),
}

/// What the runner tells the page.
#[derive(Clone)]
pub struct Hooks {
    /// A row or a post changed (screens reload, the badge recounts, other tabs are told).
    pub changed: Rc<dyn Fn()>,
    pub attention: Rc<dyn Fn(Attention)>,
    /// The workspaces whose scheduled posts it looks at.
    pub workspaces: Rc<dyn Fn() -> Vec<String>>,
}

struct Runner {
    db: Db,
    hooks: Hooks,
    running: bool,
    again: bool,
    timer: Option<Timeout>,
    /// The first pass, which looks at every past post, is done.
    looked_back: bool,
    /// Late posts already shown to the user (notified once each).
    late_told: HashSet<String>,
}

thread_local! {
    static RUNNER: RefCell<Option<Runner>> = const { RefCell::new(None) };
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// This tab became the leader: it sends from now on.
pub fn lead(db: Db, hooks: Hooks) {
    let first = RUNNER.with(|r| {
        let mut r = r.borrow_mut();
        let first = r.is_none();
        *r = Some(Runner {
            db: db.clone(),
            hooks,
            running: false,
            again: false,
            timer: None,
            looked_back: false,
            late_told: HashSet::new(),
        });
        first
    });
    if first {
        listen();
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark("attache:outbox-runner");
        }
    }
    wasm_bindgen_futures::spawn_local(async move {
        let _ = take_over(&db).await;
        wake();
    });
}

/// Rows the previous leader left mid-send are due at once.
async fn take_over(db: &Db) -> Result<(), StoreError> {
    let now = now_ms();
    for mut row in store::outbox::all(db).await? {
        if row.state == ItemState::Sending {
            row.reclaim(now);
            store::outbox::put(db, &row).await?;
        }
    }
    Ok(())
}

/// The browser's triggers, installed once.
fn listen() {
    let Some(window) = web_sys::window() else {
        return;
    };
    EventListener::new(&window, "online", |_| {
        let Some(db) = with(|r| r.db.clone()) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let now = now_ms();
            if let Ok(rows) = store::outbox::all(&db).await {
                for mut row in rows {
                    let before = row.next_try_at;
                    row.network_back(now);
                    if row.next_try_at != before {
                        let _ = store::outbox::put(&db, &row).await;
                    }
                }
            }
            wake();
        });
    })
    .forget();
    if let Some(doc) = window.document() {
        EventListener::new(&doc, "visibilitychange", |_| {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| !d.hidden());
            if visible {
                wake();
            }
        })
        .forget();
    }
    Interval::new(BEAT_MS, wake).forget();
    // Background Sync: the service worker posts this when the browser wakes it.
    if let Ok(sw) = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into()) {
        if !sw.is_undefined() {
            let target: &web_sys::EventTarget = sw.unchecked_ref();
            EventListener::new(target, "message", |e| {
                let data = e.unchecked_ref::<web_sys::MessageEvent>().data();
                if data.as_string().as_deref() == Some(WAKE_MESSAGE) {
                    wake();
                }
            })
            .forget();
        }
    }
}

/// What `public/sw.js` posts on a Background Sync event.
pub const WAKE_MESSAGE: &str = "attache-outbox-wake";
/// The Background Sync tag registered when a row is queued.
pub const SYNC_TAG: &str = "attache-outbox";

fn with<T>(f: impl FnOnce(&mut Runner) -> T) -> Option<T> {
    RUNNER.with(|r| r.borrow_mut().as_mut().map(f))
}

/// Runs the outbox now if this tab leads (a run already going runs once more after).
/// In another tab, does nothing: that tab announces its change and the leader wakes.
pub fn wake() {
    let start = with(|r| {
        if r.running {
            r.again = true;
            false
        } else {
            r.running = true;
            true
        }
    });
    if start == Some(true) {
        wasm_bindgen_futures::spawn_local(run());
    }
}

async fn run() {
    loop {
        let Some((db, hooks)) = with(|r| {
            r.again = false;
            (r.db.clone(), r.hooks.clone())
        }) else {
            return;
        };
        told(PASS_STARTED);
        let next = match pass(&db, &hooks).await {
            Ok(next) => next,
            Err(_) => Some(now_ms() + MAX_TIMER_MS),
        };
        // A pass has ended: whatever was due was sent.
        told(PASS_ENDED);
        let again = with(|r| {
            if !r.again {
                r.running = false;
            }
            r.again
        });
        if again != Some(true) {
            arm(next);
            return;
        }
    }
}

/// Events on `window` at the start and the end of each pass, one pass at a time: what a test
/// waits for before saying that nothing more went out. Events, not performance marks: a
/// test's fake clock stubs the performance timeline.
pub const PASS_STARTED: &str = "attache-outbox-pass-start";
pub const PASS_ENDED: &str = "attache-outbox-pass";

fn told(name: &str) {
    if let (Some(w), Ok(e)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = w.dispatch_event(&e);
    }
}

/// Sets the timer for the next row due.
fn arm(next: Option<f64>) {
    // Dropping the previous timer cancels it.
    with(|r| r.timer = None);
    let Some(at) = next else { return };
    let wait = (at - now_ms()).clamp(0.0, MAX_TIMER_MS) as u32;
    let timer = Timeout::new(wait, wake);
    with(|r| r.timer = Some(timer));
}

/// Sends every row due, one at a time; returns when the next one is due.
async fn pass(db: &Db, hooks: &Hooks) -> Result<Option<f64>, StoreError> {
    // Locked: nothing is sent (the tokens cannot be read); unlocking wakes the runner.
    if !online() || store::sealing::is_locked() {
        return Ok(None);
    }
    let mut late = vec![];
    // The first pass looks at every past post; the later ones at the last 30 days (a post
    // can no longer be scheduled or moved into the past).
    let back = match with(|r| std::mem::replace(&mut r.looked_back, true)) {
        Some(false) => super::LookBack::All,
        _ => super::LookBack::Recent,
    };
    for ws in (hooks.workspaces)() {
        late.extend(super::send_due(db, &ws, now_ms(), back).await?);
    }
    let new_late: Vec<DuePost> = with(|r| {
        late.into_iter()
            .filter(|d| r.late_told.insert(d.post.id.clone()))
            .collect()
    })
    .unwrap_or_default();
    if !new_late.is_empty() {
        (hooks.attention)(super::runner::Attention::Late(new_late));
        (hooks.changed)();
    }
    loop {
        let rows = store::outbox::all(db).await?;
        let now = now_ms();
        store::outbox::delete_many(db, &crate::domain::outbox::expired(&rows, now)).await?;
        let Some(row) = next_due(&rows, now).cloned() else {
            return Ok(next_time(&rows));
        };
        if !online() || store::sealing::is_locked() {
            return Ok(None);
        }
        send_one(db, hooks, row).await?;
    }
}

/// When the next waiting row falls due.
fn next_time(rows: &[OutboxItem]) -> Option<f64> {
    let blocked = crate::domain::outbox::blocked_accounts(rows);
    rows.iter()
        .filter(|r| matches!(r.state, ItemState::Waiting | ItemState::Sending))
        .filter(|r| !blocked.contains(&r.account_id.as_str()))
        .map(|r| r.next_try_at)
        .min_by(f64::total_cmp)
}

/// Takes `row` under a lease, sends it, records the outcome and what the post becomes.
async fn send_one(db: &Db, hooks: &Hooks, row: OutboxItem) -> Result<(), StoreError> {
    let now = now_ms();
    let id = row.id.clone();
    let taken = store::outbox::change(db, &row.post_id, |post, rows| {
        let Some(mut fresh) = rows.into_iter().find(|r| r.id == id) else {
            return Writes {
                post: None,
                items: vec![],
                result: None,
            };
        };
        if post.is_none() {
            let _ = fresh.cancel();
            return Writes {
                post: None,
                items: vec![fresh],
                result: None,
            };
        }
        // Another runner (a browser without Web Locks) is sending it under a live lease.
        if fresh.state == ItemState::Sending && fresh.next_try_at > now {
            return Writes {
                post: None,
                items: vec![],
                result: None,
            };
        }
        let start = fresh.start(now);
        let result = (start != Start::Nothing).then(|| (fresh.clone(), start));
        Writes {
            post: None,
            items: vec![fresh],
            result,
        }
    })
    .await?;
    let Some((taken, start)) = taken else {
        (hooks.changed)();
        return Ok(());
    };
    (hooks.changed)();
    let lease = Rc::new(Cell::new(taken.next_try_at));
    let over = Rc::new(Cell::new(false));
    wasm_bindgen_futures::spawn_local(keep_lease(
        db.clone(),
        taken.clone(),
        lease.clone(),
        over.clone(),
    ));
    let ended = attempt::run(db, &taken, start == Start::CheckFirst).await;
    over.set(true);
    let done = now_ms();
    let jitter = js_sys::Math::random();
    let decision = store::outbox::change(db, &taken.post_id, |post, rows| {
        let others_open = rows.iter().any(|r| r.id != id && r.is_open());
        let (mine, others): (Vec<OutboxItem>, Vec<OutboxItem>) =
            rows.into_iter().partition(|r| r.id == id);
        let Some(mut fresh) = mine.into_iter().next() else {
            return Writes {
                post: None,
                items: vec![],
                result: None,
            };
        };
        // Only the attempt that holds the row records its end (never over a row another
        // runner took again or finished).
        if fresh.state != ItemState::Sending || fresh.next_try_at != lease.get() {
            return Writes {
                post: None,
                items: vec![],
                result: None,
            };
        }
        let outcome = match ended {
            Ended::PostGone => {
                // The post is gone, or no longer goes to this network: nothing to send; a
                // post left publishing with nothing else open goes back to the drafts.
                fresh.state = ItemState::Cancelled;
                let post = post.and_then(|p| super::back_to_drafts(p, others_open, done));
                return Writes {
                    post,
                    items: vec![fresh],
                    result: None,
                };
            }
            Ended::Outcome(o) => o,
        };
        let decision = fresh.record(outcome, done, jitter);
        // The post fails once nothing of it is still going out and a row waits for the user
        // (a stop on one network while another still sends leaves it publishing).
        let going = |r: &OutboxItem| matches!(r.state, ItemState::Waiting | ItemState::Sending);
        let stuck = |r: &OutboxItem| matches!(r.state, ItemState::NeedsUser(_));
        let still_going = going(&fresh) || others.iter().any(going);
        let needs_user = stuck(&fresh) || others.iter().any(stuck);
        let post = post
            .filter(|_| !still_going && needs_user)
            .and_then(|mut p| {
                (p.state == PostState::Publishing).then_some(())?;
                p.transition(PostState::Failed, "app", done).ok()?;
                p.updated_at = done;
                Some(p)
            });
        Writes {
            post,
            items: vec![fresh.clone()],
            result: Some((decision, fresh)),
        }
    })
    .await?;
    (hooks.changed)();
    if let Some((Decision::Stop(_), row)) = decision {
        (hooks.attention)(Attention::Stopped(Box::new(row)));
    }
    Ok(())
}

/// Renews the lease of the row `taken` every `KEEP_LEASE_EVERY_MS` until `over` (the
/// attempt ended) or the row is no longer this attempt's. `lease` is this attempt's lease,
/// set in the same transaction that saves it, so the end of the attempt (recorded after
/// `over` is set, in a later transaction) compares against what the store holds.
async fn keep_lease(db: Db, taken: OutboxItem, lease: Rc<Cell<f64>>, over: Rc<Cell<bool>>) {
    loop {
        sleep(KEEP_LEASE_EVERY_MS).await;
        if over.get() {
            return;
        }
        let kept = store::outbox::change(&db, &taken.post_id, |_, rows| {
            let mine = rows.into_iter().find(|r| r.id == taken.id).filter(|r| {
                !over.get() && r.state == ItemState::Sending && r.next_try_at == lease.get()
            });
            let Some(mut row) = mine else {
                return Writes {
                    post: None,
                    items: vec![],
                    result: None,
                };
            };
            row.keep_lease(now_ms());
            lease.set(row.next_try_at);
            Writes {
                post: None,
                items: vec![row],
                result: Some(()),
            }
        })
        .await;
        if !matches!(kept, Ok(Some(()))) {
            return;
        }
    }
}
