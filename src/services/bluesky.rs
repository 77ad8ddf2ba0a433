//! Bluesky use-cases: signing in by OAuth (`oauth`, requests signed with DPoP in `dpop`) or
//! with an app password (`connect`) and keeping the session fresh (`session`), posting
//! with facets, threads, images and a link card, exactly once (`publish`), bringing
//! notifications and counts home (`sync`), and searching posts for the listening feature
//! (`search`).

pub mod connect;
pub mod dpop;
pub mod oauth;
pub mod publish;
pub mod session;
pub mod sync;

pub use connect::*;
