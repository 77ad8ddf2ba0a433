//! IndexedDB: one database per installation, its schema and migrations, and typed
//! repositories. Knows domain types and nothing above them (no platforms, no UI).

pub mod accounts;
pub mod avatars;
pub mod backup;
mod backup_documents;
pub mod codec;
pub mod db;
pub mod dpop_keys;
pub mod error;
pub mod form_drafts;
pub mod hits;
pub mod idb;
pub mod inbox;
pub mod interactions;
pub mod kept;
pub mod library;
pub mod members;
pub mod notes;
pub mod outbox;
pub mod people_glance;
pub mod posts;
pub mod preferences;
pub mod records;
pub mod reseal;
pub mod schema;
pub mod sealed_records;
pub mod sealing;
pub mod set_aside;
pub mod settings_docs;
mod sign_move;
pub mod threads;
pub mod time_pages;
pub mod triage;
pub mod workspaces;

pub use db::Db;
pub use error::StoreError;
