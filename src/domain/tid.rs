//! AT Protocol TIDs ("timestamp identifiers"), the record keys of posts: a 64-bit integer
//! (top bit 0, then 53 bits of microseconds since the Unix epoch, then a 10-bit clock
//! identifier) written as 13 characters of base32-sortable, so that text order is time order.
//! Pure: the caller brings the time; nothing here reads a clock.

/// The base32-sortable alphabet: ascending in ASCII, so strings sort as their numbers.
const ALPHABET: &[u8; 32] = b"234567abcdefghijklmnopqrstuvwxyz";

/// Characters in a TID.
pub const LEN: usize = 13;

/// The largest timestamp a TID holds: 53 bits of microseconds (year 2255).
pub const MAX_MICROS: u64 = (1 << 53) - 1;

/// The largest clock identifier: 10 bits.
pub const MAX_CLOCK_ID: u16 = (1 << 10) - 1;

/// The TID of `micros` (only its low 53 bits) and `clock_id` (only its low 10 bits).
///
/// ```
/// use attache::domain::tid;
/// assert_eq!(tid::encode(0, 0), "2222222222222");
/// assert_eq!(tid::decode(&tid::encode(1_700_000_000_000_000, 7)), Some((1_700_000_000_000_000, 7)));
/// ```
pub fn encode(micros: u64, clock_id: u16) -> String {
    let value = (micros & MAX_MICROS) << 10 | u64::from(clock_id & MAX_CLOCK_ID);
    // 13 × 5 = 65 bits: the first character carries the top 4 bits.
    (0..LEN)
        .rev()
        .map(|i| char::from(ALPHABET[((value >> (5 * i)) & 31) as usize]))
        .collect()
}

/// The microseconds and clock identifier of a valid TID. The syntax lets the first character
/// go up to `j`, which sets the top bit; such a TID (never made by [`encode`]) decodes to
/// microseconds above [`MAX_MICROS`].
pub fn decode(tid: &str) -> Option<(u64, u16)> {
    if !is_valid(tid) {
        return None;
    }
    let value = tid
        .bytes()
        .fold(0u64, |acc, b| acc << 5 | digit(b).unwrap_or(0));
    Some((value >> 10, (value & u64::from(MAX_CLOCK_ID)) as u16))
}

/// Whether `s` is a TID by the syntax of the AT Protocol specification: 13 characters of the
/// alphabet, the first in `234567abcdefghij` (the value fits in 64 bits).
pub fn is_valid(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.len() == LEN
        && digit(bytes[0]).is_some_and(|d| d < 16)
        && bytes.iter().all(|b| digit(*b).is_some())
}

fn digit(b: u8) -> Option<u64> {
    ALPHABET.iter().position(|a| *a == b).map(|d| d as u64)
}

/// Hands out TIDs that always increase, even when the clock stalls or goes back (a device
/// clock corrected by the network, two posts in the same microsecond).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TidClock {
    last: u64,
    clock_id: u16,
}

impl TidClock {
    /// A clock with no TID handed out yet; `clock_id` keeps its low 10 bits.
    pub fn new(clock_id: u16) -> Self {
        TidClock {
            last: 0,
            clock_id: clock_id & MAX_CLOCK_ID,
        }
    }

    /// The next TID: at `now_micros`, or one microsecond after the previous one if the clock
    /// has not moved forward. Past [`MAX_MICROS`] (year 2255) the timestamp stays there.
    pub fn next(&mut self, now_micros: u64) -> String {
        let now = now_micros.min(MAX_MICROS);
        self.last = if now > self.last {
            now
        } else {
            (self.last + 1).min(MAX_MICROS)
        };
        encode(self.last, self.clock_id)
    }
}
