//! The search index kept as bytes: read back, it finds what the index it was made from
//! finds, in the same order, whatever the steps; bytes damaged anywhere are refused, never
//! read into an index that could point outside itself; an index changed since its build is
//! not kept; the kinds read again apart replace the kept ones.

use attache::domain::search::kept::{freeze, thaw, Freezing, Thawing};
use attache::domain::search::{Doc, Index, Kind};

mod domain_support;

/// A document with a handle (kept with it).
fn doc(kind: Kind, id: &str, title: &str, body: &str, at: f64) -> Doc {
    Doc {
        handle: format!("@{id}"),
        ..domain_support::doc(kind, id, title, body, at)
    }
}

/// A few hundred documents of every kind, French and English words, accents, one empty.
fn sample() -> Vec<Doc> {
    let words = [
        "café",
        "Éloïse",
        "rentrée",
        "voisins",
        "winter",
        "opening",
        "hours",
        "Noël",
        "bravo",
        "enfants",
        "salle",
        "réserver",
        "straße",
        "2026",
        "ça",
    ];
    let mut docs = vec![doc(Kind::Strategy, "empty", "", "", 0.0)];
    for n in 0..400usize {
        let kind = Kind::ALL[n % Kind::ALL.len()];
        let title = format!(
            "{} {}",
            words[n % words.len()],
            words[(n * 7) % words.len()]
        );
        let body = (0..n % 9)
            .map(|k| words[(n + k * 3) % words.len()])
            .collect::<Vec<_>>()
            .join(" ");
        docs.push(doc(kind, &format!("d{n}"), &title, &body, n as f64));
    }
    docs
}

fn found(index: &Index, q: &str) -> Vec<(String, u32)> {
    index
        .search(q, 50)
        .into_iter()
        .map(|h| (h.doc.id.clone(), h.score))
        .collect()
}

const QUERIES: [&str; 9] = [
    "cafe",
    "ELOISE",
    "rent",
    "voisins caf",
    "w",
    "noel bravo",
    "2026",
    "ca",
    "nothing",
];

#[test]
fn a_kept_index_read_back_finds_what_the_built_one_finds_in_the_same_order() {
    let built = Index::build(sample());
    let again = thaw(freeze(&built).unwrap()).unwrap();
    assert_eq!(again.len(), built.len());
    for q in QUERIES {
        let expected = found(&built, q);
        assert_eq!(found(&again, q), expected, "{q}");
    }
    assert!(!found(&again, "cafe").is_empty());
    // Its documents whole: title, text, time and handle.
    let d = &again.search("cafe", 1)[0].doc;
    let original = built.search("cafe", 1)[0].doc;
    assert_eq!(d, &original);
}

#[test]
fn steps_of_any_size_write_and_read_the_same_bytes_and_index() {
    let built = Index::build(sample());
    let whole = freeze(&built).unwrap();
    for budget in [1, 3, 64, 1_000] {
        let mut f = Freezing::new(&built).unwrap();
        let mut steps = 1;
        while !f.step(budget) {
            steps += 1;
        }
        assert_eq!(f.bytes(), whole, "budget {budget}");
        let mut t = Thawing::new(whole.clone()).unwrap();
        while !t.step(budget).unwrap() {}
        let again = t.index().unwrap();
        assert_eq!(found(&again, "voisins caf"), found(&built, "voisins caf"));
        if budget == 1 {
            assert!(steps > 400, "{steps} steps of one");
        }
    }
}

#[test]
fn bytes_damaged_anywhere_are_refused_or_read_into_an_index_that_stays_inside_itself() {
    let bytes = freeze(&Index::build(sample())).unwrap();
    // Cut anywhere: always refused.
    for cut in (0..bytes.len()).step_by(97) {
        assert!(thaw(bytes[..cut].to_vec()).is_err(), "cut at {cut}");
    }
    // One more byte: refused.
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(thaw(longer).is_err());
    // A byte changed anywhere: refused, or an index whose searches do not panic.
    let mut refused = 0;
    for at in (0..bytes.len()).step_by(13) {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[at] ^= flip;
            match thaw(b) {
                Err(_) => refused += 1,
                Ok(index) => {
                    for q in QUERIES {
                        let _ = index.search(q, 5);
                    }
                }
            }
        }
    }
    assert!(refused > 0);
    assert!(thaw(b"ATSI".to_vec()).is_err());
    assert!(thaw(vec![]).is_err());
    let mut other = bytes.clone();
    other[4] = 9;
    assert_eq!(thaw(other).err().unwrap().0, "another version");
}

#[test]
fn an_index_changed_since_its_build_is_not_kept() {
    let mut index = Index::build(sample());
    index.put(doc(Kind::Post, "new", "Fête", "", 1.0));
    assert!(freeze(&index).is_none());
    let mut index = Index::build(sample());
    index.remove(Kind::Post, "d2");
    assert!(freeze(&index).is_none());
    assert!(freeze(&Index::build(vec![])).is_some());
    assert_eq!(
        thaw(freeze(&Index::build(vec![])).unwrap()).unwrap().len(),
        0
    );
}

#[test]
fn the_kinds_read_again_replace_the_kept_ones() {
    let mut index = thaw(freeze(&Index::build(sample())).unwrap()).unwrap();
    let posts_before = index
        .search("rentree", 400)
        .iter()
        .filter(|h| h.doc.kind == Kind::Post)
        .count();
    assert!(posts_before > 0);
    index.remove_kinds(&[Kind::Post]);
    index.put(doc(Kind::Post, "d2", "Fête des voisins", "", 9_999.0));
    let posts: Vec<String> = index
        .search("rentree", 400)
        .into_iter()
        .filter(|h| h.doc.kind == Kind::Post)
        .map(|h| h.doc.id.clone())
        .collect();
    assert!(posts.is_empty(), "{posts:?}");
    assert_eq!(
        found(&index, "fete voisins"),
        vec![("d2".to_string(), 12)],
        "the post read again found, once"
    );
    // Members untouched.
    assert!(index
        .search("cafe", 400)
        .iter()
        .any(|h| h.doc.kind == Kind::Member));
}

#[test]
fn the_bytes_are_made_in_room_made_for_them_at_once() {
    let built = Index::build(sample());
    let f = Freezing::new(&built).unwrap();
    let bytes = f.bytes();
    assert_eq!(bytes.capacity(), bytes.len());
}
