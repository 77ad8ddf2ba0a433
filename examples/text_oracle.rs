//! Our counting and facet code over texts given on stdin (a JSON array of strings), for the
//! differential test against the networks' own libraries (`tests/differential/`): prints a
//! JSON array with, per text, X's weighted length and where the text passes X's limit,
//! Mastodon's length (default rules, no
//! content warning) and the Bluesky facets (UTF-8 byte ranges, kind, value).
//!
//! `cargo run --example text_oracle < texts.json`

use std::io::Read;

use attache::domain::counting::{count_mastodon, count_x, MastodonRules};
use attache::domain::facets::{detect, FacetKind};
use serde_json::{json, Value};

fn main() {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .expect("texts on stdin");
    let texts: Vec<String> = serde_json::from_str(&input).expect("a JSON array of strings");
    let out: Vec<Value> = texts
        .iter()
        .map(|text| {
            let facets: Vec<Value> = detect(text)
                .into_iter()
                .map(|f| {
                    let (kind, value) = match f.kind {
                        FacetKind::Link { uri } => ("link", uri),
                        FacetKind::Mention { handle } => ("mention", handle),
                        FacetKind::Tag { tag } => ("tag", tag),
                    };
                    json!([f.start, f.end, kind, value])
                })
                .collect();
            let x = count_x(text);
            json!({
                "x": x.used,
                // where X's text starts to be too long, in UTF-16 code units
                "x_over": x.overflow_at.map(|at| text[..at].encode_utf16().count()),
                "mastodon": count_mastodon(text, "", MastodonRules::default()).used,
                "facets": facets,
            })
        })
        .collect();
    println!("{}", Value::Array(out));
}
