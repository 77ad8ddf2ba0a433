//! Telling an emoji grapheme (a whole ZWJ sequence, a flag, a keycap, a skin-toned emoji)
//! from text, by the Unicode blocks that hold pictographs.

fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF      // pictographs, emoticons, transport, symbols, flags (regional indicators)
        | 0x2600..=0x27BF      // miscellaneous symbols, dingbats
        | 0x2300..=0x23FF      // technical (⌚ ⏰ …)
        | 0x2B00..=0x2BFF      // arrows and stars (⭐ ⬛ …)
        | 0x2190..=0x21FF      // arrows (↔ with VS16)
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139)
}

/// True when the grapheme is an emoji presentation: a pictograph (alone or in a sequence),
/// or a character made emoji by U+FE0F or a keycap (U+20E3).
pub fn is_emoji_grapheme(g: &str) -> bool {
    let mut chars = g.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let has_vs16 = g.contains('\u{FE0F}');
    let keycap = g.contains('\u{20E3}');
    if keycap {
        return true;
    }
    let low_symbol = matches!(
        first as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2190..=0x21FF
    );
    if low_symbol {
        return has_vs16;
    }
    is_pictographic(first)
        || g.chars()
            .any(|c| (c as u32) >= 0x1F000 && is_pictographic(c))
}
