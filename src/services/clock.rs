//! The browser's clock and random ids, kept in one place so the rest stays testable.

/// Now, in milliseconds since the Unix epoch (UTC).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A random UUID v4 from the browser's CSPRNG.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        // Every browser we support has `crypto.randomUUID` in a secure context; this
        // fallback keeps a non-secure dev origin usable.
        .unwrap_or_else(|| {
            format!(
                "{:x}-{:x}",
                now_ms() as u64,
                (js_sys::Math::random() * 1e15) as u64
            )
        })
}
