//! PKCE (RFC 7636, S256) and the `state` of an OAuth sign-in, as Mastodon's and Bluesky's
//! OAuth use them: the verifier and `state` come from random bytes the caller draws.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// A code verifier from 32 random bytes: 43 characters of base64url.
pub fn verifier(random: &[u8; 32]) -> String {
    URL_SAFE_NO_PAD.encode(random)
}

/// A `state` from 16 random bytes.
pub fn state(random: &[u8; 16]) -> String {
    URL_SAFE_NO_PAD.encode(random)
}

/// The S256 challenge of a verifier: base64url(SHA-256(verifier)).
pub fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}
