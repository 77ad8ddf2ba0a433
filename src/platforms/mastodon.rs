//! Mastodon and its compatibles: OAuth with PKCE, the API's entities,
//! request building and what answers mean (pure, tested natively), the calls themselves
//! (over `http`).

pub mod api;
pub mod entities;
pub mod faults;
pub mod oauth;
