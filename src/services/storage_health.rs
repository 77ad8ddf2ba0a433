//! How much the browser gives us and whether it may evict our data.

use wasm_bindgen_futures::JsFuture;

/// Usage and quota in bytes, and whether the browser promised not to evict the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageHealth {
    pub usage: f64,
    pub quota: f64,
    pub persisted: bool,
}

fn manager() -> Option<web_sys::StorageManager> {
    web_sys::window().map(|w| w.navigator().storage())
}

/// Reads the estimate; `None` where the browser does not say.
pub async fn read() -> Option<StorageHealth> {
    let m = manager()?;
    let estimate: web_sys::StorageEstimate = JsFuture::from(m.estimate().ok()?).await.ok()?.into();
    let persisted = JsFuture::from(m.persisted().ok()?)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    Some(StorageHealth {
        usage: estimate.get_usage().unwrap_or(0.0),
        quota: estimate.get_quota().unwrap_or(0.0),
        persisted,
    })
}

/// Asks the browser not to evict our data (done once real data exists). Returns whether
/// it agreed.
pub async fn ask_persistence() -> bool {
    let Some(m) = manager() else { return false };
    let Ok(p) = m.persist() else { return false };
    JsFuture::from(p)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
