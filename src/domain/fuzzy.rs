//! Fuzzy matching for the command palette: the letters typed must appear in the name in
//! order, accents and case aside ("wrpst" finds "Write a post", "reglages" finds "Réglages");
//! names where they sit together, at the start of words, or at the start rank first.

use super::member_merge::fold;
use super::sorting;

/// How well `query` matches `name`; `None` when it does not. Higher is better.
pub fn score(query: &str, name: &str) -> Option<u32> {
    let query: Vec<char> = fold(query).chars().filter(|c| !c.is_whitespace()).collect();
    if query.is_empty() {
        return Some(0);
    }
    let name: Vec<char> = fold(name).chars().collect();
    let mut total = 0u32;
    let mut at = 0usize;
    let mut previous: Option<usize> = None;
    for q in query {
        let found = (at..name.len()).find(|&i| name[i] == q)?;
        total += 1;
        if previous.is_some_and(|p| p + 1 == found) {
            total += 5;
        }
        if found == 0 || !name[found - 1].is_alphanumeric() {
            total += 8;
        }
        if found == 0 {
            total += 4;
        }
        previous = Some(found);
        at = found + 1;
    }
    // Shorter names win a tie: fewer letters left over.
    Some(total * 100 - (name.len().min(99) as u32))
}

/// The indices of `names` that match `query`, best first (ties in the given order).
pub fn rank<S: AsRef<str>>(query: &str, names: &[S]) -> Vec<usize> {
    let mut hits: Vec<(u32, usize)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| score(query, n.as_ref()).map(|s| (s, i)))
        .collect();
    sorting::sort_by(&mut hits[..], |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.into_iter().map(|(_, i)| i).collect()
}
