//! Attaché: the community manager's desk. Layers, from the bottom: `domain` (pure rules),
//! `store` (IndexedDB), `platforms` (networks), `services` (use-cases), `ui` (Leptos).
//! See ARCHITECTURE.md for the map and the import rules.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod domain;
pub mod platforms;
pub mod services;
pub mod store;
pub mod ui;
