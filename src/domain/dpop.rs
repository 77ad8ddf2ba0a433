//! The public half of a DPoP key (P-256), as the coordinates a JWK gives: what a proof's
//! header carries so the server can check the signature.

/// A P-256 public key's `x` and `y`, base64url.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicJwk {
    pub x: String,
    pub y: String,
}
