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

/// `N` bytes from the browser's CSPRNG (for OAuth verifiers and states).
pub fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut out = [0u8; N];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut out).ok()?;
    Some(out)
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: f64) {
    gloo_timers::future::TimeoutFuture::new(ms.max(0.0) as u32).await;
}

thread_local! {
    static TIDS: std::cell::RefCell<crate::domain::tid::TidClock> = std::cell::RefCell::new(
        crate::domain::tid::TidClock::new((js_sys::Math::random() * 1024.0) as u16 & 0x3ff),
    );
}

/// A fresh AT Protocol record key (TID): later than every one this page made before.
pub fn new_tid() -> String {
    TIDS.with(|c| c.borrow_mut().next((now_ms() * 1000.0) as u64))
}
