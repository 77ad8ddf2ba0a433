//! Saving as the user types. A change is saved at most [`DELAY_MS`] after it is made, even
//! while typing goes on (a throttle, not a debounce: steady typing is saved every
//! `DELAY_MS`), so a crash loses at most the last half second. What still waits is saved at
//! once when its screen is left (the owner's cleanup) or the page is hidden or closed
//! (`pagehide`, `visibilitychange`), so navigation, reload and closing the tab lose nothing.
//! The saving itself is the caller's: a job handed to [`Autosave::change`].

use std::sync::{Arc, Mutex};
use std::time::Duration;

use leptos::prelude::*;

/// The longest a change waits before it is saved.
pub const DELAY_MS: u64 = 400;

type Job = Box<dyn FnOnce() + Send + Sync>;

#[derive(Default)]
struct Waiting {
    job: Option<Job>,
    timer: Option<TimeoutHandle>,
}

/// The saves waiting for one screen; cloned handles share them.
#[derive(Clone, Default)]
pub struct Autosave {
    waiting: Arc<Mutex<Waiting>>,
}

impl Autosave {
    /// A saver for the current owner (a screen): what waits is saved when the owner is
    /// cleaned up or the page is hidden.
    pub fn new() -> Self {
        let this = Self::default();
        let on_hide = this.clone();
        let hidden = window_event_listener(leptos::ev::pagehide, move |_| on_hide.flush());
        let on_change = this.clone();
        let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                on_change.flush();
            }
        });
        let on_leave = this.clone();
        on_cleanup(move || {
            hidden.remove();
            visibility.remove();
            on_leave.flush();
        });
        this
    }

    /// Hands over the save of the latest change; it replaces one that has not run yet.
    pub fn change(&self, job: impl FnOnce() + Send + Sync + 'static) {
        let mut waiting = self.waiting.lock().expect("autosave lock");
        waiting.job = Some(Box::new(job));
        if waiting.timer.is_none() {
            let this = self.clone();
            waiting.timer = set_timeout_with_handle(
                move || {
                    let job = {
                        let mut w = this.waiting.lock().expect("autosave lock");
                        w.timer = None;
                        w.job.take()
                    };
                    if let Some(job) = job {
                        job();
                    }
                },
                Duration::from_millis(DELAY_MS),
            )
            .ok();
        }
    }

    /// Runs the waiting save now.
    pub fn flush(&self) {
        let job = {
            let mut w = self.waiting.lock().expect("autosave lock");
            if let Some(timer) = w.timer.take() {
                timer.clear();
            }
            w.job.take()
        };
        if let Some(job) = job {
            job();
        }
    }
}
