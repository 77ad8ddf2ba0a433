//! Performance marks the benchmark reads (`performance.mark`): cheap, and nothing else
//! depends on them.

/// Marks `name` on the page's performance timeline.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
