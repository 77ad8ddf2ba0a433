//! The app's sorting, compiled once. `slice::sort_by` is compiled anew for every element type
//! and every comparison closure: about 400 functions, 188 KB before wasm-opt, for 48 places
//! that sort; the release wasm lost 103 KB when 37 of them moved here. These functions sort
//! a list of positions with one comparison behind a `dyn` (one copy of the sorting code for
//! the whole app), then move the items into that order. Stable, like `sort_by`. The loops
//! the benchmarks time (levels, gathering, search, grouping, the Inbox's order, the People
//! list) keep the standard sort, where speed matters more.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    {
        let items = &*items;
        sort_positions(&mut order, &mut |a, b| {
            cmp(&items[a as usize], &items[b as usize])
        });
    }
    put_in_order(items, order);
}

/// Sorts `items` by the key `key` gives, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Numbers from lowest to highest (NaN last, as `f64::total_cmp` puts a positive NaN).
pub fn sort_numbers(values: &mut [f64]) {
    sort_by(values, f64::total_cmp);
}

/// The one instance of the standard sort: positions by a comparison of what they point at.
fn sort_positions(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

/// Moves `items` so that position `i` holds what was at `order[i]`, following each cycle of
/// the permutation with swaps (no copy of the items).
fn put_in_order<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32; // done
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}
