//! Bluesky use-cases: signing in with an app password and keeping the session fresh
//! (`session`, `connect`), posting with facets, threads, images and a link card, exactly once
//! (`publish`), bringing notifications and counts home (`sync`), and searching posts for the
//! listening feature (`search`).

pub mod connect;
pub mod publish;
pub mod session;
pub mod sync;

pub use connect::*;
