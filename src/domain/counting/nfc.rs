//! Canonical composition (NFC, Unicode Standard Annex #15) built from the per-character
//! functions of `unicode-normalization`. The crate's own `nfc()` iterator chooses canonical or
//! compatibility decomposition at run time, and its `is_nfc` falls back on `nfc()`, so both
//! link the compatibility tables that NFC never reads (issue 17); these functions link only
//! the canonical ones. `tests/domain_nfc.rs` compares ours with the crate's over generated
//! texts.

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// `text` in NFC when that differs from `text`; `None` when it is NFC already (most text: the
/// quick check answers without composing).
pub fn changed(text: &str) -> Option<String> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return None;
    }
    Some(nfc(text)).filter(|n| n != text)
}

/// `text` in Normalization Form C.
pub fn nfc(text: &str) -> String {
    // 1. Full canonical decomposition.
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        decompose_canonical(c, |d| chars.push(d));
    }
    // 2. Canonical ordering: each run of non-starters sorted by combining class (stable).
    let mut i = 0;
    while i < chars.len() {
        if canonical_combining_class(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && canonical_combining_class(chars[i]) != 0 {
            i += 1;
        }
        crate::domain::sorting::sort_by_key(&mut chars[start..i], |&c| {
            canonical_combining_class(c)
        });
    }
    // 3. Canonical composition: a character joins the last starter unless something between
    //    them blocks it (a character of the same or a higher class, or any starter).
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    // The class of the last character kept after the starter; `None` when it is adjacent.
    let mut last_class: Option<u8> = None;
    for c in chars {
        let class = canonical_combining_class(c);
        if let Some(s) = starter {
            let blocked = matches!(last_class, Some(last) if last == 0 || last >= class);
            if !blocked {
                if let Some(joined) = compose(out[s], c) {
                    out[s] = joined;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out.into_iter().collect()
}
