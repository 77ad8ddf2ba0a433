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

    /// When another tab opens a newer version of the database, this connection closes at
    /// once (so the other tab's upgrade is not blocked) and `then` is called to tell the user.
    pub fn on_superseded(&self, then: impl FnOnce() + 'static) {
        let raw = self.raw.clone();
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
            raw.close();
            then();
        });
        self.raw
            .set_onversionchange(Some(wasm_bindgen::JsCast::unchecked_ref(&cb)));
    }
}
