//! One module per screen.

pub mod accounts;
pub mod calendar;
pub mod compose;
pub mod inbox;
pub mod library;
pub mod listening;
pub mod lock_screen;
pub mod not_found;
pub mod notes;
pub mod open_failed;
pub mod outbox;
pub mod people;
pub mod reports;
pub mod settings;
pub mod share;
pub mod start;
pub mod strategy;
pub mod today;
pub mod workspaces;
