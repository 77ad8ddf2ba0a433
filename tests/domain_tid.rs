//! AT Protocol TIDs (`domain::tid`): the specification's vectors, round trips, validity, a
//! clock that never goes back, and text order equal to number order.

use attache::domain::tid::{self, TidClock, MAX_CLOCK_ID, MAX_MICROS};

/// A deterministic generator for the sampled tests.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }
}

#[test]
fn the_zero_tid_is_all_twos() {
    assert_eq!(tid::encode(0, 0), "2222222222222");
    assert_eq!(tid::decode("2222222222222"), Some((0, 0)));
}

#[test]
fn the_specification_example_decodes_and_encodes_back() {
    // `3jzfcijpj2z2a`, the example TID of atproto.com/specs/tid (mid-2023, clock 6).
    let (micros, clock) = tid::decode("3jzfcijpj2z2a").unwrap();
    assert_eq!((micros, clock), (1_688_137_381_887_007, 6));
    assert_eq!(tid::encode(micros, clock), "3jzfcijpj2z2a");
}

#[test]
fn valid_examples_of_the_interop_files_round_trip() {
    for s in [
        "3jzfcijpj2z2a",
        "7777777777777",
        "3zzzzzzzzzzzz",
        "a222222222222",
        "azzzzzzzzzzzz",
    ] {
        assert!(tid::is_valid(s), "{s}");
        let (micros, clock) = tid::decode(s).unwrap();
        assert_eq!(tid::encode(micros, clock), s);
    }
}

#[test]
fn the_largest_values_fill_the_fields_and_no_more() {
    assert_eq!(tid::encode(MAX_MICROS, MAX_CLOCK_ID), "bzzzzzzzzzzzz");
    assert_eq!(tid::encode(0, MAX_CLOCK_ID), "22222222222zz");
    assert_eq!(tid::encode(1, 0), "2222222222322");
    assert_eq!(tid::encode(0, 1), "2222222222223");
    // Extra bits are dropped: the top bit stays 0.
    assert_eq!(tid::encode(MAX_MICROS + 1, 0), "2222222222222");
    assert_eq!(tid::encode(5, MAX_CLOCK_ID + 1), tid::encode(5, 0));
}

#[test]
fn a_tid_whose_top_bit_is_set_is_valid_syntax_and_decodes_past_53_bits() {
    // The syntax allows a first character up to `j`; encode never writes one past `b`.
    let (micros, clock) = tid::decode("j222222222222").unwrap();
    assert!(micros > MAX_MICROS);
    assert_eq!(clock, 0);
}

#[test]
fn good_strings_are_valid() {
    for s in [
        "2222222222222",
        "3jzfcijpj2z2a",
        "7777777777777",
        "3zzzzzzzzzzzz",
        "a222222222222",
        "j222222222222",
        "azzzzzzzzzzzz",
    ] {
        assert!(tid::is_valid(s), "{s}");
        assert!(tid::decode(s).is_some(), "{s}");
    }
}

#[test]
fn bad_strings_are_invalid_and_do_not_decode() {
    for s in [
        "",
        "3jzfcijpj2z21",
        "0000000000000",
        "3jzfcijpj2z2aa",
        "3jzfcijpj2z2",
        "3jzf-cij-pj2z-2a",
        "zzzzzzzzzzzzz",
        "kjzfcijpj2z2a",
        "3JZFCIJPJ2Z2A",
        "3jzfcijpj2z2 ",
        " 3jzfcijpj2z2",
        "3jzfcijpj2z2é",
        "3jzfcijpj2z😀",
        "1111111111111",
        "3jzfcijpj2z2\n",
    ] {
        assert!(!tid::is_valid(s), "{s:?}");
        assert_eq!(tid::decode(s), None, "{s:?}");
    }
}

#[test]
fn encoded_tids_are_always_valid_and_round_trip() {
    let mut rng = Lcg(42);
    for _ in 0..10_000 {
        let micros = rng.next() & MAX_MICROS;
        let clock = (rng.next() & u64::from(MAX_CLOCK_ID)) as u16;
        let s = tid::encode(micros, clock);
        assert_eq!(s.len(), 13);
        assert!(tid::is_valid(&s), "{s}");
        assert_eq!(tid::decode(&s), Some((micros, clock)), "{s}");
    }
}

#[test]
fn text_order_is_numeric_order_on_random_samples() {
    let mut rng = Lcg(7);
    let mut samples: Vec<(u64, u16)> = (0..5_000u32)
        .map(|i| {
            // Some close together (same microsecond, neighbour clocks), most far apart.
            let micros = if i.is_multiple_of(3) {
                1_700_000_000_000_000 + rng.next() % 4
            } else {
                rng.next() & MAX_MICROS
            };
            (micros, (rng.next() & u64::from(MAX_CLOCK_ID)) as u16)
        })
        .collect();
    samples.sort_unstable();
    samples.dedup();
    let tids: Vec<String> = samples.iter().map(|&(m, c)| tid::encode(m, c)).collect();
    for pair in tids.windows(2) {
        assert!(pair[0] < pair[1], "{} !< {}", pair[0], pair[1]);
    }
}

#[test]
fn the_clock_uses_the_time_when_it_moves_forward() {
    let mut clock = TidClock::new(6);
    assert_eq!(clock.next(1_688_137_381_887_007), "3jzfcijpj2z2a");
    assert_eq!(
        clock.next(1_688_137_381_887_010),
        tid::encode(1_688_137_381_887_010, 6)
    );
}

#[test]
fn the_clock_is_strictly_monotonic_when_the_time_is_stuck() {
    let mut clock = TidClock::new(1);
    let now = 1_750_000_000_000_000;
    let mut last = String::new();
    for i in 0..10_000 {
        let t = clock.next(now);
        assert!(t > last, "{t} after {last}");
        assert_eq!(tid::decode(&t), Some((now + i, 1)));
        last = t;
    }
}

#[test]
fn the_clock_is_strictly_monotonic_when_the_time_goes_back() {
    let mut clock = TidClock::new(1023);
    let mut now: u64 = 1_750_000_000_000_000;
    let mut rng = Lcg(3);
    let mut last = String::new();
    for _ in 0..10_000 {
        // Mostly backwards jumps of up to a second, sometimes forward.
        let step = rng.next() % 1_000_000;
        now = if rng.next().is_multiple_of(4) {
            now + step
        } else {
            now - step
        };
        let t = clock.next(now);
        assert!(tid::is_valid(&t));
        assert!(t > last, "{t} after {last}");
        last = t;
    }
}

#[test]
fn the_clock_survives_zero_and_the_end_of_time() {
    let mut clock = TidClock::new(0);
    assert!(clock.next(0) > tid::encode(0, 0));
    let mut late = TidClock::new(0);
    let a = late.next(u64::MAX);
    assert_eq!(a, tid::encode(MAX_MICROS, 0));
    assert!(tid::is_valid(&late.next(u64::MAX)));
}
