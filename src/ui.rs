//! Leptos components: the shell, the pages and their parts. Reads and writes through
//! `services` and the app state; never calls a platform directly.

pub mod components;
pub mod dates;
pub mod errors;
pub mod format;
pub mod i18n;
pub mod look;
pub mod marks;
pub mod pages;
pub mod paint;
pub mod shell;
pub mod state;
pub mod text;
