//! One folder per network, each with pure request building and response parsing plus the
//! calls over one shared HTTP client. Knows no store and no UI.
//!
//! Empty on purpose until the Mastodon and Bluesky issues land: the layer exists so that
//! the import rules in ARCHITECTURE.md hold from the first commit.
