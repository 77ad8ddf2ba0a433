//! Shared by the browser tests: each test owns a database by name, emptied first.

use attache::store::{idb, Db};

/// Deletes any leftover database of that name (from an earlier run), then opens it anew.
pub async fn fresh_db(name: &str) -> Db {
    let req = idb::factory()
        .expect("IndexedDB")
        .delete_database(name)
        .expect("delete request");
    idb::request(&req).await.expect("deleted");
    Db::open(name, || {}).await.expect("opened")
}
