//! The app's one sorting routine agrees with the standard library's stable sort: the same
//! order, equal items kept in their order, over many generated lists.

use attache::domain::sorting::{sort, sort_by, sort_by_key, sort_numbers};
use std::cmp::Ordering;

mod domain_support;
use domain_support::Rng;

#[test]
fn sorts_as_the_standard_stable_sort_does_keeping_equal_items_in_order() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for len in 0..300 {
        // few distinct keys, so many ties: the second field tells whether ties kept their order
        let items: Vec<(u8, usize)> = (0..len).map(|i| ((rng.next() % 7) as u8, i)).collect();
        let mut ours = items.clone();
        let mut std = items.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        std.sort_by_key(|a| a.0);
        assert_eq!(ours, std, "length {len}");
        let mut reversed = items.clone();
        sort_by_key(&mut reversed, |x| std::cmp::Reverse(x.0));
        let mut std_reversed = items;
        std_reversed.sort_by_key(|x| std::cmp::Reverse(x.0));
        assert_eq!(reversed, std_reversed, "length {len}, reversed");
    }
}

#[test]
fn sorts_owned_values_moved_along_long_cycles() {
    let mut rng = Rng(42);
    let words: Vec<String> = (0..2_000)
        .map(|_| format!("w{}", rng.next() % 500))
        .collect();
    let mut ours = words.clone();
    sort(&mut ours);
    let mut std = words;
    std.sort();
    assert_eq!(ours, std);
    // already sorted and reversed lists (a single cycle of swaps for the reversal)
    let mut up: Vec<u32> = (0..1_001).collect();
    sort_by(&mut up, |a, b| b.cmp(a));
    assert_eq!(up, (0..1_001).rev().collect::<Vec<_>>());
}

#[test]
fn numbers_sort_lowest_first_with_nan_last() {
    let mut values = vec![3.5, f64::NAN, -1.0, 0.0, 2.0, -0.0, f64::INFINITY];
    sort_numbers(&mut values);
    assert_eq!(values[..6], [-1.0, -0.0, 0.0, 2.0, 3.5, f64::INFINITY]);
    assert_eq!(values[0].total_cmp(&-1.0), Ordering::Equal);
    assert!(values[6].is_nan());
    let mut none: Vec<f64> = vec![];
    sort_numbers(&mut none);
    assert!(none.is_empty());
}
