//! Splitting a long text into a numbered thread: cut at sentence ends (then at words, then
//! anywhere) so that each segment with its " k/n" number fits the network's limit.

use unicode_segmentation::UnicodeSegmentation;

/// Sentences of `text`, each with its trailing white space (joined back, they give `text`).
fn sentences(text: &str) -> Vec<&str> {
    text.split_sentence_bounds().collect()
}

/// Splits `text` into segments whose weight (by `weigh`, the network's counter) plus the
/// numbering suffix stays within `limit`. Returns the text whole if it already fits.
pub fn split_thread(text: &str, limit: usize, weigh: impl Fn(&str) -> usize) -> Vec<String> {
    let text = text.trim();
    if weigh(text) <= limit {
        return vec![text.to_string()];
    }
    // Reserve room for " k/n"; grow the reserve if the count needs more digits.
    let mut digits = 1;
    loop {
        let reserve = 2 + 2 * digits; // space, slash, and k and n of `digits` digits
        let parts = pack(text, limit.saturating_sub(reserve).max(1), &weigh);
        let n = parts.len();
        if n.to_string().len() <= digits {
            return parts
                .into_iter()
                .enumerate()
                .map(|(i, p)| format!("{p} {}/{n}", i + 1))
                .collect();
        }
        digits += 1;
    }
}

/// Greedy packing of sentences into segments of at most `room`.
fn pack(text: &str, room: usize, weigh: &impl Fn(&str) -> usize) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    let mut current = String::new();
    for piece in sentences(text)
        .into_iter()
        .flat_map(|s| fit_piece(s, room, weigh))
    {
        let candidate = format!("{current}{piece}");
        if weigh(candidate.trim()) <= room {
            current = candidate;
        } else {
            if !current.trim().is_empty() {
                out.push(current.trim().to_string());
            }
            current = piece.trim_start().to_string();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// A sentence too long for one segment is cut at word bounds, and a word too long at graphemes.
fn fit_piece(sentence: &str, room: usize, weigh: &impl Fn(&str) -> usize) -> Vec<String> {
    if weigh(sentence.trim()) <= room {
        return vec![sentence.to_string()];
    }
    let mut out = vec![];
    let mut current = String::new();
    for word in sentence.split_word_bounds() {
        let candidate = format!("{current}{word}");
        if weigh(candidate.trim()) <= room {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if weigh(word.trim()) <= room {
            current = word.to_string();
        } else {
            for g in word.graphemes(true) {
                let candidate = format!("{current}{g}");
                if weigh(&candidate) > room && !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                current.push_str(g);
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}
