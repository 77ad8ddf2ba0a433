//! How long a domain label is once written in ASCII (RFC 3492 Punycode behind `xn--`), which
//! X's link extraction checks (a label is 1 to 63 characters). Only the length is needed.

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;
/// Punycode.js stops ("overflow") past this.
const MAX_INT: u32 = 0x7FFF_FFFF;

fn adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
}

/// The number of characters RFC 3492 writes for `points` (without `xn--`), or `None` when
/// the encoding overflows.
pub fn encoded_len(points: &[u32]) -> Option<usize> {
    let basic = points.iter().filter(|&&p| p < 0x80).count();
    let mut out = basic + usize::from(basic > 0);
    let (mut n, mut delta, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let mut handled = basic as u32;
    while (handled as usize) < points.len() {
        let m = points.iter().copied().filter(|&p| p >= n).min()?;
        delta = delta
            .checked_add((m - n).checked_mul(handled + 1)?)
            .filter(|&d| d <= MAX_INT)?;
        n = m;
        for &p in points {
            if p < n {
                delta += 1;
                if delta > MAX_INT {
                    return None;
                }
            }
            if p == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out += 1;
                bias = adapt(delta, handled + 1, handled as usize == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(out)
}

/// The code points of UTF-16 `units` as JavaScript's Punycode reads them (a lone surrogate
/// is a code point of its own).
pub fn code_points(units: &[u16]) -> Vec<u32> {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.map_or_else(|e| u32::from(e.unpaired_surrogate()), |c| c as u32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(s: &str) -> usize {
        encoded_len(&s.chars().map(|c| c as u32).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn the_rfc_examples_have_their_lengths() {
        assert_eq!(len("bücher"), "bcher-kva".len());
        assert_eq!(len("münchen"), "mnchen-3ya".len());
        assert_eq!(len("例え"), "r8jz45g".len());
        assert_eq!(len("пример"), "e1afmkfd".len());
        assert_eq!(len("abc"), "abc-".len());
    }
}
