//! Use-cases that combine the store with the browser's clock and randomness (and, in later
//! issues, the platforms). The UI calls these; it never writes to the store by hand.

pub mod avatars;
pub mod backup;
pub mod bluesky;
pub mod clock;
pub mod conversations;
pub mod follow_ups;
pub mod form_drafts;
pub mod images;
pub mod inbox;
pub mod inbox_views;
pub mod interactions;
pub mod label_colours;
pub mod library;
pub mod mastodon;
pub mod member_records;
pub mod members;
pub mod notes;
pub mod objectives;
pub mod outbox;
pub mod posts;
pub mod preferences;
pub mod pwa;
pub mod queue;
pub mod read_all;
pub mod reminders;
pub mod search;
pub mod segments;
pub mod sending;
pub mod storage_health;
pub mod strategy;
pub mod tabs;
pub mod threads;
pub mod today;
pub mod undo;
pub mod workspaces;
