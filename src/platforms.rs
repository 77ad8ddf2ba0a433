//! One folder per network, each with pure request building and response parsing plus the
//! calls over one shared HTTP client (`http.rs`, fetch in the browser). Knows no store and
//! no UI.

pub mod bluesky;
pub mod http;
pub mod mastodon;
pub mod pkce;
pub mod request;
pub mod timing;
