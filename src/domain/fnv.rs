//! FNV-1a, 32 bits: a small, stable hash of bytes, the same on every device and in every
//! build (a label's colour, which of the search builder's maps holds a word).

/// FNV-1a of `bytes`.
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u32 {
    bytes.into_iter().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
