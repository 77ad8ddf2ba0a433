//! The database's name, its stores, and one migration function per version.
//! `MIGRATIONS[n]` takes a database from version `n` to `n + 1`; never edit a shipped one.

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

pub const DB_NAME: &str = "attache";

pub const WORKSPACES: &str = "workspaces";
/// Small documents under fixed keys (e.g. `"preferences"`).
pub const SETTINGS: &str = "settings";
/// Notes kept in a workspace (shared links, ideas), newest first by workspace.
pub const NOTES: &str = "notes";
/// Index of `notes` on `[workspace_id, created_at]`.
pub const NOTES_BY_WORKSPACE: &str = "by_workspace";
/// Index of `workspaces` on `created_at`.
pub const WORKSPACES_BY_CREATED: &str = "by_created";

/// Posts (key: `id`), by workspace then last change, and by workspace then due time.
pub const POSTS: &str = "posts";
pub const POSTS_BY_WORKSPACE: &str = "by_workspace";
pub const POSTS_BY_DUE: &str = "by_due";
/// Media Blobs (key: `id`), by the post that holds them.
pub const MEDIA: &str = "media";
pub const MEDIA_BY_POST: &str = "by_post";

/// A workspace's library (snippets, campaigns, posting slots; key: `id`), by workspace.
pub const LIBRARY: &str = "library";
pub const LIBRARY_BY_WORKSPACE: &str = "by_workspace";

/// Connected accounts (key: `id`), by workspace. Not in export files: tokens stay here.
pub const ACCOUNTS: &str = "accounts";
pub const ACCOUNTS_BY_WORKSPACE: &str = "by_workspace";

/// What the community said (mentions, replies; key: `id`), by `[workspace_id, at]`.
pub const INBOX: &str = "inbox";
pub const INBOX_BY_WORKSPACE: &str = "by_workspace";
/// Counts read at each sync (key: `id`), by `[workspace_id, at]`.
pub const METRICS: &str = "metrics";
pub const METRICS_BY_WORKSPACE: &str = "by_workspace";

/// The outbox (key: `id`): one row per send decided, by post and by workspace. Not in
/// export files: it is this device's own sending state.
pub const OUTBOX: &str = "outbox";
pub const OUTBOX_BY_POST: &str = "by_post";
pub const OUTBOX_BY_WORKSPACE: &str = "by_workspace";

/// How each conversation was triaged (key: `id` = `<workspace>:<conversation>`), by
/// workspace. Not in export files, as the inbox it describes.
pub const TRIAGE: &str = "triage";
pub const TRIAGE_BY_WORKSPACE: &str = "by_workspace";

/// The thread around each opened conversation, as the network last showed it (key: `id` =
/// `<workspace>:<conversation>`), by workspace. Not in export files: it is read again.
pub const THREADS: &str = "threads";
pub const THREADS_BY_WORKSPACE: &str = "by_workspace";

/// Favourites, boosts and follows (key: `id`), by `[workspace_id, at]`, one record each, up
/// to v10; since v11 they are in [`SIGN_PACKS`].
pub const INTERACTIONS: &str = "interactions";
pub const INTERACTIONS_BY_WORKSPACE: &str = "by_workspace";

/// Favourites, boosts and follows in packs of one workspace and ten minutes
/// (`domain::sign_pack`; key: `id`), by `[workspace_id, start]` and by who is in them
/// (`who`, one key per person: `sign_pack::who_key`). Not in export files, as the inbox.
pub const SIGN_PACKS: &str = "sign_packs";
pub const SIGN_PACKS_BY_WORKSPACE: &str = "by_workspace";
pub const SIGN_PACKS_BY_WHO: &str = "by_who";

/// Copies kept only to start faster (`store::kept`: the search box's last index), out-of-line
/// keys `[workspace, what, …]`. Not in export files: made again from the records.
pub const KEPT: &str = "kept";

/// What the user keeps about members (notes, tags, fields, teammate; key: `id` =
/// `<workspace>:<member key>`), by workspace. Not in export files yet, as the inbox the
/// members come from.
pub const MEMBERS: &str = "members";
pub const MEMBERS_BY_WORKSPACE: &str = "by_workspace";
/// The marks forgotten members leave (`domain::member_record::Forgotten`), by workspace.
pub const FORGOTTEN: &str = "forgotten";
pub const FORGOTTEN_BY_WORKSPACE: &str = "by_workspace";
/// Index of `inbox` on `[workspace_id, author_handle]` and of `interactions` on
/// `[workspace_id, who_handle]`: one person's messages and signs, to forget them.
pub const INBOX_BY_AUTHOR: &str = "by_author";
pub const INTERACTIONS_BY_WHO: &str = "by_who";

/// What listening found (`domain::listening::Hit`; key: `id` = `<workspace>:<uri>`), by
/// `[workspace_id, at]`. Not in export files: searches run again.
pub const HITS: &str = "hits";
pub const HITS_BY_WORKSPACE: &str = "by_workspace";

/// Every store an export or a full import covers.
pub const ALL_STORES: [&str; 6] = [WORKSPACES, NOTES, POSTS, LIBRARY, MEDIA, SETTINGS];
/// What a full export reads and a full import writes: [`ALL_STORES`] and the member records
/// with the marks of the forgotten.
pub const BACKUP_STORES: [&str; 8] = [
    WORKSPACES, NOTES, POSTS, LIBRARY, MEDIA, SETTINGS, MEMBERS, FORGOTTEN,
];

pub type Migration = fn(&IdbDatabase, &IdbTransaction) -> Result<(), JsValue>;

pub const MIGRATIONS: &[Migration] = &[
    v0_to_v1, v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8, v8_to_v9,
    v9_to_v10, v10_to_v11, v11_to_v12,
];

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

/// v2: notes (key: `id`, indexed by workspace then time) and workspaces by creation time.
/// Existing workspaces and settings are kept as they are.
fn v1_to_v2(db: &IdbDatabase, tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    let notes = db.create_object_store_with_optional_parameters(NOTES, &by_id)?;
    let path = js_sys::Array::of2(&"workspace_id".into(), &"created_at".into());
    notes.create_index_with_str_sequence(NOTES_BY_WORKSPACE, &path)?;
    tx.object_store(WORKSPACES)?
        .create_index_with_str(WORKSPACES_BY_CREATED, "created_at")?;
    Ok(())
}

/// v3: posts and their media (Blobs).
fn v2_to_v3(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    let posts = db.create_object_store_with_optional_parameters(POSTS, &by_id)?;
    let path = js_sys::Array::of2(&"workspace_id".into(), &"updated_at".into());
    posts.create_index_with_str_sequence(POSTS_BY_WORKSPACE, &path)?;
    let path = js_sys::Array::of2(&"workspace_id".into(), &"due_at".into());
    posts.create_index_with_str_sequence(POSTS_BY_DUE, &path)?;
    let media = db.create_object_store_with_optional_parameters(MEDIA, &by_id)?;
    media.create_index_with_str(MEDIA_BY_POST, "post_id")?;
    Ok(())
}

/// v4: the library (snippets, campaigns, posting slots), by workspace.
fn v3_to_v4(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    let library = db.create_object_store_with_optional_parameters(LIBRARY, &by_id)?;
    library.create_index_with_str(LIBRARY_BY_WORKSPACE, "workspace_id")?;
    Ok(())
}

/// v5: connected accounts by workspace; the inbox and the metrics, by workspace and time.
fn v4_to_v5(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    let accounts = db.create_object_store_with_optional_parameters(ACCOUNTS, &by_id)?;
    accounts.create_index_with_str(ACCOUNTS_BY_WORKSPACE, "workspace_id")?;
    let by_workspace_time = js_sys::Array::of2(&"workspace_id".into(), &"at".into());
    for (store, index) in [(INBOX, INBOX_BY_WORKSPACE), (METRICS, METRICS_BY_WORKSPACE)] {
        db.create_object_store_with_optional_parameters(store, &by_id)?
            .create_index_with_str_sequence(index, &by_workspace_time)?;
    }
    Ok(())
}

/// v6: the outbox, by post and by workspace.
fn v5_to_v6(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    let outbox = db.create_object_store_with_optional_parameters(OUTBOX, &by_id)?;
    outbox.create_index_with_str(OUTBOX_BY_POST, "post_id")?;
    outbox.create_index_with_str(OUTBOX_BY_WORKSPACE, "workspace_id")?;
    Ok(())
}

/// v7: conversations' triage, by workspace.
fn v6_to_v7(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    db.create_object_store_with_optional_parameters(TRIAGE, &by_id)?
        .create_index_with_str(TRIAGE_BY_WORKSPACE, "workspace_id")?;
    Ok(())
}

/// v8: the threads read on open, by workspace; favourites, boosts and follows, by
/// workspace and time.
fn v7_to_v8(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    db.create_object_store_with_optional_parameters(THREADS, &by_id)?
        .create_index_with_str(THREADS_BY_WORKSPACE, "workspace_id")?;
    let by_workspace_time = js_sys::Array::of2(&"workspace_id".into(), &"at".into());
    db.create_object_store_with_optional_parameters(INTERACTIONS, &by_id)?
        .create_index_with_str_sequence(INTERACTIONS_BY_WORKSPACE, &by_workspace_time)?;
    Ok(())
}

/// v9: the user's member records and the forgotten marks, by workspace; the inbox by author
/// and the signs by who gave them. A v8 made by 3a993a9, the commit that brought v8, has no
/// store of signs (it came into `v7_to_v8` one commit later, bea8a29): it is made here, as
/// v8 makes it, so that database opens too (`tests/browser_migration_fixtures.rs`); every
/// other database already has it and is upgraded as before.
fn v8_to_v9(db: &IdbDatabase, tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    db.create_object_store_with_optional_parameters(MEMBERS, &by_id)?
        .create_index_with_str(MEMBERS_BY_WORKSPACE, "workspace_id")?;
    db.create_object_store_with_optional_parameters(FORGOTTEN, &by_id)?
        .create_index_with_str(FORGOTTEN_BY_WORKSPACE, "workspace_id")?;
    let path = js_sys::Array::of2(&"workspace_id".into(), &"author_handle".into());
    tx.object_store(INBOX)?
        .create_index_with_str_sequence(INBOX_BY_AUTHOR, &path)?;
    let signs = if db.object_store_names().contains(INTERACTIONS) {
        tx.object_store(INTERACTIONS)?
    } else {
        let by_workspace_time = js_sys::Array::of2(&"workspace_id".into(), &"at".into());
        let signs = db.create_object_store_with_optional_parameters(INTERACTIONS, &by_id)?;
        signs.create_index_with_str_sequence(INTERACTIONS_BY_WORKSPACE, &by_workspace_time)?;
        signs
    };
    let path = js_sys::Array::of2(&"workspace_id".into(), &"who_handle".into());
    signs.create_index_with_str_sequence(INTERACTIONS_BY_WHO, &path)?;
    Ok(())
}

/// v10: listening's hits, by workspace and time.
fn v9_to_v10(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    let by_workspace_time = js_sys::Array::of2(&"workspace_id".into(), &"at".into());
    db.create_object_store_with_optional_parameters(HITS, &by_id)?
        .create_index_with_str_sequence(HITS_BY_WORKSPACE, &by_workspace_time)?;
    Ok(())
}

/// v11: the signs in packs of one workspace and ten minutes, moved from their store of one
/// record each (`sign_move`), which goes once every sign is moved (a sign that cannot be read
/// keeps it, whole). The move runs in its reads' success events, inside the same upgrade,
/// after every later migration has been called: a v12 that reads or rewrites the packs must
/// chain on the move's end, not run beside it. A read or write the browser refuses aborts
/// the upgrade, and the database stays at v10, whole.
fn v10_to_v11(db: &IdbDatabase, tx: &IdbTransaction) -> Result<(), JsValue> {
    let by_id = IdbObjectStoreParameters::new();
    by_id.set_key_path(&JsValue::from_str("id"));
    let packs = db.create_object_store_with_optional_parameters(SIGN_PACKS, &by_id)?;
    let by_workspace_start = js_sys::Array::of2(&"workspace_id".into(), &"start".into());
    packs.create_index_with_str_sequence(SIGN_PACKS_BY_WORKSPACE, &by_workspace_start)?;
    let each = web_sys::IdbIndexParameters::new();
    each.set_multi_entry(true);
    packs.create_index_with_str_and_optional_parameters(SIGN_PACKS_BY_WHO, "who", &each)?;
    super::sign_move::start(db, tx)
}

/// v12: copies kept to start faster (the search index), by workspace.
fn v11_to_v12(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    db.create_object_store(KEPT)?;
    Ok(())
}

/// Runs every migration from `old` up to `VERSION`, in order.
pub fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, old: u32) -> Result<(), JsValue> {
    for migration in MIGRATIONS.iter().skip(old as usize) {
        migration(db, tx)?;
    }
    Ok(())
}
