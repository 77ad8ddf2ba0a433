//! The model and every rule, in pure Rust: no web-sys, no js-sys, no I/O.
//! Everything here is tested natively with `cargo test` in milliseconds.

pub mod account;
pub mod address;
pub mod audit;
pub mod backup;
pub mod conversation;
pub mod counting;
pub mod facets;
pub mod ics;
pub mod inbox;
pub mod intent;
pub mod interaction;
pub mod library;
pub mod locale;
pub mod network;
pub mod note;
pub mod objectives;
pub mod outbox;
pub mod post;
pub mod preferences;
pub mod preview;
pub mod queue;
pub mod reply_to;
pub mod response_report;
pub mod response_times;
pub mod retry;
pub mod rich_text;
pub mod routine;
pub mod saved_reply;
pub mod storage;
pub mod strategy;
pub mod thread;
pub mod thread_context;
pub mod tid;
pub mod today;
pub mod workspace;
