//! Our NFC (`domain::counting::nfc`, built from the crate's per-character functions so the
//! wasm leaves out the compatibility tables) against `unicode-normalization`'s own `nfc()`:
//! the same text for hand-picked hard cases and 20,000 texts generated from a fixed seed out
//! of the characters where composition has rules (combining marks in every order, Hangul
//! jamo and syllables, composition exclusions, singletons, Indic and Tibetan marks); and
//! `changed`, which gives the NFC text only when it differs from the text (the crate's `is_nfc`).

use attache::domain::counting::nfc::{changed, nfc};
use unicode_normalization::{is_nfc, UnicodeNormalization};

mod domain_support;
use domain_support::Rng;

fn reference(text: &str) -> String {
    text.nfc().collect()
}

#[test]
fn hard_cases_compose_as_the_crate_does() {
    let cases = [
        "",
        "plain ascii",
        "cafe\u{301}",
        "a\u{301}\u{302}\u{303}",
        "a\u{323}\u{302}",          // marks out of canonical order
        "a\u{302}\u{323}",          // the same in order
        "\u{301}a",                 // a mark before any starter
        "\u{1100}\u{1161}\u{11A8}", // Hangul L V T
        "\u{AC00}\u{11A8}",         // Hangul LV + T
        "\u{0958}",                 // a composition exclusion
        "\u{212B}\u{2126}",         // singletons (Ångström, Ohm)
        "\u{0F71}\u{0F72}\u{0F74}", // Tibetan vowel signs
        "\u{0915}\u{093C}",         // Devanagari nukta
        "e\u{0301}\u{0301}",        // a blocked second mark
        "\u{1E0A}\u{0323}",         // a precomposed letter and a lower mark
        "\u{0061}\u{0305}\u{0301}", // a mark that composes with nothing between
        "ﬁ ① ｶ",                    // compatibility characters stay as they are in NFC
        "👨‍👩‍👧 é 日本",
    ];
    for text in cases {
        assert_eq!(nfc(text), reference(text), "{text:?}");
        assert_eq!(
            changed(text),
            (!is_nfc(text)).then(|| reference(text)),
            "{text:?}"
        );
    }
}

const RANGES: &[(u32, u32)] = &[
    (0x41, 0x5A),     // Latin capitals
    (0x61, 0x7A),     // Latin small letters
    (0xC0, 0x17F),    // Latin-1 and Extended-A, precomposed
    (0x300, 0x36F),   // combining diacritical marks
    (0x1E00, 0x1EFF), // Latin Extended Additional, precomposed with marks
    (0x391, 0x3C9),   // Greek
    (0x1F00, 0x1FFF), // Greek Extended
    (0x915, 0x963),   // Devanagari, nukta and exclusions
    (0xF40, 0xF84),   // Tibetan
    (0x1100, 0x11FF), // Hangul jamo
    (0xAC00, 0xAC40), // Hangul syllables
    (0x2126, 0x212B), // singletons
    (0x20D0, 0x20F0), // combining marks for symbols
    (0x3099, 0x309A), // kana voicing marks
    (0x304B, 0x3062), // kana that take them
];

#[test]
fn generated_texts_compose_as_the_crate_does() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..20_000 {
        let len = 1 + rng.below(12);
        let text: String = (0..len)
            .filter_map(|_| {
                let (lo, hi) = RANGES[rng.below(RANGES.len() as u64) as usize];
                char::from_u32(lo + rng.below(u64::from(hi - lo + 1)) as u32)
            })
            .collect();
        assert_eq!(nfc(&text), reference(&text), "case {case}: {text:?}");
        // What counting asks: the NFC text only when it differs.
        let expected = (!is_nfc(&text)).then(|| reference(&text));
        assert_eq!(changed(&text), expected, "case {case}: {text:?}");
    }
}
