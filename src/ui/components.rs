//! Parts shared by several screens.

pub mod autosave;
pub mod form_draft;
pub mod library_data;
pub mod no_workspace;
pub mod offline_banner;
pub mod outbox_runner;
pub mod palette;
pub mod reminders;
pub mod rich_text;
pub mod status_line;
pub mod workspace_switcher;
