//! Parts shared by several screens.

pub mod autosave;
pub mod form_draft;
pub mod keyboard;
pub mod library_data;
pub mod listening_loop;
pub mod lock_watch;
pub mod no_workspace;
pub mod offline_banner;
pub mod outbox_runner;
pub mod palette;
pub mod reminders;
pub mod rich_text;
pub mod search_box;
pub mod status_line;
pub mod tone;
pub mod workspace_switcher;
