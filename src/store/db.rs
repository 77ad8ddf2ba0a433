//! The open database connection the app shares, and how it is opened.

use web_sys::IdbDatabase;

use super::{idb, schema, StoreError};

/// A handle on the app's open database. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    raw: IdbDatabase,
}

impl Db {
    /// Opens the app's database by name (tests use their own names), running migrations.
    pub async fn open(name: &str, on_blocked: impl FnOnce() + 'static) -> Result<Db, StoreError> {
        let raw = idb::open(name, schema::VERSION, schema::upgrade, on_blocked).await?;
        Ok(Db { raw })
    }

    pub fn raw(&self) -> &IdbDatabase {
        &self.raw
    }

    pub fn name(&self) -> String {
        self.raw.name()
    }

    pub fn version(&self) -> u32 {
        self.raw.version() as u32
    }

    pub fn close(&self) {
        self.raw.close();
    }

    /// Closes this connection and deletes the whole database (every other tab's connection
    /// closes when told, as for a newer version). For "erase this device's data".
    pub async fn erase(self) -> Result<(), StoreError> {
        let name = self.raw.name();
        self.raw.close();
        let factory = web_sys::window()
            .ok_or(StoreError::Unavailable)?
            .indexed_db()
            .map_err(StoreError::from_js)?
            .ok_or(StoreError::Unavailable)?;
        let req = factory
            .delete_database(&name)
            .map_err(StoreError::from_js)?;
        idb::request(&req).await.map(|_| ())
    }

    /// When another tab opens a newer version of the database, or deletes it, this connection
    /// closes at once (so the other tab is not blocked) and `then` is called to tell the user,
    /// with `true` when the database is being deleted (the event's `newVersion` is null).
    pub fn on_superseded(&self, then: impl FnOnce(bool) + 'static) {
        let raw = self.raw.clone();
        let cb =
            wasm_bindgen::closure::Closure::once_into_js(move |event: wasm_bindgen::JsValue| {
                raw.close();
                let erased =
                    js_sys::Reflect::get(&event, &"newVersion".into()).is_ok_and(|v| v.is_null());
                then(erased);
            });
        self.raw
            .set_onversionchange(Some(wasm_bindgen::JsCast::unchecked_ref(&cb)));
    }
}
