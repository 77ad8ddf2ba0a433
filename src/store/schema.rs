//! The database's name, its stores, and one migration function per version.
//! `MIGRATIONS[n]` takes a database from version `n` to `n + 1`; never edit a shipped one.

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

pub const DB_NAME: &str = "attache";

pub const WORKSPACES: &str = "workspaces";
/// Small documents under fixed keys (e.g. `"preferences"`).
pub const SETTINGS: &str = "settings";

pub type Migration = fn(&IdbDatabase, &IdbTransaction) -> Result<(), JsValue>;

pub const MIGRATIONS: &[Migration] = &[v0_to_v1];

/// The version this build of the app opens.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// v1: workspaces (key: `id`) and settings (out-of-line keys).
fn v0_to_v1(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    db.create_object_store_with_optional_parameters(WORKSPACES, &by_id)?;
    db.create_object_store(SETTINGS)?;
    Ok(())
}

/// Runs every migration from `old` up to `VERSION`, in order.
pub fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, old: u32) -> Result<(), JsValue> {
    for migration in MIGRATIONS.iter().skip(old as usize) {
        migration(db, tx)?;
    }
    Ok(())
}
