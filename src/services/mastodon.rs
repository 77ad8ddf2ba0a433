//! Mastodon use-cases: connecting an account (`connect`), sending posts now or handing them
//! to the server to hold until their time (`publish`), and bringing mentions, held statuses
//! and figures home (`sync`).

pub mod connect;
pub mod publish;
pub mod sync;

pub use connect::*;
