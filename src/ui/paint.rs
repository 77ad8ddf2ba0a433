//! Work that waits for the frame being made to be painted: what the first frame does not
//! need (the rest of a long list) comes in the next task.

use leptos::prelude::{request_animation_frame, set_timeout};

/// Runs `f` once the next frame is painted: a task queued from the frame's callback runs
/// after that frame is out.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}
