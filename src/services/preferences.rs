//! The user's preferences (language, theme, text size, current workspace), saved as one
//! record; the screens change them through `AppState::update_prefs`, which comes here.

use crate::domain::preferences::Preferences;
use crate::store::{self, Db, StoreError};

/// Saves the preferences as they are now.
pub async fn save(db: &Db, prefs: &Preferences) -> Result<(), StoreError> {
    store::preferences::save(db, prefs).await
}
