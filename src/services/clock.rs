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

/// Long work done in slices: each slice about this long (ms), then the screen's turn.
pub const SLICE_MS: f64 = 8.0;

/// A slice reads the clock once every this many steps.
pub const CLOCK_EVERY: u32 = 16;

/// Times slices of long work: [`Slices::tick`] gives way to the screen once the current
/// slice has run [`SLICE_MS`].
pub struct Slices {
    since: f64,
    count: u32,
}

impl Default for Slices {
    fn default() -> Self {
        Slices {
            since: now_ms(),
            count: 0,
        }
    }
}

impl Slices {
    /// Called after each small step; gives way when the slice is used up.
    pub async fn tick(&mut self) {
        self.count += 1;
        // The clock is read every few steps only (a step may be a whole document).
        if self.count.is_multiple_of(CLOCK_EVERY) && now_ms() - self.since >= SLICE_MS {
            give_way().await;
            self.since = now_ms();
        }
    }
}

/// Gives the page its turn (input, a frame) and comes back as soon as it is had: through
/// `scheduler.yield()` where the browser has it, else a zero timeout — which browsers hold
/// back 4 ms once such timeouts are chained, a third of every 8 ms slice.
pub async fn give_way() {
    match scheduler_yield() {
        Some(turn) => {
            let _ = wasm_bindgen_futures::JsFuture::from(turn).await;
        }
        None => sleep(0.0).await,
    }
}

fn scheduler_yield() -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
    if scheduler.is_undefined() {
        return None;
    }
    let turn: js_sys::Function = js_sys::Reflect::get(&scheduler, &"yield".into())
        .ok()?
        .dyn_into()
        .ok()?;
    turn.call0(&scheduler).ok()?.dyn_into().ok()
}

/// Lets go of a long list [`LET_GO_AT_ONCE`] records at a time, the page given its turn
/// between: a million signs freed at once would hold the screen for a tenth of a second.
pub async fn let_go<T>(mut list: Vec<T>) {
    while list.len() > LET_GO_AT_ONCE {
        list.truncate(list.len() - LET_GO_AT_ONCE);
        give_way().await;
    }
}

/// How many records [`let_go`] frees between two turns of the page.
pub const LET_GO_AT_ONCE: usize = 25_000;

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
