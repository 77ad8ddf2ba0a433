//! One module per screen.

pub mod calendar;
pub mod compose;
pub mod library;
pub mod not_found;
pub mod notes;
pub mod open_failed;
pub mod settings;
pub mod share;
pub mod workspaces;
